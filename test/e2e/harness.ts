// Shared e2e setup: a production build of the app in a temp dir with a known dataset
// (test/fixtures/dataset-small written as data/nianbao.duckdb and cut into the dashboard's
// index.duckdb + detail/ — real 湘潭县 2024 cells plus the hostile agency name), or with the real
// bundled data (`npm run data` → public/data), served by `vite preview`, driven by Debian's
// headless Chromium. Inside a vitest run the build and the small-data copy come from
// test/e2e/global-setup.ts (once per run); outside it (bench/, screenshots.ts) they are made here.
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { createNodeRunner, loadCsvDataset, SMALL_DATASET_DIR } from '../helpers/duckdb-node';
import { str } from '../../src/data/sql';
import { writeDashboardFiles } from '../../src/cli/dashboard-files';

export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self' data: blob:";
export const CHROME_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** Write a dataset folder of CSVs as a .duckdb file with the tables the app attaches. */
export async function writeDuckDb(csvDir: string, file: string): Promise<void> {
  const w = await createNodeRunner();
  await loadCsvDataset(w, csvDir);
  await w.run(`ATTACH ${str(file)} AS out`);
  for (const t of ['reports', 'facts', 'findings', 'checks', 'meta', 'metrics']) await w.run(`CREATE TABLE out.${t} AS SELECT * FROM ${t}`);
  await w.run('DETACH out');
  w.close();
}

/** What test/e2e/global-setup.ts provides, when inside a vitest run that ran it. */
async function provided(key: 'nianbaoBuild' | 'nianbaoSmall' | 'nianbaoTmp'): Promise<string | undefined> {
  try {
    const { inject } = await import('vitest');
    return inject(key);
  } catch { return undefined; /* not inside a vitest run */ }
}

/**
 * A fresh temp folder: inside a vitest run, below the run's own folder (global-setup removes it
 * at the end, with every copy of the build and Chromium profile in it); outside, in the OS temp
 * folder, below one folder for the process. Copies left in the OS temp folder by every run filled
 * a disk over many runs, and Chromium then refused the service worker's precache.
 */
export async function tempDir(prefix: string): Promise<string> {
  return mkdtempSync(path.join((await provided('nianbaoTmp')) ?? ownRunDir(), prefix));
}

let ownRun: string | null = null;
/** Outside vitest (bench/, the screenshots): one folder for the process, removed when it exits
 * unless NIANBAO_KEEP_TMP is set (bench/first-chart.ts FIRST_CHART_KEEP serves a build again). */
