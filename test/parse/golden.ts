// The golden form of a ParsedReport: what a reviewer reads in a diff (identity, every fact, the
// finding codes and a checks summary). Messages are left out: tests assert codes, not prose.

import type { ParsedReport } from '../../src/model';

export interface Golden {
  /** The identity without region/level: those come from src/parse/region.ts, tested there. */
  report: Omit<ParsedReport['report'], 'region' | 'level'>;
  status: ParsedReport['status'];
  facts: string[];
  findings: string[];
  checks: { pass: number; fail: number; skip: number; failed: string[] };
}

export function toGolden(p: ParsedReport): Golden {
  return {
    report: (({ region: _r, level: _l, ...rest }) => rest)(p.report),
    status: p.status,
    // `table.item.column = value unit | raw | L<line>` (derived facts marked with *)
    facts: p.facts.map((f) => `${f.table}.${f.item}.${f.column}${f.derived ? '*' : ''} = ${f.value === null ? 'null' : f.value} ${f.unit} | ${JSON.stringify(f.raw)}${f.location.line ? ` | L${f.location.line}` : ''}`),
    findings: p.findings.filter((f) => f.code !== 'region-unresolved').map((f) => `${f.severity} ${f.code}${f.details.item ? ` ${String(f.details.item)}` : ''}${f.details.subject ? ` ${String(f.details.checkId)}:${String(f.details.subject)}` : ''}`),
    checks: {
      pass: p.checks.filter((c) => c.status === 'pass').length,
      fail: p.checks.filter((c) => c.status === 'fail').length,
      skip: p.checks.filter((c) => c.status === 'skip').length,
      failed: p.checks.filter((c) => c.status === 'fail').map((c) => `${c.checkId}:${c.subject} ${c.lhs} ≠ ${c.rhs}`),
    },
  };
}
