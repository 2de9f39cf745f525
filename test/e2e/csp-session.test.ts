// A whole session under the strict CSP sent as an HTTP header: every view, every chart hovered
// at a grid of points so ECharts writes our tooltip HTML, counting `securitypolicyviolation`
// events. Target: 0. (Before: ~2,400 style-src-attr violations per session — the tooltip's colour
// markers were <span style=…>, stripped by the CSP; now an SVG circle styled by a class.)
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VIEWS } from '../../src/state/url';
import { CSP, startApp, type App } from './harness';

const XT = '湘潭县人民政府办公室';
let app: App;
let url: string;

beforeAll(async () => {
  app = await startApp({ headers: { 'Content-Security-Policy': CSP } });
  url = app.url;
  await app.ctx.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
  });
}, 300_000);

afterAll(async () => {
  await app?.close();
});

/** Moves the mouse over a 6 × 4 grid of every chart on the page; returns tooltips seen with a marker. */
async function hoverCharts(page: Page): Promise<{ charts: number; tooltips: number; markers: number }> {
  const charts = page.locator('.chart');
  const n = await charts.count();
  let tooltips = 0;
  let markers = 0;
  for (let i = 0; i < n; i++) {
    const c = charts.nth(i);
    await c.scrollIntoViewIfNeeded();
    const box = await c.boundingBox();
    if (!box || box.width < 20 || box.height < 20) continue;
    for (let x = 1; x <= 6; x++) {
      for (let y = 1; y <= 4; y++) {
        await page.mouse.move(box.x + (box.width * x) / 7, box.y + (box.height * y) / 5);
        await page.waitForTimeout(30);
        const seen = await page.evaluate(() => {
          const tips = [...document.querySelectorAll('.chart div')].filter((d) => (d as HTMLElement).style.display !== 'none' && /position:\s*absolute/.test((d as HTMLElement).style.cssText) && d.innerHTML.length > 0 && d.querySelector('b, br, svg'));
          return { tip: tips.length > 0, marker: tips.some((t) => t.querySelector('svg.nb-marker')) };
        });
        if (seen.tip) tooltips++;
        if (seen.marker) markers++;
      }
    }
  }
  return { charts: n, tooltips, markers };
}

describe('a session under the strict CSP header', () => {
  it('visits every view, hovers every chart: 0 CSP violations', async () => {
    const page = await app.ctx.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const seen: Record<string, { charts: number; tooltips: number; markers: number }> = {};
    // the init script's list starts empty on every page load: read it before leaving each page
    const violations: string[] = [];
    for (const view of VIEWS) {
      for (const q of ['', `&agency=${encodeURIComponent(XT)}`]) {
        await page.goto(`${url}?anim=0&view=${view}${q}`);
        await page.waitForSelector('#view', { timeout: 60_000 });
        // charts render once their query answers; a view without a chart has none to wait for
        await page.waitForFunction(() => document.body.dataset.chart === 'ready' || !document.querySelector('.chart'), null, { timeout: 60_000 }).catch(() => {});
        // then until every chart on the view has drawn (a canvas inside) and no new one appears
        let last = -1;
        for (let k = 0; k < 40; k++) {
          const state = await page.evaluate(() => { const c = [...document.querySelectorAll('.chart')]; return { n: c.length, drawn: c.filter((x) => x.querySelector('canvas')).length, loading: document.querySelectorAll('.loading, [aria-busy="true"]').length }; });
          if (state.n === last && state.drawn === state.n && state.loading === 0) break;
          last = state.n;
          await page.waitForTimeout(500);
        }
        seen[`${view}${q ? '+agency' : ''}`] = await hoverCharts(page);
        violations.push(...(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).map((v) => `${view}${q ? '+agency' : ''}: ${v}`));
      }
    }
    const total = Object.values(seen).reduce((s, v) => ({ charts: s.charts + v.charts, tooltips: s.tooltips + v.tooltips, markers: s.markers + v.markers }), { charts: 0, tooltips: 0, markers: 0 });
    console.log(`csp session: ${VIEWS.length * 2} pages, ${total.charts} charts, ${total.tooltips} hovers showing a tooltip (${total.markers} with a colour marker); violations: ${violations.length}`);
    // the session really showed tooltips with markers (else 0 violations would prove nothing)
    expect(total.tooltips).toBeGreaterThan(20);
    expect(total.markers).toBeGreaterThan(10);
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
  }, 600_000);
});
