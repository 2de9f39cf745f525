// The import's two needs from the database, built on any QueryRunner and H4's pure SQL builders
// (the same statements LoadedDataset.importDataset runs), so the panel mounts with just the
// app context's runner.
//
// The bundled/imported/both switch: H5's URL codec has no `source` field (checked when this was
// written), so instead of touching every view's selection the switch re-points the unqualified
// views every query reads (reports, facts, …, metrics — see src/data/load-dataset.ts) at the
// bundled rows, the imported rows, or both. Every view then follows it with no change.
import type { Dataset } from '../../model/dataset';
import { insertDatasetSql } from '../../data/insert';
import { BUNDLED, existingReportIdsSql, IMPORTED, rebuildImportedMetricsSql } from '../../data/load-dataset';
import type { QueryRunner } from '../../data/query-runner';
import { DATASET_TABLE_NAMES } from '../../data/schema';
import { ident, str } from '../../data/sql';
import type { ImportTarget } from './use-import';

export type Source = 'bundled' | 'imported' | 'both';

/** Tables of the bundled dataset (ATTACHed database or schema `nb`), and whether metrics were built in memory. */
export function bundledTablesSql(alias = BUNDLED): string {
  return `SELECT table_name, database_name, schema_name FROM duckdb_tables() WHERE database_name = ${str(alias)} OR schema_name = ${str(alias)} OR table_name = 'bundled_metrics'`;
}

/** CREATE OR REPLACE VIEW statements showing `source` rows. `present`: bundled table names. */
export function sourceViewsSql(source: Source, present: readonly string[], hasBundledMetrics: boolean, alias = BUNDLED): string[] {
  const has = new Set(present);
  const bundledRef = (t: string) => (t === 'metrics' && !has.has('metrics') && hasBundledMetrics ? ident('bundled_metrics') : has.has(t) ? `${ident(alias)}.${ident(t)}` : null);
  const out: string[] = [];
  for (const t of [...DATASET_TABLE_NAMES, 'metrics']) {
    const imported = `SELECT * FROM ${ident(IMPORTED)}.${ident(t)}`;
    const b = bundledRef(t);
    let body: string;
    if (source === 'imported' || !b) body = imported;
    // WHERE FALSE keeps the view's columns when the bundled table is shown alone.
    else if (source === 'bundled') body = `SELECT * FROM ${b} UNION ALL BY NAME ${imported} WHERE FALSE`;
    else body = `SELECT * FROM ${b} UNION ALL BY NAME ${imported}`;
    out.push(`CREATE OR REPLACE VIEW ${ident(t)} AS ${body}`);
  }
  return out;
}

export interface RunnerTarget extends ImportTarget {
  setSource(source: Source): Promise<void>;
  existingIds(ids: string[]): Promise<string[]>;
}

export function targetFromRunner(runner: QueryRunner): RunnerTarget {
  const run = async (sql: string) => { await runner.query(sql); };
  return {
    async importDataset(ds: Dataset) {
      for (const s of insertDatasetSql(ds, { schema: IMPORTED })) await run(s);
      await run(rebuildImportedMetricsSql());
    },
    async clearImported() {
      for (const t of DATASET_TABLE_NAMES) await run(`DELETE FROM ${ident(IMPORTED)}.${ident(t)}`);
      await run(rebuildImportedMetricsSql());
    },
    async existingIds(ids: string[]) {
      if (ids.length === 0) return [];
      return (await runner.query<{ report_id: string }>(existingReportIdsSql(ids))).map((r) => r.report_id);
    },
    async setSource(source: Source) {
      const rows = await runner.query<{ table_name: string; database_name: string; schema_name: string }>(bundledTablesSql());
      const present = rows.filter((r) => r.table_name !== 'bundled_metrics').map((r) => r.table_name);
      const hasBundledMetrics = rows.some((r) => r.table_name === 'bundled_metrics');
      for (const s of sourceViewsSql(source, present, hasBundledMetrics)) await run(s);
    },
  };
}
