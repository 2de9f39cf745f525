// Per-report parse time of each form through src/ingest (the one way in the CLI and the import
// worker share), in Node on one core: `npx tsx bench/formats.ts [rounds]`; with `--browser`, also
// in the dashboard's import worker (production build, headless Chromium; time per file measured in
// the worker, from the `nb:import-parsed` mark).
// Files: data/formats/ (one report in six forms) and data/formats/more/ (four more reports as
// .docx / .doc / .pdf / .html). Reports the median and the slowest round per file and per form.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingest } from '../src/ingest';

const dir = join(import.meta.dirname, '../data/formats');
const files = [
  ...readdirSync(dir).filter((f) => /^\d{4}_/.test(f)).map((f) => join(dir, f)),
  ...readdirSync(join(dir, 'more')).map((f) => join(dir, 'more', f)),
].sort();
const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const rounds = Number(args[0] ?? 10);
const formOf = (f: string) => (/_page\.html$/.test(f) ? 'saved page' : /_gbk\.html$/.test(f) ? 'GBK page' : /_paste\.txt$/.test(f) ? 'pasted text' : f.split('.').pop()!);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

// warm-up: module loads (pdf.js, mammoth, OpenCC dictionary) are paid once per process
for (const f of files) await ingest({ name: f, bytes: new Uint8Array(readFileSync(f)) });

const byForm = new Map<string, number[]>();
console.log(`${'file'.padEnd(44)} ${'form'.padEnd(12)} ${'KB'.padStart(6)} ${'median ms'.padStart(10)} ${'max ms'.padStart(8)}  status`);
for (const f of files) {
  const bytes = new Uint8Array(readFileSync(f));
  const times: number[] = [];
  let status = '';
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    const p = await ingest({ name: f, bytes });
    times.push(performance.now() - t0);
    status = `${p.status}, ${p.facts.length} facts`;
  }
  const form = formOf(f);
  byForm.set(form, [...(byForm.get(form) ?? []), median(times)]);
  console.log(`${f.slice(dir.length + 1).padEnd(44)} ${form.padEnd(12)} ${(bytes.length / 1024).toFixed(0).padStart(6)} ${median(times).toFixed(1).padStart(10)} ${Math.max(...times).toFixed(1).padStart(8)}  ${status}`);
}
console.log('\nper form (median of the files\' medians, ms per report):');
for (const [form, ms] of [...byForm].sort()) console.log(`  ${form.padEnd(12)} ${median(ms).toFixed(1).padStart(7)}  (${ms.length} files)`);

if (process.argv.includes('--browser')) {
  const { browser, buildApp, closeServer, serve } = await import('../test/e2e/harness');
  process.env.NODE_ENV = 'production';
  const outDir = await buildApp();
  const app = await serve(outDir);
  const ctx = await browser();
  try {
    const page = await ctx.newPage();
    await page.goto(`${app.url}?anim=0&view=import`);
    // one batch: every file once to warm the worker (module loads), then `rounds` copies of each
    const batch = [...Array(rounds + 1).keys()].flatMap((r) => files.map((f) => ({ f, r })));
    await page.locator('[data-testid=import-input]').setInputFiles(batch.map(({ f, r }) => ({
      name: `r${r}_${f.split('/').pop()}`, mimeType: 'application/octet-stream', buffer: readFileSync(f),
    })));
    await page.waitForFunction(() => performance.getEntriesByName('nb:import-parsed').length > 0, null, { timeout: 900_000, polling: 100 });
    const ms = await page.evaluate(() => (performance.getEntriesByName('nb:import-parsed')[0] as PerformanceMark).detail as number[]);
    const perFile = new Map<string, number[]>();
    batch.forEach(({ f, r }, i) => { if (r > 0) perFile.set(f, [...(perFile.get(f) ?? []), ms[i]!]); });
    const browserByForm = new Map<string, number[]>();
    console.log(`\nin the browser import worker (Chromium, ${rounds} rounds after a warm-up):`);
    for (const [f, t] of perFile) {
      browserByForm.set(formOf(f), [...(browserByForm.get(formOf(f)) ?? []), median(t)]);
      console.log(`  ${f.slice(dir.length + 1).padEnd(42)} ${formOf(f).padEnd(12)} ${median(t).toFixed(1).padStart(8)} ms  (max ${Math.max(...t).toFixed(1)})`);
    }
    console.log('per form (median ms per report, browser):');
    for (const [form, t] of [...browserByForm].sort()) console.log(`  ${form.padEnd(12)} ${median(t).toFixed(1).padStart(7)}`);
  } finally {
    await ctx.close();
    await closeServer(app.server);
  }
}
