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
  const hard = toks.map((t) => t.text);
  let res = splitCells(hard, n, accept);
  if (res.candidates.length === 0 && !res.capped) {
    const joined: string[] = [];
    toks.forEach((t) => {
      if (t.kind === 'num' && t.soft && joined.length > 0 && /^\d+$/.test(joined[joined.length - 1]!) && /^\d/.test(t.text)) {
        joined[joined.length - 1] += t.text;
      } else joined.push(t.text);
    });
    if (joined.length !== hard.length) res = splitCells(joined, n, accept);
  }
  if (res.candidates.length === 1 && !res.capped) {
    return { kind: 'cells', split: true, cells: res.candidates[0]!.map((c) => ({ value: c.value, raw: c.raw, unit: c.unit })) };
  }
  if (res.candidates.length === 0 && !res.capped) {
    // No split satisfies the row's identity. When the printed digits allow exactly one split at all
    // (7 digits for 7 cells: `5100000` = 5|1|0|0|0|0|0), the text itself decides every cell: take
    // it and let the checks report the broken identity (2024_pingtan_htp_96894: 总计 printed 0).
    for (const groups of joinedVariants(toks)) {
      const any = splitCells(groups, n, () => true, { maxCandidates: 2 });
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

/** The row's groups with hard boundaries, then with soft (space-only) boundaries joined. */
function joinedVariants(toks: ValueToken[]): string[][] {
  const hard = toks.map((t) => t.text);
  const joined: string[] = [];
  toks.forEach((t) => {
    if (t.kind === 'num' && t.soft && joined.length > 0 && /^\d+$/.test(joined[joined.length - 1]!) && /^\d/.test(t.text)) {
      joined[joined.length - 1] += t.text;
    } else joined.push(t.text);
  });
  return joined.length !== hard.length ? [hard, joined] : [hard];
}
