// Pure part of loading the dataset into DuckDB (shared by the browser adapter and Node tests).
// The dashboard's data is one small index file (meta + the pre-aggregated `cube` + the list of
// detail files) ATTACHed as `nb`, and per-province detail files (reports, facts, findings, checks,
// metrics) ATTACHed as `nb_<code>` only when a query needs per-report rows. A single full file
// (nianbao.duckdb, every table in `nb`) works the same way. Imported reports live in the in-memory
// schema `imp`. Unqualified views union whatever is attached, so query builders use plain table
// names and never know where rows came from:
//
//   nb.cube ───────────────┐                       imp.cube ──┐
//   nb_43.metrics, nb_44.… ┼─ UNION ALL BY NAME ── imp.metrics ┼→ views cube, metrics, reports, …
//   (nb.metrics if full) ──┘                                    ┘
//
// The bundled/imported/both switch is the DuckDB variable `nb_source`, read by every view (constant-
// folded: a switched-off side is not scanned), so switching needs no view rewrite.
import { buildCubeSql, emptyCubeSql } from './cube';
import { buildMetricsSql, emptyMetricsSql } from './metrics';
import { createTableSql, DATASET_TABLE_NAMES } from './schema';
import { ident, inList, str } from './sql';
import { query, type Query } from './query-runner';

export const BUNDLED = 'nb';
export const IMPORTED = 'imp';
/** Every unqualified view the query builders read. */
export const VIEW_TABLES = [...DATASET_TABLE_NAMES, 'metrics', 'cube'] as const;

/** The ATTACH alias of a detail file (`43` → `nb_43`). Codes are 2 digits or `x` (unplaced). */
export function detailAlias(code: string): string {
  if (!/^(\d{2}|x)$/.test(code)) throw new Error(`detail part code must be 2 digits or x: ${JSON.stringify(code)}`);
  return `${BUNDLED}_${code}`;
}

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

/** A table of an attached bundled database. */
export interface BundledTable { database: string; table: string }

/**
 * Tables of every attached bundled database (nb, nb_*) — or of a schema `nb` in the in-memory
 * database, as the Node tests build it: feed the rows to viewsSql.
 */
export function bundledTablesSql(): string {
  return `SELECT CASE WHEN database_name = 'memory' THEN schema_name ELSE database_name END AS database, table_name AS "table"
FROM duckdb_tables()
WHERE database_name = ${str(BUNDLED)} OR database_name LIKE ${str(`${BUNDLED}\\_%`)} ESCAPE '\\'
   OR (database_name = 'memory' AND schema_name = ${str(BUNDLED)})
ORDER BY 1, 2`;
}

const SOURCE_VAR = "coalesce(getvariable('nb_source'), 'both')";

/** The bundled/imported/both switch: every view follows it at once. */
export function setSourceSql(source: 'bundled' | 'imported' | 'both'): string {
  if (!['bundled', 'imported', 'both'].includes(source)) throw new Error(`unknown source: ${String(source)}`);
  return `SET VARIABLE nb_source = ${str(source)}`;
}

const norm = (present: readonly (string | BundledTable)[]): BundledTable[] =>
  present.map((p) => (typeof p === 'string' ? { database: BUNDLED, table: p } : p));

/**
 * CREATE OR REPLACE VIEW for every view table over the given bundled tables and `imp`. Run again
 * after attaching a detail file and after an import (refreshViews does both). `memory`: in-memory
 * stand-ins built by setupViewsSql for an old file without metrics/cube. `imported`: whether `imp`
 * has rows — without them the imported branch is left out, because binding a UNION ALL BY NAME of
 * two ~330-column cube tables costs more than the whole query (1k cube, native: 11.7 → 6.5 ms; in
 * duckdb-wasm several times that, on every filter change).
 */
