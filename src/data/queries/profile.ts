// An agency's profile: every report of the agency (one agency_id, whatever name each report
// printed), with whether it is counted and why not, its origin and file.
import { str } from '../sql';
import { query, toNum, toStr, type Query, type QueryRunner } from '../query-runner';

export interface ProfileReportRow {
  report_id: string; agency_printed: string | null; agency: string | null; agency_id: string | null; year: number | null;
  title: string | null; template: string | null; level: string | null; province: string | null; city: string | null; county: string | null;
  place: string | null; status: string; counted: boolean; set_aside: string | null; superseded_by: string | null;
  source_file: string | null; origin: string | null; dataset: string | null; fact_count: number; finding_count: number; checks_failed: number;
}

/** Reports of the agency shown under `agency` (its label), and of every name it was printed under. */
export function profileReportsSql(agency: string): Query {
  return query(`WITH ids AS (SELECT DISTINCT agency_id FROM reports WHERE coalesce(agency_label, agency) = ${str(agency)} AND agency_id IS NOT NULL)
SELECT report_id, agency AS agency_printed, coalesce(agency_label, agency) AS agency, agency_id, CAST(year AS INTEGER) AS year, title, template,
  level, province, city, county, place, status, coalesce(counted, true) AS counted, set_aside, superseded_by, source_file, origin, dataset,
  fact_count::INTEGER AS fact_count, finding_count::INTEGER AS finding_count, checks_failed::INTEGER AS checks_failed
FROM reports
WHERE coalesce(agency_label, agency) = ${str(agency)} OR agency_id IN (SELECT agency_id FROM ids)
ORDER BY year NULLS LAST, report_id`, 'reports');
}

export async function runProfileReports(runner: QueryRunner, agency: string): Promise<ProfileReportRow[]> {
  return (await runner.query(profileReportsSql(agency))).map((r) => ({
    report_id: String(r.report_id), agency_printed: toStr(r.agency_printed), agency: toStr(r.agency), agency_id: toStr(r.agency_id), year: toNum(r.year),
    title: toStr(r.title), template: toStr(r.template), level: toStr(r.level), province: toStr(r.province), city: toStr(r.city), county: toStr(r.county),
    place: toStr(r.place), status: String(r.status), counted: r.counted !== false, set_aside: toStr(r.set_aside), superseded_by: toStr(r.superseded_by),
    source_file: toStr(r.source_file), origin: toStr(r.origin), dataset: toStr(r.dataset),
    fact_count: toNum(r.fact_count) ?? 0, finding_count: toNum(r.finding_count) ?? 0, checks_failed: toNum(r.checks_failed) ?? 0,
  }));
}
