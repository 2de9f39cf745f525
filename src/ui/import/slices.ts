// An imported Dataset in slices of whole reports (≤ maxRows rows each, a larger report alone), so
// building the INSERT statements of 300k facts never holds the main thread in one task: the import
// inserts slice by slice and lets the browser run in between (bench/import.ts: longest task).
import type { Dataset } from '../../model/dataset';

export function sliceDataset(ds: Dataset, maxRows = 20_000): Dataset[] {
  const total = ds.facts.length + ds.findings.length + ds.checks.length;
  if (total <= maxRows) return [ds];
  const group = <T extends { report_id: string }>(rows: T[]) => {
    const m = new Map<string, T[]>();
    for (const r of rows) { const l = m.get(r.report_id); if (l) l.push(r); else m.set(r.report_id, [r]); }
    return m;
  };
  const facts = group(ds.facts);
  const findings = group(ds.findings);
  const checks = group(ds.checks);
  const out: Dataset[] = [];
  let cur: Dataset = { reports: [], facts: [], findings: [], checks: [], meta: ds.meta };
  let size = 0;
  for (const r of ds.reports) {
    const f = facts.get(r.report_id) ?? [];
    const fi = findings.get(r.report_id) ?? [];
    const c = checks.get(r.report_id) ?? [];
    const n = f.length + fi.length + c.length;
    if (size > 0 && size + n > maxRows) {
      out.push(cur);
      cur = { reports: [], facts: [], findings: [], checks: [], meta: {} };
      size = 0;
    }
    cur.reports.push(r);
    for (const x of f) cur.facts.push(x);
    for (const x of fi) cur.findings.push(x);
    for (const x of c) cur.checks.push(x);
    size += n;
  }
  if (cur.reports.length) out.push(cur);
  return out;
}

/** Lets the browser paint and handle input between two slices. */
export const nextTask = (): Promise<void> => new Promise((r) => setTimeout(r, 0));
