// Embeds as a portal uses them: the dashboard's embed mode (?embed=1) and the static embed
// (embed.html, numbers in the URL) inside <iframe>s on a page of ANOTHER origin (a second server
// on another port), at 600×400, 100%×450 and 390 px; four on one page; the static one's transfer.
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Frame, Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { browser, buildApp, closeServer, serve } from './harness';

const XT = encodeURIComponent('湘潭县人民政府办公室');
let app: PreviewServer;
let appUrl: string;
let parent: Server;
let parentUrl: string;
let ctx: BrowserContext;
/** The parent page's HTML for the next request (set per test). */
let html = '';

beforeAll(async () => {
  const dist = await buildApp();
  ({ server: app, url: appUrl } = await serve(dist));
  parent = createServer((_req, res) => { res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }); res.end(html); });
  await new Promise<void>((r) => parent.listen(0, '127.0.0.1', () => r()));
  const addr = parent.address();
  parentUrl = `http://localhost:${typeof addr === 'object' && addr ? addr.port : 0}/`; // localhost ≠ 127.0.0.1: another origin
  ctx = await browser();
});

afterAll(async () => {
  await ctx?.close();
  await closeServer(app);
  await new Promise<void>((r) => (parent ? parent.close(() => r()) : r()));
});

const frameTag = (src: string, w: string, h: number) => `<iframe src="${src.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}" width="${w}" height="${h}" style="border:0;display:block"></iframe>`;

async function parentPage(body: string, width = 1280): Promise<Page> {
  html = `<!doctype html><html><head><meta charset="utf-8"><title>portal</title></head><body style="margin:0">${body}</body></html>`;
  const page = await ctx.newPage();
  await page.setViewportSize({ width, height: 1800 });
  await page.goto(parentUrl);
  return page;
}

async function drawn(f: Frame): Promise<void> {
  await f.waitForSelector('body[data-chart="ready"]', { timeout: 150_000 });
}

/** What a reader sees in the frame: controls, chart box and source line against the frame's height. */
async function look(f: Frame) {
  return f.evaluate(() => {
    const visible = (sel: string) => [...document.querySelectorAll(sel)].some((e) => (e as HTMLElement).offsetParent !== null);
    const chart = document.querySelector('.embed-chart')?.getBoundingClientRect();
    const source = document.querySelector('.embed-source')?.getBoundingClientRect();
    return {
      controls: visible('.filters, .tabs, .controls, .toolbar, select, input'),
      title: document.querySelector('.embed-head h1')?.textContent ?? '',
      subtitle: document.querySelector('.embed-head p')?.textContent ?? '',
      chartH: chart?.height ?? 0, chartBottom: chart?.bottom ?? Infinity,
      sourceBottom: source?.bottom ?? Infinity, frameH: window.innerHeight, frameW: window.innerWidth,
      link: (document.querySelector('.embed-source a') as HTMLAnchorElement | null)?.href ?? '',
    };
  });
}

