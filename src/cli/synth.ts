// `npm run synth -- --agencies N --years 2019-2025 --out <dir> [--seed S] [--detail-agencies K]`
//
// Writes a SYNTHETIC dataset in the parse CLI's layout (reports/facts/findings/checks CSVs and
// nianbao.duckdb with the pre-aggregated `metrics` table), streaming batch by batch so national
// scale (150k agencies × 7 years ≈ 1M reports, ~220M facts) never sits in memory.
//
// Trade-off at scale: every report gets its reports/findings/metrics rows, but facts and checks —
// ~220 and ~40 rows per report — are kept only for a sample of agencies (default: all up to 20k
// agencies, then every k-th agency in region order so the sample spans the country). The
// dashboard's first view reads only `metrics`; see docs/performance.md for the per-province
// detail-file design beyond that.
import { createWriteStream, existsSync, mkdirSync, rmSync, statSync, writeFileSync, type WriteStream } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { DuckDBInstance } from '@duckdb/node-api';
import { METRIC_COLUMNS } from '../data/metrics';
import { buildCubeSql } from '../data/cube';
import { readArgs } from './args';
import { writeDashboardFiles } from './dashboard-files';
import { csvRecord, unescapeCsvSql } from '../dataset/csv-safe';
import { CHECK_COLUMNS, FACT_COLUMNS, FINDING_COLUMNS, REPORT_COLUMNS, TABLE_COLUMNS } from '../dataset';
import { generateAgencyReports, parseYears, populationSize, sampleAgencies, syntheticMeta, type GenerateOptions, type SynthAgency } from '../synth';
import { METRICS_HEADER, metricsRow } from '../synth/metrics-row';

// Column order and DuckDB types shared with the parse CLI's writer (src/dataset/columns.ts), so a
// synthetic dataset loads exactly like a parsed one.
const REPORT_COLS = REPORT_COLUMNS.map((c) => c.name);
const FACT_COLS = FACT_COLUMNS.map((c) => c.name);
const FINDING_COLS = FINDING_COLUMNS.map((c) => c.name);
const CHECK_COLS = CHECK_COLUMNS.map((c) => c.name);

/** One line of the project's one CSV writer (src/dataset/csv-safe.ts), streamed line by line. */
export const csvLine = (vals: readonly unknown[]): string => csvRecord(vals) + '\n';

async function write(stream: WriteStream, text: string): Promise<void> {
  if (!stream.write(text)) await new Promise<void>((resolve) => stream.once('drain', () => resolve()));
}
const close = (s: WriteStream): Promise<void> => new Promise((resolve, reject) => s.end((err?: Error | null) => (err ? reject(err) : resolve())));

export interface SynthArgs extends GenerateOptions {
  out: string;
  detailAgencies: number;
  batch: number;
  /** Worker threads generating batches (default 1). */
  jobs?: number;
}

const SYNTH_OPTIONS = {
  agencies: { type: 'string' }, years: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string' },
  'detail-agencies': { type: 'string' }, batch: { type: 'string' }, jobs: { type: 'string' },
} as const;

const SYNTH_USAGE = 'usage: npm run synth -- --agencies N --years 2019-2025 --out <dir> [--seed S] [--detail-agencies K] [--jobs N]';

/** Parses argv (node:util parseArgs, as the parse and site commands); returns an error message for
 * bad input instead of throwing, or 'help' for --help. */
