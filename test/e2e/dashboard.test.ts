// The dashboard end to end: the built app in headless Chromium on a known dataset (real 湘潭县
// 2024 cells from data/reports/2024_xiangtanxian_zfbgs.txt, plus a hostile agency name).
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createNodeRunner, SMALL_DATASET_DIR } from '../helpers/duckdb-node';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { closeServer, CSP, serve, startApp, tempDir, writeDuckDb, type App } from './harness';

const XT = '湘潭县人民政府办公室';
const XT_Q = `agency=${encodeURIComponent(XT)}`;

let app: App;
let outDir: string;
let url: string;
let ctx: BrowserContext;
let page: Page;
let errors: string[] = [];
let dialogs: string[] = [];

beforeAll(async () => {
  // No request may leave the origin (offline promise: no CDN, no extension download): startApp's route.
  app = await startApp();
  ({ dist: outDir, url, ctx } = app);
  await app.page.close(); // each test opens its own (open() below)
});

afterAll(async () => {
  await app?.close();
});

async function open(query: string, target = url): Promise<Page> {
  errors = [];
  dialogs = [];
  page = await ctx.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
  await page.goto(`${target}?anim=0${query ? `&${query}` : ''}`);
  return page;
}

const chartReady = () => page.waitForSelector('body[data-chart="ready"]', { timeout: 60_000 });
const text = async (sel: string) => (await page.locator(sel).first().textContent({ timeout: 60_000 })) ?? '';
const showTable = (panel: string) => page.locator(`[data-panel="${panel}"] .toolbar button`).first().click();
const row = (panel: string, ...has: string[]) => {
  let l = page.locator(`[data-panel="${panel}"] tbody tr`);
  for (const h of has) l = l.filter({ hasText: h });
  return l;
};

afterEach(async () => {
  expect(errors).toEqual([]);
  expect(dialogs).toEqual([]);
  await page?.close();
});

