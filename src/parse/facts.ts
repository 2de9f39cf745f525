// Stage — facts: raw rows → one Fact per printed cell (zeros and blanks too), with provenance.
// Rows of table 三 whose run-together digits admit several splits are decided jointly with the
// column identities (balance and outcome sum); what stays ambiguous is reported, never guessed.

import {
  ACTIVE_COLUMN_LABELS, ACTIVE_ITEMS, APPEAL_COLUMNS, APPEAL_ITEMS, REQUEST_COLUMNS, REQUEST_ROWS,
  type Fact, type TableKey, type Template,
} from '../model';
import type { FindingList } from './findings';
import { appealGroupsHold, rowTotalHolds } from './split';
import type { Assembled, RawRow } from './tables';
import { readRow, type Cell, type RowValues } from './values';

export interface FactContext {
  reportId: string;
  findings: FindingList;
  page: (line: number) => number | undefined;
}

const MAX_JOINT = 20_000;

export function requestFacts(rows: RawRow[], ctx: FactContext): Fact[] {
  const read = new Map<string, { row: RawRow; res: RowValues }>();
  for (const row of rows) {
    if (row.values.length === 0) continue;
    read.set(row.item, { row, res: readRow(row.values, 7, rowTotalHolds) });
  }
  resolveJointly(read);
  const facts: Fact[] = [];
  for (const { row, res } of read.values()) {
    const cols = REQUEST_COLUMNS.map((c) => ({ key: c.key, label: c.zh }));
    facts.push(...rowFacts('requests', row, res, cols, ctx, () => '件'));
  }
  return facts;
}

function valuesOf(res: RowValues): number[][] | null {
  if (res.kind === 'cells') return res.cells.some((c) => c.value === null) ? null : [res.cells.map((c) => c.value as number)];
  if (res.kind === 'ambiguous' && !res.capped) return res.candidates.map((c) => c.map((x) => x.value));
  return null;
}

// Chooses, among the candidate splits of ambiguous rows, those that satisfy the most column
// identities; a row is decided only when every best assignment agrees on it.
function resolveJointly(read: Map<string, { row: RawRow; res: RowValues }>): void {
  const ambiguous = [...read.entries()].filter(([, r]) => r.res.kind === 'ambiguous' && !r.res.capped);
  if (ambiguous.length === 0) return;
  let product = 1;
  for (const [, r] of ambiguous) product *= (r.res as { candidates: unknown[] }).candidates.length;
  if (product > MAX_JOINT) return;
  const fixed = new Map<string, number[]>();
  for (const [k, r] of read) {
    if (r.res.kind === 'cells') {
      const v = valuesOf(r.res);
      if (v) fixed.set(k, v[0]!);
    }
  }
  const single = read.has('other_total');
  const outcomeKeys = REQUEST_ROWS.filter((r) => r.group && (single ? !r.key.startsWith('other_') || r.key === 'other_total' : r.key !== 'other_total')).map((r) => r.key);
  const score = (vals: Map<string, number[]>): number => {
    let s = 0;
    for (let c = 0; c < 7; c++) {
      const g = (k: string) => vals.get(k)?.[c];
      const a = [g('new'), g('carried_over'), g('outcome_total'), g('carried_forward')];
      if (a.every((x) => x !== undefined) && a[0]! + a[1]! === a[2]! + a[3]!) s++;
      const present = outcomeKeys.filter((k) => read.has(k));
      if (g('outcome_total') !== undefined && present.length > 0 && present.every((k) => vals.get(k)?.[c] !== undefined) &&
        present.reduce((sum, k) => sum + vals.get(k)![c]!, 0) === g('outcome_total')) s++;
    }
    return s;
  };
  let best = -1;
  let bestChoices: number[][] = [];
  const choice: number[] = new Array(ambiguous.length).fill(0);
  const vals = new Map(fixed);
  const rec = (i: number) => {
    if (i === ambiguous.length) {
      const s = score(vals);
      if (s > best) {
        best = s;
        bestChoices = [choice.slice()];
      } else if (s === best) bestChoices.push(choice.slice());
      return;
    }
    const [k, r] = ambiguous[i]!;
    const cands = (r.res as { candidates: { value: number }[][] }).candidates;
    for (let j = 0; j < cands.length; j++) {
      choice[i] = j;
      vals.set(k, cands[j]!.map((x) => x.value));
      rec(i + 1);
    }
    vals.delete(k);
  };
  rec(0);
  ambiguous.forEach(([k, r], i) => {
    const res = r.res as Extract<RowValues, { kind: 'ambiguous' }>;
    const picks = new Set(bestChoices.map((c) => c[i]!));
    if (picks.size === 1) {
      const cand = res.candidates[[...picks][0]!]!;
      read.set(k, { row: r.row, res: { kind: 'cells', split: true, cells: cand.map((c) => ({ value: c.value, raw: c.raw, unit: c.unit })) } });
    } else {
      read.set(k, { row: r.row, res: { ...res, candidates: [...picks].map((p) => res.candidates[p]!) } });
    }
  });
}

/** A cell that counts things (not money, not the 2019 template's signed 本年增/减). */
function isCount(table: TableKey, column: string, cell: Cell): boolean {
  if (cell.unit === '元' || cell.unit === '万元') return false;
  return !(table === 'active' && (column === 'change' || column === 'amount'));
}