describe('live embed (?embed=1) on another origin', () => {
  it('is the chart alone, fitted to 600×400, 100%×450 and 390×500 frames, with title, filters and source', async () => {
    const src = `${appUrl}?view=trends&metrics=received,new&embed=1&anim=0`;
    const page = await parentPage([frameTag(src, '600', 400), frameTag(src, '100%', 450), frameTag(src, '390', 500)].join(''));
    const frames = page.frames().filter((f) => f !== page.mainFrame());
    expect(frames).toHaveLength(3);
    for (const f of frames) await drawn(f);
    const sizes: [number, number][] = [[600, 400], [1280, 450], [390, 500]];
    for (const [i, f] of frames.entries()) {
      const l = await look(f);
      expect(l.frameW).toBe(sizes[i][0]);
      expect(l.frameH).toBe(sizes[i][1]);
      expect(l.controls).toBe(false);
      expect(l.title).toBe('年度趋势');
      expect(l.subtitle).toContain('全部机关');
      // the chart box (x-axis included: ECharts draws inside it) and the source line are inside the frame
      expect(l.chartH).toBeGreaterThan(200);
      expect(l.chartBottom).toBeLessThanOrEqual(l.frameH);
      expect(l.sourceBottom).toBeLessThanOrEqual(l.frameH + 1);
      expect(l.link).toMatch(/view=trends/);
      expect(l.link).not.toMatch(/embed=1/);
    }
    await page.close();
  });

  it('four embeds on one page all draw', async () => {
    const views = [`view=overview`, `view=trends&metrics=received`, `view=appeals&agency=${XT}`, `view=outcomes`];
    const page = await parentPage(views.map((v) => frameTag(`${appUrl}?${v}&embed=1&anim=0`, '600', 400)).join(''));
    const frames = page.frames().filter((f) => f !== page.mainFrame());
    expect(frames).toHaveLength(4);
    await Promise.all(frames.map(drawn));
    if (process.env.EMBED_SHOTS) await page.screenshot({ path: process.env.EMBED_SHOTS.replace(/\.png$/, '-four.png') });
    for (const f of frames) {
      expect((await look(f)).controls).toBe(false);
      await expect(f.locator('.embed-chart canvas').count()).resolves.toBeGreaterThan(0);
    }
    await page.close();
  });
});

describe('static embed (embed.html)', () => {
  it('comes from the share dialog, draws on another origin without DuckDB and transfers < 1 MB', async () => {
    const page = await ctx.newPage();
    await page.goto(`${appUrl}?view=trends&metrics=received,new&anim=0`);
    await page.waitForSelector('body[data-chart="ready"]', { timeout: 120_000 });
    await page.getByRole('button', { name: '分享 / 嵌入' }).click();
    await page.locator('[data-testid="share-static"]').check({ timeout: 30_000 });
    const snippet = await page.locator('[data-testid="share-embed"]').inputValue();
    const src = snippet.match(/src="([^"]+)"/)![1].replace(/&amp;/g, '&');
    expect(src).toMatch(/\/embed\.html#/);
    await page.close();

    // a fresh profile: nothing cached from the dashboard
    const cold = await browser();
    const bytes = new Map<string, number>();
    const portal = await cold.newPage();
    portal.on('requestfinished', (r) => { void r.sizes().then((s) => bytes.set(r.url(), s.responseBodySize + s.responseHeadersSize)).catch(() => {}); });
    html = `<!doctype html><html><body>${[frameTag(src, '600', 400), frameTag(src, '390', 500)].join('')}</body></html>`;
    await portal.setViewportSize({ width: 1280, height: 1000 });
    await portal.goto(parentUrl);
    const frames = portal.frames().filter((f) => f !== portal.mainFrame());
    for (const f of frames) await drawn(f);
    for (const f of frames) {
      const l = await look(f);
      expect(l.title).toBe('年度趋势');
      expect(l.subtitle).toContain('全部机关');
      expect(l.chartBottom).toBeLessThanOrEqual(l.frameH);
      await expect(f.locator('.embed-chart svg text', { hasText: '2024' }).count()).resolves.toBeGreaterThan(0);
    }
    // what the first frame fetched (the second is served from the cache), by Resource Timing
    const res = await frames[0].evaluate(() => [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
      .map((e) => ({ url: e.name, bytes: (e as PerformanceResourceTiming).transferSize || (e as PerformanceResourceTiming).encodedBodySize })));
    const urls = [...new Set([...bytes.keys(), ...res.map((r) => r.url)])];
    expect(urls.some((u) => /\.wasm|duckdb|\/data\//.test(u))).toBe(false);
    const total = res.reduce((a, r) => a + r.bytes, 0);
    console.log(`static embed: ${res.length} requests, ${(total / 1000).toFixed(1)} kB transferred: ${res.map((r) => `${r.url.replace(/^.*\//, '').slice(0, 30)} ${r.bytes}`).join(', ')}`);
    expect(total).toBeGreaterThan(50_000); // ECharts is in there: the measurement measures something
    expect(total).toBeLessThan(1_000_000);
    await portal.screenshot({ path: `${process.env.EMBED_SHOTS ?? '/dev/null'}` }).catch(() => {});
    await cold.close();
  });
});
