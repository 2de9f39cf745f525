// ParsedReport → what one check card shows. Pure: the component only lays it out, as text.
import type { Lang, ParsedReport } from '../../model/types';
import { locationText } from './to-dataset';

export interface CardCheck {
  id: string;
  subject: string;
  lhsLabel: string;
  rhsLabel: string;
  /** '' for a blank side — never 0. */
  lhs: string;
  rhs: string;
  status: 'pass' | 'fail' | 'skip';
}

export interface CardCell {
  table: string;
  rowLabel: string;
  columnLabel: string;
  raw: string;
  /** '' when the cell is blank (value null). */
  value: string;
  derived: boolean;
  location: string;
}

export interface CheckCardModel {
  reportId: string;
  sourceFile: string;
  agency: string | null;
  year: number | null;
  template: string | null;
  format: string;
  status: ParsedReport['status'];
  counts: { pass: number; fail: number; skip: number };
  checks: CardCheck[];
  findings: { code: string; severity: string; message: string; location: string }[];
  cells: CardCell[];
}

export function formatValue(v: number | null): string {
  return v === null ? '' : String(v);
}

const SEVERITY_ORDER: Record<string, number> = { error: 0, warning: 1, info: 2 };

export function checkCardModel(p: ParsedReport, lang: Lang): CheckCardModel {
  const counts = { pass: 0, fail: 0, skip: 0 };
  for (const c of p.checks) counts[c.status]++;
  // Failed checks first: they are what the reader came to see.
  const order = { fail: 0, skip: 1, pass: 2 };
  const checks = p.checks
    .map((c) => ({ id: c.checkId, subject: c.subject, lhsLabel: c.lhsLabel, rhsLabel: c.rhsLabel, lhs: formatValue(c.lhs), rhs: formatValue(c.rhs), status: c.status }))
    .sort((a, b) => order[a.status] - order[b.status]);
  const findings = [...p.findings]
    .sort((a, b) => (SEVERITY_ORDER[a.severity] ?? 3) - (SEVERITY_ORDER[b.severity] ?? 3))
    .map((f) => ({ code: f.code, severity: f.severity, message: { zh: f.messageZh, en: f.messageEn }[lang], location: locationText(f.location) }));
  const cells = p.facts.map((f) => ({
    table: f.table, rowLabel: f.rowLabel, columnLabel: f.columnLabel, raw: f.raw, value: formatValue(f.value), derived: f.derived, location: locationText(f.location),
  }));
  return {
    reportId: p.report.reportId, sourceFile: p.report.sourceFile, agency: p.report.agency, year: p.report.year,
    template: p.report.template, format: p.report.format, status: p.status, counts, checks, findings, cells,
  };
}
