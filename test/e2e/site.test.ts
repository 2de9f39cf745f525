// `nianbao site` as a portal would run it: the COMPILED command (dist-cli/, no tsx, no vite) on a
// few real reports into a temp folder, served by a plain static server under a sub-path (not
// vite: any host), in headless Chromium. The title is the one given, the quality view lists
// exactly those reports, and each agency's figures equal the numbers read by eye from the report
// (test/fixtures/truth.csv).
import { spawnSync } from 'node:child_process';
import { copyFileSync, createReadStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browser } from './harness';

const ROOT = path.resolve(__dirname, '../..');
// the bundled real reports and the figures read from them by eye, both in the repository
const REPORTS = path.join(ROOT, 'data/reports');
const TRUTH = path.join(ROOT, 'test/fixtures/truth.csv');
const FILES = ['2024_xiangtanxian_zfbgs.txt', '2024_huaian_szf.pdf', '2022_pingtan_zhqsyq.txt'];
const TITLE = '测试门户 <年报>';
const BASE = '/portal/2024/';
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.wasm': 'application/wasm', '.duckdb': 'application/octet-stream', '.csv': 'text/csv; charset=utf-8', '.json': 'application/json',
};

let tmp: string;
let out: string;
let run: ReturnType<typeof spawnSync>;
let server: Server;
let origin: string;
let ctx: BrowserContext;
let page: Page;
const errors: string[] = [];
const requested: string[] = [];

/** A static host: files of `dir` under `base`; `base` without its slash serves index.html too. */
function staticServer(dir: string, base: string): Promise<{ server: Server; origin: string }> {
  const s = createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    requested.push(u.pathname);
    if (!u.pathname.startsWith(base) && u.pathname !== base.slice(0, -1)) { res.writeHead(404).end(); return; }
    const rel = decodeURIComponent(u.pathname.slice(base.length)) || 'index.html';
    const file = path.join(dir, rel);
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) { res.writeHead(404).end(); return; }
    res.writeHead(200, { 'content-type': MIME[path.extname(file)] ?? 'application/octet-stream', 'content-length': statSync(file).size });
    createReadStream(file).pipe(res);
  });
  return new Promise((r) => s.listen(0, '127.0.0.1', () => {
    const a = s.address();
    r({ server: s, origin: `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}` });
  }));
}

