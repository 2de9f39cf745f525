// The in-browser import, end to end in headless Chromium: the dashboard's Import view
// (?view=import) in a production build, served with the strict CSP as an HTTP header and offline.
// Real report files in, numbers out of DuckDB through the query builders of src/data/queries.
// The first part was a separate harness app (the panel alone on duckdb-wasm with one bundled
// report, test/import/harness) until it was folded into the dashboard: the same checks on the
// same bundled report, one build fewer per run. The second part runs on test/fixtures/dataset-small.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { writeDataset } from '../../src/cli/write-dataset';
import { ingest } from '../../src/ingest';
import { runAggregate } from '../../src/data/queries';
import { toDataset } from '../../src/dataset';
import { parseReport } from '../../src/parse/parse-report';
import { sqlOf, type QueryRunner, type Sql } from '../../src/data/query-runner';
import { CSP, startApp, type App } from './harness';

const REPORTS = path.resolve('data/reports');
const HEADER = 'report_id,table,item,column,value,raw,derived,row_label,column_label,unit,location';
// line 2 valid; line 3 a non-numeric value; line 4 an unknown item; line 5 valid.
const BAD_CSV = [HEADER,
  'csv_r1,requests,new,total,12,12,false,一、本年新收,总计,件,',
  'csv_r1,requests,granted,total,abc,abc,false,（一）予以公开,总计,件,',
  'csv_r1,requests,not_an_item,total,3,3,false,x,总计,件,',
  'csv_r1,appeals,review,corrected,1,1,false,行政复议,结果纠正,件,',
].join('\n');

let app: App;
let small: App;

// playwright cannot mix paths and buffers in one setInputFiles call
const fileOf = (name: string, mimeType: string) => ({ name, mimeType, buffer: readFileSync(path.join(REPORTS, name)) });

// Offline: nothing may leave the page's origin (privacy promise; no CDN): startApp's route.
beforeAll(async () => {
  // bundled: 平潭 2024 only, parsed by the real pipeline (as the harness had it), so 湘潭县, 洪泽区
  // and 平潭 2022 arrive as new reports. (dataset-small is hand-written without the identity
  // columns an import is matched on: a re-imported 湘潭县 would count twice there, 66.)
  app = await startApp({
    headers: { 'Content-Security-Policy': CSP }, consoleErrors: true,
    data: async (dir) => {
      const parsed = await parseReport({ sourceFile: '2024_pingtan_zhqsyq.txt', text: readFileSync(path.join(REPORTS, '2024_pingtan_zhqsyq.txt'), 'utf8') });
      await writeDataset(dir, toDataset([parsed], { kind: 'real' }));
    },
  });
  small = await startApp({ headers: { 'Content-Security-Policy': CSP } });
});
afterAll(async () => {
  await app?.close();
  await small?.close();
});

