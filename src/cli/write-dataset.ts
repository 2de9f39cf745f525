// Writes a dataset folder: reports/facts/findings/checks CSVs and nianbao.duckdb (the same tables
// + meta + the pre-aggregated metrics and cube tables), and the dashboard's index.duckdb + detail/. Used by the parse CLI (streaming, report by report)
// and by anyone holding a Dataset in memory (writeDataset).
//
// Crash safety: every file is written under a temporary name and renamed into place only when the
// whole dataset is complete, so a crash never leaves a half-written nianbao.duckdb or CSV.
import { createWriteStream, existsSync, renameSync, rmSync, statSync, writeFileSync, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import Papa from 'papaparse';
import { buildMetricsSql } from '../data/metrics';
import { buildCubeSql } from '../data/cube';
import { writeDashboardFiles } from './dashboard-files';
import { datasetToCsv, manifestToCsv, TABLE_COLUMNS, type DatasetCsvName } from '../dataset';
import type { Dataset, ManifestRow } from '../model/dataset';

const TABLES = ['reports', 'facts', 'findings', 'checks'] as const;
type Table = (typeof TABLES)[number];
const TMP = '.tmp';

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

  private constructor(readonly dir: string) {
    this.streams = Object.fromEntries(TABLES.map((t) => [t, createWriteStream(path.join(dir, `${t}.csv${TMP}`))])) as Record<Table, WriteStream>;
    for (const t of TABLES) this.streams[t].write(TABLE_COLUMNS[t].map((c) => c.name).join(',') + '\n');
  }

  static async open(dir: string): Promise<DatasetWriter> {
    await mkdir(dir, { recursive: true });
    return new DatasetWriter(dir);
  }

  /** Appends one chunk per table; `counts` are the row counts of the chunk. */
  async append(chunk: Record<DatasetCsvName, string>, counts: Record<Table, number>): Promise<void> {
    const waits: Promise<void>[] = [];
    for (const t of TABLES) {
      this.rows[t] += counts[t];
      const text = chunk[`${t}.csv`];
      if (text && !this.streams[t].write(text)) waits.push(new Promise((r) => this.streams[t].once('drain', () => r())));
    }
    await Promise.all(waits);
  }

  /** Closes the CSVs, builds nianbao.duckdb from them, then renames everything into place. */
  async finish(meta: Record<string, string>, manifest?: ManifestRow[]): Promise<WriteResult> {
    await Promise.all(TABLES.map((t) => new Promise<void>((resolve, reject) => this.streams[t].end((e?: Error | null) => (e ? reject(e) : resolve())))));
    const t0 = performance.now();
    const dbTmp = path.join(this.dir, `nianbao.duckdb${TMP}`);
    try {
      await buildDuckdb(dbTmp, (t) => path.join(this.dir, `${t}.csv${TMP}`), meta);
    } catch (e) {
      // the previous dataset (if any) stays as it was; only the temporaries go
      for (const f of [...TABLES.map((t) => `${t}.csv${TMP}`), `nianbao.duckdb${TMP}`, `nianbao.duckdb${TMP}.wal`]) rmSync(path.join(this.dir, f), { force: true });
      throw e;
    }
    // the dashboard's index + per-province detail files (src/cli/dashboard-files.ts)
    await writeDashboardFiles(dbTmp, this.dir);
    const duckdbMs = performance.now() - t0;
    if (manifest) writeFileSync(path.join(this.dir, `manifest.csv${TMP}`), manifestToCsv(manifest));
    // meta.csv: the dashboard's download list offers it next to the tables (src/ui/views/Source.tsx)
    writeFileSync(path.join(this.dir, `meta.csv${TMP}`), Papa.unparse({ fields: ['key', 'value'], data: Object.entries(meta) }, { newline: '\n' }) + '\n');
    for (const t of TABLES) renameSync(path.join(this.dir, `${t}.csv${TMP}`), path.join(this.dir, `${t}.csv`));
    if (manifest) renameSync(path.join(this.dir, `manifest.csv${TMP}`), path.join(this.dir, 'manifest.csv'));
    renameSync(path.join(this.dir, `meta.csv${TMP}`), path.join(this.dir, 'meta.csv'));
    renameSync(dbTmp, path.join(this.dir, 'nianbao.duckdb'));
    return { dir: this.dir, rows: { ...this.rows }, duckdbBytes: statSync(path.join(this.dir, 'nianbao.duckdb')).size, duckdbMs };
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
      await con.run(`CREATE TABLE ${t} AS SELECT * FROM read_csv(${lit(csvOf(t))}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', columns = ${columns})`);
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
export async function writeDataset(dir: string, dataset: Dataset, opts: { manifest?: ManifestRow[] } = {}): Promise<WriteResult> {
  const w = await DatasetWriter.open(dir);
  await w.append(datasetToCsv(dataset, { header: false }), {
    reports: dataset.reports.length, facts: dataset.facts.length, findings: dataset.findings.length, checks: dataset.checks.length,
  });
  return w.finish(dataset.meta, opts.manifest);
}
