// The template identities (勾稽关系) of docs/dataset.md, evaluated on a report's printed facts —
// the same checks, order, labels and 'skip' rule (a side with a blank cell) as the parser's
// runChecks (src/parse/checks.ts). Not a call to it: runChecks re-indexes the facts for every
// report and made the generator 3× slower (891 vs 2,946 reports/s), which matters at 1M reports.
// test/synth/checks.test.ts proves both give identical checks on generated reports.
import { APPEAL_COLUMNS, APPEAL_ITEMS, APPLICANT_COLUMNS, REQUEST_COLUMNS } from '../model';
import type { CheckRow, FactRow, FindingRow } from '../model/dataset';

type Cells = Map<string, number | null>;

const key = (table: string, item: string, column: string): string => `${table}|${item}|${column}`;

/** Printed (non-derived) cells of a report, keyed table|item|column. */
export function printedCells(facts: readonly FactRow[]): Cells {
  const cells: Cells = new Map();
  for (const f of facts) if (!f.derived) cells.set(key(f.table, f.item, f.column), f.value);
  return cells;
}

/** Sum of cells; null when any is blank or missing (the check is then skipped). */
function sum(cells: Cells, keys: string[]): number | null {
  let s = 0;
  for (const k of keys) {
    const v = cells.get(k);
    if (v === null || v === undefined) return null;
    s += v;
  }
  return s;
}

function check(
  reportId: string, checkId: string, table: string, subject: string,
  lhsLabel: string, rhsLabel: string, lhs: number | null, rhs: number | null,
): CheckRow {
  const status = lhs === null || rhs === null ? 'skip' : Math.abs(lhs - rhs) < 1e-9 ? 'pass' : 'fail';
  return { report_id: reportId, check_id: checkId, table, subject, lhs_label: lhsLabel, rhs_label: rhsLabel, lhs, rhs, status };
}

/**
 * All identity checks of one report. `outcomeItems` are the printed outcome rows of its template
 * (the 2019 template prints （六）其他处理 as one row, the 2021 template three sub-rows).
 */
export function checkReport(reportId: string, facts: readonly FactRow[], outcomeItems: readonly string[], requestItems: readonly string[]): CheckRow[] {
  const cells = printedCells(facts);
  return checkPlan(outcomeItems, requestItems).map((p) =>
    check(reportId, p.checkId, p.table, p.subject, p.lhsLabel, p.rhsLabel, sum(cells, p.lhs), sum(cells, p.rhs)));
}

interface PlannedCheck { checkId: string; table: string; subject: string; lhsLabel: string; rhsLabel: string; lhs: string[]; rhs: string[] }

// The checks depend only on the template's rows: plan them once per template (the generator runs
// ~40 checks for each of up to a million reports, and building the keys dominated its profile)
const plans = new Map<string, PlannedCheck[]>();

function checkPlan(outcomeItems: readonly string[], requestItems: readonly string[]): PlannedCheck[] {
  const id = outcomeItems.join(',') + '|' + requestItems.join(',');
  const cached = plans.get(id);
  if (cached) return cached;
  const out: PlannedCheck[] = [];
  const r = (item: string, col: string): string => key('requests', item, col);
  // same order and labels as runChecks in src/parse/checks.ts (test/synth/checks.test.ts compares)
  for (const { key: c } of REQUEST_COLUMNS) {
    out.push({ checkId: 'requests.balance', table: 'requests', subject: c,
      lhsLabel: 'new + carried_over', rhsLabel: 'outcome_total + carried_forward',
      lhs: [r('new', c), r('carried_over', c)], rhs: [r('outcome_total', c), r('carried_forward', c)] });
    out.push({ checkId: 'requests.outcome_sum', table: 'requests', subject: c,
      lhsLabel: 'outcome_total', rhsLabel: outcomeItems.join(' + '),
      lhs: [r('outcome_total', c)], rhs: outcomeItems.map((i) => r(i, c)) });
  }
  for (const item of requestItems) {
    out.push({ checkId: 'requests.row_total', table: 'requests', subject: item,
      lhsLabel: 'total', rhsLabel: APPLICANT_COLUMNS.join(' + '),
      lhs: [r(item, 'total')], rhs: APPLICANT_COLUMNS.map((c) => r(item, c)) });
  }
  for (const { key: g } of APPEAL_ITEMS) {
    out.push({ checkId: 'appeals.group_total', table: 'appeals', subject: g,
      lhsLabel: 'total', rhsLabel: 'upheld + corrected + other + pending',
      lhs: [key('appeals', g, 'total')], rhs: APPEAL_COLUMNS.filter((c) => c.key !== 'total').map((c) => key('appeals', g, c.key)) });
  }
  plans.set(id, out);
  return out;
}

/** One `identity-broken` finding per failed check, with both sides in details (as the parser does). */
export function findingsForChecks(checks: readonly CheckRow[]): FindingRow[] {
  return checks.filter((c) => c.status === 'fail').map((c) => ({
    report_id: c.report_id,
    code: 'identity-broken',
    severity: 'warning',
    message_zh: `勾稽关系不成立：${c.lhs_label} = ${c.lhs}，${c.rhs_label} = ${c.rhs}`,
    message_en: `Identity does not hold: ${c.lhs_label} = ${c.lhs}, ${c.rhs_label} = ${c.rhs}`,
    location: `${c.table} ${c.subject}`,
    details: JSON.stringify({ checkId: c.check_id, subject: c.subject, lhs: c.lhs_label, rhs: c.rhs_label, lhsValue: c.lhs, rhsValue: c.rhs }),
  }));
}
