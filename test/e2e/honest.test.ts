// Honest numbers on the real bundled data (`npm run data` → public/data: data/reports + 平潭's 218
// department reports): each report counted once, each agency one agency, changes like for like,
// no internal key on screen. Expected figures are computed from the same nianbao.duckdb in Node
// (counted reports only) and, where named, read from the report text.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REAL_DATA, startApp, type App } from './harness';
import { createNodeRunner, type NodeRunner } from '../helpers/duckdb-node';
import { VIEWS, type View } from '../../src/state/url';
import { APPEAL_ITEMS, APPLICANT_COLUMNS, OUTCOME_GROUPS, REQUEST_ROWS, DERIVED_REQUEST_ITEMS } from '../../src/model/keys';

const REPORTS = path.resolve('data/reports');
const HZ = '淮安市洪泽区人民政府';
let app: App;
let url: string;
let page: Page;
let db: NodeRunner;
let errors: string[];

beforeAll(async () => {
  app = await startApp({ realData: true });
  ({ url, page, errors } = app);
  db = await createNodeRunner();
  await db.run(`ATTACH '${REAL_DATA}' AS nb (READ_ONLY)`);
}, 300_000);

afterAll(async () => {
  db?.close();
  await app?.close();
});

const num = (s: string | null) => Number((s ?? '').replace(/[,，\s]/g, ''));
const tab = (name: string) => page.locator('nav .tabs button').filter({ hasText: name }).click();

/** The table of a chart panel, as rows of cell texts. */
async function panelTable(id: string): Promise<string[][]> {
  const panel = page.locator(`[data-panel="${id}"]`);
  await panel.waitFor({ timeout: 60_000 });
  const toggle = panel.locator('.toolbar button').first();
  if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
  const rows = panel.locator('tbody tr');
  await rows.first().waitFor({ timeout: 60_000 });
  return Promise.all((await rows.all()).map((r) => r.locator('td, th').allTextContents()));
}

describe('each report counted once', () => {
  it('importing the seed text and the 洪泽区 2024 PDF changes no number and says which bundled reports were replaced', async () => {
    // Compare 2024 (all agencies) and Trends, before and after: 湘潭县 stays 35 received (not 70), 洪泽区 95 (not 190)
    const compare = async () => (await panelTable('compare')).map((r) => [r[1].replace(/导入$/, ''), r[2]]);
    await page.goto(`${url}?anim=0&view=compare&year=2024&metric=received`);
    const cBefore = await compare();
    expect(cBefore).toContainEqual(['湘潭县人民政府办公室', '35']);
    expect(cBefore).toContainEqual([HZ, '95']);
    await tab('年度趋势');
    const before = await panelTable('trends');
    await tab('导入报告');
    await page.locator('[data-testid=import-input]').setInputFiles([
      { name: '2024_xiangtanxian_zfbgs.txt', mimeType: 'text/plain', buffer: readFileSync(path.join(REPORTS, '2024_xiangtanxian_zfbgs.txt')) },
      { name: '2024_huaian_hongzequ_rmzf.pdf', mimeType: 'application/pdf', buffer: readFileSync(path.join(REPORTS, '2024_huaian_hongzequ_rmzf.pdf')) },
    ]);
    const replaced = page.locator('[data-testid=import-replaced]');
    await replaced.waitFor({ timeout: 120_000 });
    await expect.poll(async () => replaced.textContent(), { timeout: 60_000 }).toContain('2024_huaian_hongzequ_rmzf');
    expect(await replaced.textContent()).toContain('2024_xiangtanxian_zfbgs');
    expect(await replaced.locator('button').count()).toBe(2); // one undo each
    await tab('年度趋势');
    expect(await panelTable('trends')).toEqual(before);
    await tab('机关比较');
    expect(await compare()).toEqual(cBefore);
    expect(errors).toEqual([]);
  }, 300_000);

  it('Outcomes with no year filter equals the sum of its years (natural persons)', async () => {
    const years = (await db.query<{ year: number; v: number }>(`SELECT year, sum(requests__new__natural)::DOUBLE AS v FROM nb.metrics
      WHERE year IS NOT NULL AND requests__new__natural IS NOT NULL GROUP BY year ORDER BY year`));
    const natural = async (q: string) => {
      await page.goto(`${url}?anim=0&view=outcomes${q}`);
      const rows = await panelTable('applicants');
      return num(rows.find((r) => r.includes('自然人'))![3]);
    };
    const all = await natural('');
    let sum = 0;
    for (const y of years) {
      const v = await natural(`&years=${y.year}-${y.year}`);
      expect(v, String(y.year)).toBe(y.v);
      sum += v;
    }
    expect(all).toBe(sum);
    // the 淮安市 excerpt is set aside as a fragment of its PDF: 2024 counts 3,532 natural persons of 淮安市 once
    const [frag] = await db.query<{ counted: boolean; set_aside: string }>(`SELECT counted, set_aside FROM nb.reports WHERE report_id = '2024_huaian_szf_pdfextract_fragment'`);
    expect(frag).toEqual({ counted: false, set_aside: 'fragment' });
  }, 300_000);
});

