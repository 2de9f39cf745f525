// `nianbao site` arguments and the index.html it writes (the full run: test/e2e/site.test.ts).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { outDirProblem, parseSiteArgs, SITE_MARKER, siteHtml } from '../../src/cli/site';
import { parseParseArgs } from '../../src/cli/parse-command';

const INDEX = readFileSync(path.resolve(__dirname, '../../index.html'), 'utf8');

describe('parseSiteArgs', () => {
  it('reads inputs, title and base, and passes parse options through', () => {
    expect(parseSiteArgs(['r', 'more', '--out', 'o', '--title=年报 2024', '--base', '/p/x', '--jobs', '2', '--quiet'])).toEqual({
      inputs: ['r', 'more'], out: 'o', title: '年报 2024', base: '/p/x/', passThrough: ['--jobs', '2', '--quiet'], quiet: true,
    });
    expect(parseSiteArgs(['r', '--out', 'o', '--help'])).toBe('help');
  });
  it('returns a message for bad usage', () => {
    expect(parseSiteArgs(['r'])).toMatch(/--out/);
    expect(parseSiteArgs(['--out', 'o'])).toMatch(/no input/);
    expect(parseSiteArgs(['r', '--out', 'o', '--base', 'https://elsewhere.example/'])).toMatch(/--base needs a path/);
    expect(parseSiteArgs(['r', '--out', 'o', '--title', ' '])).toMatch(/--title/);
    expect(parseSiteArgs(['r', '--out', 'o', '--tilte', 'x'])).toBe('unknown option --tilte');
    expect(parseSiteArgs(['r', '--out'])).toBe('--out needs a value');
  });
  it('parse and site share the parser (node:util parseArgs)', () => {
    expect(parseParseArgs(['a', '--out', 'o', '--frobnicate'])).toBe('unknown option --frobnicate');
  });
});

describe('siteHtml', () => {
  it('writes the title escaped into <title> and the meta the app reads', () => {
    const html = siteHtml(INDEX, { title: '<script>alert(1)</script> & "年报"', base: null });
    expect(html).toContain('<title>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;年报&quot;</title>');
    expect(html).toContain('<meta name="nianbao:title" content="&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;年报&quot;" />');
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<base');
  });
  it('puts <base href> right after the charset, before any URL', () => {
    const html = siteHtml(INDEX, { title: null, base: '/portal/' });
    expect(html).toMatch(/<meta charset="UTF-8" \/>\n\s*<base href="\/portal\/" \/>/);
    expect(html.indexOf('<base')).toBeLessThan(html.indexOf('src='));
    expect(html).toContain('<title>年报 · Nianbao</title>');
  });
});

describe('outDirProblem', () => {
  it('takes a new, an empty or an earlier site folder and refuses any other', () => {
    const tmp = mkdtempSync(path.join(tmpdir(), 'nianbao-site-out-'));
    try {
      expect(outDirProblem(path.join(tmp, 'new'))).toBeNull();
      mkdirSync(path.join(tmp, 'empty'));
      writeFileSync(path.join(tmp, 'empty', '.DS_Store'), '');
      expect(outDirProblem(path.join(tmp, 'empty'))).toBeNull();
      mkdirSync(path.join(tmp, 'repo'));
      writeFileSync(path.join(tmp, 'repo', 'index.html'), '<!doctype html>');
      expect(outDirProblem(path.join(tmp, 'repo'))).toMatch(/not empty and is not a folder written by nianbao site/);
      writeFileSync(path.join(tmp, 'repo', SITE_MARKER), '{}');
      expect(outDirProblem(path.join(tmp, 'repo'))).toBeNull();
      expect(outDirProblem(path.join(tmp, 'repo', 'index.html'))).toMatch(/is a file/);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
