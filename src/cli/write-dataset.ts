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
import { buildMetricsSql } from '../data/metrics';
import { buildCubeSql } from '../data/cube';
import { createTableSql } from '../data/schema';
import { writeDashboardFiles } from './dashboard-files';
import { checkTarget, createStaging, discardStaging, recoverDir, swapIn, type OutputHook } from './atomic-dir';
import { datasetToCsv, manifestToCsv, TABLE_COLUMNS, type DatasetCsvName } from '../dataset';
import { escapeCsvSql, unescapeCsvSql, writeCsv } from '../dataset/csv-safe';
import { searchExtras } from '../dataset/search-extras';
import { resolveReports, searchText, type IdentityInput } from '../dataset/identity';
import { crossFindingsSql } from '../dataset/cross-checks';
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
      await buildDuckdb(db, (t) => path.join(dir, `${t}.csv`), meta, { rewriteReportsCsv: true });
      this.hook('duckdb-built');
      // the dashboard's index + per-province detail files (src/cli/dashboard-files.ts)
      await writeDashboardFiles(db, dir);
      this.hook('dashboard-files-written');
      const duckdbMs = performance.now() - t0;
      if (manifest) writeFileSync(path.join(dir, 'manifest.csv'), manifestToCsv(manifest));
      // meta.csv: the dashboard's download list offers it next to the tables (src/ui/views/Source.tsx)
      writeFileSync(path.join(dir, 'meta.csv'), writeCsv(['key', 'value'], Object.entries(meta), { finalNewline: true }));
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
export async function buildDuckdb(dbFile: string, csvOf: (t: Table) => string, meta: Record<string, string>, opts: { rewriteReportsCsv?: boolean } = {}): Promise<void> {
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
    await con.run(createTableSql('meta'));
    const entries = Object.entries(meta);
    if (entries.length > 0) await con.run(`INSERT INTO meta VALUES ${entries.map(([k, v]) => `(${lit(k)}, ${lit(v)})`).join(', ')}`);
    // one report per agency-year, one agency per name variant, before anything is summed
    const ms = await resolveIdentity(con);
    void ms;
    await con.run(buildMetricsSql());
    // checks across an agency's years, on the counted reports (src/dataset/cross-checks.ts)
    const added = await addCrossFindings(con);
    // reports.csv and findings.csv carry the resolution and the cross-checks too (the CSV and the
    // DuckDB file say the same)
    if (opts.rewriteReportsCsv) {
      for (const t of ['reports', 'findings'] as const) {
        if (t === 'findings' && added === 0) continue;
        // written again, so escaped again (src/dataset/csv-safe.ts)
        const cols = TABLE_COLUMNS[t].map((c) => (c.type === 'VARCHAR' ? `${escapeCsvSql(`"${c.name}"`)} AS "${c.name}"` : `"${c.name}"`)).join(', ');
        await con.run(`COPY (SELECT ${cols} FROM ${t} ORDER BY rowid) TO ${lit(csvOf(t))} (FORMAT csv, HEADER true, QUOTE '"', ESCAPE '"', NULLSTR '')`);
      }
    }
    await con.run(buildCubeSql());
    await con.run('CHECKPOINT');
  } finally {
    con.closeSync();
    instance.closeSync();
  }
}

type Con = Awaited<ReturnType<DuckDBInstance['connect']>>;

/** Inserts the cross-report findings and counts them into reports.finding_count; returns how many. */
async function addCrossFindings(con: Con): Promise<number> {
  const before = Number((await con.runAndReadAll('SELECT count(*)::INTEGER AS n FROM findings')).getRowObjectsJS()[0].n);
  for (const sql of crossFindingsSql()) await con.run(`INSERT INTO findings BY NAME ${sql}`);
  const after = Number((await con.runAndReadAll('SELECT count(*)::INTEGER AS n FROM findings')).getRowObjectsJS()[0].n);
  if (after > before) {
    await con.run(`UPDATE reports SET finding_count = f.n, status = CASE WHEN reports.status = 'ok' THEN 'findings' ELSE reports.status END
      FROM (SELECT report_id, count(*)::INTEGER AS n FROM findings GROUP BY report_id) f WHERE reports.report_id = f.report_id AND reports.finding_count <> f.n`);
    await con.run('UPDATE metrics SET finding_count = r.finding_count, status = r.status FROM reports r WHERE metrics.report_id = r.report_id');
  }
  return after - before;
}