describe('each agency one agency', () => {
  it('洪泽区人民政府 (2023) and 淮安市洪泽区人民政府 (2024) are one line: 21 then 95', async () => {
    await page.goto(`${url}?anim=0&view=trends&metrics=new&agency=${encodeURIComponent(HZ)}`);
    const rows = await panelTable('trends');
    const hz = rows.filter((r) => r.some((c) => c.includes('洪泽')));
    expect(new Set(hz.map((r) => r.find((c) => c.includes('洪泽'))))).toEqual(new Set([HZ]));
    expect(hz.find((r) => r.includes('2023'))).toContain('21');
    expect(hz.find((r) => r.includes('2024'))).toContain('95');
  }, 120_000);

  it('search finds agencies by part of the name, pinyin and traditional characters', async () => {
    await page.goto(`${url}?anim=0&view=trends`);
    const box = page.locator('.filters .search input');
    for (const q of ['淮安市 洪泽', 'hongze', '洪澤', '光明']) {
      await box.fill(q);
      await expect.poll(async () => (await page.locator('body').innerText()).includes(q === '光明' ? '深圳市光明区外事局' : HZ), { timeout: 30_000 }).toBe(true);
    }
  }, 120_000);
});

describe('places', () => {
  it('平潭综合实验区 (福建省 known, no code) is a tile under 福建省', async () => {
    await page.goto(`${url}?anim=0&view=regions&region=35&year=2024`);
    const rows = await panelTable('regions');
    const pt = rows.find((r) => r.includes('平潭综合实验区'));
    expect(pt).toBeDefined();
    const [{ v }] = await db.query<{ v: number }>(`SELECT sum(requests__new__total + requests__carried_over__total)::DOUBLE AS v FROM nb.metrics
      WHERE year = 2024 AND region_code = '35' AND place = '平潭综合实验区'`);
    expect(num(pt![2])).toBe(v);
    expect(await page.locator('[data-view="regions"]').innerText()).not.toContain('无法定位');
  }, 120_000);
});

describe('like-for-like change on the landing', () => {
  it('compares the agencies present in both years, says how many, and moves rates in percentage points', async () => {
    const [{ y }] = await db.query<{ y: number }>('SELECT max(year)::INTEGER AS y FROM nb.metrics');
    const [{ n }] = await db.query<{ n: number }>(`SELECT count(DISTINCT a.agency)::INTEGER AS n FROM nb.metrics a JOIN nb.metrics b
      ON a.agency = b.agency AND a.year = ${y} AND b.year = ${y - 1}
      WHERE a.requests__new__total IS NOT NULL AND a.requests__carried_over__total IS NOT NULL AND b.requests__new__total IS NOT NULL AND b.requests__carried_over__total IS NOT NULL`);
    await page.goto(`${url}?anim=0`);
    const change = page.locator('[data-testid=change-received]');
    await change.waitFor({ timeout: 60_000 });
    expect(await change.textContent()).toContain(`同口径 ${n} 个机关，对比 ${y - 1} 年`);
    const rate = await page.locator('[data-testid=change-granted_rate]').textContent();
    expect(rate).toMatch(/个百分点/);
    expect(rate).not.toMatch(/%\)?$/);
    expect(await page.locator('[data-testid=loaded-summary]').textContent()).toMatch(/已载入 \d+ 份报告（计入合计 \d+ 份），\d+ 个机关/);
    await page.goto(`${url}?anim=0&lang=en`);
    await expect.poll(async () => page.locator('[data-testid=change-granted_rate]').textContent(), { timeout: 60_000 }).toMatch(/ pp$/);
  }, 120_000);
});

