// ParsedReport[] / facts-CSV rows → Dataset rows for DuckDB (schema: docs/dataset.md).
// ADAPTER: H3's src/dataset/ toDataset was not in the tree when this was written; this is the
// smallest conversion the import needs. Switch to toDataset(parsed, { kind }) when it lands.
import type { CheckRow, Dataset, FactRow, FindingRow, ReportRow } from '../../model/dataset';
import type { ParsedReport, SourceLocation } from '../../model/types';

/** `p5 L12`, `L12`, `p5`, plus free text — the location format of docs/dataset.md. */
export function locationText(loc: SourceLocation | undefined): string {
  if (!loc) return '';
  const parts: string[] = [];
  if (loc.page != null) parts.push(`p${loc.page}`);
  if (loc.line != null) parts.push(`L${loc.line}`);
  if (loc.text) parts.push(loc.text);
  return parts.join(' ');
}

function reportRow(p: ParsedReport): ReportRow {
  const r = p.report;
  const failedReason = p.status === 'failed'
    ? (p.findings.find((f) => f.severity === 'error')?.messageEn ?? 'parse failed')
    : null;
  return {
    report_id: r.reportId, source_file: r.sourceFile, agency: r.agency, year: r.year, template: r.template,
    title: r.title, level: r.level, region_code: r.region.code, province: r.region.province, city: r.region.city,
    county: r.region.county, region_status: r.region.status, format: r.format, status: p.status,
    finding_count: p.findings.length, fact_count: p.facts.length,
    checks_failed: p.checks.filter((c) => c.status === 'fail').length,
    origin: 'imported in the browser', dataset: 'real', error: failedReason,
  };
}

export function parsedToDataset(parsed: ParsedReport[]): Dataset {
  const reports: ReportRow[] = [];
  const facts: FactRow[] = [];
  const findings: FindingRow[] = [];
  const checks: CheckRow[] = [];
  for (const p of parsed) {
    reports.push(reportRow(p));
    for (const f of p.facts) {
      facts.push({
        report_id: f.reportId, table: f.table, item: f.item, column: f.column, value: f.value, raw: f.raw,
        derived: f.derived, row_label: f.rowLabel, column_label: f.columnLabel, unit: f.unit, location: locationText(f.location),
      });
    }
    for (const f of p.findings) {
      findings.push({
        report_id: f.reportId, code: f.code, severity: f.severity, message_zh: f.messageZh, message_en: f.messageEn,
        location: locationText(f.location), details: JSON.stringify(f.details ?? {}),
      });
    }
    for (const c of p.checks) {
      checks.push({
        report_id: c.reportId, check_id: c.checkId, table: c.table, subject: c.subject, lhs_label: c.lhsLabel,
        rhs_label: c.rhsLabel, lhs: c.lhs, rhs: c.rhs, status: c.status,
      });
    }
  }
  return { reports, facts, findings, checks, meta: { kind: 'imported' } };
}

/**
 * Facts from our own CSV format carry no agency or year (facts.csv has neither), so each report_id
 * becomes a report row with agency/year null and a finding saying so — the numbers are loaded
 * and visible in the quality/source views, but nothing is guessed from the id.
 */
export function factsCsvToDataset(rows: FactRow[], sourceFile: string): Dataset {
  const byReport = new Map<string, FactRow[]>();
  for (const r of rows) {
    const list = byReport.get(r.report_id) ?? [];
    list.push(r);
    byReport.set(r.report_id, list);
  }
  const reports: ReportRow[] = [];
  const findings: FindingRow[] = [];
  for (const [id, list] of byReport) {
    findings.push({
      report_id: id, code: 'agency-not-found', severity: 'warning',
      message_zh: '事实表 CSV 不含机关名称和年度，此报告只在数据质量和来源视图中可见',
      message_en: 'A facts CSV carries no agency or year; this report shows only in the quality and source views',
      location: sourceFile, details: '{}',
    });
    reports.push({
      report_id: id, source_file: sourceFile, agency: null, year: null, template: null, title: null, level: 'unknown',
      region_code: null, province: null, city: null, county: null, region_status: 'unresolved', format: 'csv',
      status: 'findings', finding_count: 1, fact_count: list.length, checks_failed: 0,
      origin: 'imported in the browser', dataset: 'real', error: null,
    });
  }
  return { reports, facts: rows, findings, checks: [], meta: { kind: 'imported' } };
}

export function mergeDatasets(parts: Dataset[]): Dataset {
  return {
    reports: parts.flatMap((d) => d.reports),
    facts: parts.flatMap((d) => d.facts),
    findings: parts.flatMap((d) => d.findings),
    checks: parts.flatMap((d) => d.checks),
    meta: Object.assign({}, ...parts.map((d) => d.meta)),
  };
}
