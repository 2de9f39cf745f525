// The one seam between SQL builders and a database: a DatasetSession's runners in the browser
// (src/data/session.ts over src/data/duckdb-wasm.ts), native DuckDB in Node tests
// (test/helpers/duckdb-node.ts). Builders return a Query: the SQL text and what it reads, so the
// session can tell a query that needs per-province detail files from one the index answers
// without looking inside the SQL (test/data/reads.test.ts checks every declaration against
// DuckDB's own parse of the text).

/**
 * What a query may read, declared once: the unqualified views (src/data/load-dataset.ts VIEW_TABLES),
 * `index` = the index file's own tables (nb.coverage, nb.parts), `imp` = the in-memory imported
 * tables, `catalog` = DuckDB's catalog (information_schema, duckdb_tables()).
 */
export const READS = ['cube', 'meta', 'index', 'imp', 'catalog', 'metrics', 'reports', 'facts', 'findings', 'checks'] as const;
export type Reads = (typeof READS)[number];

/** The views whose bundled rows live in the per-province detail files. */
export const DETAIL_READS: readonly Reads[] = ['metrics', 'reports', 'facts', 'findings', 'checks'];

export interface Query {
  sql: string;
  reads: readonly Reads[];
}

/** A built Query, or bare SQL text (the analyst's SQL view, tests): bare text counts as reading detail. */
export type Sql = string | Query;

export interface QueryRunner {
  // a property, not a method: strictFunctionTypes then rejects a runner written for `sql: string`,
  // which would look up "[object Object]" instead of the SQL text
  query: <T = Record<string, unknown>>(q: Sql) => Promise<T[]>;
}

/** A Query (for builders: `query(sql, 'cube')`). */
export const query = (sql: string, ...reads: Reads[]): Query => ({ sql, reads: [...new Set(reads)] });

/**
 * A statement that reads no table — SET VARIABLE, DDL or DELETE on the in-memory `imp` schema: it
 * runs at once (no detail wait) and, since it changes state, drops the session's cached results.
 */
export const statement = (sql: string): Query => ({ sql, reads: [] });

/** The SQL text of either form (the snapshot and the database see only this). */
export const sqlOf = (q: Sql): string => (typeof q === 'string' ? q : q.sql);

/** Must the query wait for detail files? Yes unless it declares reads that are all in the index or imp:
 * undeclared SQL waits, so a missing declaration costs time, never a smaller number. */
export function needsDetail(q: Sql): boolean {
  return typeof q === 'string' || q.reads.some((t) => DETAIL_READS.includes(t));
}

/** Coerce a value from either runtime to number|null (BigInt, numeric strings, Decimal objects). */
export function toNum(v: unknown): number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isNaN(v) ? null : v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'string') {
    if (v.trim() === '') return null;
    const n = Number(v);
    return Number.isNaN(n) ? null : n;
  }
  if (typeof v === 'boolean') return v ? 1 : 0;
  // duckdb-wasm DecimalBigNum / HUGEINT objects stringify to their value
  const n = Number(String(v));
  return Number.isNaN(n) ? null : n;
}

/** Coerce to string|null. */
export function toStr(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  return String(v);
}
