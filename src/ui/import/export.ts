// CSV exports of what the user imported: the facts (same format readFactsCsv reads back) and a
// "my findings" report (findings + identity checks + CSV errors). Cells come from hostile files,
// so every cell goes through the project's one formula-escaping rule (src/dataset/csv-safe.ts:
// numbers stay numbers, "-" and "-5" stay as printed, "-1+1+cmd|…" is escaped).
import type { Dataset } from '../../model/dataset';
import { writeCsv } from '../../dataset/csv-safe';
import { FACT_COLUMNS, type CsvError } from './facts-csv';

function unparse(fields: readonly string[], data: unknown[][]): string {
  return writeCsv(fields, data);
}

/** The imported facts in our facts format; blank values stay empty, never 0. */
export function importedFactsCsv(ds: Dataset): string {
  return unparse(FACT_COLUMNS, ds.facts.map((f) => FACT_COLUMNS.map((c) => {
    const v = (f as unknown as Record<string, unknown>)[c];
    return v === null || v === undefined ? '' : v;
  })));
}

export const FINDINGS_REPORT_COLUMNS = [
  'report_id', 'source_file', 'kind', 'code', 'severity', 'status', 'message_zh', 'message_en', 'location', 'lhs_label', 'lhs', 'rhs_label', 'rhs', 'details',
] as const;

export interface CsvFileErrors {
  file: string;
  errors: CsvError[];
}

/** One CSV: every finding, every identity check (pass, fail and skip), every CSV line error. */
export function findingsReportCsv(ds: Dataset, csvErrors: CsvFileErrors[] = []): string {
  const fileOf = new Map(ds.reports.map((r) => [r.report_id, r.source_file]));
  const n = (v: number | null) => (v === null ? '' : v);
  const data: unknown[][] = [];
  for (const f of ds.findings) {
    data.push([f.report_id, fileOf.get(f.report_id) ?? '', 'finding', f.code, f.severity, '', f.message_zh, f.message_en, f.location, '', '', '', '', f.details]);
  }
  for (const c of ds.checks) {
    data.push([c.report_id, fileOf.get(c.report_id) ?? '', 'check', c.check_id, c.status === 'fail' ? 'error' : '', c.status, '', '', `${c.table} ${c.subject}`, c.lhs_label, n(c.lhs), c.rhs_label, n(c.rhs), '']);
  }
  for (const e of csvErrors) {
    for (const x of e.errors) {
      data.push(['', e.file, 'csv-error', 'csv-error', 'error', '', '', x.message, `line ${x.line}${x.column ? ` column ${x.column}` : ''}`, '', '', '', '', '']);
    }
  }
  return unparse(FINDINGS_REPORT_COLUMNS, data);
}
