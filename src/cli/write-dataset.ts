// Writes a dataset folder: reports/facts/findings/checks CSVs and nianbao.duckdb (the same tables
// + meta + the pre-aggregated metrics and cube tables), and the dashboard's index.duckdb + detail/. Used by the parse CLI (streaming, report by report)
// and by anyone holding a Dataset in memory (writeDataset).
//
// Crash safety: the whole dataset is written into a sibling staging folder and swapped in by
// renames only when complete (./atomic-dir.ts), so a kill at any point leaves the old dataset or
// the new one, never new index.duckdb + detail/ beside an old reports.csv.
import { createWriteStream, existsSync, rmSync, statSync, writeFileSync, type WriteStream } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import Papa from 'papaparse';
import { buildMetricsSql } from '../data/metrics';
import { buildCubeSql } from '../data/cube';
import { writeDashboardFiles } from './dashboard-files';
import { checkTarget, createStaging, discardStaging, recoverDir, swapIn, type OutputHook } from './atomic-dir';
import { datasetToCsv, manifestToCsv, TABLE_COLUMNS, type DatasetCsvName } from '../dataset';
import { csvCell, unescapeCsvSql } from '../dataset/csv-safe';
import type { Dataset, ManifestRow } from '../model/dataset';

const TABLES = ['reports', 'facts', 'findings', 'checks'] as const;
type Table = (typeof TABLES)[number];

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;

export interface WriteResult {
  dir: string;
  rows: Record<Table, number>;
  duckdbBytes: number;
  duckdbMs: number;
}

/** Appends CSV chunks (from datasetToCsv(…, { header: false })) to the four table files. */
export class DatasetWriter {
  private streams: Record<Table, WriteStream>;
  private rows: Record<Table, number> = { reports: 0, facts: 0, findings: 0, checks: 0 };

  private failure: Error | null = null;

  private constructor(readonly dir: string, private readonly staging: string, private readonly hook: OutputHook) {
    this.streams = Object.fromEntries(TABLES.map((t) => [t, createWriteStream(path.join(staging, `${t}.csv`))])) as Record<Table, WriteStream>;
    // a write error (disk full) surfaces at the next append or at finish, not as an unhandled event
    for (const t of TABLES) this.streams[t].on('error', (e) => { this.failure ??= e; });
    for (const t of TABLES) this.streams[t].write(TABLE_COLUMNS[t].map((c) => c.name).join(',') + '\n');
  }

  /** Recovers `dir` from an interrupted run, checks it can be replaced, opens a staging folder. */
  static async open(dir: string, hook: OutputHook = () => {}): Promise<DatasetWriter> {
    recoverDir(dir);
    checkTarget(dir);
    const staging = createStaging(dir);
    try {
      hook('staging-created');
      return new DatasetWriter(dir, staging, hook);
    } catch (e) {
      discardStaging(staging);
      throw e;
    }
  }

  /** Gives up: the staging folder goes, the previous dataset in `dir` stays as it was. */
  abort(): void {
    for (const t of TABLES) this.streams[t].destroy();
    discardStaging(this.staging);
  }

  /** Appends one chunk per table; `counts` are the row counts of the chunk. */
  async append(chunk: Record<DatasetCsvName, string>, counts: Record<Table, number>): Promise<void> {
    if (this.failure) throw this.failure;
    const waits: Promise<void>[] = [];
    for (const t of TABLES) {
      this.rows[t] += counts[t];
      const text = chunk[`${t}.csv`];
      if (text && !this.streams[t].write(text)) waits.push(this.drained(this.streams[t]));
    }
    await Promise.all(waits);
  }

  private drained(s: WriteStream): Promise<void> {
    return new Promise((resolve, reject) => {
      const done = () => { s.off('error', fail); resolve(); };
      const fail = (e: Error) => { s.off('drain', done); reject(e); };
      s.once('drain', done);
      s.once('error', fail);
    });
  }

