// Pure part of loading the dataset into DuckDB (shared by the browser adapter and Node tests):
// after `ATTACH '<file>' AS nb (READ_ONLY)`, create an in-memory schema `imp` for imported reports
// and unqualified views (`reports`, `facts`, …, `metrics`) over bundled ∪ imported rows, so every
// query builder uses plain table names and never knows where rows came from.
//
//   nb.reports ─┐                     imp.reports ─┐
//   nb.facts   ─┼─ UNION ALL BY NAME ─ imp.facts   ─┼→ views reports, facts, findings, checks, meta
//   nb.metrics ─┘ (or built here)      imp.metrics ─┘→ view metrics
import { buildMetricsSql } from './metrics';
import { createTableSql, DATASET_TABLE_NAMES } from './schema';
import { ident, inList, str } from './sql';

export const BUNDLED = 'nb';
export const IMPORTED = 'imp';

/** The ATTACH statement for a registered file name. */
export function attachSql(fileName: string, alias = BUNDLED): string {
  return `ATTACH ${str(fileName)} AS ${ident(alias)} (READ_ONLY)`;
}

/** Run before ATTACH so a retry after a half-finished load does not fail on "already exists". */
export function detachSql(alias = BUNDLED): string {
  return `DETACH DATABASE IF EXISTS ${ident(alias)}`;
}

/** Lists the tables present in the attached database (older files may lack `metrics` or `meta`). */
export function attachedTablesSql(alias = BUNDLED): string {
  return `SELECT table_name FROM duckdb_tables() WHERE database_name = ${str(alias)}`;
}

/**
 * Statements that create `imp.*` (empty), `bundled_metrics` when the file has no `metrics`, and the
 * unqualified views. `present`: table names found in the attached file.
 */
export function setupViewsSql(present: readonly string[], alias = BUNDLED): string[] {
  const has = new Set(present);
  const out: string[] = [`CREATE SCHEMA IF NOT EXISTS ${ident(IMPORTED)}`];
  for (const t of DATASET_TABLE_NAMES) out.push(createTableSql(t, { schema: IMPORTED, ifNotExists: true }));
  out.push(buildMetricsSql({ source: IMPORTED, target: `${IMPORTED}.metrics` }));
  for (const t of DATASET_TABLE_NAMES) {
    const imported = `SELECT * FROM ${ident(IMPORTED)}.${ident(t)}`;
    const body = has.has(t) ? `SELECT * FROM ${ident(alias)}.${ident(t)} UNION ALL BY NAME ${imported}` : imported;
    out.push(`CREATE OR REPLACE VIEW ${ident(t)} AS ${body}`);
  }
  let bundledMetrics = `${ident(alias)}.${ident('metrics')}`;
  if (!has.has('metrics')) {
    // A file written before the CLI stored `metrics`: build it once in memory.
    if (!has.has('reports') || !has.has('facts')) throw new Error('the dataset file has no reports/facts tables');
    out.push(buildMetricsSql({ source: alias, target: 'bundled_metrics' }));
    bundledMetrics = ident('bundled_metrics');
  }
  out.push(`CREATE OR REPLACE VIEW ${ident('metrics')} AS SELECT * FROM ${bundledMetrics} UNION ALL BY NAME SELECT * FROM ${ident(IMPORTED)}.${ident('metrics')}`);
  return out;
}

/** Which of `ids` already exist in `reports` (an import must not collide with loaded reports). */
export function existingReportIdsSql(ids: readonly string[]): string {
  return `SELECT DISTINCT report_id FROM reports WHERE report_id IN ${inList(ids)}`;
}

/** Statements run after inserting imported rows: rebuild `imp.metrics`. */
export function rebuildImportedMetricsSql(): string {
  return buildMetricsSql({ source: IMPORTED, target: `${IMPORTED}.metrics` });
}

/** A DuckDB database file starts with an 8-byte checksum, then the magic "DUCK" (bytes 8–11). */
export function looksLikeDuckDbFile(bytes: Uint8Array): boolean {
  return bytes.length >= 12 && bytes[8] === 0x44 && bytes[9] === 0x55 && bytes[10] === 0x43 && bytes[11] === 0x4b;
}
