// Screenshots of every view at desktop (1280×800) and phone (390×844) width, for docs/dashboard.md.
// Usage: npx tsx test/e2e/screenshots.ts   (writes docs/screenshots/<view>-<desktop|phone>.png)
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { browser, buildApp, closeServer, serve } from './harness';
import { SQL_EXAMPLES } from '../../src/data/queries/sql-view';

const XT = encodeURIComponent('湘潭县人民政府办公室');
const SHOTS: [string, string][] = [
  ['overview', `agency=${XT}`],
  ['trends', 'view=trends&metrics=received,new,review_total'],
  ['compare', 'view=compare&year=2024'], // every agency ranked: the median and both bands
  ['regions', 'view=regions&metric=new&year=2024'],
  ['outcomes', 'view=outcomes'],
  ['appeals', `view=appeals&agency=${XT}`],
  ['quality', 'view=quality&report=2020_pingtan_zhqsyq'],
  ['source', 'view=source&report=2024_xiangtanxian_zfbgs'],
  ['import', 'view=import'],
  ['embed', `view=appeals&agency=${XT}&embed=1`],
  ['change', `view=change&years=2022-2024&agency=${encodeURIComponent('平潭综合实验区')}`],
  ['sql', `view=sql&q=${encodeURIComponent(SQL_EXAMPLES.find((e) => e.id === 'correction-by-year')!.sql)}`],
  ['glossary', 'view=glossary&term=correction_rate'],
  ['profile', `view=profile&agency=${encodeURIComponent('平潭综合实验区交通与建设局')}`],
];
// `npx tsx test/e2e/screenshots.ts sql change` retakes only those views
const ONLY = new Set(process.argv.slice(2));
/** Views whose content comes after their first render. */
const WAIT: Record<string, string> = { sql: '[data-testid="sql-result"]', change: '[data-testid="change-table"]', glossary: '[data-testid="cite"]' };
const SIZES = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } };

async function main(): Promise<void> {
  const out = path.resolve('docs/screenshots');
  mkdirSync(out, { recursive: true });
  const dist = await buildApp({ keepData: true }); // the real dataset when npm run data made it
  const { server, url } = await serve(dist);
  const ctx = await browser();
  try {
    for (const [name, q] of SHOTS) {
      if (ONLY.size && !ONLY.has(name)) continue;
      for (const [size, vp] of Object.entries(SIZES)) {
        const page = await ctx.newPage();
        await page.setViewportSize(vp);
        await page.goto(`${url}?anim=0&${q}`);
        await page.waitForSelector('main[data-view], main.embed', { timeout: 60_000 });
        await page.waitForFunction(() => !document.querySelector('.loading, .loader'), null, { timeout: 60_000 });
        if (WAIT[name]) await page.waitForSelector(WAIT[name], { timeout: 60_000 });
        if (await page.locator('canvas').count()) await page.waitForSelector('body[data-chart="ready"]', { timeout: 60_000 });
        await page.waitForTimeout(300);
        await page.screenshot({ path: path.join(out, `${name}-${size}.png`), fullPage: size === 'desktop' && name !== 'embed' ? false : false });
        await page.close();
      }
    }
  } finally {
    await ctx.close();
    await closeServer(server);
  }
  console.log(`screenshots written to ${out}`);
}

main().catch((e) => { console.error(e); process.exit(1); });