  /** Closes the CSVs, builds nianbao.duckdb and the dashboard files from them, swaps the folder in. */
  async finish(meta: Record<string, string>, manifest?: ManifestRow[]): Promise<WriteResult> {
    const dir = this.staging;
    try {
      if (this.failure) throw this.failure;
      await Promise.all(TABLES.map((t) => new Promise<void>((resolve, reject) => this.streams[t].end((e?: Error | null) => (e ? reject(e) : resolve())))));
      this.hook('csv-written');
      const t0 = performance.now();
      const db = path.join(dir, 'nianbao.duckdb');
      await buildDuckdb(db, (t) => path.join(dir, `${t}.csv`), meta);
      this.hook('duckdb-built');
      // the dashboard's index + per-province detail files (src/cli/dashboard-files.ts)
      await writeDashboardFiles(db, dir);
      this.hook('dashboard-files-written');
      const duckdbMs = performance.now() - t0;
      if (manifest) writeFileSync(path.join(dir, 'manifest.csv'), manifestToCsv(manifest));
      // meta.csv: the dashboard's download list offers it next to the tables (src/ui/views/Source.tsx)
      writeFileSync(path.join(dir, 'meta.csv'), Papa.unparse({ fields: ['key', 'value'], data: Object.entries(meta).map((kv) => kv.map(csvCell)) }, { newline: '\n' }) + '\n');
      const duckdbBytes = statSync(db).size;
      swapIn(dir, this.dir, this.hook);
      return { dir: this.dir, rows: { ...this.rows }, duckdbBytes, duckdbMs };
    } catch (e) {
      // the previous dataset (if any) stays as it was; only the staging folder goes
      this.abort();
      throw e;
    }
  }
}

/**
 * Loads the four CSVs into a new DuckDB file with explicit column types (never inferred: a column
 * of blanks in the first rows must not become the wrong type), adds meta and metrics.
 */
export async function buildDuckdb(dbFile: string, csvOf: (t: Table) => string, meta: Record<string, string>): Promise<void> {
  for (const f of [dbFile, `${dbFile}.wal`]) if (existsSync(f)) rmSync(f);
  const instance = await DuckDBInstance.create(dbFile);
  const con = await instance.connect();
  try {
    for (const t of TABLES) {
      const columns = `{${TABLE_COLUMNS[t].map((c) => `${lit(c.name)}: ${lit(c.type)}`).join(', ')}}`;
      // the CSVs carry formula-escaped text (src/dataset/csv-safe.ts); the database the original
      const select = TABLE_COLUMNS[t].map((c) => (c.type === 'VARCHAR' ? `${unescapeCsvSql(`"${c.name}"`)} AS "${c.name}"` : `"${c.name}"`)).join(', ');
      await con.run(`CREATE TABLE ${t} AS SELECT ${select} FROM read_csv(${lit(csvOf(t))}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', columns = ${columns})`);
    }
    await con.run('CREATE TABLE meta (key VARCHAR, value VARCHAR)');
    const entries = Object.entries(meta);
    if (entries.length > 0) await con.run(`INSERT INTO meta VALUES ${entries.map(([k, v]) => `(${lit(k)}, ${lit(v)})`).join(', ')}`);
    await con.run(buildMetricsSql());
    await con.run(buildCubeSql());
    await con.run('CHECKPOINT');
  } finally {
    con.closeSync();
    instance.closeSync();
  }
}

/** Writes an in-memory dataset to `dir` (CSVs + nianbao.duckdb; manifest.csv when given). */
export async function writeDataset(dir: string, dataset: Dataset, opts: { manifest?: ManifestRow[]; hook?: OutputHook } = {}): Promise<WriteResult> {
  const w = await DatasetWriter.open(dir, opts.hook);
  try {
    await w.append(datasetToCsv(dataset, { header: false }), {
      reports: dataset.reports.length, facts: dataset.facts.length, findings: dataset.findings.length, checks: dataset.checks.length,
    });
  } catch (e) {
    w.abort();
    throw e;
  }
  return w.finish(dataset.meta, opts.manifest);
}