describe('import panel: files, CSV errors, check cards and the source switch', () => {
  let page: Page;
  let pageErrors: string[];

  /** New requests per agency and year (the aggregate query of src/data/queries) on the page's own
   * DuckDB — bundled and imported rows as the switch selects them — each row marked imported when
   * its agency has an imported report. Read without leaving the Import view (its cards stay). */
  async function results(): Promise<{ agency: string; year: number | null; value: string; dataset: 'imported' | 'bundled' }[]> {
    const runner: QueryRunner = {
      query: <T,>(q: Sql) => page.evaluate((s) => (window as unknown as { nianbao: { query(q: string): Promise<unknown[]> } }).nianbao.query(s), sqlOf(q)) as Promise<T[]>,
    };
    const rows = await runAggregate(runner, { selection: {}, metrics: ['new'], by: 'agency_year' });
    const imported = new Set((await runner.query<{ agency: string }>(`SELECT DISTINCT agency FROM reports WHERE dataset = 'imported'`)).map((x) => x.agency));
    return rows.map((r) => ({ agency: r.agency ?? '', year: r.year, value: r.value === null ? '' : String(r.value), dataset: r.agency && imported.has(r.agency) ? 'imported' : 'bundled' }));
  }
  const valueOf = async (agencyPart: string, year: number) => (await results()).find((r) => r.year === year && r.agency.includes(agencyPart))?.value;

  beforeAll(async () => {
    ({ page, errors: pageErrors } = app); // page errors and console errors
    await page.goto(`${app.url}?anim=0&view=import`);
    await page.locator('[data-testid=import-input]').waitFor({ timeout: 60_000 });
    // the bundled data is up (the harness waited for its results table)
    await vi.waitFor(async () => expect((await results()).length).toBeGreaterThan(0), { timeout: 60_000, interval: 250 });
  });

  it('says files stay in the browser', async () => {
    await expect(page.locator('.privacy-note').textContent()).resolves.toContain('文件只在您的浏览器中处理，不会上传');
  });

  it('imports a text report, a PDF and a bad CSV picked with the file input; the new agencies appear with their numbers', async () => {
    await page.locator('[data-testid=import-input]').setInputFiles([
      fileOf('2024_xiangtanxian_zfbgs.txt', 'text/plain'),
      fileOf('2024_huaian_hongzequ_rmzf.pdf', 'application/pdf'),
      { name: 'bad-facts.csv', mimeType: 'text/csv', buffer: Buffer.from(BAD_CSV) },
    ]);
    await page.waitForFunction(() => document.querySelectorAll('.import-progress li[data-state="done"], .import-progress li[data-state="failed"]').length === 3, null, { timeout: 120_000 });
    await expect.poll(async () => (await results()).some((r) => r.dataset === 'imported'), { timeout: 60_000 }).toBe(true);
    // truth.csv: 湘潭县 2024 new = 33; bundled 平潭 2024 new = 218 stays.
    expect(await valueOf('湘潭县', 2024)).toBe('33');
    expect(await valueOf('平潭', 2024)).toBe('218');
    expect(await page.locator('.check-card[data-report-id="2024_huaian_hongzequ_rmzf"]').count()).toBe(1);
    expect((await results()).filter((r) => r.dataset === 'imported').map((r) => r.agency)).toContainEqual(expect.stringContaining('湘潭县'));
    expect(await page.locator('#import-overall').evaluate((e) => (e as HTMLProgressElement).value)).toBe(1);
  });

  it('reads the imported PDF in the worker: 洪泽区 2024 received 95 new applications', async () => {
    expect(await valueOf('洪泽区', 2024)).toBe('95'); // test/fixtures/truth.csv
  });

  it('lists the bad CSV errors by line and column and loads its valid rows', async () => {
    const result = page.locator('.csv-result[data-file="bad-facts.csv"]');
    await expect(result.locator('[data-field=rows-loaded]').textContent()).resolves.toBe('2');
    expect(await result.locator('tr[data-line="3"][data-column="value"]').count()).toBe(1);
    expect(await result.locator('tr[data-line="4"][data-column="item"]').count()).toBe(1);
    expect(await result.locator('tbody tr').count()).toBe(2);
  });

  it('shows a check card with the template, checks and the table as parsed (blank as blank)', async () => {
    const card = page.locator('.check-card').filter({ hasText: '湘潭县' });
    await expect(card.locator('[data-field=template]').textContent()).resolves.toBe('2021');
    expect(await card.locator('tr[data-status="fail"]').count()).toBe(0);
    expect(await card.locator('tr[data-status="pass"]').count()).toBeGreaterThan(0);
    await card.getByRole('button').click();
    const row = card.locator('table.raw-cells tbody tr').filter({ hasText: '本年新收' }).filter({ hasText: '总计' }).first();
    expect(await row.locator('td').nth(3).textContent()).toBe('33');
  });

  it('switches between bundled only, imported only and both', async () => {
    await page.getByLabel('仅内置数据').check();
    await expect.poll(async () => (await results()).filter((r) => r.dataset === 'imported').length, { timeout: 30_000 }).toBe(0);
    const bundled = await results();
    expect(bundled.filter((r) => r.agency.includes('平潭')).length).toBeGreaterThan(0);
    expect(bundled.filter((r) => r.agency.includes('洪泽区'))).toEqual([]); // imported only: gone
    await page.getByLabel('仅导入数据').check();
    await expect.poll(async () => (await results()).filter((r) => r.dataset === 'bundled').length, { timeout: 30_000 }).toBe(0);
    expect(await valueOf('湘潭县', 2024)).toBe('33');
    await page.getByLabel('两者').check();
    await expect.poll(async () => (await results()).filter((r) => r.dataset === 'bundled').length, { timeout: 30_000 }).toBeGreaterThan(0);
  });

  it('accepts files from a synthetic drop event', async () => {
    const text = readFileSync(path.join(REPORTS, '2022_pingtan_zhqsyq.txt'), 'utf8');
    const dt = await page.evaluateHandle((t) => {
      const d = new DataTransfer();
      d.items.add(new File([t], 'dropped_2022_pingtan.txt', { type: 'text/plain' }));
      return d;
    }, text);
    await page.locator('[data-testid=drop-zone]').dispatchEvent('drop', { dataTransfer: dt });
    await page.waitForSelector('.check-card[data-report-id="dropped_2022_pingtan"]', { timeout: 60_000 });
    await expect.poll(() => page.locator('[role=status]').count(), { timeout: 60_000 }).toBe(0); // rows in DuckDB
    expect(await valueOf('平潭', 2022)).toBe('74'); // truth.csv: 2022 平潭 new = 74
  });

  it('renders hostile file names and contents as text, never as HTML', async () => {
    const dialogs: string[] = [];
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    const evil = '<img src=x onerror=alert(1)>';
    await page.locator('[data-testid=import-input]').setInputFiles([
      { name: `${evil}.txt`, mimeType: 'text/plain', buffer: Buffer.from(`${evil}2024年政府信息公开工作年度报告\n一、本年新收政府信息公开申请数量 <b>1</b>\n`) },
      { name: 'notes.docx', mimeType: 'application/octet-stream', buffer: Buffer.from('x') },
    ]);
    await page.waitForFunction(() => [...document.querySelectorAll('.import-progress li')].some((li) => li.textContent?.includes('notes.docx') && li.getAttribute('data-state') === 'failed'));
    await page.waitForFunction((n) => [...document.querySelectorAll('.import-progress li')].some((li) => li.textContent?.includes(n) && li.getAttribute('data-state') !== 'queued' && li.getAttribute('data-state') !== 'parsing'), evil);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('.import-panel b').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  it('downloads the findings report with the CSV errors and every check', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByText('下载我的核查结果 (CSV)').click()]);
    const body = readFileSync((await download.path())!, 'utf8');
    expect(body).toContain('line 3 column value');
    expect(body).toContain('line 4 column item');
    expect(body).toContain('requests.balance');
  });

  it('raised no page error and no CSP violation', () => {
    expect(pageErrors).toEqual([]);
  });
});

