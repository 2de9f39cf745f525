// Maps test/fixtures/truth.csv columns to facts of a ParsedReport. Shared with the PDF tests
// (they use the same columns for the .pdf rows).

import type { Fact, ParsedReport } from '../../src/model';

export type TruthColumn =
  | 'new_total' | 'carried_total' | 'granted_total' | 'partial_total' | 'denied_total' | 'unable_total'
  | 'not_processed_total' | 'other_total' | 'outcomes_total' | 'carry_forward_total' | 'review_total'
  | 'review_corrected' | 'lit_direct_total' | 'lit_after_review_total' | 'natural_new' | 'regs_made';

type Ref = { table: Fact['table']; item: string; column: string };

const TEMPLATE_MAP: Record<TruthColumn, Ref> = {
  new_total: { table: 'requests', item: 'new', column: 'total' },
  carried_total: { table: 'requests', item: 'carried_over', column: 'total' },
  granted_total: { table: 'requests', item: 'granted', column: 'total' },
  partial_total: { table: 'requests', item: 'partial', column: 'total' },
  denied_total: { table: 'requests', item: 'denied_total', column: 'total' },
  unable_total: { table: 'requests', item: 'unavailable_total', column: 'total' },
  not_processed_total: { table: 'requests', item: 'rejected_total', column: 'total' },
  other_total: { table: 'requests', item: 'other_total', column: 'total' },
  outcomes_total: { table: 'requests', item: 'outcome_total', column: 'total' },
  carry_forward_total: { table: 'requests', item: 'carried_forward', column: 'total' },
  review_total: { table: 'appeals', item: 'review', column: 'total' },
  review_corrected: { table: 'appeals', item: 'review', column: 'corrected' },
  lit_direct_total: { table: 'appeals', item: 'suit_direct', column: 'total' },
  lit_after_review_total: { table: 'appeals', item: 'suit_after_review', column: 'total' },
  natural_new: { table: 'requests', item: 'new', column: 'natural' },
  regs_made: { table: 'active', item: 'regulations', column: 'issued' },
};

// Pre-2019 reports: only the headline figures, table 'legacy', column 'total'.
const LEGACY_MAP: Partial<Record<TruthColumn, string>> = {
  new_total: 'new', granted_total: 'granted', partial_total: 'partial', denied_total: 'denied',
  outcomes_total: 'outcome_total', review_total: 'review', other_total: 'other',
};

export const TRUTH_COLUMNS = Object.keys(TEMPLATE_MAP) as TruthColumn[];

/** Where a truth column lives for this report (null: the layout has no such figure). */
export function truthRef(parsed: ParsedReport, column: TruthColumn): Ref | null {
  if (parsed.report.template === 'legacy') {
    const item = LEGACY_MAP[column];
    return item ? { table: 'legacy', item, column: 'total' } : null;
  }
  const ref = TEMPLATE_MAP[column];
  if (column === 'regs_made' && parsed.report.template === '2019') return { ...ref, column: 'made' };
  return ref;
}

/** The report's value for every truth column: a number, null (blank cell) or undefined (no fact). */
export function truthFacts(parsed: ParsedReport): Record<TruthColumn, number | null | undefined> {
  const out = {} as Record<TruthColumn, number | null | undefined>;
  for (const col of TRUTH_COLUMNS) {
    const ref = truthRef(parsed, col);
    const f = ref ? parsed.facts.find((x) => x.table === ref.table && x.item === ref.item && x.column === ref.column) : undefined;
    out[col] = f ? f.value : undefined;
  }
  return out;
}

/** Parses truth.csv (no quoted commas in it). */
export function readTruthCsv(csv: string): { file: string; values: Record<TruthColumn, number | null> }[] {
  const [head, ...rows] = csv.trim().split(/\r?\n/);
  const cols = head!.split(',');
  return rows.map((line) => {
    const cells = line.split(',');
    const values = {} as Record<TruthColumn, number | null>;
    cols.slice(1).forEach((c, i) => {
      const v = cells[i + 1] ?? '';
      values[c as TruthColumn] = v === '' ? null : Number(v);
    });
    return { file: cells[0]!, values };
  });
}
