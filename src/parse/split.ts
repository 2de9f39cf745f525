// Stage — recovering cells run together with no separator (the 平潭 crawls): `（七）总计14710000148`
// is 147|1|0|0|0|0|148. Each group of digits (spaces, signs and hard separators already cut the run
// into groups) is cut into cells; a cell never has a leading zero ("07" is not printed); a sign
// belongs to the group's first cell, a decimal part and unit to its last. Every split the row's
// identity accepts is a candidate; the caller decides with the table's identities or reports
// `ambiguous-split` — it never picks one by taste. The search is bounded (maxNodes) and says so.

import { parseCell, type CellUnit } from './cells';

export interface SplitCell {
  raw: string;
  value: number;
  unit: CellUnit | null;
}

export interface SplitResult {
  candidates: SplitCell[][];
  /** true when the search stopped at a bound: the candidate list may be incomplete. */
  capped: boolean;
}

interface Group {
  sign: string;
  digits: string;
  tail: string; // decimal part and unit, kept on the last cell
  whole: boolean; // thousands separators: the group is one cell
}

const GROUP = /^([+-]?)(\d+)((?:\.\d+)?(?:万元|元|件)?)$/;

function parseGroup(t: string): Group | null {
  if (/^\d{1,3}(,\d{3})+(\.\d+)?(万元|元|件)?$/.test(t)) return { sign: '', digits: t, tail: '', whole: true };
  const m = GROUP.exec(t);
  if (!m) return null;
  return { sign: m[1]!, digits: m[2]!, tail: m[3]!, whole: false };
}

export interface SplitOptions {
  maxCandidates?: number;
  maxNodes?: number;
  /** `whole[i]`: group i is a cell of its own (a table cell bounded by `|` or a tab): never cut. */
  whole?: boolean[];
}

/**
 * All ways to cut `groups` into exactly `n` cells such that `accept(values)` holds.
 * Returns no candidates (not an exception) when the groups cannot be read as numbers.
 */
export function splitCells(
  groups: string[],
  n: number,
  accept: (values: number[]) => boolean,
  opts: SplitOptions = {},
): SplitResult {
  const maxCandidates = opts.maxCandidates ?? 64;
  let nodes = opts.maxNodes ?? 200_000;
  const parsed: Group[] = [];
  for (const [i, g] of groups.entries()) {
    const p = parseGroup(g);
    if (!p) return { candidates: [], capped: false };
    parsed.push(opts.whole?.[i] ? { sign: '', digits: g, tail: '', whole: true } : p);
  }
  const maxCells = (g: Group) => (g.whole ? 1 : g.digits.length);
  const suffixMax: number[] = new Array(parsed.length + 1).fill(0);
  for (let i = parsed.length - 1; i >= 0; i--) suffixMax[i] = suffixMax[i + 1]! + maxCells(parsed[i]!);
  if (n < parsed.length || n > suffixMax[0]!) return { candidates: [], capped: false };

  const candidates: SplitCell[][] = [];
  const cur: SplitCell[] = [];
  let capped = false;

  const emit = () => {
    const values = cur.map((c) => c.value);
    if (accept(values)) candidates.push(cur.slice());
  };

  // cut group gi starting at digit offset `at` (cells already made from this group: `made`)
  const walk = (gi: number, at: number): void => {
    if (capped) return;
    if (--nodes < 0 || candidates.length >= maxCandidates) {
      capped = true;
      return;
    }
    if (gi === parsed.length) {
      if (cur.length === n) emit();
      return;
    }
    const g = parsed[gi]!;
    const left = n - cur.length; // cells still to make
    const groupsAfter = parsed.length - gi - 1;
    if (left < groupsAfter + 1) return;
    if (g.whole) {
      const v = parseCell(g.digits);
      if (v.kind !== 'number') return;
      cur.push({ raw: g.digits, value: v.value, unit: v.unit });
      walk(gi + 1, 0);
      cur.pop();
      return;
    }
    const rest = g.digits.length - at;
    // remaining cells needed after this cell must fit in later groups' digits
    for (let len = 1; len <= rest; len++) {
      const isLast = len === rest;
      const cellsAfterInGroup = isLast ? 0 : 1;
      if (!isLast && left - 1 < groupsAfter + cellsAfterInGroup) {
        len = rest - 1; // only the whole remainder as one cell is still possible
        continue;
      }
      if (isLast && left - 1 < groupsAfter) break;
      if (isLast && left - 1 > suffixMax[gi + 1]!) continue;
      if (!isLast && left - 1 > rest - len - 1 + suffixMax[gi + 1]! + 1) {
        len = rest - 1;
        continue;
      }
      const d = g.digits.slice(at, at + len);
      if (d.length > 1 && d[0] === '0') break; // no leading zeros: longer cuts start with 0 too
      const raw = (at === 0 ? g.sign : '') + d + (isLast ? g.tail : '');
      const v = parseCell(raw);
      if (v.kind !== 'number') continue;
      cur.push({ raw, value: v.value, unit: v.unit });
      if (isLast) walk(gi + 1, 0);
      else walk(gi, at + len);
      cur.pop();
      if (capped) return;
    }
  };
  walk(0, 0);
  return { candidates, capped };
}

/** Identity of a row of table 三: the last cell (总计) is the sum of the six applicant cells. */
export function rowTotalHolds(values: number[]): boolean {
  if (values.length !== 7) return false;
  return values[0]! + values[1]! + values[2]! + values[3]! + values[4]! + values[5]! === values[6]!;
}

/** Identity of table 四: every group of five has total = sum of the first four. */
export function appealGroupsHold(values: number[]): boolean {
  if (values.length !== 15) return false;
  for (let g = 0; g < 15; g += 5) {
    if (values[g]! + values[g + 1]! + values[g + 2]! + values[g + 3]! !== values[g + 4]!) return false;
  }
  return true;
}