function ownRunDir(): string {
  if (ownRun) return ownRun;
  const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-run-'));
  ownRun = dir;
  if (!process.env.NIANBAO_KEEP_TMP) process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** The run's one build (test/e2e/global-setup.ts), or a build of our own outside vitest
 * (test/e2e/screenshots.ts, bench/). */
async function sharedBuild(): Promise<string> {
  const dir = await provided('nianbaoBuild');
  if (dir && existsSync(dir)) return dir;
  const outDir = await tempDir('nianbao-build-');
  await build({ logLevel: 'warn', mode: 'production', build: { outDir, emptyOutDir: true } });
  return outDir;
}

/** A copy of `build` with dataset-small in its data/ folder (below `parent` if given): written once per run by global-setup. */
export async function writeSmallData(build: string, parent?: string): Promise<string> {
  const outDir = parent ? mkdtempSync(path.join(parent, 'small-')) : await tempDir('nianbao-small-');
  cpSync(build, outDir, { recursive: true });
  const data = path.join(outDir, 'data');
  if (!existsSync(data)) mkdirSync(data);
  // whatever `npm run data` put in public/data is replaced: the tests need known numbers
  rmSync(path.join(data, 'nianbao.duckdb'), { force: true });
  await writeDuckDb(SMALL_DATASET_DIR, path.join(data, 'nianbao.duckdb'));
  await writeDashboardFiles(path.join(data, 'nianbao.duckdb'), data);
  for (const f of readdirSync(SMALL_DATASET_DIR)) if (f.endsWith('.csv')) copyFileSync(path.join(SMALL_DATASET_DIR, f), path.join(data, f));
  return outDir;
}

/** A copy of the built app in a temp dir (the file may change it) with dataset-small in its data/
 * folder, unless `keepData` and public/data already has a dataset, e.g. from `npm run data`. */
export async function buildApp(opts: { keepData?: boolean } = {}): Promise<string> {
  const built = await sharedBuild();
  const withData = opts.keepData && existsSync(path.join(built, 'data', 'index.duckdb'));
  const small = withData ? undefined : await provided('nianbaoSmall');
  const from = withData ? built : small && existsSync(small) ? small : await writeSmallData(built);
  const outDir = await tempDir('nianbao-dist-');
  cpSync(from, outDir, { recursive: true });
  return outDir;
}

export async function serve(outDir: string, opts: { base?: string; headers?: Record<string, string> } = {}): Promise<{ server: PreviewServer; url: string }> {
  const server = await preview({ logLevel: 'warn', base: opts.base ?? './', build: { outDir }, preview: { port: 0, host: '127.0.0.1', strictPort: false, headers: opts.headers } });
  const url = server.resolvedUrls!.local[0];
  return { server, url };
}

/** A fresh browser profile (nothing cached, no cookies). `serviceWorkers: 'block'` (default):
 * page.route cannot see requests a service worker answers from its cache, so tests that fake or
 * hold data files run without one; the offline test and the benchmark's warm reloads allow it.
 * Not one shared Chromium for the run (launchServer + connect): measured, it saves under 1 s per
 * file (launch 1.5–1.8 s vs connect 0.75–0.9 s on this machine), and a connected browser gives no
 * download.path(), which the download tests read. */
export async function browser(opts: { serviceWorkers?: 'allow' | 'block' } = {}): Promise<BrowserContext> {
  return chromium.launchPersistentContext(await tempDir('nianbao-chrome-'), {
    executablePath: '/usr/bin/chromium', headless: true, acceptDownloads: true, args: CHROME_ARGS,
    serviceWorkers: opts.serviceWorkers ?? 'block',
    viewport: { width: 1280, height: 800 },
  });
}

export function closeServer(server: PreviewServer | undefined): Promise<void> {
  return new Promise<void>((r) => (server ? server.httpServer.close(() => r()) : r()));
}

/** The bundled real data, as `npm run data` writes it (npm run test:e2e runs that first). */
export const REAL_DATA = path.resolve('public/data/nianbao.duckdb');

export interface App {
  /** this file's copy of the build */
  dist: string;
  server: PreviewServer;
  url: string;
  ctx: BrowserContext;
  /** the first page, its `pageerror`s (and with `consoleErrors` its console errors) in `errors` */
  page: Page;
  errors: string[];
  close(): Promise<void>;
}

/** The setup most e2e files share: a copy of the build with dataset-small (or, `realData`, the
 * bundled data of `npm run data`), served (with `headers`, e.g. the CSP), and a fresh browser
 * context from which no request may leave the origin (offline promise: no CDN) with one page. */
export async function startApp(opts: {
  realData?: boolean; headers?: Record<string, string>; consoleErrors?: boolean;
  /** writes a dataset of the test's own into the (emptied) data/ folder instead */
  data?: (dir: string) => Promise<void>;
} = {}): Promise<App> {
  if (opts.realData && !existsSync(REAL_DATA)) throw new Error(`${REAL_DATA} is missing: run \`npm run data\` first (npm run test:e2e does)`);
  const dist = await buildApp({ keepData: opts.realData });
  if (opts.data) {
    rmSync(path.join(dist, 'data'), { recursive: true, force: true });
    await opts.data(path.join(dist, 'data'));
  }
  const { server, url } = await serve(dist, { headers: opts.headers });
  const ctx = await browser();
  await ctx.route('**/*', (r) => (r.request().url().startsWith(url) ? r.continue() : r.abort()));
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  if (opts.consoleErrors) page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  return { dist, server, url, ctx, page, errors, async close() { await ctx.close(); await closeServer(server); } };
}
