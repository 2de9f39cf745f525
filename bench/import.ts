// Browser import benchmark: N report files (the .txt corpus repeated under distinct names) dropped
// into the dashboard's Import view (?view=import) of the production build, on the small test
// dataset (test/e2e/harness buildApp), in headless Chromium. Prints total time (files given → rows in DuckDB and results re-queried),
// worker parse time per report (p50/p95/max), and main-thread long tasks (PerformanceObserver
// 'longtask'; target: none over 200 ms).
//   npx tsx bench/import.ts [--n 100] [--pdf]   (--pdf: the corpus's PDFs join the repeated files)
//   npx tsx bench/import.ts --csv-mb 45          (one facts CSV of that size instead: the corpus's
//                                                 facts repeated under distinct report ids)
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { datasetToCsv, toDataset } from '../src/dataset';
import { parseText } from '../src/parse/parse-text';
import { buildApp, closeServer, serve } from '../test/e2e/harness';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name: string, dflt: string) => { const i = process.argv.indexOf(`--${name}`); return i >= 0 ? process.argv[i + 1] : dflt; };
const N = Number(arg('n', '100'));
const REPORTS = path.join(root, 'data/reports');

const pct = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]; };

async function main() {
  const withPdf = process.argv.includes('--pdf');
  const corpus = readdirSync(REPORTS).filter((f) => f.endsWith('.txt') || (withPdf && f.endsWith('.pdf'))).sort();
  const csvMb = Number(arg('csv-mb', '0'));
  const big = csvMb > 0 ? bigFactsCsv(csvMb, corpus) : null;
  const files = big ? [{ name: big.name, mimeType: big.mimeType, buffer: big.buffer }] : Array.from({ length: N }, (_, i) => {
    const f = corpus[i % corpus.length];
    return { name: `${String(i).padStart(3, '0')}_${f}`, mimeType: f.endsWith('.pdf') ? 'application/pdf' : 'text/plain', buffer: readFileSync(path.join(REPORTS, f)) };
  });
  const bytes = files.reduce((s, f) => s + f.buffer.length, 0);
  process.env.NODE_ENV = 'production';
  const { server, url: base } = await serve(await buildApp());
  const ctx = await chromium.launchPersistentContext(mkdtempSync(path.join(os.tmpdir(), 'nianbao-chrome-')), {
    executablePath: '/usr/bin/chromium', headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  try {
    const page = ctx.pages()[0] ?? await ctx.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { __longtasks: { start: number; duration: number }[] };
      w.__longtasks = [];
      new PerformanceObserver((l) => { for (const e of l.getEntries()) w.__longtasks.push({ start: e.startTime, duration: e.duration }); }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(`${base}?anim=0&view=import`);
    await page.waitForSelector('[data-testid=import-input]', { timeout: 60_000 });
    await page.evaluate(() => (window as unknown as { nianbao: { query(q: string): Promise<unknown> } }).nianbao.query('SELECT 1'));
    // Long tasks of the page load itself are not the import's.
    await page.evaluate(() => { (window as unknown as { __longtasks: unknown[] }).__longtasks = []; });
    const t0 = Date.now();
    await page.locator('[data-testid=import-input]').setInputFiles(files);
    await page.waitForFunction(() => performance.getEntriesByName('nb:import-done').length > 0, null, { timeout: 600_000, polling: 50 });
    // the imported rows re-queried, as a view does after an import
    const imported = await page.evaluate(() => (window as unknown as { nianbao: { query(q: string): Promise<{ n: number }[]> } }).nianbao
      .query(`SELECT count(*)::INTEGER AS n FROM (SELECT DISTINCT agency, year FROM metrics WHERE report_id IN (SELECT report_id FROM reports WHERE dataset = 'imported'))`));
    const total = Date.now() - t0;
    const r = await page.evaluate(() => ({
      parse: ((performance.getEntriesByName('nb:import-parsed')[0] as PerformanceMark | undefined)?.detail ?? []) as number[],
      longtasks: (window as unknown as { __longtasks: { start: number; duration: number }[] }).__longtasks,
      importStart: performance.getEntriesByName('nb:import-start')[0]?.startTime ?? 0,
      parsedAt: performance.getEntriesByName('nb:import-parsed')[0]?.startTime ?? 0,
      doneAt: performance.getEntriesByName('nb:import-done')[0]?.startTime ?? 0,
      stages: ['nb:csv-parsed', 'nb:insert-start', 'nb:insert-end'].map((n) => [n, performance.getEntriesByName(n)[0]?.startTime ?? null] as const),
      cards: document.querySelectorAll('.check-card').length,
    }));
    const sum = r.parse.reduce((a, b) => a + b, 0);
    if (csvMb > 0) console.log(`import bench: one facts CSV of ${(bytes / 1e6).toFixed(1)} MB (${big!.lines} lines)`);
    else console.log(`import bench: ${N} reports (${(bytes / 1024).toFixed(0)} KiB of ${withPdf ? '.txt and .pdf' : '.txt'}, ${corpus.length} distinct files repeated)`);
    console.log(`  total (files given → imported rows re-queried): ${total} ms  (${(total / N).toFixed(1)} ms/report)`);
    if (r.parse.length) console.log(`  worker parse per report: mean ${(sum / r.parse.length).toFixed(1)} ms, p50 ${pct(r.parse, 50).toFixed(1)}, p95 ${pct(r.parse, 95).toFixed(1)}, max ${Math.max(...r.parse).toFixed(1)} ms; sum ${sum.toFixed(0)} ms`);
    // A task that begins before the panel's change handler runs is playwright handing the files to
    // the page (setInputFiles builds the File objects in the renderer, then dispatches 'change'
    // inside the same task — so it ends a few ms after the import starts); --verbose shows it.
    const show = (label: string, xs: number[]) => console.log(`  main-thread long tasks ${label}: ${xs.length}, longest ${xs.length ? Math.max(...xs).toFixed(0) : 0} ms, over 200 ms: ${xs.filter((d) => d > 200).length}`);
    if (process.argv.includes('--verbose')) {
      console.log(`  marks (ms after import start): parsed ${(r.parsedAt - r.importStart).toFixed(0)}, in DuckDB ${(r.doneAt - r.importStart).toFixed(0)}; ${r.stages.filter(([, t]) => t !== null).map(([n, t]) => `${n.slice(3)} ${(t! - r.importStart).toFixed(0)}`).join(', ')}`);
      for (const t of r.longtasks) console.log(`  long task at ${(t.start - r.importStart).toFixed(0)} ms: ${t.duration.toFixed(0)} ms`);
    }
    show('during the import', r.longtasks.filter((t) => t.start >= r.importStart).map((t) => t.duration));
    show('while the test harness hands over the files', r.longtasks.filter((t) => t.start < r.importStart).map((t) => t.duration));
    console.log(`  check cards shown: ${r.cards}; agency-year rows of imported reports: ${imported[0]?.n ?? 0}`);
  } finally {
    await ctx.close();
    await closeServer(server);
  }
}

/** The .txt corpus's facts as one facts CSV of at least `mb` MB, each copy under new report ids. */
function bigFactsCsv(mb: number, corpus: string[]) {
  const parsed = corpus.filter((f) => f.endsWith('.txt')).map((f) => parseText({ sourceFile: f, text: readFileSync(path.join(REPORTS, f), 'utf8') }));
  const ds = toDataset(parsed, { kind: 'real' });
  const csv = datasetToCsv(ds)['facts.csv'];
  const [header, ...lines] = csv.trimEnd().split('\n');
  const parts = [header + '\n'];
  let size = parts[0].length;
  let n = 0;
  for (let copy = 1; size < mb * 1e6; copy++) {
    // report_id is the first column: a distinct id per copy keeps every cell unique
    const chunk = lines.map((l) => l.replace(/^("?)([^,"]+)/, `$1$2_c${copy}`)).join('\n') + '\n';
    parts.push(chunk);
    size += Buffer.byteLength(chunk);
    n += lines.length;
  }
  return { name: `facts_${mb}mb.csv`, mimeType: 'text/csv', buffer: Buffer.from(parts.join('')), lines: n + 1 };
}

main().catch((e) => { console.error(e); process.exit(1); });
