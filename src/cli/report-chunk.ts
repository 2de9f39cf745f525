// ParsedReport → the CSV lines it adds to each table, plus the counts the summary needs. Done where
// the report was parsed (a worker sends back strings, which are cheap to pass between threads).
import { datasetToCsv, toDataset, type DatasetCsvName } from '../dataset';
import type { ManifestRow } from '../model/dataset';
import type { ParsedReport } from '../model';
import { resolveRegion } from '../parse/region';

export interface ReportChunk {
  csv: Record<DatasetCsvName, string>;
  counts: { reports: number; facts: number; findings: number; checks: number };
  status: ParsedReport['status'];
  checksFailed: number;
  error: string | null;
}

export function reportChunk(p: ParsedReport, manifest: ManifestRow[] | undefined): ReportChunk {
  const ds = toDataset([p], { kind: 'real', manifest, resolveRegion });
  return {
    csv: datasetToCsv(ds, { header: false }),
    counts: { reports: 1, facts: ds.facts.length, findings: ds.findings.length, checks: ds.checks.length },
    status: p.status,
    checksFailed: ds.reports[0].checks_failed,
    error: ds.reports[0].error,
  };
}
