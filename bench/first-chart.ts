// First-chart benchmark: builds the app, serves it over loopback, opens it in headless Chromium and
// prints time to first chart (cold fresh profile, then warm reload), DuckDB instantiation, the first
// query, and transfer sizes (JS, wasm, data; raw and gzip; the JS the page requested before its
// first chart). Uses the app's performance marks (src/main.tsx, src/ui/App.tsx, src/ui/EChart.tsx).
// Targets: first chart < 1.2 s cold, < 0.3 s warm; JS without wasm < 400 kB gzip.
// Paired ratio (issue 11): each run also opens, in its own fresh profile, a bare page that only
// starts the same duckdb-wasm bundle (bench/bare-page); the first chart, drawn from the build-time
// snapshot (src/state/snapshot.ts), must come at ≤ 0.5 × that start. Warm: a reload in the same
// profile (HTTP cache and, when registered, the service worker).
// Usage: npx tsx bench/first-chart.ts [runs=3]   (uses public/data if `npm run data` made it,
// otherwise test/fixtures/dataset-small)
// A/B on a shared machine: FIRST_CHART_KEEP=1 prints the folder it built and served (kept); then
// FIRST_CHART_DIST=<that folder> serves it again without building, so two builds (before/after a
// change) can be measured in alternating runs under the same load.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import type { Page } from 'playwright-core';
import { browser, buildApp, closeServer, serve } from '../test/e2e/harness';

const RUNS = Number(process.argv[2] ?? 3);
const MARKS = ['nb:start', 'nb:ui-loaded', 'nb:duckdb-start', 'nb:duckdb-ready', 'nb:data-ready', 'nb:first-query-start', 'nb:first-query-end', 'nb:view-query-start', 'nb:view-query-end', 'nb:first-chart'] as const;
type Marks = Record<(typeof MARKS)[number], number | null>;

/** Polls `done` in the page until true (60 s at most). Not waitForSelector/waitForFunction: those
 * inject Playwright's selector engine, a ~30 ms script run on the page's main thread in the middle
 * of the load being timed (seen in a trace) — a cost no visitor's browser has. */
