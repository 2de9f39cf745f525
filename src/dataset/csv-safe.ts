// The one CSV writer and its formula-escaping rule, for every CSV the project writes (CLI dataset
// files, the synthetic dataset, the browser's chart/table downloads and import exports). A spreadsheet runs a cell as a formula when its text
// starts with = + - @ (or tab / CR, which some programs strip first), including the full-width
// forms ＝ ＋ － ＠ that Excel folds to ASCII (OWASP "CSV injection"). Such a TEXT cell gets a
// leading apostrophe, which spreadsheets show as "this is text" and do not run.
//
// What is NOT escaped, on purpose:
//   - numbers (typeof number) are written as numbers, so a -3 in a numeric column stays -3;
//   - text that is exactly a plain decimal number ("-3", "-2.5": a printed raw cell) — a
//     spreadsheet reads it as that number and nothing else, and the reader must get it back as is;
//   - a lone "-" (how reports print "nothing"): it cannot be a formula.
// The escape is reversible: a text that already starts with apostrophes followed by a formula
// character gets one more, and unescapeCsvText / UNESCAPE_SQL remove exactly one, so every reader
// of our own CSVs (readFactsCsv, the CLI's DuckDB build) gets the original text back.

/** Characters that make a spreadsheet treat a cell as a formula (OWASP list + full-width forms). */
// (a regex class body both JavaScript and DuckDB's RE2 read the same way)
const FORMULA_CHARS = '=+\\-@\\t\\r＝＋－＠';
const NEEDS_ESCAPE = new RegExp(`^'*[${FORMULA_CHARS}]`);
const ESCAPED = new RegExp(`^'+[${FORMULA_CHARS}]`);
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;

/** A text cell as it may be written to a CSV (formula-like text prefixed with an apostrophe). */
export function escapeCsvText(s: string): string {
  if (s === '-' || PLAIN_NUMBER.test(s) || !NEEDS_ESCAPE.test(s)) return s;
  return `'${s}`;
}

/** The exact inverse of escapeCsvText, for readers of our own CSV files. */
export function unescapeCsvText(s: string): string {
  return ESCAPED.test(s) ? s.slice(1) : s;
}

/**
 * One cell value → CSV field text before quoting: blank (null/undefined, NaN, ±Infinity) is an
 * empty field, never 0; numbers and booleans as themselves; objects as JSON; text escaped.
 */
export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  return escapeCsvText(typeof v === 'object' ? JSON.stringify(v) : String(v));
}

// Quoting as PapaParse writes it (the files were written with Papa.unparse, and stay byte for
// byte the same: src/ui/download-bytes.test.ts): a field is quoted when it holds a quote, comma,
// CR, LF or byte-order mark, or starts or ends with a space; quotes inside are doubled.
const NEEDS_QUOTES = /[",\r\n\ufeff]|^ | $/;
const quoted = (s: string): string => (NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** One CSV record (no line end): every cell by csvCell, then quoted where CSV needs it. */
export function csvRecord(cells: readonly unknown[]): string {
  return cells.map((c) => quoted(csvCell(c))).join(',');
}

export interface CsvWriteOptions {
  /** '\n' (default) for the dataset files; '\r\n' for downloads, as spreadsheet programs write. */
  newline?: '\n' | '\r\n';
  /** End the last record with a newline too (the dataset files, which are appended to). */
  finalNewline?: boolean;
}

/**
 * The project's one CSV writer: a header (when given) and the records, each cell through the one
 * rule above. No header and no records is an empty text.
 */
export function writeCsv(header: readonly string[] | null, records: readonly (readonly unknown[])[], opts: CsvWriteOptions = {}): string {
  const nl = opts.newline ?? '\n';
  const lines = header ? [csvRecord(header)] : [];
  for (const r of records) lines.push(csvRecord(r));
  if (lines.length === 0) return '';
  return lines.join(nl) + (opts.finalNewline ? nl : '');
}

/**
 * DuckDB SQL that undoes escapeCsvText on a VARCHAR expression (the CLI loads its own CSVs into
 * nianbao.duckdb; the database holds the original text, only the CSV files carry the apostrophe).
 */
export function unescapeCsvSql(expr: string): string {
  return `CASE WHEN regexp_matches(${expr}, '${ESCAPED.source.replace(/'/g, "''")}') THEN substr(${expr}, 2) ELSE ${expr} END`;
}

/** DuckDB SQL doing escapeCsvText on a VARCHAR expression (for CSVs written with COPY). */
export function escapeCsvSql(expr: string): string {
  const q = (r: RegExp) => r.source.replace(/'/g, "''");
  return `CASE WHEN ${expr} IS NULL OR ${expr} = '-' OR regexp_matches(${expr}, '${q(PLAIN_NUMBER)}') OR NOT regexp_matches(${expr}, '${q(NEEDS_ESCAPE)}') THEN ${expr} ELSE '''' || ${expr} END`;
}
