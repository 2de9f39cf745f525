// Stage — values: a row's value tokens → exactly its cell count, or a finding. Tokens that already
// are one per cell are read as printed; fewer tokens than cells are cut by splitCells() under the
// row's identity, first with spaces as boundaries, then ignoring spaces (a space is only a probable
// boundary: `200 000121` = 20|0 | 0|0|0|1|21 in 2020_pingtan_zhqsyq.txt).

import { EMPTY_CELL } from './normalise';
import { parseCell, type CellUnit } from './cells';
import { splitCells, type SplitCell } from './split';
import type { ValueToken } from './tables';

export interface Cell {
  value: number | null;
  raw: string;
  unit: CellUnit | null;
  /** The cell's text was not a number nor a blank marker. */
  unparsed?: boolean;
}

export type RowValues =
  /** `forced`: the digits admit exactly one split into n cells, and the row's identity fails on it. */
  | { kind: 'cells'; cells: Cell[]; split: boolean; forced?: boolean }
  | { kind: 'ambiguous'; raw: string; candidates: SplitCell[][]; capped: boolean }
  | { kind: 'unsplittable'; raw: string; reason: 'too-many' | 'too-few' | 'no-split' };

/** The printed run as one string (an explicit empty cell shows as ∅). */
export function runText(tokens: ValueToken[]): string {
  return tokens.map((t) => (t.text === '' || t.text === EMPTY_CELL ? '∅' : t.text)).join(' ');
}

export function readRow(tokens: ValueToken[], n: number, accept: (values: number[]) => boolean): RowValues {
  let toks = tokens;
  // explicit empty HTML cells after the last column are not cells of this row
  while (toks.length > n && toks[toks.length - 1]!.kind === 'blank' && toks[toks.length - 1]!.text === '') toks = toks.slice(0, -1);
  if (toks.length === n) {
    return {
      kind: 'cells',
      split: false,
      cells: toks.map((t) => {
        if (t.kind === 'blank') return { value: null, raw: t.text, unit: null };
        const v = parseCell(t.text);
        if (v.kind === 'number') return { value: v.value, raw: t.text, unit: v.unit };
        return { value: null, raw: t.text, unit: null, unparsed: true };
      }),
    };
  }
  const raw = runText(toks);
  if (toks.length > n) return { kind: 'unsplittable', raw, reason: 'too-many' };
  if (toks.some((t) => t.kind === 'blank')) return { kind: 'unsplittable', raw, reason: 'too-few' };
  const [hard, ...rest] = joinedVariants(toks);
  let res = splitCells(hard!.groups, n, accept, { whole: hard!.whole });
  if (res.candidates.length === 0 && !res.capped && rest.length) res = splitCells(rest[0]!.groups, n, accept, { whole: rest[0]!.whole });
  if (res.candidates.length === 1 && !res.capped) {
    return { kind: 'cells', split: true, cells: res.candidates[0]!.map((c) => ({ value: c.value, raw: c.raw, unit: c.unit })) };
  }
  if (res.candidates.length === 0 && !res.capped) {
    // No split satisfies the row's identity. When the printed digits allow exactly one split at all
    // (7 digits for 7 cells: `5100000` = 5|1|0|0|0|0|0), the text itself decides every cell: take
    // it and let the checks report the broken identity (2024_pingtan_htp_96894: 总计 printed 0).
    for (const { groups, whole } of joinedVariants(toks)) {
      const any = splitCells(groups, n, () => true, { maxCandidates: 2, whole });
      if (any.candidates.length === 1 && !any.capped) {
        return { kind: 'cells', split: true, forced: true, cells: any.candidates[0]!.map((c) => ({ value: c.value, raw: c.raw, unit: c.unit })) };
      }
      if (any.candidates.length > 1 || any.capped) break;
    }
  }
  if (res.candidates.length === 0 && !res.capped) {
    return { kind: 'unsplittable', raw, reason: toks.every((t) => /^[+-]?\d$/.test(t.text)) ? 'too-few' : 'no-split' };
  }
  return { kind: 'ambiguous', raw, candidates: res.candidates, capped: res.capped };
}

/** The row's groups with hard boundaries, then with soft (space-only) boundaries joined; `whole`:
 * the group is a table cell of its own (tokens.ts `cell`), which a split never cuts. */
function joinedVariants(toks: ValueToken[]): { groups: string[]; whole: boolean[] }[] {
  const hard = { groups: toks.map((t) => t.text), whole: toks.map((t) => t.kind === 'num' && t.cell === true) };
  const joined: { groups: string[]; whole: boolean[] } = { groups: [], whole: [] };
  toks.forEach((t) => {
    const last = joined.groups.length - 1;
    if (t.kind === 'num' && t.soft && last >= 0 && /^\d+$/.test(joined.groups[last]!) && /^\d/.test(t.text)) {
      joined.groups[last] += t.text;
      joined.whole[last] = false;
    } else {
      joined.groups.push(t.text);
      joined.whole.push(t.kind === 'num' && t.cell === true);
    }
  });
  return joined.groups.length !== hard.groups.length ? [hard, joined] : [hard];
}
