// The real dashboard (src/ui/) at scale: builds the app once (test/e2e/harness buildApp), puts a
// SYNTHETIC dataset's dashboard files (index.duckdb + detail/, src/cli/dashboard-files.ts) in its
// data/ folder, and in headless Chromium (fresh profile) measures
//   - time to first chart, cold (the app's performance mark nb:first-chart, from navigation start),
//   - bytes transferred before the first chart (every response, page and worker),
//   - filter-change latency: a new selection pushed into the URL (the app's URL state listens to
//     popstate) until the shown figures changed, a chart has finished rendering again and no panel
//     shows its loading status (the default view, Overview, feeds all its panels from one query),
//   - a province's first visit in the Compare view (an agency ranking: it needs that province's
//     detail file, fetched on demand) until its table shows, and a second visit (attached already),
//   - memory: duckdb_memory() through the app's console API (window.nianbao.query) and the RSS of
//     every browser process.
// Usage: npx tsx bench/scale-dashboard-ui.ts [--scales 1000,10000,150000] [--changes 20]
// Needs synthetic/<n>k/index.duckdb + detail/ (npm run synth writes them; for an older synthetic
// folder: npx tsx src/cli/main.ts dashboard-files synthetic/<n>k).
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { buildApp, CHROME_ARGS, closeServer, serve } from '../test/e2e/harness';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name: string, dflt: string) => { const i = process.argv.indexOf(`--${name}`); return i >= 0 ? process.argv[i + 1] : dflt; };
const scales = arg('scales', '1000,10000,150000').split(',').map(Number);
const changes = Number(arg('changes', '20'));
const pct = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]; };
const mb = (b: number) => (b / 1e6).toFixed(1);

function browserRss(profile: string): number {
  let kb = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(profile)) continue;
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) kb += Number(m[1]);
    } catch { /* process ended */ }
  }
  return kb * 1024;
}

const QUERIES = ['region=43', 'region=44&level=county', 'level=department&years=2021-2025', 'region=51&years=2019-2022', 'region=3201', 'region=11'];