describe('views show the printed numbers of 湘潭县 2024', () => {
  it('overview: 33 new + 2 carried over = 35 received, 8 reconsiderations, correction rate 4/8 greyed as a small sample', async () => {
    await open(XT_Q);
    await chartReady();
    expect(await text('[data-testid="card-received"]')).toBe('35');
    expect(await text('[data-testid="card-new"]')).toBe('33');
    expect(await text('[data-testid="card-carried_over"]')).toBe('2');
    expect(await text('[data-testid="card-review_total"]')).toBe('8');
    expect(await text('[data-testid="card-correction_rate"]')).toContain('50.0%（4/8）');
    await expect(page.locator('.card[data-metric="correction_rate"]').getAttribute('class')).resolves.toContain('muted');
    expect(await page.locator('canvas').count()).toBeGreaterThan(0);
  });

  it('trends: the table alternative lists received = 35 for 2024', async () => {
    await open(`view=trends&${XT_Q}`);
    await chartReady();
    await showTable('trends');
    await expect(row('trends', '2024').first().textContent()).resolves.toContain('35');
  });

  it('trends: the rate switch shows rates with their denominator (予以公开率 11/33 for 2024), kept in the URL', async () => {
    await open(`view=trends&${XT_Q}`);
    await chartReady();
    await page.getByRole('button', { name: '比率' }).click();
    await expect.poll(() => page.url()).toContain('mode=percent');
    await showTable('trends');
    const r = row('trends', '2024').first();
    await expect(r.textContent()).resolves.toMatch(/33\.3%.*11\/33/);
  });

  it('compare: 湘潭县 is highlighted among the 2024 peers with 35 received', async () => {
    await open(`view=compare&year=2024&${XT_Q}`);
    await chartReady();
    await showTable('compare');
    const r = row('compare', XT);
    await expect(r.locator('strong').textContent()).resolves.toBe(XT);
    await expect(r.textContent()).resolves.toContain('35');
  });

  it('regions: drills 全国 → 湖南省 → 湘潭市 → 湘潭县 with 33 new applications, the drill kept in the URL', async () => {
    await open('view=regions&metric=new&year=2024');
    await chartReady();
    await showTable('regions');
    await row('regions', '湖南省').locator('button').click();
    await expect.poll(() => page.url()).toContain('region=43');
    await row('regions', '湘潭市').locator('button').click();
    await expect.poll(() => page.url()).toContain('region=4303');
    const county = row('regions', '湘潭县');
    await expect(county.textContent()).resolves.toContain('33');
    await expect(page.locator('.crumbs button').allTextContents()).resolves.toEqual(['全国', '湖南省', '湘潭市']);
  });

  it('outcomes: 26 new requests from natural persons among applicant types; a flow chart renders', async () => {
    await open(`view=outcomes&${XT_Q}`);
    await chartReady();
    await showTable('applicants');
    // applicant types in words (no internal key such as `natural` on screen)
    await expect(row('applicants', '自然人').first().textContent()).resolves.toContain('26');
    await expect(page.locator('[data-panel="flow"] canvas').count()).resolves.toBeGreaterThan(0);
  });

  it('appeals: 0 upheld, 4 corrected, 4 other, 0 pending, 8 total; correction rate 50.0% (4/8)', async () => {
    await open(`view=appeals&${XT_Q}`);
    await chartReady();
    await showTable('appeals');
    const cells = await row('appeals', '行政复议').first().locator('td').allTextContents();
    expect(cells.slice(0, 7)).toEqual(['2024', '行政复议', '0', '4', '4', '0', '8']);
    expect(cells[7]).toContain('50.0%（4/8）');
  });

  it('quality: the report lists its identity checks with both sides; a failing report is listed as failing', async () => {
    await open('view=quality&report=2024_xiangtanxian_zfbgs');
    await page.getByRole('heading', { name: '2024_xiangtanxian_zfbgs' }).waitFor({ timeout: 60_000 });
    const checks = await page.locator('table').filter({ hasText: '勾稽关系' }).nth(1).locator('tbody tr').allTextContents();
    expect(checks.length).toBeGreaterThan(0);
    expect(checks.join('\n')).toMatch(/通过/);
    await expect(page.locator('tbody tr').filter({ hasText: 'SYNTHETIC空白局' }).textContent()).resolves.toMatch(/1 不成立/);
  });

  it('source: the 本年新收 total traces to its printed row label, raw cell "33" and line L89', async () => {
    await open('view=source&report=2024_xiangtanxian_zfbgs&cell=requests:new:total');
    const r = page.locator('tbody tr').filter({ hasText: '一、本年新收政府信息公开申请数量' }).first();
    await expect(r.textContent({ timeout: 60_000 })).resolves.toContain('33');
    await expect(r.textContent()).resolves.toContain('L89');
    await expect(page.locator('.downloads a[href$="data/nianbao.duckdb"]').count()).resolves.toBe(1);
  });

  it('a compare table cell links to its source: report, printed row and raw cell', async () => {
    await open(`view=compare&year=2024&metric=new&${XT_Q}`);
    await chartReady();
    await showTable('compare');
    await row('compare', XT).getByRole('button', { name: `来源: ${XT} 2024` }).click();
    await expect.poll(() => page.url()).toContain('report=2024_xiangtanxian_zfbgs&cell=requests%3Anew%3Atotal');
    const r = page.locator('tbody tr').filter({ hasText: '一、本年新收' }).first();
    await r.waitFor({ timeout: 30_000 });
    const cells = await r.locator('td').allTextContents();
    // the table and column in words, the row label as printed (no `requests` / `total` keys)
    expect(cells.slice(0, 2)).toEqual(['表三（依申请公开）', '一、本年新收政府信息公开申请数量']);
    expect(cells[2]).not.toBe('total');
    expect(cells.slice(3, 5)).toEqual(['33', '33']);
  });

  it('outcomes: drill-down to the reasons of one group', async () => {
    await open(`view=outcomes&${XT_Q}`);
    await chartReady();
    await page.getByRole('combobox', { name: '不予公开等 20 类原因' }).selectOption('denied');
    await expect.poll(() => page.locator('[data-panel="reasons"] .toolbar button').first().isEnabled()).toBe(true);
    await showTable('reasons');
    // the re-query is async: poll until the table shows the drilled-down rows
    await expect.poll(async () => [...new Set(await page.locator('[data-panel="reasons"] tbody tr td:nth-child(2)').allTextContents())], { timeout: 20_000 })
      .toEqual(['不予公开']);
    await expect(page.locator('[data-panel="reasons"] tbody tr').count()).resolves.toBeGreaterThan(3);
  });

  it('import: the view mounts the import panel, which says files stay in the browser', async () => {
    await open('view=import');
    await expect(text('.privacy-note')).resolves.toContain('不会上传');
    await expect(page.locator('[data-testid="import-input"]').count()).resolves.toBe(1);
  });
});

