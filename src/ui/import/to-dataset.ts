// ParsedReport[] / facts-CSV rows → Dataset rows for DuckDB (schema: docs/dataset.md). Parsed
// reports go through the CLI's toDataset (src/dataset/to-dataset.ts); the data layer marks every inserted report 'imported'.
import { toDataset } from '../../dataset/to-dataset';
import type { Dataset, FactRow, FindingRow, ReportRow } from '../../model/dataset';
import type { ParsedReport } from '../../model/types';

export { locationText } from '../../dataset/to-dataset';

// No meta rows: the `meta` view is bundled ∪ imported, and a second `dataset`/`generated_at` key
// from an import would make the bundled dataset's provenance ambiguous.
export function parsedToDataset(parsed: ParsedReport[]): Dataset {
  return { ...toDataset(parsed, { kind: 'real' }), meta: {} };
}

/**
 * Facts from our own CSV format carry no agency or year (facts.csv has neither), so each report_id
 * becomes a report row with agency/year null and a finding saying so — the numbers are loaded
 * and visible in the quality/source views, but nothing is guessed from the id.
 */
export function factsCsvToDataset(rows: FactRow[], sourceFile: string): Dataset {
  // counts, not lists: 300k pushes into per-report arrays were most of a long task
  const byReport = new Map<string, number>();
  for (const r of rows) byReport.set(r.report_id, (byReport.get(r.report_id) ?? 0) + 1);
  const reports: ReportRow[] = [];
  const findings: FindingRow[] = [];
  for (const [id, count] of byReport) {
    findings.push({
      report_id: id, code: 'agency-not-found', severity: 'warning',
      message_zh: '事实表 CSV 不含机关名称和年度，此报告只在数据质量和来源视图中可见',
      message_en: 'A facts CSV carries no agency or year; this report shows only in the quality and source views',
      location: sourceFile, details: '{}',
    });
    reports.push({
      report_id: id, source_file: sourceFile, agency: null, year: null, template: null, title: null, level: 'unknown',
      region_code: null, province: null, city: null, county: null, region_status: 'unresolved', format: 'csv',
      status: 'findings', finding_count: 1, fact_count: count, checks_failed: 0,
      origin: 'imported in the browser', dataset: 'real', error: null,
    });
  }
  return { reports, facts: rows, findings, checks: [], meta: {} };
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
