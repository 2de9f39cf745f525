// The analysts' SQL view: a read-only gate for typed SQL, the wrapper that runs it with a row
// limit, the schema listing and the example queries. Pure: the checker is a tokenizer (no DuckDB
// call: duckdb-wasm has no json extension for json_serialize_sql), tested in Node.
//
// Two locks, so that one mistake in either does not let a write through:
//   1. checkReadOnly: the text is ONE statement (a `;` only at the end), starts with a query
//      keyword, has balanced parentheses, and no word outside strings/comments/quoted names is a
//      statement keyword that writes or changes settings (a CTE cannot hide an INSERT from it).
//   2. sqlViewQuery: the statement runs as a subquery, `SELECT * FROM (<sql>) LIMIT n`, which
//      DuckDB's parser accepts only for a query — DDL, COPY, SET… inside it are syntax errors.
import { VIEW_TABLES } from '../load-dataset';
import { str } from '../sql';
import { query, type Query } from '../query-runner';

export type SqlRefusal =
  | { code: 'sql-empty' }
  | { code: 'sql-write'; word: string }
  | { code: 'sql-not-query'; word: string }
  | { code: 'sql-multiple' }
  | { code: 'sql-unterminated' }
  | { code: 'sql-unbalanced' };

export type SqlCheck = { ok: true; sql: string } | ({ ok: false } & SqlRefusal);

/** Words a read-only query never needs: statements that write, attach, load or change settings. */
// Only words that begin such a statement (and cannot be a bare column name in our tables), so an
// alias like `AS start` still runs; anything rarer is stopped by the subquery wrapper.
export const WRITE_WORDS: ReadonlySet<string> = new Set([
  'insert', 'update', 'delete', 'merge', 'upsert', 'truncate', 'create', 'drop', 'alter',
  'attach', 'detach', 'copy', 'export', 'import', 'install', 'load', 'set', 'reset', 'pragma', 'call',
  'checkpoint', 'vacuum', 'begin', 'commit', 'rollback', 'grant', 'revoke', 'use', 'prepare', 'execute', 'deallocate',
]);

/** How a query may begin (DuckDB: FROM-first, VALUES, TABLE t, DESCRIBE/SHOW/SUMMARIZE, PIVOT). */
const QUERY_START: ReadonlySet<string> = new Set(['select', 'with', 'from', 'values', 'table', 'describe', 'show', 'summarize', 'pivot', 'unpivot']);

/** Table functions that run SQL given as a string, which the tokenizer cannot look into. */
const SQL_IN_STRING: ReadonlySet<string> = new Set(['query', 'query_table']);

type Token = { kind: 'word'; text: string } | { kind: 'punct'; text: string };

/** Words and punctuation outside comments, strings and quoted names; null when one is unterminated. */
export function tokenize(sql: string): Token[] | null {
  const out: Token[] = [];
  let i = 0;
  const n = sql.length;
  while (i < n) {
    const c = sql[i];
    if (/\s/.test(c)) { i++; continue; }
    if (c === '-' && sql[i + 1] === '-') { const e = sql.indexOf('\n', i); i = e < 0 ? n : e + 1; continue; }
    if (c === '/' && sql[i + 1] === '*') {
      // nested, as in PostgreSQL's scanner (DuckDB's parser): /* a /* b */ c */ is one comment
      let depth = 1;
      i += 2;
      while (i < n && depth > 0) {
        if (sql[i] === '/' && sql[i + 1] === '*') { depth++; i += 2; }
        else if (sql[i] === '*' && sql[i + 1] === '/') { depth--; i += 2; }
        else i++;
      }
      if (depth > 0) return null;
      continue;
    }
    if (c === "'" || ((c === 'e' || c === 'E') && sql[i + 1] === "'")) {
      // '…' with '' as a quote; E'…' also with backslash escapes
      const escapes = c !== "'";
      i += escapes ? 2 : 1;
      for (;;) {
        if (i >= n) return null;
        if (escapes && sql[i] === '\\') { i += 2; continue; }
        if (sql[i] === "'") { if (sql[i + 1] === "'") { i += 2; continue; } i++; break; }
        i++;
      }
      out.push({ kind: 'punct', text: "'" });
      continue;
    }
    if (c === '"') {
      const e = (() => { let j = i + 1; for (;;) { if (j >= n) return -1; if (sql[j] === '"') { if (sql[j + 1] === '"') { j += 2; continue; } return j; } j++; } })();
      if (e < 0) return null;
      out.push({ kind: 'punct', text: '"' });
      i = e + 1;
      continue;
    }
    if (c === '$') {
      const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(i));
      if (tag) {
        const e = sql.indexOf(tag[0], i + tag[0].length);
        if (e < 0) return null;
        out.push({ kind: 'punct', text: "'" });
        i = e + tag[0].length;
        continue;
      }
    }
    const w = /^[A-Za-z_\u0080-\uffff][A-Za-z0-9_$\u0080-\uffff]*/.exec(sql.slice(i, i + 200));
    if (w) { out.push({ kind: 'word', text: w[0].toLowerCase() }); i += w[0].length; continue; }
    out.push({ kind: 'punct', text: c });
    i++;
  }
  return out;
}

