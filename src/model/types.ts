import type { TableKey, Template } from './keys';

/** The two languages every label, message and view is written in. */
export type Lang = 'zh' | 'en';

/** Where in the input something was found. `line` is 1-based in the normalised text; `page` for PDFs. */
export interface SourceLocation {
  line?: number;
  page?: number;
  /** Free-form locator, e.g. "表三 row 12" or a character offset range. */
  text?: string;
}

export type Level = 'ministry' | 'province' | 'city' | 'county' | 'township' | 'department' | 'other' | 'unknown';

export interface Region {
  /** 6-digit GB/T 2260 code, or null when unresolved. */
  code: string | null;
  province: string | null;
  city: string | null;
  county: string | null;
  /** 'resolved' when a code was found; 'partial' when only province/city; 'unresolved' otherwise. */
  status: 'resolved' | 'partial' | 'unresolved';
}

export interface ReportIdentity {
  /** Stable id: derived from the source file name (without extension), unique within a dataset. */
  reportId: string;
  sourceFile: string;
  agency: string | null;
  year: number | null;
  template: Template | null;
  title: string | null;
  level: Level;
  region: Region;
  format: 'txt' | 'html' | 'md' | 'pdf' | 'csv';
}

export interface Fact {
  reportId: string;
  table: TableKey;
  item: string;
  column: string;
  /** null = blank / no value ("—", "/", "无", empty). Never 0 for a blank. */
  value: number | null;
  /** The raw cell text as printed (after decoding); '' for an empty cell. */
  raw: string;
  /** true for values computed by the parser (group sums), false for printed cells. */
  derived: boolean;
  /** Row and column labels as printed (or the derivation formula for derived facts). */
  rowLabel: string;
  columnLabel: string;
  /** '件' for counts (default); '万元' or '元' for money, as printed — values are never rescaled. */
  unit: '件' | '万元' | '元';
  location: SourceLocation;
}

export type Severity = 'error' | 'warning' | 'info';

export type FindingCode =
  | 'identity-broken'      // a template identity does not hold; details has lhs/rhs
  | 'unparsed-cell'        // a cell whose text is not a number and not a blank marker
  | 'unknown-row'          // a table row label that matches no canonical row
  | 'missing-table'        // a table the template requires was not found
  | 'missing-row'          // a table was found but a row was not
  | 'ambiguous-split'      // concatenated digits with more than one split satisfying the identities
  | 'unsplittable-cells'   // concatenated digits with no split satisfying the identities
  | 'year-not-found'
  | 'agency-not-found'
  | 'template-mismatch'    // e.g. a 2019-template row in a 2021-template report
  | 'region-unresolved'
  | 'truncated'            // the input stops before the tables end
  | 'legacy-layout'        // pre-2019 layout, only headline figures
  | 'unreadable-pdf-digits'
  | 'no-text-layer'
  | 'unsupported-input'
  | 'parse-failed'
  | 'count-not-integer'    // a count cell printed with a decimal part or a sign (`1.5`, `-3`); kept, reported
  | 'value-out-of-range'   // a cell whose digits exceed what a count can be (> 2^53 or > 15 digits); left blank
  | 'duplicate-table'      // a table printed a second time in one file; the first copy is read
  | 'bidi-control'         // bidi control characters removed from the title / agency (kept in the raw text)
  | 'rows-unplaced';       // table rows whose place could not be decided for sure (PDF layout); left blank

export interface Finding {
  reportId: string;
  code: FindingCode;
  severity: Severity;
  messageZh: string;
  messageEn: string;
  location: SourceLocation;
  /** Machine-readable details, e.g. { lhs, rhs, lhsValue, rhsValue } for identity-broken. */
  details: Record<string, unknown>;
}

/** One identity check, passed or failed: the dashboard's data-quality view lists all of them. */
export interface Check {
  reportId: string;
  /** e.g. 'requests.balance', 'requests.outcome_sum', 'requests.row_total', 'appeals.group_total' */
  checkId: string;
  table: TableKey;
  /** What was checked: the column (identities 1, 2), row (identity 3), or appeal group. */
  subject: string;
  lhsLabel: string;
  rhsLabel: string;
  lhs: number | null;
  rhs: number | null;
  /** 'skip' when a side has blank cells. */
  status: 'pass' | 'fail' | 'skip';
}

export interface ParsedReport {
  report: ReportIdentity;
  facts: Fact[];
  findings: Finding[];
  checks: Check[];
  status: 'ok' | 'findings' | 'failed';
}

/** What a parser is given: the file name and either text (txt/html/md) or bytes (pdf). */
export interface ReportInput {
  sourceFile: string;
  text?: string;
  bytes?: Uint8Array;
}
