import type { Finding, FindingCode, Severity, SourceLocation } from '../model';

// Findings are data with stable codes; messages are for the user, in Chinese and English.
const SEVERITY: Record<FindingCode, Severity> = {
  'identity-broken': 'warning',
  'unparsed-cell': 'warning',
  'unknown-row': 'warning',
  'missing-table': 'warning',
  'missing-row': 'warning',
  'ambiguous-split': 'warning',
  'unsplittable-cells': 'warning',
  'year-not-found': 'warning',
  'agency-not-found': 'warning',
  'template-mismatch': 'info',
  'region-unresolved': 'info',
  truncated: 'warning',
  'legacy-layout': 'info',
  'unreadable-pdf-digits': 'error',
  'no-text-layer': 'error',
  'unsupported-input': 'error',
  'parse-failed': 'error',
  'count-not-integer': 'warning',
  'value-out-of-range': 'warning',
  'duplicate-table': 'warning',
  'bidi-control': 'warning',
  'rows-unplaced': 'warning',
};

export class FindingList {
  readonly items: Finding[] = [];
  constructor(private reportId: string, private pageOfLine?: (line: number) => number | undefined) {}

  add(code: FindingCode, messageZh: string, messageEn: string, line?: number, details: Record<string, unknown> = {},
    severity: Severity = SEVERITY[code]): void {
    this.items.push({ reportId: this.reportId, code, severity, messageZh, messageEn, location: this.loc(line), details });
  }

  loc(line?: number): SourceLocation {
    if (line === undefined) return {};
    const page = safePage(this.pageOfLine, line);
    return page === undefined ? { line } : { line, page };
  }
}

export function safePage(pageOfLine: ((line: number) => number | undefined) | undefined, line: number): number | undefined {
  if (!pageOfLine) return undefined;
  try {
    const p = pageOfLine(line);
    return typeof p === 'number' && Number.isFinite(p) ? p : undefined;
  } catch {
    return undefined;
  }
}
