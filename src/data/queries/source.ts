// Q7 Source: for any number, the facts behind it — report, table, row and column as printed, the
// raw cell text, derived flag, location — and the report's file and origin.
import { str } from '../sql';
import { toNum, toStr, type QueryRunner } from '../query-runner';

export interface SourceParams { reportId: string; table?: string; item?: string; column?: string }

export interface SourceRow {
  report_id: string; source_file: string | null; title: string | null; origin: string | null;
  table: string; item: string; column: string; value: number | null; raw: string; derived: boolean;
  row_label: string; column_label: string; unit: string; location: string | null;
}

export function sourceSql(p: SourceParams): string {
  const conds = [`f.report_id = ${str(p.reportId)}`];
  if (p.table) conds.push(`f."table" = ${str(p.table)}`);
  if (p.item) conds.push(`f.item = ${str(p.item)}`);
  if (p.column) conds.push(`f."column" = ${str(p.column)}`);
  return `SELECT f.report_id, r.source_file, r.title, r.origin, f."table", f.item, f."column", f.value::DOUBLE AS value,
  f.raw, f.derived, f.row_label, f.column_label, f.unit, f.location
FROM facts f LEFT JOIN reports r ON r.report_id = f.report_id
WHERE ${conds.join(' AND ')}
ORDER BY f."table", f.item, f."column"`;
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
