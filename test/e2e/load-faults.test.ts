// Loading faults in the built app, with the timeouts shortened through the URL test hook
// (?nb-timeouts=…, src/data/duckdb-wasm.ts loadOptionsFromUrl), so nothing waits 30 s:
//   - an index file that never answers: a "stalled" error naming the step "index download"
//     (before: blamed on the CSP after ~100 s), with a retry that works once the server answers;
//   - a detail file that never answers: Compare shows a stalled error naming the detail download
//     and a retry (before: "loading" for over 3 minutes);
//   - a CSP that blocks WebAssembly: the instantiate step times out and the message names the CSP.
import type { BrowserContext, Page, Route } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browser, buildApp, closeServer, CSP, serve } from './harness';

const XT = encodeURIComponent('湘潭县人民政府办公室');
let outDir: string;
let server: PreviewServer;
let url: string;
let ctx: BrowserContext;

beforeAll(async () => {
  outDir = await buildApp();
  ({ server, url } = await serve(outDir));
  ctx = await browser();
}, 300_000);
afterAll(async () => {
  await ctx?.close();
  await closeServer(server);
});

const never = (held: Route[]) => (r: Route) => { held.push(r); }; // neither fulfilled nor aborted: the server "never answers"

describe('loading faults', () => {
  it('an index that never answers: stalled, step named, in seconds; retry loads', async () => {
    const page: Page = await ctx.newPage();
    const held: Route[] = [];
    await page.route('**/data/index.duckdb', never(held));
    const t0 = Date.now();
    await page.goto(`${url}?anim=0&nb-timeouts=stall:1500`);
    const box = page.locator('[data-testid="load-error"]');
    await box.waitFor({ timeout: 30_000 });
    expect(Date.now() - t0).toBeLessThan(15_000);
    expect(await box.getAttribute('data-step')).toBe('index-download');
    expect(await page.locator('[data-testid="load-step"]').textContent()).toContain('下载索引文件');
    const text = (await box.textContent()) ?? '';
    expect(text).toContain('stalled');
    expect(text).not.toContain('CSP');
    await page.unroute('**/data/index.duckdb');
    await page.locator('[data-testid="retry"]').click();
    await page.waitForSelector('body[data-chart="ready"]', { timeout: 60_000 });
    await page.close();
  }, 120_000);

  it('a detail file that never answers: Compare shows a stalled detail download and a retry', async () => {
    const page = await ctx.newPage();
    const held: Route[] = [];
    await page.route('**/data/detail/**', never(held));
    const t0 = Date.now();
    await page.goto(`${url}?anim=0&view=compare&year=2024&agency=${XT}&nb-timeouts=stall:1500`);
    const err = page.locator('[data-testid="detail-error"]').first();
    await err.waitFor({ timeout: 60_000 });
    expect(Date.now() - t0).toBeLessThan(40_000);
    const text = (await err.textContent()) ?? '';
    expect(text).toMatch(/服务器停止响应/);
    expect(text).toMatch(/detail\/\w+\.duckdb.*step: detail-download/);
    await expect(page.locator('[data-testid="retry"]').count()).resolves.toBeGreaterThan(0);
    await page.close();
  }, 120_000);

  it('a CSP without wasm-unsafe-eval: the instantiate step times out and names the CSP', async () => {
    const { server: s2, url: u2 } = await serve(outDir, { headers: { 'Content-Security-Policy': CSP.replace(" 'wasm-unsafe-eval'", '') } });
    try {
      const page = await ctx.newPage();
      const t0 = Date.now();
      await page.goto(`${u2}?anim=0&nb-timeouts=instantiate:3000`);
      const box = page.locator('[data-testid="load-error"]');
      await box.waitFor({ timeout: 30_000 });
      expect(Date.now() - t0).toBeLessThan(20_000);
      expect(await box.getAttribute('data-step')).toBe('instantiate');
      expect(await box.textContent()).toContain('CSP');
      await page.close();
    } finally {
      await closeServer(s2);
    }
  }, 120_000);
});