export function parseSynthArgs(argv: string[]): SynthArgs | string {
  const r = readArgs(argv, SYNTH_OPTIONS);
  if (typeof r === 'string') return r;
  if (r.values.help) return 'help';
  if (r.positionals.length) return `unexpected argument ${r.positionals[0]} (synth takes only --options)`;
  const get = (name: keyof typeof SYNTH_OPTIONS): string | undefined => r.values[name] as string | undefined;
  const agencies = Number(get('agencies') ?? '1000');
  if (!Number.isInteger(agencies) || agencies < 1 || agencies > 2_000_000) return `--agencies must be an integer from 1 to 2000000 (got ${get('agencies')})`;
  const years = parseYears(get('years') ?? '2019-2025');
  if (!years) return `--years must look like 2019-2025 or 2021,2023 (years from 2019) (got ${get('years')})`;
  const out = get('out');
  if (!out) return '--out <dir> is required (use a git-ignored folder such as synthetic/)';
  const detail = Number(get('detail-agencies') ?? String(Math.min(agencies, 20_000)));
  if (!Number.isInteger(detail) || detail < 0) return `--detail-agencies must be a non-negative integer`;
  const batch = Number(get('batch') ?? '500');
  if (!Number.isInteger(batch) || batch < 1) return `--batch must be a positive integer`;
  const jobs = Number(get('jobs') ?? '1');
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64) return `--jobs must be an integer from 1 to 64`;
  return { agencies, years, out, seed: get('seed') ?? '1', detailAgencies: Math.min(detail, agencies), batch, jobs };
}

interface BatchContext { args: SynthArgs; agencies: SynthAgency[]; keep: Set<number> }
interface BatchOutput {
  parts: { reports: string; facts: string; findings: string; checks: string; metrics: string };
  counts: { reports: number; facts: number; checks: number; findings: number };
}

function batchContext(args: SynthArgs): BatchContext {
  const agencies = sampleAgencies(args.agencies, args.seed);
  // every k-th agency in region order: the detail sample spans every province
  const step = args.detailAgencies === 0 ? Infinity : args.agencies / args.detailAgencies;
  const keep = new Set<number>();
  if (args.detailAgencies > 0) for (let k = 0; k < args.detailAgencies; k++) keep.add(Math.floor(k * step));
  return { args, agencies, keep };
}

/** CSV lines of agencies [start, end): pure apart from its inputs, so workers can run it. */
function generateBatch(ctx: BatchContext, start: number, end: number): BatchOutput {
  const parts = { reports: '', facts: '', findings: '', checks: '', metrics: '' };
  const counts = { reports: 0, facts: 0, checks: 0, findings: 0 };
  for (const agency of ctx.agencies.slice(start, end)) {
    const detail = ctx.keep.has(agency.index);
    for (const r of generateAgencyReports(agency, ctx.args.years, ctx.args)) {
      parts.reports += csvLine(REPORT_COLS.map((c) => r.report[c]));
      parts.metrics += csvLine(metricsRow(r.report, r.facts));
      for (const f of r.findings) parts.findings += csvLine(FINDING_COLS.map((c) => f[c]));
      counts.reports++;
      counts.findings += r.findings.length;
      if (detail) {
        for (const f of r.facts) parts.facts += csvLine(FACT_COLS.map((c) => f[c]));
        for (const c of r.checks) parts.checks += csvLine(CHECK_COLS.map((k) => c[k]));
        counts.facts += r.facts.length;
        counts.checks += r.checks.length;
      }
    }
  }
  return { parts, counts };
}

export interface SynthSummary {
  reports: number;
  facts: number;
  checks: number;
  findings: number;
  detailAgencies: number;
  generateMs: number;
  duckdbMs: number;
  duckdbBytes: number;
}

