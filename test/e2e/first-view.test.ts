// The first view before DuckDB (src/main.tsx, src/state/snapshot-file.ts): with the wasm held back
// (DuckDB cannot start), the landing view is drawn from data/snapshot.json — chart, cards, their
// like-for-like lines, the coverage line — and DuckDB, once it is let through, shows the same text.
// A snapshot that is not the index's is dropped behind the first chart (body[data-snapshot=stale]);
// a snapshot that comes late, but before the UI has waited LATEST_MS for it, is still used.
import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from './harness';

let app: App;
beforeAll(async () => { app = await startApp(); }, 300_000);
afterAll(async () => { await app?.close(); });

/** What the landing shows: every card with its like-for-like line, and the coverage sentence. */
async function landing(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const out: Record<string, string> = {};
    for (const el of document.querySelectorAll('[data-testid^="card-"], [data-testid^="change-"], [data-testid="loaded-summary"]')) {
      out[el.getAttribute('data-testid')!] = el.textContent ?? '';
    }
    return out;
  });
}
const duckdbReady = (page: Page) => page.evaluate(() => performance.getEntriesByName('nb:data-ready').length > 0);

describe('first view from the snapshot', () => {
  let live: Record<string, string>;

  it('draws the landing with DuckDB held back, and DuckDB then shows the same numbers', async () => {
    const page = await app.ctx.newPage();
    const held: Route[] = [];
    await page.route('**/assets/duckdb-*.wasm', (r) => { held.push(r); });
    await page.goto(`${app.url}?anim=0`);
    await page.waitForSelector('body[data-chart="ready"]', { timeout: 30_000 });
    const early = await landing(page);
    expect(await duckdbReady(page)).toBe(false);
    expect(early['card-received']).toMatch(/\d/);
    expect(early['change-received']).toMatch(/\d/); // the like-for-like line is in the snapshot too
    expect(early['loaded-summary']).toMatch(/\d+/);
    expect(Object.keys(early).length).toBeGreaterThan(20);
    // let DuckDB start: it takes over without changing a character
    await expect.poll(() => held.length, { timeout: 30_000 }).toBeGreaterThan(0);
    for (const r of held) await r.continue();
    await expect.poll(() => duckdbReady(page), { timeout: 60_000 }).toBe(true);
    await page.waitForTimeout(500);
    live = await landing(page);
    expect(live).toEqual(early);
    expect(await page.evaluate(() => document.body.dataset.snapshot)).toBe('checked');
    await page.close();
  }, 120_000);

  it('drops a snapshot that is not the index file\'s and shows DuckDB\'s numbers', async () => {
    const page = await app.ctx.newPage();
    // the snapshot of another data build: other numbers, another index fingerprint
    await page.route('**/data/snapshot.json', async (r) => {
      const snap = await (await r.fetch()).json() as { index: { hash: string }; queries: Record<string, Record<string, unknown>[]> };
      snap.index.hash = 'another-index';
      for (const rows of Object.values(snap.queries)) for (const row of rows) if (typeof row.value === 'number') row.value = row.value * 1000 + 7;
      await r.fulfill({ contentType: 'application/json', body: JSON.stringify(snap) });
    });
    await page.goto(`${app.url}?anim=0`);
    await page.waitForSelector('body[data-snapshot="stale"]', { state: 'attached', timeout: 30_000 });
    await page.waitForSelector('body[data-chart="ready"]', { timeout: 60_000 });
    await expect.poll(() => duckdbReady(page), { timeout: 60_000 }).toBe(true);
    await page.waitForTimeout(500);
    expect((await landing(page))['card-received']).toBe(live['card-received']);
    await page.close();
  }, 120_000);

  it('on a slow line: a snapshot that comes after a slow UI chunk is still used, DuckDB held', async () => {
    const page = await app.ctx.newPage();
    const later = (ms: number) => async (r: Route) => { await new Promise((d) => setTimeout(d, ms)); await r.continue(); };
    await page.route('**/assets/duckdb-*.wasm', () => { /* held */ });
    // both past LATEST_MS (2.5 s) from the page's start; the snapshot 0.3 s after the UI chunk
    await page.route('**/assets/mount-*.js', later(3000));
    await page.route('**/data/snapshot.json', later(3300));
    await page.goto(`${app.url}?anim=0`);
    await page.waitForSelector('body[data-chart="ready"]', { timeout: 30_000 });
    expect(await duckdbReady(page)).toBe(false);
    expect((await landing(page))['card-received']).toBe(live['card-received']);
    await page.close();
  }, 120_000);
});
