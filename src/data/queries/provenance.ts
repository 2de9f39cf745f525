// The dataset's provenance list: every report (also failed ones) with its file, origin, format,
// status and dataset, plus the meta table.
import { selectionPredicate, type Selection } from '../filters';
import { query, toNum, toStr, type Query, type QueryRunner } from '../query-runner';

export interface ProvenanceRow {
  report_id: string; agency: string | null; year: number | null; title: string | null;
  source_file: string; origin: string | null; format: string | null; status: string;
  dataset: string | null; fact_count: number; finding_count: number; checks_failed: number; error: string | null;
}

export function provenanceSql(p: { selection?: Selection } = {}): Query {
  // reports carries no derived columns, so the selection applies to it directly; the year filter is
  // dropped so failed (undated) reports stay listed.
  return query(`SELECT report_id, agency, CAST(year AS INTEGER) AS year, title, source_file, origin, format, status, dataset,
  fact_count::INTEGER AS fact_count, finding_count::INTEGER AS finding_count, checks_failed::INTEGER AS checks_failed, error
FROM reports
WHERE ${selectionPredicate(p.selection, { ignore: ['years'] })}
ORDER BY agency NULLS LAST, year, report_id`, 'reports');
}

export function metaSql(): Query {
  return query(`SELECT * FROM meta`, 'meta');
}

export async function runProvenance(runner: QueryRunner, p: { selection?: Selection } = {}): Promise<ProvenanceRow[]> {
  return (await runner.query(provenanceSql(p))).map((r) => ({
    report_id: String(r.report_id), agency: toStr(r.agency), year: toNum(r.year), title: toStr(r.title),
    source_file: String(r.source_file ?? ''), origin: toStr(r.origin), format: toStr(r.format), status: String(r.status),
    dataset: toStr(r.dataset), fact_count: toNum(r.fact_count) ?? 0, finding_count: toNum(r.finding_count) ?? 0,
    checks_failed: toNum(r.checks_failed) ?? 0, error: toStr(r.error),
  }));
}