async function main(): Promise<void> {
  const dist = await buildApp();
  const { server, url } = await serve(dist);
  const lines: string[] = [];
  try {
    for (const n of scales) {
      const srcDir = path.join(root, 'synthetic', `${n / 1000}k`);
      const src = path.join(srcDir, 'index.duckdb');
      if (!existsSync(src)) { console.log(`${n}: ${src} missing, skipped (npx tsx src/cli/main.ts dashboard-files ${srcDir})`); continue; }
      for (const f of ['index.duckdb', 'nianbao.duckdb']) rmSync(path.join(dist, 'data', f), { force: true });
      rmSync(path.join(dist, 'data', 'detail'), { recursive: true, force: true });
      cpSync(src, path.join(dist, 'data', 'index.duckdb'));
      cpSync(path.join(srcDir, 'detail'), path.join(dist, 'data', 'detail'), { recursive: true });
      const indexGz = gzipSync(readFileSync(src), { level: 6 }).length;
      const detailFiles = readdirSync(path.join(srcDir, 'detail'));
      const detailBytes = detailFiles.reduce((t, f) => t + statSync(path.join(srcDir, 'detail', f)).size, 0);
      const profile = mkdtempSync(path.join(os.tmpdir(), 'nianbao-ui-bench-'));
      const ctx = await chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium', headless: true, args: CHROME_ARGS, viewport: { width: 1280, height: 800 } });
      try {
        const page = ctx.pages()[0] ?? (await ctx.newPage());
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(String(e)));
        let bytes = 0;
        let counting = true;
        let detailRequests = 0;
        ctx.on('requestfinished', (r) => {
          if (counting && r.url().includes('/data/detail/')) detailRequests++;
          void r.sizes().then((s) => { if (counting) bytes += s.responseBodySize + s.responseHeadersSize; }).catch(() => {});
        });
        await page.goto(`${url}?anim=0`);
        await page.waitForSelector('body[data-chart="ready"]', { timeout: 900_000 });
        await new Promise((r) => setTimeout(r, 200));
        counting = false;
        const first = await page.evaluate(() => performance.getEntriesByName('nb:first-chart')[0]?.startTime ?? null);
        // the app must label the data as synthetic (meta.dataset = 'synthetic')
        if (!(await page.locator('[data-testid="synthetic"]').isVisible())) console.log(`  ${n}: WARNING: the SYNTHETIC banner is not shown`);
        const lat: number[] = [];
        for (let i = 0; i < changes; i++) {
          const q = `anim=0&${QUERIES[i % QUERIES.length]}`;
          // a string, not a function: tsx's keepNames would inject a __name helper the page lacks
          lat.push(await page.evaluate(`(async () => {
            // the headline figures (the cards): reading the whole page's innerText every frame
            // forced a layout of every hidden table and added ~20 ms to each measurement
            const figures = () => document.querySelector('#view .cards')?.textContent ?? document.body.innerText;
            const before = figures();
            const t0 = performance.now();
            document.body.dataset.chart = 'pending';
            history.pushState(null, '', '?' + ${JSON.stringify(q)});
            dispatchEvent(new PopStateEvent('popstate'));
            // done = the shown figures changed (consecutive selections differ), a chart finished
            // after the change and no panel is loading. The text test matters: views keep the
            // previous figures while loading, and a chart re-render unrelated to the new data sets
            // data-chart before the query returns (a first version of this bench timed that).
            const done = await new Promise((resolve) => {
              const tick = () => {
                if (figures() !== before && document.body.dataset.chart === 'ready' && !document.querySelector('.loading')) resolve(true);
                else if (performance.now() - t0 > 30000) resolve(false);
                else requestAnimationFrame(tick);
              };
              requestAnimationFrame(tick);
            });
            return done ? performance.now() - t0 : -1;
          })()`) as number);
        }
        // Compare: a province's first visit fetches its detail file; the second finds it attached.
        const compare = async (region: string) => page.evaluate(`(async () => {
          // the ranking panel's text (its table lists the agencies): the view keeps the previous
          // province's ranking while the next one loads, so only a changed list means done
          const panel = () => document.querySelector('[data-panel="compare"]')?.textContent ?? '';
          const before = panel();
          const t0 = performance.now();
          document.body.dataset.chart = 'pending';
          history.pushState(null, '', '?anim=0&view=compare&region=${region}');
          dispatchEvent(new PopStateEvent('popstate'));
          const done = await new Promise((resolve) => {
            const tick = () => {
              if (panel() !== before && panel() !== '' && !document.querySelector('.loading') && document.body.dataset.chart === 'ready') resolve(true);
              else if (performance.now() - t0 > 120000) resolve(false);
              else requestAnimationFrame(tick);
            };
            requestAnimationFrame(tick);
          });
          return done ? performance.now() - t0 : -1;
        })()`) as Promise<number>;
        const firstVisit = [await compare('43'), await compare('44')];
        const secondVisit = [await compare('43'), await compare('44')];
        const mem = await page.evaluate(`window.nianbao.query("SELECT sum(memory_usage_bytes)::DOUBLE AS b FROM duckdb_memory()")`) as { b: number }[];
        const duckMem = mem[0]?.b ?? NaN;
        if (errors.length) console.log(`  page errors: ${errors.join('; ')}`);
        const timeouts = lat.filter((x) => x < 0).length;
        if (timeouts) console.log(`  ${timeouts} filter changes did not update the figures within 30 s (left out)`);
        lat.splice(0, lat.length, ...lat.filter((x) => x >= 0));
        const line = `| ${n.toLocaleString('en')} × 7 | ${mb(statSync(src).size)} MB (gzip ${mb(indexGz)}); detail ${detailFiles.length} files ${mb(detailBytes)} MB | ${first === null ? 'n/a' : (first / 1000).toFixed(2) + ' s'} | ${mb(bytes)} MB, ${detailRequests} detail files | ${pct(lat, 0.5).toFixed(0)} / ${pct(lat, 0.95).toFixed(0)} / ${Math.max(...lat).toFixed(0)} ms | ${firstVisit.map((x) => x.toFixed(0)).join(', ')} / ${secondVisit.map((x) => x.toFixed(0)).join(', ')} ms | ${mb(duckMem)} MB | ${mb(browserRss(profile))} MB |`;
        console.log(line);
        lines.push(line);
      } finally {
        await ctx.close();
        rmSync(profile, { recursive: true, force: true });
      }
    }
  } finally {
    await closeServer(server);
    rmSync(dist, { recursive: true, force: true });
  }
  console.log(`\n| agencies × years | index.duckdb; detail | first chart, cold | transferred before first chart | filter change p50 / p95 / max (n=${changes}) | compare 43, 44: first / second visit | duckdb_memory() | browser RSS |`);
  console.log('|---|---|---|---|---|---|---|---|');
  for (const l of lines) console.log(l);
}

main().catch((e) => { console.error(e); process.exit(1); });