describe('behaviour', () => {
  it('state goes to the URL; back and forward restore the view', async () => {
    await open('');
    await chartReady();
    await page.getByRole('button', { name: '复议与诉讼' }).click();
    await page.waitForURL(/view=appeals/);
    await page.getByRole('button', { name: '年度趋势' }).click();
    await page.waitForURL(/view=trends/);
    // same-document history entries: no 'load' event, so poll the URL
    await page.goBack({ waitUntil: 'commit' });
    await expect.poll(() => page.url()).toMatch(/view=appeals/);
    await expect.poll(() => page.locator('main#view').getAttribute('data-view')).toBe('appeals');
    await page.goForward({ waitUntil: 'commit' });
    await expect.poll(() => page.locator('main#view').getAttribute('data-view')).toBe('trends');
    // the shared link reproduces the view
    const link = page.url();
    const p2 = await ctx.newPage();
    await p2.goto(link);
    await expect(p2.locator('main#view').getAttribute('data-view', { timeout: 60_000 })).resolves.toBe('trends');
    await p2.close();
  });

  it('is usable from the keyboard: tabs, filters and the table toggle are real, focusable controls', async () => {
    await open(XT_Q);
    await chartReady();
    await page.getByRole('button', { name: '复议与诉讼' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toMatch(/view=appeals/);
    await page.getByRole('combobox', { name: '起始年份' }).focus();
    await page.keyboard.press('ArrowDown'); // first year after "全部"
    await expect.poll(() => page.url()).toMatch(/years=\d{4}-\d{4}/);
    const toggle = page.locator('[data-panel="appeals"] .toolbar button').first();
    await toggle.focus();
    await page.keyboard.press('Space');
    await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(page.locator('[data-panel="appeals"] table').count()).resolves.toBe(1);
  });

  it('switches language to English and back, keeping it in the URL; numbers per locale', async () => {
    await open(XT_Q);
    await chartReady();
    await page.getByRole('button', { name: '切换语言' }).click();
    await page.waitForURL(/lang=en/);
    await expect(text('h1')).resolves.toMatch(/^Nianbao/);
    expect(await text('[data-testid="card-correction_rate"]')).toContain('50.0% (4/8)');
    await page.getByRole('button', { name: 'Switch language' }).click();
    await expect(text('h1')).resolves.toMatch(/^年报/);
  });

  it('embed mode shows the chart alone with a link back, and the share dialog offers the iframe snippet', async () => {
    await open(`view=appeals&${XT_Q}&embed=1`);
    await chartReady();
    await expect(page.locator('nav').count()).resolves.toBe(0);
    await expect(page.locator('.filters').count()).resolves.toBe(0);
    await expect(page.locator('canvas').count()).resolves.toBeGreaterThan(0);
    await page.goto(`${url}?anim=0&view=appeals&${XT_Q}`);
    await chartReady();
    await page.getByRole('button', { name: '分享 / 嵌入' }).click();
    const snippet = await page.locator('[data-testid="share-embed"]').inputValue();
    expect(snippet).toMatch(/^<iframe src="http:\/\/127\.0\.0\.1:\d+\/\?view=appeals&amp;agency=.*&amp;embed=1&amp;chart=appeals"/);
  });

  it('downloads the data behind the appeals chart as CSV with blanks empty, not 0', async () => {
    await open(`view=appeals&${XT_Q}`);
    await chartReady();
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 CSV' }).click()]);
    // the file name carries the view and selection; the first line states the filters, columns are labelled
    expect(dl.suggestedFilename()).toBe(`nianbao_appeals_${XT}_zh.csv`);
    const csv = readFileSync((await dl.path())!, 'utf8').replace(/^\ufeff/, '');
    const lines = csv.split(/\r?\n/);
    expect(lines[0]).toBe(`筛选：已选机关：${XT}；全部年份`);
    expect(lines[1]).toBe('项目,年份,结果维持（件）,结果纠正（件）,其他结果（件）,尚未审结（件）,总计（件）,纠错率分子：纠正（件）,纠错率分母：总计 − 尚未审结（件）,纠错率（小数，0.25 = 25%）,有数据的报告数（份）,报告数（份）');
    expect(lines).toContain('行政复议,2024,0,4,4,0,8,4,8,0.5,1,1');
  });

  it('an agency named <img src=x onerror=alert(1)> is shown as text and runs nothing', async () => {
    await open('view=compare&year=2024');
    await chartReady();
    await page.getByLabel('搜索机关（部分名称）').fill('onerror');
    const hit = page.locator('.results button').first();
    await expect(hit.textContent({ timeout: 30_000 })).resolves.toContain('<img src=x onerror=alert(1)>');
    await hit.click();
    await expect(page.locator('.chips li span').first().textContent()).resolves.toContain(`SYNTHETIC<img src=x onerror=alert(1)>'";\\局`);
    await chartReady();
    await page.locator('canvas').first().hover();
    await showTable('compare');
    await expect(page.locator('[data-panel="compare"] strong').first().textContent()).resolves.toContain('<img src=x');
    await expect(page.locator('img').count()).resolves.toBe(0);
  });

  it('downloads the chart as SVG rendered by ECharts SSR, with the agency name escaped', async () => {
    await open(`view=compare&year=2024&${XT_Q}`);
    await chartReady();
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 SVG' }).click()]);
    expect(dl.suggestedFilename()).toBe(`nianbao_compare_received_${XT}_2024_zh.svg`);
    const svg = readFileSync((await dl.path())!, 'utf8');
    // valid XML as Chromium's own parser sees it, with title, filters and source drawn in
    await expect(page.evaluate((t) => new DOMParser().parseFromString(t, 'image/svg+xml').getElementsByTagName('parsererror').length, svg)).resolves.toBe(0);
    expect(svg).toContain('筛选：已选机关');
    expect(svg).toContain('数据来源');
    expect(svg).toMatch(/^<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain(XT);
    expect(svg).not.toContain('<img');
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 PNG' }).click()]);
    expect(readFileSync((await png.path())!).subarray(1, 4).toString()).toBe('PNG');
  });

  it('shows a SYNTHETIC banner when the dataset meta says synthetic, and none for real data', async () => {
    await open(XT_Q);
    await chartReady();
    await expect(page.locator('[data-testid="synthetic"]').count()).resolves.toBe(0);
    await page.close();
    const dir = await tempDir('nianbao-synth-');
    for (const f of readdirSync(SMALL_DATASET_DIR)) if (f.endsWith('.csv')) copyFileSync(path.join(SMALL_DATASET_DIR, f), path.join(dir, f));
    writeFileSync(path.join(dir, 'meta.csv'), 'key,value\ndataset,synthetic\ngenerator,e2e test\n');
    await writeDuckDb(dir, path.join(dir, 'synthetic.duckdb'));
    const bytes = readFileSync(path.join(dir, 'synthetic.duckdb'));
    page = await ctx.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    await page.route('**/data/index.duckdb', (r) => r.fulfill({ status: 200, body: bytes, contentType: 'application/octet-stream' }));
    await page.goto(`${url}?anim=0&${XT_Q}`);
    await expect(text('[data-testid="synthetic"]')).resolves.toContain('SYNTHETIC');
  });

  it('a missing data file ends in a clear error, not a spinner', async () => {
    page = await ctx.newPage();
    errors = [];
    dialogs = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.route('**/data/index.duckdb', (r) => r.fulfill({ status: 404, body: 'not found' }));
    await page.goto(url);
    await expect(text('[data-testid="load-error"]')).resolves.toContain('找不到数据文件');
  });
});

describe('per-province detail files, fetched on demand', () => {
  it('draws the overview from the index while detail files are held back; compare waits for them, then shows 35', async () => {
    const held: (() => Promise<void>)[] = [];
    errors = [];
    dialogs = [];
    page = await ctx.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    await page.route('**/data/detail/**', (r) => { held.push(() => r.continue()); });
    await page.goto(`${url}?anim=0&year=2024`);
    await chartReady();
    // the overview's figures come from the cube in index.duckdb: no detail file has arrived
    await expect(text('[data-testid="card-new"]')).resolves.toMatch(/\d/);
    // the first chart may come from the build-time snapshot, before DuckDB is up: allow for its start
    await expect.poll(() => held.length, { timeout: 60_000 }).toBeGreaterThan(0); // the small dataset is prefetched…
    await expect(text('[data-testid="detail-status"]')).resolves.toMatch(/逐份报告明细/); // …visibly
    await page.getByRole('button', { name: '机关比较' }).click();
    // the ranking needs per-report rows: it waits instead of ranking a partial dataset
    await expect(text('#view .loading')).resolves.toBeTruthy();
    await new Promise((r) => setTimeout(r, 500));
    await expect(page.locator('[data-panel="compare"] tbody tr').count()).resolves.toBe(0);
    for (const go of held) await go();
    await chartReady();
    await showTable('compare');
    await expect(row('compare', XT).textContent()).resolves.toContain('35');
    await expect(page.locator('[data-testid="detail-status"]').count()).resolves.toBe(0);
  });

  it('asks before a national view downloads more than 64 MB of detail, and loads it all on request', async () => {
    // The same index, claiming 40 MB per province file: one province fits, all of them do not.
    const big = path.join(await tempDir('nianbao-big-'), 'index.duckdb');
    copyFileSync(path.join(outDir, 'data', 'index.duckdb'), big);
    const db = await createNodeRunner(big);
    await db.run('UPDATE parts SET bytes = 40000000');
    const [{ n }] = await db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM parts');
    db.close();
    expect(n).toBeGreaterThan(2);
    const bytes = readFileSync(big);
    const detailRequests: string[] = [];
    errors = [];
    dialogs = [];
    page = await ctx.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => { if (r.url().includes('/data/detail/')) detailRequests.push(r.url()); });
    await page.route('**/data/index.duckdb', (r) => r.fulfill({ status: 200, body: bytes, contentType: 'application/octet-stream' }));
    await page.goto(`${url}?anim=0&view=compare&year=2024`);
    await expect(text('[data-testid="detail-large"]')).resolves.toContain(`(${n * 40} MB)`);
    expect(detailRequests).toEqual([]); // nothing was started behind the user's back
    await expect(page.locator('[data-panel="compare"]').count()).resolves.toBe(0);
    // one province is within the limit: no question
    await page.evaluate(`history.pushState(null, '', '?anim=0&view=compare&year=2024&region=43'); dispatchEvent(new PopStateEvent('popstate'))`);
    await chartReady();
    expect(detailRequests.map((u) => u.replace(/.*\/detail\//, ''))).toEqual(['43.duckdb']);
    await page.evaluate(`history.pushState(null, '', '?anim=0&view=compare&year=2024&${XT_Q}'); dispatchEvent(new PopStateEvent('popstate'))`);
    await expect(text('[data-testid="detail-large"]')).resolves.toContain(`(${(n - 1) * 40} MB)`); // 43 is loaded already
    await page.getByRole('button', { name: '加载全部明细' }).click();
    await chartReady();
    await showTable('compare');
    await expect(row('compare', XT).textContent()).resolves.toContain('35');
  });

  it('a detail file that cannot be fetched is an error in the view that needs it, never a smaller number', async () => {
    errors = [];
    dialogs = [];
    page = await ctx.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    await page.route('**/data/detail/**', (r) => r.fulfill({ status: 404, body: 'not found' }));
    await page.goto(`${url}?anim=0&view=compare&year=2024&${XT_Q}`);
    await expect(text('#view .error')).resolves.toMatch(/not found: .*data\/detail\/\w+\.duckdb/);
    await expect(page.locator('[data-panel="compare"] tbody tr').count()).resolves.toBe(0);
  });
});

describe('hosting', () => {
  it('carries the CSP meta tag and runs under the same CSP sent as a header with no violation', async () => {
    const html = readFileSync(`${outDir}/index.html`, 'utf8');
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${CSP}"`);
    const { server: s2, url: u2 } = await serve(outDir, { headers: { 'Content-Security-Policy': CSP } });
    try {
      await ctx.route(`${u2}**`, (r) => r.continue());
      await ctx.addInitScript(() => {
        (window as unknown as { __csp: string[] }).__csp = [];
        document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
      });
      await open(XT_Q, u2);
      await chartReady();
      expect(await text('[data-testid="card-received"]')).toBe('35');
      expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
    } finally {
      await closeServer(s2);
    }
  });

  it('a host CSP that blocks WebAssembly ends in an error naming the cause (after the instantiate timeout)', async () => {
    const { server: s4, url: u4 } = await serve(outDir, { headers: { 'Content-Security-Policy': CSP.replace(" 'wasm-unsafe-eval'", '') } });
    try {
      await ctx.route(`${u4}**`, (r) => r.continue());
      errors = [];
      dialogs = [];
      page = await ctx.newPage();
      // the test hook (src/data/duckdb-wasm.ts loadOptionsFromUrl) shortens the 30 s default to 3 s
      await page.goto(`${u4}?anim=0&nb-timeouts=instantiate:3000`);
      await expect(text('[data-testid="load-error"]')).resolves.toContain('CSP');
      // the snapshot may have drawn the first chart meanwhile: the error replaces the view
      await expect(page.locator('main#view').count()).resolves.toBe(0);
    } finally {
      await closeServer(s4);
    }
  }, 90_000);

  it('works under a sub-path', async () => {
    const { server: s3, url: u3 } = await serve(outDir, { base: '/some/deep/path/' });
    try {
      expect(u3).toMatch(/\/some\/deep\/path\/$/);
      await ctx.route(`${u3}**`, (r) => r.continue());
      await open(XT_Q, u3);
      await chartReady();
      expect(await text('[data-testid="card-received"]')).toBe('35');
    } finally {
      await closeServer(s3);
    }
  });
});
