// Source: for any number, the facts behind it — report, table, row and column as printed, the
// raw cell text, derived flag, location — and the report's file and origin.
import { int, str } from '../sql';
import { selectionPredicate, type Selection } from '../filters';
import { query, toNum, toStr, type Query, type QueryRunner } from '../query-runner';

export interface SourceParams { reportId: string; table?: string; item?: string; column?: string }

export interface SourceRow {
  report_id: string; source_file: string | null; title: string | null; origin: string | null;
  table: string; item: string; column: string; value: number | null; raw: string; derived: boolean;
  row_label: string; column_label: string; unit: string; location: string | null;
}

export function sourceSql(p: SourceParams): Query {
  const conds = [`f.report_id = ${str(p.reportId)}`];
  if (p.table) conds.push(`f."table" = ${str(p.table)}`);
  if (p.item) conds.push(`f.item = ${str(p.item)}`);
  if (p.column) conds.push(`f."column" = ${str(p.column)}`);
  return query(`SELECT f.report_id, r.source_file, r.title, r.origin, f."table", f.item, f."column", f.value::DOUBLE AS value,
  f.raw, f.derived, f.row_label, f.column_label, f.unit, f.location
FROM facts f LEFT JOIN reports r ON r.report_id = f.report_id
WHERE ${conds.join(' AND ')}
ORDER BY f."table", f.item, f."column"`, 'facts', 'reports');
}

export async function runSource(runner: QueryRunner, p: SourceParams): Promise<SourceRow[]> {
  return (await runner.query(sourceSql(p))).map((r) => ({
    report_id: String(r.report_id), source_file: toStr(r.source_file), title: toStr(r.title), origin: toStr(r.origin),
    table: String(r.table), item: String(r.item), column: String(r.column), value: toNum(r.value),
    raw: String(r.raw ?? ''), derived: r.derived === true || r.derived === 'true',
    row_label: String(r.row_label ?? ''), column_label: String(r.column_label ?? ''), unit: String(r.unit ?? ''),
    location: toStr(r.location),
  }));
}

export interface ContributingParams {
  selection?: Selection;
  table: string;
  item: string;
  column: string;
  /** Only this year (e.g. the bar that was clicked). */
  year?: number;
  limit?: number;
}

export interface ContributingRow extends SourceRow { agency: string | null; year: number | null }

/**
 * The printed cells behind an aggregate: for every report in the selection, its fact for
 * (table, item, column) — reports without the fact are listed too, with value NULL and raw NULL,
 * so "no data" is visible per report.
 */
export function contributingFactsSql(p: ContributingParams): Query {
  const where = selectionPredicate(p.selection, { alias: 'm' }) + (p.year !== undefined ? ` AND m.year = ${int(p.year)}` : '');
  return query(`SELECT m.report_id, m.agency, m.year, r.source_file, r.title, r.origin,
  ${str(p.table)} AS "table", ${str(p.item)} AS item, ${str(p.column)} AS "column",
  f.value::DOUBLE AS value, f.raw, f.derived, f.row_label, f.column_label, f.unit, f.location
FROM metrics m
JOIN reports r ON r.report_id = m.report_id
LEFT JOIN facts f ON f.report_id = m.report_id AND f."table" = ${str(p.table)} AND f.item = ${str(p.item)} AND f."column" = ${str(p.column)}
WHERE ${where}
ORDER BY f.value DESC NULLS LAST, m.agency, m.year
${p.limit !== undefined ? `LIMIT ${int(p.limit)}` : ''}`, 'metrics', 'reports', 'facts');
}

export async function runContributingFacts(runner: QueryRunner, p: ContributingParams): Promise<ContributingRow[]> {
  return (await runner.query(contributingFactsSql(p))).map((r) => ({
    report_id: String(r.report_id), agency: toStr(r.agency), year: toNum(r.year),
    source_file: toStr(r.source_file), title: toStr(r.title), origin: toStr(r.origin),
    table: String(r.table), item: String(r.item), column: String(r.column), value: toNum(r.value),
    raw: r.raw === null || r.raw === undefined ? '' : String(r.raw), derived: r.derived === true,
    row_label: String(r.row_label ?? ''), column_label: String(r.column_label ?? ''), unit: String(r.unit ?? ''),
    location: toStr(r.location),
  }));
}