/** Whether `sql` may run in the SQL view; the statement without its trailing `;` when it may. */
export function checkReadOnly(sql: string): SqlCheck {
  const tokens = tokenize(sql);
  if (tokens === null) return { ok: false, code: 'sql-unterminated' };
  // a write anywhere (after a `;`, inside a CTE or a subquery) is named first: the clearest message
  const write = tokens.find((t) => t.kind === 'word' && WRITE_WORDS.has(t.text));
  if (write) return { ok: false, code: 'sql-write', word: write.text.toUpperCase() };
  const inString = tokens.findIndex((t, k) => t.kind === 'word' && SQL_IN_STRING.has(t.text) && tokens[k + 1]?.text === '(');
  if (inString >= 0) return { ok: false, code: 'sql-not-query', word: tokens[inString].text };
  let end = tokens.length;
  while (end > 0 && tokens[end - 1].text === ';') end--;
  const body = tokens.slice(0, end);
  if (body.length === 0) return { ok: false, code: 'sql-empty' };
  if (body.some((t) => t.text === ';')) return { ok: false, code: 'sql-multiple' };
  let depth = 0;
  for (const t of body) {
    if (t.text === '(') depth++;
    else if (t.text === ')' && --depth < 0) return { ok: false, code: 'sql-unbalanced' };
  }
  if (depth !== 0) return { ok: false, code: 'sql-unbalanced' };
  const first = body.find((t) => t.text !== '(');
  if (!first || first.kind !== 'word' || !QUERY_START.has(first.text)) return { ok: false, code: 'sql-not-query', word: first?.text ?? '' };
  return { ok: true, sql: stripTrailingSemicolons(sql) };
}

/** The text without the `;` (and blanks/comments) after the last token: the subquery wrapper needs it. */
function stripTrailingSemicolons(sql: string): string {
  let s = sql.trimEnd();
  while (s.endsWith(';')) s = s.slice(0, -1).trimEnd();
  return s;
}

/**
 * A checked statement as the query the view runs: one row more than the limit, to tell the user
 * that rows were cut. The newline before `)` ends a trailing `--` comment.
 */
export function sqlViewQuery(checked: { ok: true; sql: string }, limit: number): string {
  const n = Math.max(1, Math.min(100_000, Math.floor(limit)));
  return `SELECT * FROM (\n${checked.sql}\n) AS q LIMIT ${n + 1}`;
}

/** Columns of the dataset's tables (views), for the list beside the editor. */
export function sqlSchemaSql(): Query {
  return query(`SELECT table_name, column_name, data_type FROM information_schema.columns
WHERE table_catalog = current_database() AND table_schema = 'main' AND table_name IN (${VIEW_TABLES.map(str).join(', ')})
ORDER BY table_name, ordinal_position`, 'catalog');
}

export interface SqlExample { id: string; zh: string; en: string; sql: string }

/** Runnable on the shipped data (test/data/sql-view.test.ts runs each). */
export const SQL_EXAMPLES: readonly SqlExample[] = [
  {
    id: 'denial-rate', zh: '不予公开率最高的机关（办理结果≥10件）', en: 'Agencies with the highest denial rate (≥ 10 decided)',
    sql: `SELECT agency, year,
  "requests__denied_total__total" AS denied,
  "requests__outcome_total__total" AS decided,
  round(100 * "requests__denied_total__total" / "requests__outcome_total__total", 1) AS denial_rate_pct
FROM metrics
WHERE "requests__outcome_total__total" >= 10 AND "requests__denied_total__total" IS NOT NULL
ORDER BY denial_rate_pct DESC, agency
LIMIT 20`,
  },
  {
    id: 'correction-by-year', zh: '各年度行政复议纠错率', en: 'Reconsideration correction rate by year',
    sql: `-- ratio of sums over reports where both counts are printed (as the dashboard)
SELECT year,
  sum("appeals__review__corrected") AS corrected,
  sum("appeals__review__total" - "appeals__review__pending") AS decided,
  round(100 * sum("appeals__review__corrected") / nullif(sum("appeals__review__total" - "appeals__review__pending"), 0), 1) AS correction_rate_pct
FROM metrics
WHERE "appeals__review__corrected" IS NOT NULL AND "appeals__review__total" IS NOT NULL AND "appeals__review__pending" IS NOT NULL
GROUP BY year
ORDER BY year`,
  },
  {
    id: 'reports-by-year', zh: '各年度、层级的报告数', en: 'Reports by year and level',
    sql: `SELECT year, level, count(*) AS reports, count(*) FILTER (WHERE status = 'ok') AS without_findings
FROM reports
GROUP BY ALL
ORDER BY ALL`,
  },
  {
    id: 'failed-checks', zh: '不成立的勾稽关系', en: 'Identities that do not hold',
    sql: `SELECT r.agency, r.year, c.check_id, c.lhs_label, c.lhs, c.rhs_label, c.rhs
FROM checks c JOIN reports r USING (report_id)
WHERE c.status = 'fail'
ORDER BY r.agency, r.year, c.check_id`,
  },
  {
    id: 'new-requests', zh: '每份报告的本年新收申请（原文单元格）', en: 'New requests per report (as printed)',
    sql: `SELECT r.agency, r.year, f.value, f.raw, f.row_label, f.location
FROM facts f JOIN reports r USING (report_id)
WHERE f."table" = 'requests' AND f.item = 'new' AND f."column" = 'total'
ORDER BY f.value DESC NULLS LAST`,
  },
];

/** Column names of a result in order (every row has the same keys; an empty result has none). */
export function resultColumns(rows: readonly Record<string, unknown>[]): string[] {
  return rows.length ? Object.keys(rows[0]) : [];
}