async function settled(page: Page, done: () => boolean): Promise<void> {
  for (const end = Date.now() + 60_000; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) {
    if (await page.evaluate(done)) return;
  }
  throw new Error('first-chart: the page did not finish loading in 60 s');
}

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`;

function sizes(dir: string): { kind: string; raw: number; gz: number; files: number }[] {
  const rows = new Map<string, { raw: number; gz: number; files: number }>();
  const add = (kind: string, file: string) => {
    const buf = readFileSync(file);
    const r = rows.get(kind) ?? { raw: 0, gz: 0, files: 0 };
    r.raw += buf.length; r.gz += gzipSync(buf, { level: 6 }).length; r.files += 1;
    rows.set(kind, r);
  };
  const assets = path.join(dir, 'assets');
  for (const f of readdirSync(assets)) {
    const p = path.join(assets, f);
    // A modern browser fetches the eh bundle only; mvp is deployed for old browsers.
    if (f.endsWith('.wasm')) { if (f.includes('-eh')) add('wasm (eh, fetched)', p); }
    else if (f.includes('.worker')) { if (f.includes('-eh')) add('duckdb worker JS (eh)', p); }
    // fetched only when the user imports files (view 'import'), never on first load
    else if (f.startsWith('import-worker')) add('import worker JS (on demand)', p);
    // pdf.js and the PDF front end are dynamic imports of src/parse/parse-report.ts, reached only
    // from the import worker: a first load never requests them (checked with the page's requests)
    else if (/^(pdf|extract)-.*\.js$|^pdf\.worker/.test(f)) add('PDF parser JS (on demand, import only)', p);
    else if (f.endsWith('.js')) add('app JS (without wasm/worker)', p);
    else if (f.endsWith('.css')) add('CSS', p);
  }
  add('HTML', path.join(dir, 'index.html'));
  if (existsSync(path.join(dir, 'data', 'snapshot.json'))) add('data (snapshot.json: first views, before DuckDB)', path.join(dir, 'data', 'snapshot.json'));
  add('data (index.duckdb: meta + cube, loaded first)', path.join(dir, 'data', 'index.duckdb'));
  const detail = path.join(dir, 'data', 'detail');
  if (existsSync(detail)) for (const f of readdirSync(detail)) add('data (detail/*.duckdb, after the first view)', path.join(detail, f));
  return [...rows].map(([kind, r]) => ({ kind, ...r }));
}

async function main(): Promise<void> {
  // the harness removes its temp folders (the build, the profiles) at exit, except a kept build
  if (process.env.FIRST_CHART_KEEP) process.env.NIANBAO_KEEP_TMP = '1';
  const given = process.env.FIRST_CHART_DIST;
  const dist = given ?? await buildApp({ keepData: true });
  if (process.env.FIRST_CHART_KEEP) console.log(`served: ${dist}`);
  // the bare page, built into the same served folder (its own copy of the same wasm)
  if (!given || !existsSync(path.join(dist, 'bare', 'index.html'))) await build({ root: path.resolve('bench/bare-page'), base: './', logLevel: 'warn', configFile: false, optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] }, build: { outDir: path.join(dist, 'bare'), emptyOutDir: true } });
  const { server, url } = await serve(dist);
  const cold: Marks[] = [];
  const warm: Marks[] = [];
  const bare: number[] = [];
  let firstJs: Set<string> | null = null;
  try {
    for (let i = 0; i < RUNS; i++) {
      // alternate which goes first, so neither always gets the quieter machine
      const bareRun = async () => {
        const bctx = await browser();
        const bp = bctx.pages()[0] ?? await bctx.newPage();
        await bp.goto(`${url}bare/`);
        await settled(bp, () => document.body?.dataset.ready === '1');
        bare.push(await bp.evaluate(() => performance.getEntriesByName('nb:duckdb-ready')[0]?.startTime ?? NaN));
        await bctx.close();
      };
      if (i % 2 === 1) await bareRun();
      const ctx = await browser({ serviceWorkers: 'allow' });
      const page = ctx.pages()[0] ?? await ctx.newPage();
      const read = async (): Promise<Marks> => {
        await settled(page, () => document.body?.dataset.chart === 'ready');
        // the first chart may come from the snapshot, before DuckDB: wait for it too, for its marks
        await settled(page, () => performance.getEntriesByName('nb:first-query-end').length > 0);
        return page.evaluate((names) => Object.fromEntries(names.map((n) => [n, performance.getEntriesByName(n)[0]?.startTime ?? null])), [...MARKS]) as Promise<Marks>;
      };
      await page.goto(`${url}?anim=0`);
      cold.push(await read());
      // the JS files the page had requested when the first chart was drawn (its path): those of
      // every cold run (a run whose DuckDB started early, e.g. on a slow machine, adds none)
      const asked = new Set(await page.evaluate(() => {
        const at = performance.getEntriesByName('nb:first-chart')[0]?.startTime ?? Infinity;
        return performance.getEntriesByType('resource').filter((r) => r.startTime < at && /\.js$/.test(r.name)).map((r) => new URL(r.name).pathname.replace(/.*\/assets\//, ''));
      }));
      if (firstJs === null) firstJs = asked;
      else for (const f of firstJs) if (!asked.has(f)) firstJs.delete(f);
      // warm: the app has been used once (the service worker, if any, has installed)
      await page.waitForTimeout(1500);
      await page.reload();
      warm.push(await read());
      await page.reload();
      warm.push(await read());
      await ctx.close();
      if (i % 2 === 0) await bareRun();
    }
  } finally {
    await closeServer(server);
  }
  const row = (label: string, ms: Marks[], f: (m: Marks) => number | null) => {
    const v = ms.map(f).filter((x): x is number => x !== null);
    console.log(`${label.padEnd(44)} ${v.length ? `${Math.round(median(v))} ms` : 'n/a'}  (runs: ${v.map(Math.round).join(', ')})`);
  };
  const since = (a: keyof Marks, b: keyof Marks) => (m: Marks) => (m[a] !== null && m[b] !== null ? (m[b] as number) - (m[a] as number) : null);
  console.log(`first-chart benchmark, ${RUNS} runs each, median; index.duckdb ${kB(statSync(path.join(dist, 'data', 'index.duckdb')).size)}`);
  row('cold: first chart (from navigation start)', cold, (m) => m['nb:first-chart']);
  const firsts = cold.map((m) => m['nb:first-chart'] ?? NaN);
  const ratios = firsts.map((f, i) => f / bare[i]);
  console.log(`${'cold: bare page, duckdb-wasm instantiated'.padEnd(44)} ${Math.round(median(bare))} ms  (runs: ${bare.map(Math.round).join(', ')})`);
  console.log(`${'cold: paired ratio first chart / bare start'.padEnd(44)} ${median(ratios).toFixed(2)}  (runs: ${ratios.map((r) => r.toFixed(2)).join(', ')}; target ≤ 0.5)`);
  row('cold: DuckDB instantiated (from app start)', cold, since('nb:start', 'nb:duckdb-ready'));
  row('cold: data attached (from app start)', cold, since('nb:start', 'nb:data-ready'));
  row('cold: first query', cold, since('nb:first-query-start', 'nb:first-query-end'));
  row('cold: first view query (overview)', cold, since('nb:view-query-start', 'nb:view-query-end'));
  row('cold: render after view query', cold, since('nb:view-query-end', 'nb:first-chart'));
  row('cold: navigation start → app start', cold, (m) => m['nb:start']);
  row('cold: UI chunk loaded (from app start)', cold, since('nb:start', 'nb:ui-loaded'));
  row('cold: DuckDB start (from app start)', cold, since('nb:start', 'nb:duckdb-start'));
  row('warm reload: first chart (from navigation)', warm, (m) => m['nb:first-chart']);
  row('warm reload: navigation start → app start', warm, (m) => m['nb:start']);
  row('warm reload: UI chunk loaded (from app start)', warm, since('nb:start', 'nb:ui-loaded'));
  row('warm reload: DuckDB start (from app start)', warm, since('nb:start', 'nb:duckdb-start'));
  row('warm reload: DuckDB instantiated', warm, since('nb:start', 'nb:duckdb-ready'));
  row('warm reload: first query', warm, since('nb:first-query-start', 'nb:first-query-end'));
  console.log('\ntransfer (files a modern browser fetches):');
  const firstFiles = [...(firstJs ?? [])];
  const first = firstFiles.map((f) => readFileSync(path.join(dist, 'assets', f))).reduce((a, b) => ({ raw: a.raw + b.length, gz: a.gz + gzipSync(b, { level: 6 }).length }), { raw: 0, gz: 0 });
  console.log(`${'JS before the first chart'.padEnd(30)} raw ${kB(first.raw).padStart(12)}   gzip ${kB(first.gz).padStart(12)}   (${firstFiles.length} files: ${firstFiles.sort().join(', ')})`);
  for (const s of sizes(dist)) console.log(`${s.kind.padEnd(30)} raw ${kB(s.raw).padStart(12)}   gzip ${kB(s.gz).padStart(12)}   (${s.files} file${s.files > 1 ? 's' : ''})`);
}

main().catch((e) => { console.error(e); process.exit(1); });
