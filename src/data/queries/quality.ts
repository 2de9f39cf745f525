// Data quality: per report the identity checks (pass/fail/skip), findings and blank cells;
// and for one report the checks with both sides and the findings.
import { selectionPredicate, type Selection } from '../filters';
import { int, str } from '../sql';
import { query, toNum, toStr, type Query, type QueryRunner } from '../query-runner';

export interface QualityReportRow {
  report_id: string;
  agency: string | null;
  year: number | null;
  status: string | null;
  checks_total: number;
  checks_passed: number;
  checks_failed: number;
  checks_skipped: number;
  finding_count: number;
  /** Printed cells that were blank (value NULL, not derived). */
  blank_cells: number;
  fact_count: number;
  /** False when the identity rule set the report aside (src/dataset/identity.ts): then in no total. */
  counted: boolean;
  set_aside: string | null;
  superseded_by: string | null;
}

/**
 * One row per report in the selection. The year filter is ignored when `includeUndated` so that
 * reports whose year could not be read (failed parses) still appear here.
 */
export function qualityReportsSql(p: { selection?: Selection; includeUndated?: boolean; limit?: number } = {}): Query {
  const pred = selectionPredicate(p.selection, { ignore: p.includeUndated ? ['years'] : [] });
  // Select the reports first and aggregate only their checks/facts: aggregating all 34M facts of a
  // 150k-report dataset before filtering took 1.3 s for one province (bench/data-queries.ts).
  // every report, also those set aside (a duplicate, a fragment, no year): listed with the reason,
  // under the agency's one name (agency_label)
  return query(`WITH m AS (
  SELECT report_id, agency, year, status, counted, set_aside, superseded_by
  FROM (SELECT * REPLACE (coalesce(agency_label, agency) AS agency) FROM reports) WHERE ${pred}
), c AS (
  SELECT report_id, count(*)::INTEGER AS checks_total,
    (count(*) FILTER (WHERE status = 'pass'))::INTEGER AS checks_passed,
    (count(*) FILTER (WHERE status = 'fail'))::INTEGER AS checks_failed,
    (count(*) FILTER (WHERE status = 'skip'))::INTEGER AS checks_skipped
  FROM checks WHERE report_id IN (SELECT report_id FROM m) GROUP BY report_id
), fi AS (
  SELECT report_id, count(*)::INTEGER AS finding_count FROM findings WHERE report_id IN (SELECT report_id FROM m) GROUP BY report_id
), fa AS (
  SELECT report_id, (count(*) FILTER (WHERE value IS NULL AND NOT coalesce(derived, false)))::INTEGER AS blank_cells,
    count(*)::INTEGER AS fact_count
  FROM facts WHERE report_id IN (SELECT report_id FROM m) GROUP BY report_id
)
SELECT m.report_id, m.agency, m.year, m.status,
  coalesce(c.checks_total, 0) AS checks_total, coalesce(c.checks_passed, 0) AS checks_passed,
  coalesce(c.checks_failed, 0) AS checks_failed, coalesce(c.checks_skipped, 0) AS checks_skipped,
  coalesce(fi.finding_count, 0) AS finding_count, coalesce(fa.blank_cells, 0) AS blank_cells,
  coalesce(fa.fact_count, 0) AS fact_count,
  coalesce(m.counted, true) AS counted, m.set_aside, m.superseded_by
FROM m
LEFT JOIN c ON c.report_id = m.report_id
LEFT JOIN fi ON fi.report_id = m.report_id
LEFT JOIN fa ON fa.report_id = m.report_id
ORDER BY c.checks_failed DESC NULLS LAST, m.agency, m.year, m.report_id
${p.limit !== undefined ? `LIMIT ${int(p.limit)}` : ''}`, 'reports', 'checks', 'findings', 'facts');
}

export interface CheckDetailRow {
  check_id: string; table: string; subject: string; lhs_label: string; rhs_label: string;
  lhs: number | null; rhs: number | null; status: string;
}

export function reportChecksSql(reportId: string): Query {
  return query(`SELECT check_id, "table", subject, lhs_label, rhs_label, lhs::DOUBLE AS lhs, rhs::DOUBLE AS rhs, status
FROM checks WHERE report_id = ${str(reportId)}
ORDER BY CASE status WHEN 'fail' THEN 0 WHEN 'skip' THEN 1 ELSE 2 END, check_id, subject`, 'checks');
}

export interface FindingDetailRow {
  code: string; severity: string; message_zh: string; message_en: string; location: string | null; details: string | null;
}

export function reportFindingsSql(reportId: string): Query {
  return query(`SELECT code, severity, message_zh, message_en, location, details
FROM findings WHERE report_id = ${str(reportId)}
ORDER BY CASE severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, code`, 'findings');
}

export async function runQualityReports(runner: QueryRunner, p: { selection?: Selection; includeUndated?: boolean; limit?: number } = {}): Promise<QualityReportRow[]> {
  return (await runner.query(qualityReportsSql(p))).map((r) => ({
    report_id: String(r.report_id), agency: toStr(r.agency), year: toNum(r.year), status: toStr(r.status),
    checks_total: toNum(r.checks_total) ?? 0, checks_passed: toNum(r.checks_passed) ?? 0,
    checks_failed: toNum(r.checks_failed) ?? 0, checks_skipped: toNum(r.checks_skipped) ?? 0,
    finding_count: toNum(r.finding_count) ?? 0, blank_cells: toNum(r.blank_cells) ?? 0, fact_count: toNum(r.fact_count) ?? 0,
    counted: r.counted !== false, set_aside: toStr(r.set_aside), superseded_by: toStr(r.superseded_by),
  }));
}

export async function runReportChecks(runner: QueryRunner, reportId: string): Promise<CheckDetailRow[]> {
  return (await runner.query(reportChecksSql(reportId))).map((r) => ({
    check_id: String(r.check_id), table: String(r.table), subject: String(r.subject),
    lhs_label: String(r.lhs_label ?? ''), rhs_label: String(r.rhs_label ?? ''),
    lhs: toNum(r.lhs), rhs: toNum(r.rhs), status: String(r.status),
  }));
}

export async function runReportFindings(runner: QueryRunner, reportId: string): Promise<FindingDetailRow[]> {
  return (await runner.query(reportFindingsSql(reportId))).map((r) => ({
    code: String(r.code), severity: String(r.severity), message_zh: String(r.message_zh ?? ''), message_en: String(r.message_en ?? ''),
    location: toStr(r.location), details: toStr(r.details),
  }));
}

/** The blank printed cells of one report (value NULL, not derived) with their raw text and labels. */
export function reportBlankCellsSql(reportId: string): Query {
  return query(`SELECT "table", item, "column", raw, row_label, column_label, location
FROM facts WHERE report_id = ${str(reportId)} AND value IS NULL AND NOT coalesce(derived, false)
ORDER BY "table", item, "column"`, 'facts');
}

export interface BlankCellRow { table: string; item: string; column: string; raw: string; row_label: string; column_label: string; location: string | null }

export async function runReportBlankCells(runner: QueryRunner, reportId: string): Promise<BlankCellRow[]> {
  return (await runner.query(reportBlankCellsSql(reportId))).map((r) => ({
    table: String(r.table), item: String(r.item), column: String(r.column), raw: String(r.raw ?? ''),
    row_label: String(r.row_label ?? ''), column_label: String(r.column_label ?? ''), location: toStr(r.location),
  }));
}
