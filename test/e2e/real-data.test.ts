// The dashboard on the real pipeline's dataset (`npm run data` → public/data, which `npm run
// test:e2e` runs first via `npm run build`): the printed numbers of data/reports survive parse →
// DuckDB file → browser.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from './harness';

let app: App;
let url: string;
let page: Page;
let errors: string[];

beforeAll(async () => {
  app = await startApp({ realData: true });
  ({ url, page, errors } = app);
});

afterAll(async () => {
  await app?.close();
});

describe('real dataset from data/reports', () => {
  it('湘潭县 2024: 35 received (33 new + 2 carried over), 8 reconsiderations, 4 corrected', async () => {
    await page.goto(`${url}?anim=0&agency=${encodeURIComponent('湘潭县人民政府办公室')}`);
    await page.waitForSelector('body[data-chart="ready"]', { timeout: 60_000 });
    const card = (id: string) => page.locator(`[data-testid="card-${id}"]`).textContent();
    await expect(card('received')).resolves.toBe('35');
    await expect(card('new')).resolves.toBe('33');
    await expect(card('carried_over')).resolves.toBe('2');
    await expect(card('review_total')).resolves.toBe('8');
    await expect(card('correction_rate')).resolves.toContain('（4/8）');
    expect(errors).toEqual([]);
  });

  it('quality lists every report, failed parses included, and 平潭 2020 with its broken identities', async () => {
    await page.goto(`${url}?anim=0&view=quality`);
    const rows = page.locator('[data-view="quality"] tbody tr');
    await rows.first().waitFor({ timeout: 60_000 });
    await expect(rows.filter({ hasText: '2020_pingtan_zhqsyq' }).textContent()).resolves.toContain('2 不成立');
    await expect(rows.filter({ hasText: '2024_huaian_szf' }).count()).resolves.toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });
});
