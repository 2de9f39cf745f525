// Stage — derived facts and checks: group sums the template does not print, and every identity
// (勾稽关系) of docs/dataset.md as a Check, pass/fail/skip. A failed check is reported, never "fixed".

import { APPLICANT_COLUMNS, REQUEST_COLUMNS, REQUEST_ROWS, type Check, type Fact, type OutcomeGroup } from '../model';

type Cells = Map<string, Fact>; // key `${item}.${column}`

const APPEAL_COLUMN_KEYS = ['upheld', 'corrected', 'other', 'pending', 'total'];
const cellKey = (item: string, column: string) => `${item}.${column}`;

const GROUP_ITEMS: Record<string, OutcomeGroup> = {
  denied_total: 'denied',
  unavailable_total: 'unavailable',
  rejected_total: 'rejected',
  other_total: 'other',
};

/** Derived group totals per column: the sum only when every printed part is a number, else null. */
export function deriveRequestTotals(facts: Fact[], reportId: string): Fact[] {
  const req = facts.filter((f) => f.table === 'requests' && !f.derived);
  const items = new Set(req.map((f) => f.item));
  const cells: Cells = new Map(req.map((f) => [cellKey(f.item, f.column), f]));
  const out: Fact[] = [];
  for (const derivedItem of Object.keys(GROUP_ITEMS)) {
    // a printed single-row （六）其他处理 is other_total itself
    if (derivedItem === 'other_total' && items.has('other_total')) continue;
    const parts = GROUP_PARTS.get(derivedItem)!;
    if (!parts.some((p) => items.has(p))) continue;
    for (const col of REQUEST_COLUMNS) {
      let sum: number | null = 0;
      for (const p of parts) {
        const f = cells.get(cellKey(p, col.key));
        if (!f || f.value === null) {
          sum = null;
          break;
        }
        sum += f.value;
      }
      out.push({
        reportId,
        table: 'requests',
        item: derivedItem,
        column: col.key,
        value: sum,
        raw: '',
        derived: true,
        rowLabel: parts.join(' + '),
        columnLabel: col.zh,
        unit: '件',
        location: {},
      });
    }
  }
  return out;
}

function sumOf(cells: Cells, items: string[], column: string): number | null {
  let s = 0;
  for (const it of items) {
    const f = cells.get(cellKey(it, column));
    if (!f || f.value === null) return null;
    s += f.value;
  }
  return s;
}

function check(reportId: string, checkId: string, table: Check['table'], subject: string,
  lhsLabel: string, rhsLabel: string, lhs: number | null, rhs: number | null): Check {
  const status = lhs === null || rhs === null ? 'skip' : Math.abs(lhs - rhs) < 1e-9 ? 'pass' : 'fail';
  return { reportId, checkId, table, subject, lhsLabel, rhsLabel, lhs, rhs, status };
}

const OUTCOME_SINGLE = REQUEST_ROWS.filter((r) => r.group && (!r.key.startsWith('other_') || r.key === 'other_total')).map((r) => r.key);
const OUTCOME_SUBROWS = REQUEST_ROWS.filter((r) => r.group && r.key !== 'other_total').map((r) => r.key);
const GROUP_PARTS = new Map(Object.entries(GROUP_ITEMS).map(([item, group]) =>
  [item, REQUEST_ROWS.filter((r) => r.group === group && r.key !== 'other_total').map((r) => r.key)]));

/** Every identity of tables requests and appeals that the printed facts allow to state. */
export function runChecks(facts: Fact[], reportId: string): Check[] {
  const checks: Check[] = [];
  const printed = facts.filter((f) => !f.derived);
  const req: Cells = new Map(printed.filter((f) => f.table === 'requests').map((f) => [cellKey(f.item, f.column), f]));
  const reqItems = new Set(printed.filter((f) => f.table === 'requests').map((f) => f.item));
  if (reqItems.size > 0) {
    const single = reqItems.has('other_total');
    const outcomeRows = single ? OUTCOME_SINGLE : OUTCOME_SUBROWS;
    for (const col of REQUEST_COLUMNS) {
      checks.push(check(reportId, 'requests.balance', 'requests', col.key,
        'new + carried_over', 'outcome_total + carried_forward',
        sumOf(req, ['new', 'carried_over'], col.key), sumOf(req, ['outcome_total', 'carried_forward'], col.key)));
      checks.push(check(reportId, 'requests.outcome_sum', 'requests', col.key,
        'outcome_total', outcomeRows.join(' + '),
        sumOf(req, ['outcome_total'], col.key), sumOf(req, outcomeRows, col.key)));
    }
    for (const row of REQUEST_ROWS) {
      if (!reqItems.has(row.key)) continue;
      checks.push(check(reportId, 'requests.row_total', 'requests', row.key,
        'total', APPLICANT_COLUMNS.join(' + '),
        req.get(cellKey(row.key, 'total'))?.value ?? null,
        APPLICANT_COLUMNS.every((c) => req.get(cellKey(row.key, c))?.value != null)
          ? APPLICANT_COLUMNS.reduce((s, c) => s + (req.get(cellKey(row.key, c))!.value as number), 0)
          : null));
    }
  }
  const app: Cells = new Map(printed.filter((f) => f.table === 'appeals').map((f) => [cellKey(f.item, f.column), f]));
  for (const item of ['review', 'suit_direct', 'suit_after_review']) {
    if (!APPEAL_COLUMN_KEYS.some((c) => app.has(cellKey(item, c)))) continue;
    checks.push(check(reportId, 'appeals.group_total', 'appeals', item,
      'total', 'upheld + corrected + other + pending',
      app.get(cellKey(item, 'total'))?.value ?? null,
      ['upheld', 'corrected', 'other', 'pending'].reduce<number | null>((sum, c) => {
        const v = app.get(cellKey(item, c))?.value;
        return sum === null || v == null ? null : sum + v;
      }, 0)));
  }
  return checks;
}