/** Generates and writes the dataset; returns what was written. */
export async function writeSynthetic(args: SynthArgs, log: (msg: string) => void = () => {}): Promise<SynthSummary> {
  const t0 = performance.now();
  mkdirSync(args.out, { recursive: true });
  const file = (name: string) => path.join(args.out, name);
  const streams = {
    reports: createWriteStream(file('reports.csv')),
    facts: createWriteStream(file('facts.csv')),
    findings: createWriteStream(file('findings.csv')),
    checks: createWriteStream(file('checks.csv')),
    metrics: createWriteStream(file('metrics.csv')),
  };
  await write(streams.reports, csvLine(REPORT_COLS));
  await write(streams.facts, csvLine(FACT_COLS));
  await write(streams.findings, csvLine(FINDING_COLS));
  await write(streams.checks, csvLine(CHECK_COLS));
  await write(streams.metrics, csvLine(METRICS_HEADER));

  const n = { reports: 0, facts: 0, checks: 0, findings: 0 };
  const total = args.agencies;
  const starts: number[] = [];
  for (let start = 0; start < total; start += args.batch) starts.push(start);
  const writeBatch = async (b: BatchOutput, start: number) => {
    await Promise.all((Object.keys(b.parts) as (keyof BatchOutput['parts'])[]).map((k) => write(streams[k], b.parts[k])));
    for (const k of Object.keys(n) as (keyof typeof n)[]) n[k] += b.counts[k];
    if ((start / args.batch) % 20 === 0) log(`  ${Math.min(start + args.batch, total)}/${total} agencies, ${n.reports} reports`);
  };
  const jobs = Math.max(1, Math.min(args.jobs ?? 1, starts.length));
  if (jobs === 1) {
    const ctx = batchContext(args);
    for (const start of starts) await writeBatch(generateBatch(ctx, start, start + args.batch), start);
  } else {
    // workers generate batches; they are written strictly in batch order, so the output is the
    // same as with one job (test/synth/cli-synth.test.ts compares the files). The worker loads this
    // file through tsx's API: Node 20 workers ignore `--import tsx` in execArgv.
    const self = JSON.stringify(import.meta.url);
    const workers = Array.from({ length: jobs }, () => new Worker(`import('tsx/esm/api').then((m) => m.tsImport(${self}, ${self}))`, { eval: true, workerData: { synthWorker: true, args } }));
    try {
      const run = (w: Worker, start: number) => new Promise<BatchOutput>((resolve, reject) => {
        // remove both listeners when either fires: a leftover 'error' listener keeps its promise —
        // and through it the batch's CSV text — alive (that ran the 150k run out of heap)
        const onMessage = (out: BatchOutput) => { w.off('error', onError); resolve(out); };
        const onError = (e: Error) => { w.off('message', onMessage); reject(e); };
        w.once('message', onMessage);
        w.once('error', onError);
        w.postMessage({ start, end: start + args.batch });
      });
      // rounds of one batch per worker, written in order: bounded memory, same output as 1 job
      for (let i = 0; i < starts.length; i += jobs) {
        const round = starts.slice(i, i + jobs);
        const outs = await Promise.all(round.map((start, j) => run(workers[j], start)));
        for (let j = 0; j < round.length; j++) await writeBatch(outs[j], round[j]);
      }
    } finally {
      await Promise.all(workers.map((w) => w.terminate()));
    }
  }
  await Promise.all(Object.values(streams).map(close));
  const generateMs = performance.now() - t0;

  const t1 = performance.now();
  const dbFile = file('nianbao.duckdb');
  for (const f of [dbFile, dbFile + '.wal']) if (existsSync(f)) rmSync(f);
  const instance = await DuckDBInstance.create(dbFile);
  const con = await instance.connect();
  const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
  const cols = (types: Record<string, string>) => `{${Object.entries(types).map(([k, v]) => `${lit(k)}: ${lit(v)}`).join(', ')}}`;
  const csvOptions = `header = true, auto_detect = false, delim = ',', quote = '"', escape = '"'`;
  for (const t of ['reports', 'facts', 'findings', 'checks'] as const) {
    const types = Object.fromEntries(TABLE_COLUMNS[t].map((c) => [c.name, c.type]));
    // the CSVs carry formula-escaped text; the database the original (as src/cli/write-dataset.ts)
    const select = TABLE_COLUMNS[t].map((c) => (c.type === 'VARCHAR' ? `${unescapeCsvSql(`"${c.name}"`)} AS "${c.name}"` : `"${c.name}"`)).join(', ');
    await con.run(`CREATE TABLE ${t} AS SELECT ${select} FROM read_csv(${lit(file(t + '.csv'))}, ${csvOptions}, columns = ${cols(types)})`);
  }
  const metricTypes: Record<string, string> = {};
  const dimTypes: Record<string, string> = { year: 'INTEGER', checks_failed: 'INTEGER', finding_count: 'INTEGER' };
  for (const h of METRICS_HEADER) metricTypes[h] = dimTypes[h] ?? (METRIC_COLUMNS.some((c) => c.name === h) ? 'DOUBLE' : 'VARCHAR');
  const metricSelect = Object.entries(metricTypes).map(([c, type]) => (type === 'VARCHAR' ? `${unescapeCsvSql(`"${c}"`)} AS "${c}"` : `"${c}"`)).join(', ');
  await con.run(`CREATE TABLE metrics AS SELECT ${metricSelect} FROM read_csv(${lit(file('metrics.csv'))}, ${csvOptions}, columns = ${cols(metricTypes)})`);
  await con.run(buildCubeSql());
  const meta = { ...syntheticMeta(args), generated_at: new Date().toISOString(), detail_agencies: String(args.detailAgencies), metrics_source: 'generator (all reports); facts/checks for detail agencies only' };
  await con.run(`CREATE TABLE meta (key VARCHAR, value VARCHAR)`);
  await con.run(`INSERT INTO meta VALUES ${Object.entries(meta).map(([k, v]) => `(${lit(k)}, ${lit(v)})`).join(', ')}`);
  await con.run('CHECKPOINT');
  con.closeSync();
  instance.closeSync();
  rmSync(file('metrics.csv'));
  await writeDashboardFiles(dbFile, args.out);
  // meta.csv, as the parse CLI writes it (the dashboard offers it for download)
  writeFileSync(file('meta.csv'), csvLine(['key', 'value']) + Object.entries(meta).map(([k, v]) => csvLine([k, v])).join(''));
  return { ...n, detailAgencies: args.detailAgencies, generateMs, duckdbMs: performance.now() - t1, duckdbBytes: statSync(dbFile).size };
}

