import { describe, expect, it } from 'vitest';
import type { Fact, TableKey } from '../../src/model';
import { deriveRequestTotals, runChecks } from '../../src/parse/checks';
import { generateDataset } from '../../src/synth';

// The generator evaluates the identities with its own planned checks for speed; these must be
// exactly the parser's (src/parse/checks.ts), so synthetic checks mean what real ones do.
const data = generateDataset({ agencies: 150, years: [2019, 2020, 2021, 2024], seed: 'checks', typoRate: 0.3, blankRate: 0.3 });

function toFacts(reportId: string): Fact[] {
  return data.facts.filter((f) => f.report_id === reportId && !f.derived).map((f) => ({
    reportId, table: f.table as TableKey, item: f.item, column: f.column, value: f.value, raw: f.raw, derived: false,
    rowLabel: f.row_label, columnLabel: f.column_label, unit: f.unit as Fact['unit'], location: {},
  }));
}

describe('synthetic checks agree with the parser', () => {
  const reports = data.reports;
  it('has broken and blank reports to compare (rates raised for this test)', () => {
    expect(reports.filter((r) => r.checks_failed > 0).length).toBeGreaterThan(50);
  });

  it('gives the same checks (ids, subjects, labels, values, status) as runChecks for every report', () => {
    for (const r of reports) {
      const printed = toFacts(r.report_id);
      const derived = deriveRequestTotals(printed, r.report_id);
      const expected = runChecks([...printed, ...derived], r.report_id).map((c) => [c.checkId, c.subject, c.lhsLabel, c.rhsLabel, c.lhs, c.rhs, c.status]);
      const actual = data.checks.filter((c) => c.report_id === r.report_id).map((c) => [c.check_id, c.subject, c.lhs_label, c.rhs_label, c.lhs, c.rhs, c.status]);
      expect(actual, r.report_id).toEqual(expected);
    }
  });

  it('derives the same group totals as deriveRequestTotals (null when a part is blank)', () => {
    for (const r of reports) {
      const expected = deriveRequestTotals(toFacts(r.report_id), r.report_id).map((f) => [f.item, f.column, f.value, f.rowLabel]);
      const actual = data.facts.filter((f) => f.report_id === r.report_id && f.derived).map((f) => [f.item, f.column, f.value, f.row_label]);
      expect(actual, r.report_id).toEqual(expected);
    }
  });
});
