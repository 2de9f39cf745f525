// Repeat visits and offline: the service worker (vite.config.ts, Workbox) caches the app, the
// duckdb-wasm bundle and the data; with the browser offline a reload still draws the dashboard,
// and a new build offers a reload.
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { browser, buildApp, closeServer, serve } from './harness';

let server: PreviewServer;
let url: string;
let ctx: BrowserContext;
let dist: string;

beforeAll(async () => {
  dist = await buildApp();
  ({ server, url } = await serve(dist));
  ctx = await browser({ serviceWorkers: 'allow' });
});

afterAll(async () => {
  await ctx?.close();
  await closeServer(server);
});

describe('offline', () => {
  it('registers a service worker from a file (CSP) and reloads offline with the chart drawn', async () => {
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error' && !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(m.text())) errors.push(m.text()); });
    await page.goto(`${url}?anim=0`);
    await page.waitForSelector('body[data-chart="ready"]', { timeout: 120_000 });
    // installed and controlling this page (clientsClaim), its precache complete
    await page.waitForFunction(() => !!navigator.serviceWorker?.controller && document.body.dataset.offline === 'ready', null, { timeout: 180_000 })
      .catch(async (e) => { throw new Error(`${String(e)}; state: ${await page.evaluate(async () => JSON.stringify({ c: !!navigator.serviceWorker?.controller, o: document.body.dataset.offline, r: (await navigator.serviceWorker.getRegistration())?.installing?.state ?? (await navigator.serviceWorker.getRegistration())?.active?.state ?? 'none' }))}`); });
    const sw = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.scriptURL ?? '');
    expect(sw).toMatch(/\/sw\.js$/);
    // detail files (and anything else this visit fetched through the worker) are cached on use
    await page.reload();
    await page.waitForSelector('body[data-chart="ready"]', { timeout: 120_000 });
    // the reload fetched the detail files through the worker: wait until they are in its cache
    const files = await page.evaluate(async () => {
      const rows = await (window as unknown as { nianbao: { query(sql: string): Promise<{ file: string }[]> } }).nianbao.query('SELECT file FROM nb.parts');
      return rows.map((r) => String(r.file));
    });
    expect(files.length).toBeGreaterThan(0);
    await page.waitForFunction(async (want) => {
      const urls = (await (await caches.open('nianbao-data')).keys()).map((r) => r.url);
      return want.every((f) => urls.some((u) => u.endsWith(`/data/${f}`)));
    }, files, { timeout: 90_000, polling: 500 });

    await ctx.setOffline(true);
    try {
      await page.goto(`${url}?view=trends&anim=0`);
      await page.waitForSelector('body[data-chart="ready"]', { timeout: 120_000 });
      await expect(page.locator('main[data-view="trends"] canvas').count()).resolves.toBeGreaterThan(0);
      // DuckDB runs offline too: a view outside the snapshot (per-report rows, detail files)
      await page.goto(`${url}?view=compare&year=2024&anim=0`);
      await page.waitForSelector('main[data-view="compare"] canvas', { timeout: 60_000 })
        .catch(async (e) => {
          await page.screenshot({ path: path.join(tmpdir(), 'nianbao-offline-compare.png') });
          const state = await page.evaluate(async () => JSON.stringify({
            online: navigator.onLine, controlled: !!navigator.serviceWorker.controller,
            caches: await Promise.all((await caches.keys()).map(async (k) => [k, (await (await caches.open(k)).keys()).map((r) => r.url.replace(/.*\/data\//, 'data/')).filter((u) => u.startsWith('data/'))])),
          }));
          throw new Error(`${String(e)}; errors: ${errors.join(' | ')}; shown: ${(await page.locator('[data-testid="load-error"], .error, .loading').allTextContents()).join(' | ')}; ${state}`);
        });
      await expect(page.locator('[data-testid="load-error"]').count()).resolves.toBe(0);
    } finally {
      await ctx.setOffline(false);
    }
    expect(errors).toEqual([]);
    await page.close();
  }, 500_000);
});