/** Entry point for src/cli/main.ts (`nianbao synth …`). Returns the exit code. */
export async function runSynth(argv: string[]): Promise<number> {
  const args = parseSynthArgs(argv);
  if (args === 'help') {
    process.stdout.write(`${SYNTH_USAGE}\n`);
    return 0;
  }
  if (typeof args === 'string') {
    process.stderr.write(`synth: ${args}\n${SYNTH_USAGE}\n`);
    return 2;
  }
  if (args.agencies > populationSize()) process.stderr.write(`synth: note: ${args.agencies} agencies exceed the national population (${populationSize()}); extra agencies are numbered branches\n`);
  try {
    process.stderr.write(`synth: SYNTHETIC dataset, ${args.agencies} agencies × ${args.years.length} years, seed ${args.seed} → ${args.out}\n`);
    const s = await writeSynthetic(args, (m) => process.stderr.write(m + '\n'));
    process.stdout.write(
      `synth: ${s.reports} reports, ${s.facts} facts and ${s.checks} checks (detail for ${s.detailAgencies} agencies), ${s.findings} findings\n` +
        `synth: generate+CSV ${(s.generateMs / 1000).toFixed(1)} s, duckdb ${(s.duckdbMs / 1000).toFixed(1)} s, nianbao.duckdb ${(s.duckdbBytes / 1e6).toFixed(1)} MB\n`,
    );
    return 0;
  } catch (e) {
    process.stderr.write(`synth: failed: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}

// worker mode (--jobs N): generate the batches the main thread asks for
if (!isMainThread && (workerData as { synthWorker?: boolean } | null)?.synthWorker) {
  const ctx = batchContext((workerData as { args: SynthArgs }).args);
  parentPort!.on('message', ({ start, end }: { start: number; end: number }) => parentPort!.postMessage(generateBatch(ctx, start, end)));
}

// also runnable on its own: tsx src/cli/synth.ts --agencies 1000 --out synthetic/1k
if (isMainThread && process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runSynth(process.argv.slice(2)).then((code) => process.exit(code));
}
