// Dashboard scale benchmark on SYNTHETIC data: for 1k, 10k and 150k agencies × 7 years, generate
// the dataset (src/cli/synth.ts), build the bench page once (bench/scale-dashboard-page/: the same
// duckdb-wasm loading path and src/data/queries builders as the dashboard), serve it over loopback,
// open it in headless Chromium with a fresh profile, and print:
//   - generation time and nianbao.duckdb size (raw and gzip -6),
//   - cold time to first view (navigation → the 4 first-view queries done), and its parts,
//   - bytes transferred before the first view (Resource Timing),
//   - p50/p95 latency of a filter change until all 4 first-view queries have returned,
//   - duckdb_memory() and the RSS of all browser processes.
// Query layer only: no chart is drawn (the UI did not exist when this was written) — see
// docs/performance.md. Usage:
//   npx tsx bench/scale-dashboard.ts [--scales 1000,10000,150000] [--changes 40] [--regen]
import { createReadStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { DuckDBInstance } from '@duckdb/node-api';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { writeSynthetic } from '../src/cli/synth';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name: string, dflt: string) => { const i = process.argv.indexOf(`--${name}`); return i >= 0 ? process.argv[i + 1] : dflt; };
const scales = arg('scales', '1000,10000,150000').split(',').map(Number);
const changes = Number(arg('changes', '40'));
const regen = process.argv.includes('--regen');
const YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025];

const pageDir = path.join(root, 'bench', 'scale-dashboard-page');
const distDir = path.join(root, 'bench', 'out', 'scale-dashboard-dist');

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.duckdb': 'application/octet-stream' };

function serve(dataFile: string): Promise<{ url: string; close: () => void }> {
  const server = http.createServer((req, res) => {
    const p = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = p === '/data/nianbao.duckdb' ? dataFile : path.join(distDir, p === '/' ? 'index.html' : path.normalize(p).replace(/^([/\\])+/, ''));
    if (!file.startsWith(distDir) && file !== dataFile) { res.writeHead(403).end(); return; }
    if (!existsSync(file) || !statSync(file).isFile()) { res.writeHead(404).end(); return; }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'content-length': statSync(file).size, 'cache-control': 'no-store' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const { port } = server.address() as { port: number };
    resolve({ url: `http://127.0.0.1:${port}/`, close: () => server.close() });
  }));
}

/** Sum of VmRSS of every process whose command line names the profile dir (the browser's tree). */
function browserRss(profile: string): number {
  let kb = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(profile)) continue;
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) kb += Number(m[1]);
    } catch { /* process ended */ }
  }
  return kb * 1024;
}

/**
 * The file the first view needs: `metrics` + `meta` only (the dashboard's first panels read nothing
 * else). At 150k agencies the full nianbao.duckdb (facts and checks for the detail sample, reports,
 * findings) is ~590 MB, too much to ship to a browser; metrics alone is the honest lower bound.
 * Rows sorted by year and region so DuckDB's zone maps can skip row groups on those filters.
 */
async function firstViewFile(full: string): Promise<string> {
  const out = path.join(path.dirname(full), 'first-view.duckdb');
  if (existsSync(out) && statSync(out).mtimeMs > statSync(full).mtimeMs) return out;
  rmSync(out, { force: true });
  const inst = await DuckDBInstance.create(':memory:');
  const con = await inst.connect();
  const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
  await con.run(`ATTACH ${q(full)} AS s (READ_ONLY)`);
  await con.run(`ATTACH ${q(out)} AS o`);
  await con.run(`CREATE TABLE o.metrics AS SELECT * FROM s.metrics ORDER BY year, region_code, agency`);
  await con.run(`CREATE TABLE o.meta AS SELECT * FROM s.meta`);
  await con.run(`DETACH o`);
  con.closeSync();
  inst.closeSync();
  return out;
}

const pct = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]; };
const mb = (b: number) => (b / 1e6).toFixed(1);

// filter changes a user makes: province, city, level, year range, and combinations
const PROVINCES = ['11', '31', '43', '44', '51', '32', '33', '41', '37', '42', '65', '54'];
function selections(n: number): { sel: Record<string, unknown>; year: number }[] {
  const out: { sel: Record<string, unknown>; year: number }[] = [];
  for (let i = 0; i < n; i++) {
    const p = PROVINCES[i % PROVINCES.length];
    const kind = i % 5;
    const sel = kind === 0 ? { region: p } : kind === 1 ? { region: p, levels: ['county'] } : kind === 2 ? { levels: ['department'], years: [2021, 2025] }
      : kind === 3 ? { region: p, years: [2019, 2022] } : { region: p + '01', excludeFailing: true };
    out.push({ sel, year: 2025 - (i % 3) });
  }
  return out;
}