/**
 * Runs the identity rule (src/dataset/identity.ts) over the loaded reports and writes counted /
 * set_aside / superseded_by / agency_label / search_text back. Fragment detection needs the
 * printed cells, read only for agencies with two or more reports.
 */
async function resolveIdentity(con: Con): Promise<number> {
  const t0 = performance.now();
  const rows = (await con.runAndReadAll(`SELECT report_id, agency_id, agency, year, fingerprint, fact_count, checks_failed, status, province, city, county, place,
      count(*) OVER (PARTITION BY agency_id) AS n_agency FROM reports`)).getRowObjectsJS();
  const multi = rows.filter((r) => r.agency_id !== null && Number(r.n_agency) > 1).map((r) => String(r.report_id));
  const keys = new Map<string, Set<string>>();
  if (multi.length) {
    await con.run(`CREATE TEMP TABLE nb_multi AS SELECT unnest([${multi.map(lit).join(', ')}]) AS report_id`);
    const facts = (await con.runAndReadAll(`SELECT report_id, "table" || '|' || item || '|' || "column" || '|' || CAST(value AS VARCHAR) AS k
      FROM facts WHERE report_id IN (SELECT report_id FROM nb_multi) AND NOT derived AND value IS NOT NULL`)).getRowObjectsJS();
    for (const f of facts) {
      const id = String(f.report_id);
      if (!keys.has(id)) keys.set(id, new Set());
      // the key format of identity.ts factKeys: JS number text (DuckDB prints 3.0 as 3.0)
      const k = String(f.k).replace(/\|(-?\d+)\.0$/, '|$1');
      keys.get(id)!.add(k);
    }
  }
  const input: IdentityInput[] = rows.map((r) => ({
    report_id: String(r.report_id), agency_id: (r.agency_id as string | null) ?? null, agency: (r.agency as string | null) ?? null,
    year: r.year === null ? null : Number(r.year), fingerprint: (r.fingerprint as string | null) ?? null,
    keys: keys.get(String(r.report_id)), fact_count: Number(r.fact_count ?? 0), checks_failed: Number(r.checks_failed ?? 0), status: String(r.status),
  }));
  const res = resolveReports(input);
  // every name an agency was printed under is searchable on each of its reports
  const names = new Map<string, Set<string>>();
  for (const r of rows) if (r.agency_id && r.agency) names.set(String(r.agency_id), (names.get(String(r.agency_id)) ?? new Set()).add(String(r.agency)));
  const values = rows.map((r) => {
    const o = res.get(String(r.report_id))!;
    const aliases = r.agency_id ? [...names.get(String(r.agency_id))!] : r.agency ? [String(r.agency)] : [];
    const text = aliases.length ? searchText(aliases, [r.province, r.city, r.county, r.place].map((x) => (x as string | null) ?? null), searchExtras) : null;
    const q = (v: string | null) => (v === null ? 'NULL' : lit(v));
    return `(${lit(String(r.report_id))}, ${o.counted}, ${q(o.set_aside)}, ${q(o.superseded_by)}, ${q(o.agency_label)}, ${q(text)})`;
  });
  if (values.length) {
    await con.run(`CREATE TEMP TABLE nb_identity (report_id VARCHAR, counted BOOLEAN, set_aside VARCHAR, superseded_by VARCHAR, agency_label VARCHAR, search_text VARCHAR)`);
    for (let i = 0; i < values.length; i += 1000) await con.run(`INSERT INTO nb_identity VALUES ${values.slice(i, i + 1000).join(', ')}`);
    await con.run(`UPDATE reports SET counted = i.counted, set_aside = i.set_aside, superseded_by = i.superseded_by, agency_label = i.agency_label, search_text = i.search_text
      FROM nb_identity i WHERE reports.report_id = i.report_id`);
  }
  return performance.now() - t0;
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
