// The SQL of an import, pure: what ./importer.ts asks the database while resolving imported reports
// against the bundled ones (src/dataset/identity.ts), and the writes to the `imp` schema that record
// a replacement or undo one. Reads are declared (query-runner.ts), so a session routes them: the
// bundled candidates and their cells wait for every detail part; writes on `imp` are statements.
import { IMPORTED } from './load-dataset';
import { query, statement, type Query } from './query-runner';
import { ident, inList, str } from './sql';

const REPLACED = `${ident(IMPORTED)}.replaced`;

/** A printed cell of an imported report. */
export interface Cell { table: string; item: string; column: string; value: number }

/** Bundled report ids whose printed (not derived) cells include every one of `cells`. */
export function containingReportsSql(cells: readonly Cell[]): Query {
  const values = cells.map((f) => `(${str(f.table)}, ${str(f.item)}, ${str(f.column)}, ${Number(f.value)}::DOUBLE)`).join(', ');
  return query(`WITH k(t, i, c, v) AS (VALUES ${values})
      SELECT f.report_id FROM facts f JOIN k ON f."table" = k.t AND f.item = k.i AND f."column" = k.c AND f.value = k.v
      WHERE NOT f.derived GROUP BY f.report_id HAVING count(DISTINCT (k.t, k.i, k.c)) = ${cells.length}`, 'facts');
}

/** What may match an imported report: the same id, a containing report, the same agency or content. */
export interface Candidates { ids: readonly string[]; containing: readonly string[]; agencies: readonly string[]; fingerprints: readonly string[] }

/** The counted bundled reports that may be the same reports as the import (identity.ts decides). */
export function bundledCandidatesSql(c: Candidates): Query {
  const conds = [`report_id IN ${inList(c.ids)}`];
  if (c.containing.length) conds.push(`report_id IN ${inList(c.containing)}`);
  if (c.agencies.length) conds.push(`agency_id IN ${inList(c.agencies)}`);
  if (c.fingerprints.length) conds.push(`fingerprint IN ${inList(c.fingerprints)}`);
  return query(`SELECT report_id, agency_id, agency, agency_label, CAST(year AS INTEGER) AS year, fingerprint,
          fact_count, checks_failed, status, level, region_code, province, city, county, region_status, place, template, title
        FROM reports WHERE dataset IS DISTINCT FROM 'imported' AND counted IS NOT FALSE AND (${conds.join(' OR ')})`, 'reports');
}

/** The printed cells of these reports (fragment detection, identity.ts factKeys). */
export function printedCellsSql(reportIds: readonly string[]): Query {
  return query(`SELECT report_id, "table", item, "column", CAST(value AS DOUBLE) AS value FROM facts WHERE report_id IN ${inList(reportIds)} AND NOT derived AND value IS NOT NULL`, 'facts');
}

/** Record that imported reports replace bundled ones: [bundled id, imported id] pairs. */
export function insertReplacedSql(pairs: readonly (readonly [string, string])[]): Query {
  return statement(`INSERT INTO ${REPLACED} VALUES ${pairs.map(([b, i]) => `(${str(b)}, ${str(i)})`).join(', ')}`);
}

/** The replacements made, with the bundled report's agency and year. */
export function replacementsSql(): Query {
  return query(`SELECT x.report_id, x.superseded_by, r.agency, CAST(r.year AS INTEGER) AS year
        FROM ${REPLACED} x LEFT JOIN reports r ON r.report_id = x.report_id AND r.dataset IS DISTINCT FROM 'imported' ORDER BY x.report_id`, 'imp', 'reports');
}

/** The imported report that replaced this bundled one (no row: none did). */
export function replacedBySql(bundledId: string): Query {
  return query(`SELECT superseded_by FROM ${REPLACED} WHERE report_id = ${str(bundledId)}`, 'imp');
}

/** Undo one replacement: the bundled report counts again, the imported copy is set aside for it. */
export function keepBundledSql(bundledId: string, importedId: string): Query[] {
  return [
    statement(`DELETE FROM ${REPLACED} WHERE report_id = ${str(bundledId)}`),
    statement(`UPDATE ${ident(IMPORTED)}.reports SET counted = false, set_aside = 'kept-bundled', superseded_by = ${str(bundledId)} WHERE report_id = ${str(importedId)}`),
  ];
}
