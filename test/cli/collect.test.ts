import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeText, parseFile } from '../../src/cli/parse-file';
import { collectJobs, parseParseArgs } from '../../src/cli/parse-command';

const tmp = mkdtempSync(path.join(tmpdir(), 'nianbao-collect-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('collectJobs', () => {
  it('recurses into folders in a stable order, takes report extensions only, skips hidden entries, and keeps ids unique', () => {
    const root = path.join(tmp, 'in');
    for (const d of ['a', 'b', '.git']) mkdirSync(path.join(root, d), { recursive: true });
    for (const f of ['a/x.txt', 'b/x.html', 'b/y.PDF', 'b/z.doc', '.git/h.txt', 'b/.hidden.txt', 'top.md']) writeFileSync(path.join(root, f), 'x');
    const jobs = collectJobs([root, path.join(tmp, 'missing.txt')]);
    expect(jobs.map((j) => [j.sourceFile, j.reportId])).toEqual([
      ['a/x.txt', 'a/x'], ['b/x.html', 'b/x'], ['b/y.PDF', 'y'], ['top.md', 'top'],
      [path.join(tmp, 'missing.txt').split(path.sep).join('/'), 'missing'],
    ]);
  });
});

describe('parseParseArgs', () => {
  it('reads inputs and options, in both --opt v and --opt=v forms', () => {
    expect(parseParseArgs(['a', 'b', '--out=o', '--jobs', '3', '--quiet', '--manifest', 'm.csv'])).toMatchObject({ inputs: ['a', 'b'], out: 'o', jobs: 3, quiet: true, manifest: 'm.csv', manifests: ['m.csv'] });
  });
  it('returns a message for bad usage instead of throwing', () => {
    expect(parseParseArgs(['a'])).toMatch(/--out/);
    expect(parseParseArgs(['--out', 'o'])).toMatch(/no input/);
    expect(parseParseArgs(['a', '--out', 'o', '--jobs', 'two'])).toMatch(/--jobs/);
    expect(parseParseArgs(['a', '--out'])).toMatch(/--out needs/);
  });
});

describe('parseFile and decodeText', () => {
  it('decodes GB18030 text that is not valid UTF-8', () => {
    const gbk = new Uint8Array([0xd5, 0xfe, 0xb8, 0xae, 0xd0, 0xc5, 0xcf, 0xa2, 0xb9, 0xab, 0xbf, 0xaa]); // 政府信息公开
    expect(decodeText(gbk)).toBe('政府信息公开');
  });
  it('calls bytes with NUL or mostly control characters not text', () => {
    expect(decodeText(new Uint8Array([0x41, 0, 0x42]))).toBeNull();
    expect(decodeText(new Uint8Array(Array.from({ length: 100 }, () => 0x01)))).toBeNull();
  });
  it('parses a real report given by path, and fails a whitespace-only file with a reason', async () => {
    const real = await parseFile({ path: path.resolve(__dirname, '../../data/reports/2024_xiangtanxian_zfbgs.txt'), sourceFile: 'x.txt', reportId: 'x' });
    // its only finding: the prose says 收到依申请公开请求0条 while table 3 prints 33 (src/dataset/prose.ts)
    expect(real.status).toBe('findings');
    expect(real.findings.map((f) => String(f.code))).toEqual(['prose-table-mismatch']);
    expect(real.report.region.code).toBe('430321');
    writeFileSync(path.join(tmp, 'blank.txt'), ' \n\t\n');
    const blank = await parseFile({ path: path.join(tmp, 'blank.txt'), sourceFile: 'blank.txt', reportId: 'blank' });
    expect(blank.status).toBe('failed');
    expect(blank.findings[0].code).toBe('unsupported-input');
  });
});