const truth = () => new Map(Papa.parse<Record<string, string>>(readFileSync(TRUTH, 'utf8'), { header: true, skipEmptyLines: true }).data.map((r) => [r.file.replace(/^reports\//, ''), r]));

beforeAll(async () => {
  if (!existsSync(path.join(ROOT, 'dist-cli/main.js')) || !existsSync(path.join(ROOT, 'dist-app/index.html'))) {
    throw new Error('dist-cli/ or dist-app/ is missing: run `npm run build:package` first');
  }
  tmp = mkdtempSync(path.join(tmpdir(), 'nianbao-site-'));
  out = path.join(tmp, 'site');
  // a folder of reports, as a portal has them (files named one by one keep the path as given)
  const reports = path.join(tmp, 'reports');
  mkdirSync(reports);
  for (const f of FILES) copyFileSync(path.join(REPORTS, f), path.join(reports, f));
  run = spawnSync(process.execPath, [path.join(ROOT, 'bin/nianbao.js'), 'site', 'reports', '--out', out, '--title', TITLE, '--base', BASE],
    { cwd: tmp, encoding: 'utf8', timeout: 180_000 });
  ({ server, origin } = await staticServer(out, BASE));
  ctx = await browser();
  await ctx.route('**/*', (r) => (r.request().url().startsWith(origin) ? r.continue() : r.abort()));
  page = await ctx.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
});

afterAll(async () => {
  await ctx?.close();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('nianbao site (compiled) on three real reports, served under a sub-path', () => {
  it('exits 0, reports progress, and writes the app with its data', () => {
    expect(run.stderr).not.toMatch(/unexpected error/);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/\[3\/3\] .* ETA/);
    expect(run.stdout).toMatch(/^parse: 3 files → /m);
    expect(run.stdout).toMatch(/^site: wrote /m);
    for (const f of ['index.html', 'nianbao-site.json', 'data/index.duckdb', 'data/nianbao.duckdb', 'data/reports.csv', 'data/facts.csv']) expect(existsSync(path.join(out, f)), f).toBe(true);
    const html = readFileSync(path.join(out, 'index.html'), 'utf8');
    expect(html).toContain('<title>测试门户 &lt;年报&gt;</title>');
    expect(html).toContain(`<base href="${BASE}" />`);
  });

  it('the compiled command imports nothing but Node built-ins, its own chunks and the dependencies', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const deps = Object.keys(pkg.dependencies);
    const dir = path.join(ROOT, 'dist-cli');
    const bare = new Set<string>();
    // synth (scale-test data) is a developer command: its worker threads load tsx on purpose
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.js') && !x.startsWith('synth-'))) {
      const code = readFileSync(path.join(dir, f), 'utf8');
      for (const m of code.matchAll(/(?:^|\n)\s*import\s[^'"]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g)) {
        const id = m[1] ?? m[2];
        if (!id.startsWith('.') && !id.startsWith('node:')) bare.add(id);
      }
    }
    expect(bare.size).toBeGreaterThan(3);
    for (const id of bare) expect(deps.some((d) => id === d || id.startsWith(`${d}/`)), id).toBe(true);
  });

  it('shows the given title (heading and page title), also at the sub-path without its slash', async () => {
    await page.goto(`${origin}${BASE.slice(0, -1)}?anim=0`);
    await page.waitForSelector('body[data-chart="ready"]', { timeout: 90_000 });
    await expect(page.locator('h1').textContent()).resolves.toBe(TITLE);
    await expect(page.title()).resolves.toBe(TITLE);
    // every request stayed under the sub-path (a relative URL resolved against "/portal/2024"
    // would have gone to /portal/assets/…); the wasm is fetched after the first chart (src/main.tsx)
    await expect.poll(() => requested.some((p) => p.endsWith('.wasm')), { timeout: 60_000 }).toBe(true);
    expect(requested.filter((p) => !p.startsWith(BASE.slice(0, -1)))).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('lists exactly the three reports in the quality view', async () => {
    await page.goto(`${origin}${BASE}?anim=0&view=quality`);
    const rows = page.locator('[data-view="quality"] tbody tr');
    await rows.first().waitFor({ timeout: 90_000 });
    await expect(rows.count()).resolves.toBe(FILES.length);
    const text = (await rows.allTextContents()).join('\n');
    for (const f of FILES) expect(text).toContain(f.replace(/\.[^.]+$/, ''));
  });

  it("shows each agency's new requests and reconsiderations as the report prints them", async () => {
    const t = truth();
    const reports = Papa.parse<Record<string, string>>(readFileSync(path.join(out, 'data/reports.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
    expect(reports.map((r) => r.source_file).sort()).toEqual([...FILES].sort());
    for (const r of reports) {
      const want = t.get(r.source_file);
      expect(want, r.source_file).toBeDefined();
      await page.goto(`${origin}${BASE}?anim=0&agency=${encodeURIComponent(r.agency)}`);
      await page.waitForSelector('body[data-chart="ready"]', { timeout: 90_000 });
      const card = (id: string) => page.locator(`[data-testid="card-${id}"]`).textContent();
      await expect(card('new'), r.source_file).resolves.toBe(Number(want!.new_total).toLocaleString('zh-CN'));
      await expect(card('review_total'), r.source_file).resolves.toBe(Number(want!.review_total).toLocaleString('zh-CN'));
    }
    expect(errors).toEqual([]);
  });

  it('cites the portal: its title, the dataset version from the run and its own address', async () => {
    await page.goto(`${origin}${BASE}?anim=0&lang=en&view=glossary`);
    const cite = page.locator('[data-testid="cite"]');
    await cite.waitFor({ timeout: 90_000 });
    const version = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
    await expect(cite.textContent()).resolves.toMatch(new RegExp(`^测试门户 <年报>\\. .*\\(version ${version.replace(/\./g, '\\.')}, generated \\d{4}-\\d\\d-\\d\\d, from 3 report files\\)\\. ${origin}${BASE} \\(accessed`));
  });
});
