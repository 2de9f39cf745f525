// Check + benchmark of the dashboard's loading path (src/data/duckdb-wasm.ts) in headless Chromium:
// builds bench/data-load-page with Vite, serves it over loopback with test/fixtures/dataset-small
// written as a .duckdb file, and prints, for a cold fresh profile each time:
//   - good file: progress stages with timestamps, total time, and the first query's answer
//     (湘潭县 received must be 35);
//   - a 404, a corrupt file, an HTML page served in place of the data, and a page whose CSP lacks
//     'wasm-unsafe-eval' (5 s instantiate timeout): the error code and the time until the error
//     (must be a clear error, never a hang).
// Usage: npx tsx bench/data-load-browser.ts [--data public/data/nianbao.duckdb]  (default: the
// small fixture written to a temp file; --data measures a built dataset instead)
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { createNodeRunner, loadCsvDataset } from '../test/helpers/duckdb-node';
import { str } from '../src/data/sql';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pageDir = path.join(root, 'bench', 'data-load-page');
const distDir = path.join(root, 'bench', 'out', 'data-load-dist');
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm' };

async function writeDb(file: string): Promise<void> {
  const w = await createNodeRunner();
  await loadCsvDataset(w);
  await w.run(`ATTACH ${str(file)} AS out`);
  for (const t of ['reports', 'facts', 'findings', 'checks', 'meta', 'metrics']) await w.run(`CREATE TABLE out.${t} AS SELECT * FROM ${t}`);
  await w.run('DETACH out');
  w.close();
}

const CSP_NO_WASM = "default-src 'self'; script-src 'self'; worker-src 'self'; connect-src 'self'";

function serve(files: Record<string, string>, withCsp = false): Promise<{ url: string; close: () => void }> {
  const server = http.createServer((req, res) => {
    const p = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = files[p] ?? path.join(distDir, p === '/' ? 'index.html' : path.normalize(p).replace(/^([/\\])+/, ''));
    if (!file.startsWith(distDir) && !Object.values(files).includes(file)) { res.writeHead(403).end(); return; }
    if (!existsSync(file) || !statSync(file).isFile()) { res.writeHead(404).end(); return; }
    // on every response, as a host would send it: the worker's own CSP governs its wasm compile
    const csp = withCsp ? { 'content-security-policy': CSP_NO_WASM } : {};
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'content-length': statSync(file).size, 'cache-control': 'no-store', ...csp });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const { port } = server.address() as { port: number };
    resolve({ url: `http://127.0.0.1:${port}/`, close: () => server.close() });
  }));
}

async function main(): Promise<void> {
  await build({ root: pageDir, base: './', configFile: false, logLevel: 'warn', build: { outDir: distDir, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 4000 } });
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'nb-load-'));
  const i = process.argv.indexOf('--data');
  const good = i >= 0 ? path.resolve(process.argv[i + 1]) : path.join(tmp, 'good.duckdb');
  if (i < 0) await writeDb(good);
  const corrupt = path.join(tmp, 'corrupt.duckdb');
  const bytes = new Uint8Array(statSync(good).size);
  bytes.set(new TextEncoder().encode('xxxxxxxxDUCK')); // right magic, garbage after it
  writeFileSync(corrupt, bytes);
  const html = path.join(tmp, 'page.html');
  writeFileSync(html, '<!doctype html><html><body>not found</body></html>');
  const files = { '/data/good.duckdb': good, '/data/corrupt.duckdb': corrupt, '/data/html.duckdb': html };
  const server = await serve(files);
  const cspServer = await serve(files, true);
  const cases: [string, string][] = [['good', 'data=data/good.duckdb'], ['missing', 'data=data/missing.duckdb'],
    ['corrupt', 'data=data/corrupt.duckdb'], ['html', 'data=data/html.duckdb'], ['csp', 'data=data/good.duckdb&timeout=5000']];
  try {
    for (const [c, query] of cases) {
      const profile = mkdtempSync(path.join(os.tmpdir(), 'nb-chrome-'));
      const ctx = await chromium.launchPersistentContext(profile, {
        executablePath: '/usr/bin/chromium', headless: true,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
      });
      const page = await ctx.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(`${c === 'csp' ? cspServer.url : server.url}?${query}`);
      await page.waitForFunction(() => window.__load !== undefined, null, { timeout: 60_000 });
      const r = await page.evaluate(() => window.__load);
      console.log(`${c.padEnd(8)} ${JSON.stringify(r)}${errors.length ? ` pageerrors: ${errors.join(' | ')}` : ''}`);
      await ctx.close();
      rmSync(profile, { recursive: true, force: true });
    }
  } finally {
    server.close();
    cspServer.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