describe('like-for-like change in Trends', () => {
  it('the first-to-last-year change under the chart counts only agencies with data in both years', async () => {
    const known = 'requests__new__total IS NOT NULL AND requests__carried_over__total IS NOT NULL';
    const [{ a, b }] = await db.query<{ a: number; b: number }>(`SELECT min(year)::INTEGER AS a, max(year)::INTEGER AS b FROM nb.metrics WHERE ${known}`);
    const both = `SELECT agency FROM nb.metrics WHERE ${known} AND year = ${a} INTERSECT SELECT agency FROM nb.metrics WHERE ${known} AND year = ${b}`;
    const [{ n }] = await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM (${both})`);
    const [{ d }] = await db.query<{ d: number }>(`SELECT (sum(requests__new__total + requests__carried_over__total) FILTER (WHERE year = ${b})
      - sum(requests__new__total + requests__carried_over__total) FILTER (WHERE year = ${a}))::DOUBLE AS d FROM nb.metrics WHERE agency IN (${both})`);
    await page.goto(`${url}?anim=0&view=trends&metrics=received`);
    const note = page.locator('[data-testid=trends-change] [data-metric=received]');
    await note.waitFor({ timeout: 60_000 });
    const text = (await note.textContent()) ?? '';
    expect(text).toContain(`${a}–${b} 年变化（同口径：两年都有数据的 ${n} 个机关）`);
    expect(num(text.split('个机关）')[1].split('(')[0].split('（')[0].replace('−', '-'))).toBe(d);
    await page.goto(`${url}?anim=0&view=trends&mode=percent&metrics=granted_rate&lang=en`);
    const rate = page.locator('[data-testid=trends-change] [data-metric=granted_rate]');
    await rate.waitFor({ timeout: 60_000 });
    expect(await rate.textContent()).toMatch(/like for like: the \d+ agencies with data in both years\) [+−±][\d.]+ pp/);
  }, 120_000);
});

// Keys a user must never read. In Chinese no ASCII key at all; in English the multi-word keys
// (snake_case, check ids) — plain English words such as "other" are labels there.
const KEYS = [
  ...REQUEST_ROWS.map((r) => r.key), ...DERIVED_REQUEST_ITEMS, ...APPLICANT_COLUMNS, ...OUTCOME_GROUPS.map((g) => g.key),
  ...APPEAL_ITEMS.map((a) => a.key), 'requests.balance', 'requests.row_total', 'requests.outcome_sum', 'appeals.group_total',
  'province', 'city', 'county', 'township', 'department',
];
const ZH_KEYS = new RegExp(`(?<![A-Za-z0-9_./-])(${[...new Set(KEYS)].map((k) => k.replace('.', '\\.')).join('|')})(?![A-Za-z0-9_])`, 'g');
const EN_KEYS = new RegExp(`(?<![A-Za-z0-9_./-])(${[...new Set(KEYS)].filter((k) => /[_.]/.test(k)).map((k) => k.replace('.', '\\.')).join('|')})(?![A-Za-z0-9_])`, 'g');

// What each view shows once it has its data: the walker waits for it, so a view that failed or
// stayed empty fails here instead of passing with nothing read. Typed by View: a new view must be added.
const SHOWN: Record<View, string> = {
  overview: '[data-testid=loaded-summary]', trends: '[data-panel=trends] canvas', change: '[data-testid=change-table]',
  compare: '[data-panel=compare] canvas', regions: '[data-panel=regions] canvas', outcomes: '[data-panel=outcomes] canvas',
  appeals: '[data-panel=appeals] canvas', quality: '[data-view=quality] table', source: '[data-view=source] table',
  sql: '[data-testid=sql-result]', glossary: '[data-term]', import: '[data-testid=import-input]', profile: '[data-testid=profile-years]',
};

describe('plain language', () => {
  it('no internal key in any view, table or tooltip, in both languages', async () => {
    const found: string[] = [];
    const seen: string[] = [];
    for (const lang of ['zh', 'en'] as const) {
      for (const v of VIEWS) {
        const extra = v === 'quality' || v === 'source' ? '&report=2024_xiangtanxian_zfbgs' : v === 'profile' ? `&agency=${encodeURIComponent(HZ)}` : v === 'compare' ? `&agency=${encodeURIComponent(HZ)}&year=2024&metric=received`
          : v === 'glossary' ? '&term=granted_rate' : v === 'change' ? '&years=2022-2024' : '';
        await page.goto(`${url}?anim=0&lang=${lang}&view=${v}${extra}`);
        await page.locator('main#view').waitFor({ timeout: 60_000 });
        // the SQL view shows rows only once a query runs: its first example
        if (v === 'sql') await page.locator('[data-example]').first().click({ timeout: 60_000 });
        await page.locator(SHOWN[v]).first().waitFor({ timeout: 60_000 });
        seen.push(`${lang} ${v}`);
        await page.waitForTimeout(1000);
        const parts: string[] = [];
        // chart tooltips: hover each chart at a few points and read what the tooltip says
        for (const c of await page.locator('[data-panel] canvas').all()) {
          const box = await c.boundingBox();
          if (!box) continue;
          for (const [fx, fy] of [[0.3, 0.4], [0.5, 0.5], [0.75, 0.6]]) {
            await page.mouse.move(box.x + box.width * fx, box.y + box.height * fy);
            await page.waitForTimeout(150);
            parts.push(await page.evaluate(() => [...document.querySelectorAll('div')].filter((d) => d.style.position === 'absolute' && d.style.zIndex === '9999999').map((d) => d.innerText).join('\n')));
          }
        }
        // every chart's table: press the first toggle still showing a chart until none is left (a
        // pressed toggle leaves the set, so a list of nth() locators taken up front would point past
        // its end and wait out the 30 s action timeout, once per missing element)
        const toggles = page.locator('.toolbar button[aria-pressed="false"]');
        for (let i = 0; i < 20 && (await toggles.count()) > 0; i++) {
          if (!(await toggles.first().click({ timeout: 10_000 }).then(() => true, () => false))) break;
        }
        await page.waitForTimeout(300);
        const text = await page.evaluate(() => {
          // ids set as code beside their label (the glossary's metric ids and cells, the SQL view's
          // tables) and the columns a user's own query names are the SQL vocabulary, not leaks
          for (const el of document.querySelectorAll('code, [data-testid=sql-result] thead')) el.textContent = '';
          const parts = [document.body.innerText];
          for (const el of document.querySelectorAll('[title],[aria-label]')) parts.push(el.getAttribute('title') ?? '', el.getAttribute('aria-label') ?? '');
          for (const o of document.querySelectorAll('option')) parts.push(o.textContent ?? '');
          return parts.join('\n');
        });
        // file names, paths and URLs of a report's origin are not keys
        const plain = [text, ...parts].join('\n').replace(/\S*[/\\]\S*/g, ' ').replace(/\S+\.(csv|duckdb|txt|pdf|html?|md)\b/g, ' ');
        for (const m of plain.matchAll(lang === 'zh' ? ZH_KEYS : EN_KEYS)) found.push(`${lang} ${v}: ${m[0]} …${plain.slice(Math.max(0, m.index - 30), m.index + 30).replace(/\s+/g, ' ')}…`);
      }
    }
    expect(seen).toEqual((['zh', 'en'] as const).flatMap((l) => VIEWS.map((v) => `${l} ${v}`)));
    expect(found).toEqual([]);
  }, 900_000);
});