export function viewsSql(present: readonly (string | BundledTable)[], memory: readonly string[] = [], imported = true, replaced = false): string[] {
  const tables = norm(present);
  const bundledRefs = (t: string) => {
    const refs = tables.filter((x) => x.table === t).map((x) => `${ident(x.database)}.${ident(t)}`);
    if (memory.includes(`bundled_${t}`)) refs.push(ident(`bundled_${t}`));
    return refs;
  };
  const out = VIEW_TABLES.map((t) => {
    const parts = bundledRefs(t).map((r) => `SELECT * FROM ${bundledSide(t, r, replaced)} WHERE ${SOURCE_VAR} <> 'imported'`);
    if (imported || parts.length === 0) parts.push(`SELECT * FROM ${ident(IMPORTED)}.${ident(t)} WHERE ${SOURCE_VAR} <> 'bundled'`);
    if (t === 'cube' && replaced) return `CREATE OR REPLACE VIEW cube AS SELECT * FROM ${REPLACED_CUBE} WHERE CASE WHEN dataset = 'imported' THEN ${SOURCE_VAR} <> 'bundled' ELSE ${SOURCE_VAR} <> 'imported' END`;
    return `CREATE OR REPLACE VIEW ${ident(t)} AS ${parts.join(' UNION ALL BY NAME ')}`;
  });
  if (!replaced) return out;
  // An import replaced bundled reports: the bundled cube still sums them, so the cube is summed
  // again from the per-report rows (bundled minus the replaced ∪ imported; every detail part is
  // attached by then — the import read every bundled report). Built before the views that read it.
  const all = [...bundledRefs('metrics').map((r) => `SELECT * FROM ${bundledSide('metrics', r, true)}`), `SELECT * FROM ${ident(IMPORTED)}.metrics`];
  return [
    `CREATE OR REPLACE VIEW ${ident(IMPORTED)}.metrics_all AS ${all.join(' UNION ALL BY NAME ')}`,
    buildCubeSql({ source: `${IMPORTED}.metrics_all`, target: REPLACED_CUBE_NAME }),
    ...out,
  ];
}

const REPLACED_CUBE_NAME = `${IMPORTED}.cube_live`;
const REPLACED_CUBE = `${ident(IMPORTED)}.cube_live`;

/** The table of bundled reports an import replaced (src/data/importer.ts fills it). */
export function createReplacedSql(): string {
  return `CREATE TABLE IF NOT EXISTS ${ident(IMPORTED)}.replaced (report_id VARCHAR, superseded_by VARCHAR)`;
}

/** A bundled table as a view reads it: without the replaced reports (metrics), or saying they were (reports). */
function bundledSide(t: string, ref: string, replaced: boolean): string {
  if (!replaced) return ref;
  const x = `SELECT report_id, superseded_by FROM ${ident(IMPORTED)}.replaced`;
  if (t === 'metrics') return `(SELECT * FROM ${ref} WHERE report_id NOT IN (SELECT report_id FROM (${x})))`;
  if (t === 'reports') {
    return `(SELECT r.* REPLACE (CASE WHEN x.report_id IS NULL THEN r.counted ELSE false END AS counted,
      CASE WHEN x.report_id IS NULL THEN r.set_aside ELSE 'replaced' END AS set_aside,
      coalesce(x.superseded_by, r.superseded_by) AS superseded_by) FROM ${ref} r LEFT JOIN (${x}) x ON x.report_id = r.report_id)`;
  }
  return ref;
}

/** Re-create the views for what is attached and imported now (after a detail attach or an import). */
export async function refreshViews(run: (sql: string) => Promise<Record<string, unknown>[]>): Promise<void> {
  const present = (await run(bundledTablesSql())).map((r) => ({ database: String(r.database), table: String(r.table) }));
  // the stand-ins setupViewsSql built depend only on what the bundled file lacks, so they are the same now
  const memory = inMemoryStandIns(present);
  const [{ n }] = await run(`SELECT count(*)::INTEGER AS n FROM ${ident(IMPORTED)}.reports`);
  await run(createReplacedSql());
  const [{ k }] = await run(`SELECT count(*)::INTEGER AS k FROM ${ident(IMPORTED)}.replaced`);
  for (const s of viewsSql(present, memory, Number(n) > 0, Number(k) > 0)) await run(s);
}

