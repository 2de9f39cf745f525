// One report in every form a user has, imported in the dashboard's Import view (production build,
// strict CSP header, offline): the .docx, the .doc, the GBK page, the pasted text and the saved
// page of 平潭综合实验区's 2024 report each show the agency and exactly the cells the CLI reads
// from the same file (src/cli/parse-file.ts → src/ingest), value for value.
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFile } from '../../src/cli/parse-file';
import { CSP, startApp, type App } from './harness';

const FORMATS = path.resolve('data/formats');
const FILES = ['2024_pingtan_zhqsyq.docx', '2024_pingtan_zhqsyq.doc', '2024_pingtan_zhqsyq_gbk.html', '2024_pingtan_zhqsyq_paste.txt', '2024_pingtan_zhqsyq_page.html'];
const SHOTS = process.env.NIANBAO_SHOTS; // folder for screenshots, when set

let app: App;
let page: Page;
let errors: string[];

const card = (file: string) => page.locator('.check-card').filter({ has: page.locator('.check-card-meta', { hasText: new RegExp(`^${file.replace(/[.]/g, '\\.')} ·`) }) });

beforeAll(async () => {
  app = await startApp({ headers: { 'Content-Security-Policy': CSP }, consoleErrors: true });
  ({ page, errors } = app);
  await page.goto(`${app.url}?anim=0&view=import`);
  await page.locator('[data-testid=import-input]').setInputFiles([
    ...FILES.map((f) => ({ name: f, mimeType: 'application/octet-stream', buffer: readFileSync(path.join(FORMATS, f)) })),
    { name: 'scan.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]) },
  ]);
  await page.waitForFunction((n) => document.querySelectorAll('.import-progress li[data-state="done"], .import-progress li[data-state="failed"]').length === n, FILES.length + 1, { timeout: 120_000 });
  for (const f of FILES) await card(f).waitFor({ timeout: 60_000 });
}, 300_000);

afterAll(async () => {
  await app?.close();
});

describe('every form of one report imported in the browser', () => {
  for (const f of FILES) {
    it(`${f}: the agency, year and every cell the CLI reads`, async () => {
      const cli = await parseFile({ path: path.join(FORMATS, f), sourceFile: f, reportId: 'cli' });
      expect(cli.report.agency).toBe('平潭综合实验区');
      const c = card(f);
      await expect(c.locator('h3').textContent()).resolves.toContain('平潭综合实验区 2024');
      expect(await c.getAttribute('data-status')).toBe(cli.status);
      expect(await c.locator('[data-field=template]').textContent()).toBe('2021');
      expect(await c.locator('.finding-list [data-code=agency-not-found]').count()).toBe(0);
      await c.getByRole('button', { name: '查看解析出的表格与原始单元格' }).click();
      const shown = await c.locator('table.raw-cells tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
      const want = cli.facts.map((x) => [x.rowLabel, x.columnLabel, x.raw, x.value === null ? '' : String(x.value)]);
      expect(shown).toEqual(want);
      // truth.csv (formats/ rows): new 218, granted 71, partial 29, review total 7
      const value = (row: string, col: string) => shown.find((r) => r[0] === row && r[1] === col)?.[3];
      expect(want.length).toBeGreaterThan(190);
      expect(value(cli.facts.find((x) => x.item === 'new' && x.column === 'total')!.rowLabel, cli.facts.find((x) => x.item === 'new' && x.column === 'total')!.columnLabel)).toBe('218');
      await c.getByRole('button', { name: '查看解析出的表格与原始单元格' }).click();
    });
  }

  it('refuses a picture with a reason in the UI\'s language that names the accepted forms', async () => {
    const li = page.locator('.import-progress li').filter({ hasText: 'scan.png' });
    expect(await li.getAttribute('data-state')).toBe('failed');
    const text = await li.textContent();
    expect(text).toMatch(/这是图片，不是年度报告/);
    expect(text).toMatch(/可以读取：PDF（有文字层）、Word（\.docx、\.doc）/);
  });

  it('looks right at 1280 and 390 px, with no page error or CSP violation', async () => {
    if (SHOTS) {
      mkdirSync(SHOTS, { recursive: true });
      for (const width of [1280, 390]) {
        await page.setViewportSize({ width, height: 900 });
        await page.locator('.import-progress').evaluate((e) => e.scrollIntoView({ block: 'start' }));
        await page.screenshot({ path: path.join(SHOTS, `formats-progress-${width}.png`) });
        await card(FILES[2]!).locator('h3').evaluate((e) => e.scrollIntoView({ block: 'start' }));
        await page.screenshot({ path: path.join(SHOTS, `formats-gbk-card-${width}.png`) });
      }
    }
    expect(errors).toEqual([]);
  });
});