function rowFacts(table: TableKey, row: RawRow, res: RowValues, cols: { key: string; label: string }[],
  ctx: FactContext, unitOf: (column: string, cell: Cell) => Fact['unit'], item = row.item): Fact[] {
  const location = ctx.findings.loc(row.line);
  if (res.kind === 'unsplittable') {
    ctx.findings.add('unsplittable-cells',
      `「${row.label}」一行的数值「${res.raw}」无法拆分为 ${cols.length} 个单元格`,
      `Row "${row.label}": the values "${res.raw}" cannot be read as ${cols.length} cells (${res.reason})`,
      row.line, { table, item, raw: res.raw, reason: res.reason, cells: cols.length });
    return [];
  }
  if (res.kind === 'ambiguous') {
    ctx.findings.add('ambiguous-split',
      `「${row.label}」一行的连写数字「${res.raw}」有多种拆分方式，未取值`,
      `Row "${row.label}": the run-together digits "${res.raw}" split in more than one way; cells left blank`,
      row.line, { table, item, raw: res.raw, capped: res.capped, candidates: res.candidates.slice(0, 20).map((c) => c.map((x) => x.raw)) });
    return cols.map((c) => ({
      reportId: ctx.reportId, table, item, column: c.key, value: null, raw: res.raw, derived: false,
      rowLabel: row.label, columnLabel: c.label, unit: unitOf(c.key, { value: null, raw: res.raw, unit: null }), location,
    }));
  }
  return res.cells.map((cell, i) => {
    const column = cols[i]!.key;
    if ((cell.value !== null && !Number.isSafeInteger(Math.trunc(cell.value))) || (cell.raw.length >= 16 && /\d{16,}/.test(cell.raw))) {
      // `99999999999999999999` would be stored as 1e20: no count or amount has 16 digits
      ctx.findings.add('value-out-of-range', `「${row.label}」一行的单元格「${cell.raw}」超出可表示的范围，记为空白`,
        `Row "${row.label}": cell "${cell.raw}" is out of range for a count or amount; left blank`, row.line, { table, item, column, raw: cell.raw });
      cell = { ...cell, value: null };
    } else if (cell.value !== null && isCount(table, column, cell) && (!Number.isInteger(cell.value) || cell.value < 0)) {
      ctx.findings.add('count-not-integer', `「${row.label}」一行的件数「${cell.raw}」带小数或负号，按原样保留，请核对`,
        `Row "${row.label}": the count "${cell.raw}" has a decimal part or a sign; kept as printed, check it`, row.line, { table, item, column, raw: cell.raw, value: cell.value });
    }
    if (cell.unparsed) {
      ctx.findings.add('unparsed-cell', `「${row.label}」一行有无法识别的单元格「${cell.raw}」`,
        `Row "${row.label}": cell "${cell.raw}" is neither a number nor a blank`, row.line, { table, item, column: cols[i]!.key, raw: cell.raw });
    }
    return {
      reportId: ctx.reportId, table, item, column: cols[i]!.key, value: cell.value, raw: cell.raw, derived: false,
      rowLabel: row.label, columnLabel: cols[i]!.label, unit: unitOf(cols[i]!.key, cell), location,
    };
  });
}

export function appealFacts(appeals: NonNullable<Assembled['appeals']>, ctx: FactContext): Fact[] {
  if (appeals.values.length === 0) return [];
  const res = readRow(appeals.values, 15, appealGroupsHold);
  const line = appeals.values[0]!.line;
  const all = APPEAL_ITEMS.flatMap((item) => APPEAL_COLUMNS.map((c) => ({ item: item.key, itemLabel: item.zh, key: c.key, label: c.zh })));
  const row: RawRow = { item: 'appeals', label: '四、行政复议、行政诉讼', line, values: appeals.values };
  // one run of 15 cells: read (or report) it once, then give each cell its group
  const facts = rowFacts('appeals', row, res, all.map((c) => ({ key: c.key, label: c.label })), ctx, () => '件');
  return facts.map((f, i) => ({ ...f, item: all[i]!.item, rowLabel: all[i]!.itemLabel }));
}

export function activeFacts(rows: RawRow[], template: Template, ctx: FactContext): Fact[] {
  const facts: Fact[] = [];
  for (const row of rows) {
    if (row.values.length === 0) continue;
    const def = ACTIVE_ITEMS.find((a) => a.key === row.item && a.templates.includes(template))
      ?? ACTIVE_ITEMS.find((a) => a.key === row.item);
    if (!def) continue;
    const cols = def.columns.map((c) => ({ key: c, label: ACTIVE_COLUMN_LABELS[c]?.zh ?? c }));
    const res = readRow(row.values, cols.length, () => true);
    // Money: 2021 fees are printed under 本年收费金额（单位：万元）; a unit in the cell wins.
    const unitOf = (column: string, cell: Cell): Fact['unit'] => {
      if (cell.unit === '元' || cell.unit === '万元') return cell.unit;
      if (column === 'amount' && row.item === 'fees') return '万元';
      return '件';
    };
    facts.push(...rowFacts('active', row, res, cols, ctx, unitOf));
  }
  return facts;
}