async function main(): Promise<void> {
  console.log(`machine: ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}; SYNTHETIC data`);
  const tb = performance.now();
  await build({ root: pageDir, base: './', configFile: false, logLevel: 'warn', build: { outDir: distDir, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 4000 } });
  console.log(`bench page built in ${((performance.now() - tb) / 1000).toFixed(1)} s`);
  const results: string[] = [];
  for (const n of scales) {
    const dir = path.join(root, 'synthetic', String(n >= 1000 ? `${n / 1000}k` : n));
    const dbFile = path.join(dir, 'nianbao.duckdb');
    let gen = 'reused';
    if (regen || !existsSync(dbFile)) {
      const s = await writeSynthetic({ agencies: n, years: YEARS, seed: '1', out: dir, detailAgencies: Math.min(n, 20_000), batch: 500 });
      gen = `${((s.generateMs + s.duckdbMs) / 1000).toFixed(0)} s (${s.reports} reports, ${s.facts} facts)`;
    }
    const fullSize = statSync(dbFile).size;
    const served = n >= 50_000 ? await firstViewFile(dbFile) : dbFile;
    const raw = statSync(served).size;
    const gz = gzipSync(readFileSync(served), { level: 6 }).length;
    const fileNote = served === dbFile ? 'nianbao.duckdb' : `first-view.duckdb (full nianbao.duckdb ${mb(fullSize)} MB)`;
    const { url, close } = await serve(served);
    const profile = mkdtempSync(path.join(os.tmpdir(), 'nianbao-bench-'));
    const ctx = await chromium.launchPersistentContext(profile, {
      executablePath: '/usr/bin/chromium', headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    });
    try {
      const page = ctx.pages()[0] ?? (await ctx.newPage());
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      // every response body (page, worker, wasm, data) until the first view is ready; Resource
      // Timing in the page would miss the wasm, which the worker fetches
      let bytes = 0;
      let ready = false;
      ctx.on('requestfinished', (r) => { void r.sizes().then((s) => { if (!ready) bytes += s.responseBodySize + s.responseHeadersSize; }).catch(() => {}); });
      const t0 = Date.now();
      await page.goto(url);
      await page.waitForSelector('body[data-ready]', { timeout: 600_000 });
      const wall = Date.now() - t0;
      await new Promise((r) => setTimeout(r, 200)); // let the last sizes() promises settle
      ready = true;
      const b = await page.evaluate(() => ({ marks: window.__bench.marks, rows: window.__bench.rows, error: window.__bench.error }));
      if (b.error || errors.length) throw new Error(`page failed: ${b.error ?? errors.join('; ')}`);
      const lat: number[] = [];
      const parts: Record<string, number[]> = {};
      for (const { sel, year } of selections(changes)) {
        const v = await page.evaluate(([s, y]) => window.__bench.view(s as never, y as number), [sel, year] as const);
        lat.push(v.total);
        for (const [k, ms] of Object.entries(v.parts)) (parts[k] ??= []).push(ms);
      }
      console.log(`  ${n}: per query p50/p95 ms: ${Object.entries(parts).map(([k, xs]) => `${k} ${pct(xs, 0.5).toFixed(0)}/${pct(xs, 0.95).toFixed(0)}`).join(', ')}`);
      const mem = await page.evaluate(() => window.__bench.memory());
      const rss = browserRss(profile);
      const m = b.marks;
      const line = `| ${n.toLocaleString('en')} × 7 | ${gen} | ${fileNote}: ${mb(raw)} / ${mb(gz)} | ${(m['first-view'] / 1000).toFixed(2)} s (duckdb ${(m.duckdb / 1000).toFixed(2)}, fetch ${((m.fetched - m.duckdb) / 1000).toFixed(2)}, attach ${((m.attached - m.fetched) / 1000).toFixed(2)}, queries ${((m['first-view'] - m.attached) / 1000).toFixed(2)}) | ${(wall / 1000).toFixed(2)} s | ${mb(bytes)} | ${pct(lat, 0.5).toFixed(0)} / ${pct(lat, 0.95).toFixed(0)} / ${Math.max(...lat).toFixed(0)} ms | ${mb(mem)} MB | ${mb(rss)} MB |`;
      console.log(line);
      results.push(line);
    } finally {
      await ctx.close();
      close();
      rmSync(profile, { recursive: true, force: true });
    }
  }
  console.log('\n| agencies × years | generate | served file: raw / gz MB | cold first view (navigation → 4 queries done) | page.goto → ready | MB transferred before first view | filter change p50 / p95 / max (n=' + changes + ') | duckdb_memory() | browser RSS |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const r of results) console.log(r);
}

main().catch((e) => { console.error(e); process.exit(1); });