/** After inserting or deleting imported rows: rebuild imp.metrics and imp.cube, then the views. */
export async function rebuildImported(run: (sql: string) => Promise<Record<string, unknown>[]>): Promise<void> {
  for (const s of rebuildImportedMetricsSql()) await run(s);
  await refreshViews(run);
}

/**
 * Statements that create `imp.*` (empty) and the views, plus in-memory `bundled_metrics` /
 * `bundled_cube` when a full file predates those tables. `present`: tables of the attached
 * bundled databases (strings = tables of `nb`).
 */
export function setupViewsSql(present: readonly (string | BundledTable)[]): string[] {
  const tables = norm(present);
  const out: string[] = [`CREATE SCHEMA IF NOT EXISTS ${ident(IMPORTED)}`];
  for (const t of DATASET_TABLE_NAMES) out.push(createTableSql(t, { schema: IMPORTED, ifNotExists: true }));
  out.push(createReplacedSql());
  // imp.* is empty here (a retry after a failed load starts empty too): create the derived tables
  // from their column lists instead of binding the PIVOT and the cube query on the first chart's path
  out.push(emptyMetricsSql(`${IMPORTED}.metrics`), emptyCubeSql(`${IMPORTED}.cube`));
  const memory = inMemoryStandIns(tables);
  // A file written before the CLI stored `metrics`: build it once in memory.
  if (memory.includes('bundled_metrics')) out.push(buildMetricsSql({ source: BUNDLED, target: 'bundled_metrics' }));
  // A full file written before the cube existed: sum its metrics once in memory.
  if (memory.includes('bundled_cube')) out.push(buildCubeSql({ source: memory.includes('bundled_metrics') ? 'bundled_metrics' : `${BUNDLED}.metrics`, target: 'bundled_cube' }));
  out.push(...viewsSql(tables, memory, false)); // imp is empty at set-up
  return out;
}

/** The in-memory tables setupViewsSql builds for an old full file (pass them to viewsSql again). */
export function inMemoryStandIns(present: readonly (string | BundledTable)[]): string[] {
  const tables = norm(present);
  const has = (t: string) => tables.some((x) => x.table === t);
  const memory: string[] = [];
  if (!has('metrics') && !has('cube')) {
    if (!has('reports') || !has('facts')) throw new Error('the dataset file has no reports/facts tables');
    memory.push('bundled_metrics');
  }
  if (!has('cube')) memory.push('bundled_cube');
  return memory;
}

/** Statements that remove every imported row and every replacement it made (then rebuildImported). */
export function clearImportedSql(): string[] {
  return [...DATASET_TABLE_NAMES.map((t) => `DELETE FROM ${ident(IMPORTED)}.${ident(t)}`), createReplacedSql(), `DELETE FROM ${ident(IMPORTED)}.replaced`];
}

/** Which of `ids` already exist in `reports` (an import must not collide with loaded reports). */
export function existingReportIdsSql(ids: readonly string[]): Query {
  return query(`SELECT DISTINCT report_id FROM reports WHERE report_id IN ${inList(ids)}`, 'reports');
}

/** Statements run after inserting or deleting imported rows: rebuild `imp.metrics` and `imp.cube`. */
export function rebuildImportedMetricsSql(): string[] {
  return [
    buildMetricsSql({ source: IMPORTED, target: `${IMPORTED}.metrics` }),
    buildCubeSql({ source: `${IMPORTED}.metrics`, target: `${IMPORTED}.cube` }),
  ];
}

/** A DuckDB database file starts with an 8-byte checksum, then the magic "DUCK" (bytes 8–11). */
export function looksLikeDuckDbFile(bytes: Uint8Array): boolean {
  return bytes.length >= 12 && bytes[8] === 0x44 && bytes[9] === 0x55 && bytes[10] === 0x43 && bytes[11] === 0x4b;
}
