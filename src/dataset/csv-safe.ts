// The one formula-escaping rule for every CSV the project writes (CLI dataset files, the browser's
// chart/table downloads and import exports). A spreadsheet runs a cell as a formula when its text
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
