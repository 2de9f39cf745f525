// Shared e2e setup: a production build of the app in a temp dir with a known dataset
// (test/fixtures/dataset-small written as data/nianbao.duckdb and cut into the dashboard's
// index.duckdb + detail/ — real 湘潭县 2024 cells plus the hostile agency name), served by `vite preview`, driven by Debian's headless Chromium.
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
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

/** The run's one build (test/e2e/global-setup.ts), or a build of our own outside vitest
 * (test/e2e/screenshots.ts). */
async function sharedBuild(): Promise<string> {
  let dir: string | undefined;
  try {
    const { inject } = await import('vitest');
    dir = inject('nianbaoBuild');
  } catch { /* not inside a vitest run */ }
  if (dir && existsSync(dir)) return dir;
  const outDir = mkdtempSync(path.join(tmpdir(), 'nianbao-build-'));
  await build({ logLevel: 'warn', mode: 'production', build: { outDir, emptyOutDir: true } });
  return outDir;
}

/** A copy of the built app in a temp dir with dataset-small in its data/ folder (unless `keepData`
 * and public/data already has a dataset, e.g. from `npm run data`). */
export async function buildApp(opts: { keepData?: boolean } = {}): Promise<string> {
  const outDir = mkdtempSync(path.join(tmpdir(), 'nianbao-dist-'));
  cpSync(await sharedBuild(), outDir, { recursive: true });
  const data = path.join(outDir, 'data');
  if (!existsSync(data)) mkdirSync(data);
  if (opts.keepData && existsSync(path.join(data, 'index.duckdb'))) return outDir;
  // whatever `npm run data` put in public/data is replaced: the tests need known numbers
  rmSync(path.join(data, 'nianbao.duckdb'), { force: true });
  await writeDuckDb(SMALL_DATASET_DIR, path.join(data, 'nianbao.duckdb'));
  await writeDashboardFiles(path.join(data, 'nianbao.duckdb'), data);
  for (const f of readdirSync(SMALL_DATASET_DIR)) if (f.endsWith('.csv')) copyFileSync(path.join(SMALL_DATASET_DIR, f), path.join(data, f));
  return outDir;
}

export async function serve(outDir: string, opts: { base?: string; headers?: Record<string, string> } = {}): Promise<{ server: PreviewServer; url: string }> {
  const server = await preview({ logLevel: 'warn', base: opts.base ?? './', build: { outDir }, preview: { port: 0, host: '127.0.0.1', strictPort: false, headers: opts.headers } });
  const url = server.resolvedUrls!.local[0];
  return { server, url };
}

/** `serviceWorkers: 'block'` (default): page.route cannot see requests a service worker answers from
 * its cache, so tests that fake or hold data files run without one; the offline test and the
 * benchmark's warm reloads allow it. */
export async function browser(opts: { serviceWorkers?: 'allow' | 'block' } = {}): Promise<BrowserContext> {
  return chromium.launchPersistentContext(mkdtempSync(path.join(tmpdir(), 'nianbao-chrome-')), {
    executablePath: '/usr/bin/chromium', headless: true, acceptDownloads: true, args: CHROME_ARGS,
    serviceWorkers: opts.serviceWorkers ?? 'block',
    viewport: { width: 1280, height: 800 },
  });
}

export function closeServer(server: PreviewServer | undefined): Promise<void> {
  return new Promise<void>((r) => (server ? server.httpServer.close(() => r()) : r()));
}
