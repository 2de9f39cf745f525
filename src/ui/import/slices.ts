// An imported Dataset in slices of whole reports (≤ maxRows rows each, a larger report alone), so
// building the INSERT statements of 300k facts never holds the main thread in one task: the import
// inserts slice by slice and lets the browser run in between (bench/import.ts: longest task).
import type { Dataset } from '../../model/dataset';

export function sliceDataset(ds: Dataset, maxRows = 20_000): Dataset[] {
  const total = ds.facts.length + ds.findings.length + ds.checks.length;
  if (total <= maxRows) return [ds];
  // Fast path (a facts CSV, parsed reports): every table already in report order — cut by index
  // instead of grouping 300k rows into maps (measured: the grouping alone was a 300 ms task).
  const runs = { facts: runsOf(ds.facts, ds.reports), findings: runsOf(ds.findings, ds.reports), checks: runsOf(ds.checks, ds.reports) };
  if (runs.facts && runs.findings && runs.checks) return sliceByRuns(ds, runs as Record<'facts' | 'findings' | 'checks', Int32Array>, maxRows);
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

/** For each report, where its rows end in `rows` — or null when the rows are not in report order. */
function runsOf(rows: readonly { report_id: string }[], reports: Dataset['reports']): Int32Array | null {
  const ends = new Int32Array(reports.length);
  let i = 0;
  for (let k = 0; k < reports.length; k++) {
    const id = reports[k].report_id;
    while (i < rows.length && rows[i].report_id === id) i++;
    ends[k] = i;
  }
  return i === rows.length ? ends : null;
}

function sliceByRuns(ds: Dataset, ends: Record<'facts' | 'findings' | 'checks', Int32Array>, maxRows: number): Dataset[] {
  const out: Dataset[] = [];
  const at = (t: 'facts' | 'findings' | 'checks', k: number) => (k < 0 ? 0 : ends[t][k]);
  const size = (from: number, to: number) => (['facts', 'findings', 'checks'] as const).reduce((n, t) => n + at(t, to) - at(t, from - 1), 0);
  let from = 0;
  for (let k = 0; k < ds.reports.length; k++) {
    if (k > from && size(from, k) > maxRows) {
      out.push(cut(ds, ends, from, k - 1, out.length === 0));
      from = k;
    }
  }
  out.push(cut(ds, ends, from, ds.reports.length - 1, out.length === 0));
  return out;
}

function cut(ds: Dataset, ends: Record<'facts' | 'findings' | 'checks', Int32Array>, from: number, to: number, first: boolean): Dataset {
  const lo = (t: 'facts' | 'findings' | 'checks') => (from === 0 ? 0 : ends[t][from - 1]);
  return {
    reports: ds.reports.slice(from, to + 1),
    facts: ds.facts.slice(lo('facts'), ends.facts[to]),
    findings: ds.findings.slice(lo('findings'), ends.findings[to]),
    checks: ds.checks.slice(lo('checks'), ends.checks[to]),
    meta: first ? ds.meta : {},
  };
}

/** Lets the browser paint and handle input between two slices. */
export const nextTask = (): Promise<void> => new Promise((r) => setTimeout(r, 0));
