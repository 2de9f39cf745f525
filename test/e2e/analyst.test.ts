// The analysts' views in the built app on dataset-small (real 湘潭县 2024 and 平潭 2022/2024
// cells): a SQL query's result and its downloaded CSV, a write refused, the query restored from
// the URL, the change table equal to the trends view, the glossary reached from a chart title.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from './harness';

const PT = '平潭综合实验区';
let app: App;
let url: string;
let page: Page;
let errors: string[];

beforeAll(async () => {
  app = await startApp();
  ({ url, page, errors } = app);
});

afterAll(async () => {
  await app?.close();
});

const QUERY = `SELECT agency, year, "requests__new__total" AS new, "appeals__review__total" AS reviews
FROM metrics WHERE agency IN ('湘潭县人民政府办公室', '${PT}') ORDER BY agency, year`;

async function resultRows(): Promise<string[][]> {
  return page.locator('[data-testid="sql-result"] tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
}

describe('SQL view', () => {
  it('runs a query from the URL, shows the report numbers and downloads the same rows as CSV', async () => {
    await page.goto(`${url}?anim=0&lang=en&view=sql&q=${encodeURIComponent(QUERY)}`);
    await page.waitForSelector('[data-testid="sql-result"]', { timeout: 90_000 });
    await expect(page.locator('[data-testid="sql-editor"]').inputValue()).resolves.toBe(QUERY);
    const rows = await resultRows();
    // 平潭 2022: 74 new, 2 reconsiderations; 2024: 218, 7; 湘潭县 2024: 33, 8 (the reports' tables)
    expect(rows).toEqual([
      [PT, '2022', '74', '2'],
      [PT, '2024', '218', '7'],
      ['湘潭县人民政府办公室', '2024', '33', '8'],
    ]);
    await expect(page.locator('[data-testid="sql-count"]').textContent()).resolves.toMatch(/^3 rows/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="sql-csv"]')]);
    const file = await download.path();
    const text = readFileSync(file, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff); // BOM for Excel
    const csv = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
    expect(csv[0]).toEqual(['agency', 'year', 'new', 'reviews']);
    expect(csv.slice(1)).toEqual(rows);
    expect(download.suggestedFilename()).toBe('nianbao-sql.csv');
    // the tables and their columns are listed
    await expect(page.locator('[data-testid="sql-tables"] summary').allTextContents()).resolves.toEqual(expect.arrayContaining([expect.stringMatching(/^metrics/), expect.stringMatching(/^facts/)]));
    expect(errors).toEqual([]);
  });

  it('refuses a write with a clear message and leaves the data as it was', async () => {
    await page.goto(`${url}?anim=0&lang=en&view=sql`);
    const editor = page.locator('[data-testid="sql-editor"]');
    await editor.waitFor({ timeout: 90_000 });
    for (const sql of ['DROP TABLE reports', 'SELECT 1; DELETE FROM facts', "WITH x AS (SELECT 1) INSERT INTO meta VALUES ('a', 'b')"]) {
      await editor.fill(sql);
      await page.click('[data-testid="sql-run"]');
      await expect(page.locator('[data-testid="sql-refused"]').textContent(), sql).resolves.toMatch(/read-only.*\((DROP|DELETE|INSERT)\)/);
    }
    await editor.fill('SELECT count(*) AS n FROM reports');
    await page.click('[data-testid="sql-run"]');
    await page.waitForSelector('[data-testid="sql-result"]', { timeout: 60_000 });
    await expect(resultRows()).resolves.toEqual([['8']]);
  });

  it("shows DuckDB's message for a bad query", async () => {
    await page.locator('[data-testid="sql-editor"]').fill('SELECT nope FROM reports');
    await page.click('[data-testid="sql-run"]');
    await expect(page.locator('[data-testid="sql-error"] pre').textContent()).resolves.toMatch(/Binder Error.*"nope"/s);
  });

  it('puts a typed query in the URL, so a reload restores and runs it', async () => {
    const sql = "SELECT year, count(*) AS reports FROM reports WHERE year IS NOT NULL GROUP BY year ORDER BY year";
    await page.locator('[data-testid="sql-editor"]').fill(sql);
    await page.click('[data-testid="sql-run"]');
    await page.waitForSelector('[data-testid="sql-result"]', { timeout: 60_000 });
    const before = await resultRows();
    expect(new URL(page.url()).searchParams.get('q')).toBe(sql);
    await page.reload();
    await page.waitForSelector('[data-testid="sql-result"]', { timeout: 90_000 });
    await expect(page.locator('[data-testid="sql-editor"]').inputValue()).resolves.toBe(sql);
    await expect(resultRows()).resolves.toEqual(before);
    expect(before).toEqual([['2022', '1'], ['2023', '1'], ['2024', '5']]);
  });
});

describe('change table', () => {
  it("equals the trends view's figures for the same agency and years", async () => {
    await page.goto(`${url}?anim=0&lang=en&view=change&agency=${encodeURIComponent(PT)}&years=2022-2024`);
    await page.waitForSelector('[data-testid="change-table"]', { timeout: 90_000 });
    await expect(page.locator('[data-testid="change-set"]').textContent()).resolves.toMatch(/only the 1 agency with a report for both 2022 and 2024/);
    const metrics = ['new', 'received', 'granted', 'review_total', 'granted_rate', 'denied_rate'];
    const change = new Map<string, { start: string; end: string; change: string }>();
    for (const m of metrics) {
      const row = page.locator(`[data-testid="change-table"] tr[data-metric="${m}"]`);
      change.set(m, { start: (await row.locator('[data-col="start"]').textContent())!, end: (await row.locator('[data-col="end"]').textContent())!, change: (await row.locator('[data-col="change"]').textContent())! });
    }
    expect(change.get('new')).toEqual({ start: '74', end: '218', change: '+144' });
    expect(change.get('review_total')).toEqual({ start: '2', end: '7', change: '+5' });
    // sortable: by change, largest first
    await page.click('[data-testid="change-table"] th button[data-sort="change"]');
    const firstTwo = await page.locator('[data-testid="change-table"] tbody tr').evaluateAll((trs) => trs.slice(0, 2).map((tr) => tr.getAttribute('data-metric')));
    expect(firstTwo).toEqual(['natural_new', 'new']); // +146, +144

    for (const mode of ['absolute', 'percent'] as const) {
      const ids = metrics.filter((m) => m.endsWith('_rate') === (mode === 'percent'));
      await page.goto(`${url}?anim=0&lang=en&view=trends&agency=${encodeURIComponent(PT)}&years=2022-2024&mode=${mode}&metrics=${ids.join(',')}`);
      await page.waitForSelector('[data-panel="trends"]', { timeout: 90_000 });
      await page.locator('[data-panel="trends"] .panel-head button', { hasText: 'Show table' }).click();
      const rows = await page.locator('[data-panel="trends"] tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
      for (const id of ids) {
        const c = change.get(id)!;
        const at = (y: string) => rows.filter((r) => r[0] === y).map((r) => r[3]);
        expect(at('2022'), id).toContain(c.start);
        expect(at('2024'), id).toContain(c.end);
      }
    }
    expect(errors).toEqual([]);
  });
});

describe('definitions', () => {
  it("is reached from a chart title, at the chart's metric, with a citation", async () => {
    await page.goto(`${url}?anim=0&lang=en&view=trends&metrics=review_total`);
    await page.waitForSelector('body[data-chart="ready"]', { timeout: 90_000 });
    await page.click('[data-panel="trends"] h2 [data-testid="glossary-link"]');
    await page.waitForSelector('[data-view="glossary"]');
    expect(new URL(page.url()).searchParams.get('term')).toBe('review_total');
    const current = page.locator('dt[aria-current="true"]');
    await expect(current.getAttribute('id')).resolves.toBe('g-review_total');
    await expect(current.isVisible()).resolves.toBe(true);
    await expect(page.locator('[data-term="correction_rate"] dd').textContent()).resolves.toContain('decided reconsiderations (total − pending)');
    // dataset-small's meta has no version or date: the citation leaves them out rather than guess
    await expect(page.locator('[data-testid="cite"]').textContent()).resolves.toMatch(/^Nianbao · .+\. Government information disclosure annual reports dataset\. http:\/\/127\.0\.0\.1:\d+\/ \(accessed \d{4}-\d\d-\d\d\)\.$/);
    expect(errors).toEqual([]);
  });
});