// An imported 平潭 2020 report reaches the other views through the bundled/imported/both switch.
describe('import panel in the dashboard', () => {
  let p: Page;
  const errs: string[] = [];

  beforeAll(async () => {
    p = small.page;
    p.on('pageerror', (e) => errs.push(e.message));
    await p.goto(`${small.url}?anim=0&view=import`);
  });

  it('imports a text report and a PDF and shows them in the trends of imported-only data', async () => {
    await p.locator('[data-testid=import-input]').setInputFiles([fileOf('2020_pingtan_zhqsyq.txt', 'text/plain'), fileOf('2024_huaian_hongzequ_rmzf.pdf', 'application/pdf')]);
    await p.waitForSelector('.check-card[data-report-id="2020_pingtan_zhqsyq"]', { timeout: 60_000 });
    await p.waitForSelector('.check-card[data-report-id="2024_huaian_hongzequ_rmzf"]', { timeout: 60_000 });
    await p.getByLabel('仅导入数据').check();
    await p.locator('nav .tabs button').filter({ hasText: '年度趋势' }).click();
    await p.waitForSelector('body[data-chart="ready"]', { timeout: 60_000 });
    await p.locator('[data-panel="trends"] .toolbar button').first().click();
    const rows = p.locator('[data-panel="trends"] tbody tr');
    // truth.csv: 平潭 2020 new 21 + carried 0 = received 21; 洪泽区 2024 new 95 + carried 0 = 95.
    // Bundled 2024 reports (湘潭县 35, 平潭 218) would change the 2024 figure if they leaked in.
    await rows.filter({ hasText: '2020' }).first().waitFor({ timeout: 60_000 });
    expect(await rows.filter({ hasText: '2020' }).first().locator('td, th').allTextContents()).toContain('21');
    const y2024 = await rows.filter({ hasText: '2024' }).first().locator('td, th').allTextContents();
    expect(y2024).toContain('95');
    expect(y2024.some((c) => ['35', '218', '253', '348'].includes(c))).toBe(false);
    expect(errs).toEqual([]);
  });

  it('marks imported reports in the other views: the compare table shows 洪泽区 2024 (95) with an "imported" mark', async () => {
    await p.locator('nav .tabs button').filter({ hasText: '机关比较' }).click();
    await p.waitForSelector('[data-panel="compare"]', { timeout: 60_000 });
    await p.locator('[data-panel="compare"] .toolbar button').first().click();
    const r = p.locator('[data-panel="compare"] tbody tr').filter({ hasText: '洪泽区人民政府' }).first();
    await r.waitFor({ timeout: 60_000 });
    await expect(r.locator('[data-testid=imported-mark]').textContent()).resolves.toBe('导入');
    expect(await r.locator('td').allTextContents()).toContain('95');
    expect(errs).toEqual([]);
  });

  it('reads a page saved as one file (Chromium .mhtml, dropped): the facts of the same page as .html', async () => {
    const formats = path.resolve('data/formats');
    const mhtml = readFileSync(path.join(formats, '2024_pingtan_zhqsyq_page.mhtml'), 'latin1');
    expect(/[^\t\r\n -~]/.test(mhtml)).toBe(false); // ASCII: a JS string in the page is its bytes
    const want = (await ingest({ name: 'page.html', bytes: new Uint8Array(readFileSync(path.join(formats, '2024_pingtan_zhqsyq_page.html'))) }))
      .facts.map((f) => `${f.table}.${f.item}.${f.column} = ${f.value === null ? 'blank' : f.value}`).sort();
    expect(want.length).toBeGreaterThan(100);
    await p.locator('nav .tabs button').filter({ hasText: '导入报告' }).click();
    const dt = await p.evaluateHandle((t) => {
      const d = new DataTransfer();
      d.items.add(new File([t], '2024_pingtan_zhqsyq_page.mhtml', { type: 'multipart/related' }));
      return d;
    }, mhtml);
    await p.locator('[data-testid=drop-zone]').dispatchEvent('drop', { dataTransfer: dt });
    const card = p.locator('.check-card[data-report-id="2024_pingtan_zhqsyq_page"]');
    await card.waitFor({ timeout: 60_000 });
    await expect.poll(() => p.locator('[role=status]').count(), { timeout: 60_000 }).toBe(0); // rows in DuckDB
    const got = (await p.evaluate(() => (window as unknown as { nianbao: { query(q: string): Promise<{ t: string; i: string; c: string; v: number | null }[]> } }).nianbao
      .query(`SELECT "table" AS t, item AS i, "column" AS c, value AS v FROM facts WHERE report_id = '2024_pingtan_zhqsyq_page'`)))
      .map((f) => `${f.t}.${f.i}.${f.c} = ${f.v === null ? 'blank' : Number(f.v)}`).sort();
    expect(got).toEqual(want);
    await expect(card.locator('[data-field=template]').textContent()).resolves.toBe('2021');
    expect(await card.locator('tr[data-status="fail"]').count()).toBe(0);
    await card.getByRole('button').click();
    const row = card.locator('table.raw-cells tbody tr').filter({ hasText: '本年新收' }).filter({ hasText: '总计' }).first();
    expect(await row.locator('td').nth(3).textContent()).toBe('218'); // truth.csv: 平潭 2024 new = 218
    expect(errs).toEqual([]);
  });
});
