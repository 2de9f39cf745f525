// The SQL view's read-only gate and wrapper, on native DuckDB with dataset-small (real cells):
// writes are refused by the checker, and the same statements are refused by DuckDB itself when
// wrapped as the view runs them (the second lock); the examples run and agree with the catalog.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smallDatasetRunner, type NodeRunner } from '../helpers/duckdb-node';
import { checkReadOnly, runTrends, SQL_EXAMPLES, sqlSchemaSql, sqlViewQuery, resultColumns } from '../../src/data/queries';

let db: NodeRunner;
beforeAll(async () => { db = await smallDatasetRunner(); });
afterAll(() => db?.close());

const WRITES: [string, string][] = [
  ['INSERT INTO reports (report_id) VALUES (\'x\')', 'INSERT'],
  ['update reports set agency = \'x\'', 'UPDATE'],
  ['DELETE FROM facts', 'DELETE'],
  ['CREATE TABLE t AS SELECT 1', 'CREATE'],
  ['create or replace view metrics as select 1', 'CREATE'],
  ['DROP TABLE reports', 'DROP'],
  ['dRoP VIEW metrics', 'DROP'],
  ["ATTACH 'x.duckdb' AS x", 'ATTACH'],
  ["COPY (SELECT * FROM facts) TO 'out.csv'", 'COPY'],
  ['SET threads = 1', 'SET'],
  ['RESET threads', 'RESET'],
  ['PRAGMA enable_profiling', 'PRAGMA'],
  ['INSTALL httpfs', 'INSTALL'],
  ['LOAD httpfs', 'LOAD'],
  ['CALL pragma_version()', 'CALL'],
  ['CHECKPOINT', 'CHECKPOINT'],
  ["EXPORT DATABASE 'x'", 'EXPORT'],
  ['ALTER TABLE reports ADD COLUMN x INT', 'ALTER'],
  ['BEGIN TRANSACTION', 'BEGIN'],
  ['USE memory', 'USE'],
  // hidden after a `;`, behind comments and strings, or in a CTE
  ['SELECT 1; DROP TABLE reports', 'DROP'],
  ['SELECT 1 /* a */; DELETE FROM facts', 'DELETE'],
  ["SELECT '--'; DROP TABLE reports", 'DROP'],
  ['SELECT 1 -- a ;\n; DELETE FROM facts', 'DELETE'],
  ['-- just a comment\nDROP TABLE reports', 'DROP'],
  ['WITH x AS (DELETE FROM facts RETURNING *) SELECT * FROM x', 'DELETE'],
  ['SELECT * FROM (INSERT INTO t VALUES (1) RETURNING *)', 'INSERT'],
  ["SELECT $$a$$; DROP TABLE reports", 'DROP'],
  ["SELECT E'it\\'s'; DROP TABLE reports", 'DROP'],
];

describe('checkReadOnly', () => {
  it.each(WRITES)('refuses %s as a write (%s)', (sql, word) => {
    expect(checkReadOnly(sql)).toEqual({ ok: false, code: 'sql-write', word });
  });

  it('refuses what is not a single query', () => {
    expect(checkReadOnly('')).toMatchObject({ ok: false, code: 'sql-empty' });
    expect(checkReadOnly('  -- nothing\n ;')).toMatchObject({ ok: false, code: 'sql-empty' });
    expect(checkReadOnly('SELECT 1; SELECT 2')).toMatchObject({ ok: false, code: 'sql-multiple' });
    expect(checkReadOnly('SELECT 1) AS q; SELECT (1')).toMatchObject({ ok: false, code: 'sql-multiple' });
    expect(checkReadOnly('SELECT 1) AS q, (SELECT 1')).toMatchObject({ ok: false, code: 'sql-unbalanced' });
    expect(checkReadOnly("SELECT 'open")).toMatchObject({ ok: false, code: 'sql-unterminated' });
    expect(checkReadOnly('SELECT 1 /* /* */')).toMatchObject({ ok: false, code: 'sql-unterminated' });
    expect(checkReadOnly('SELECT "open')).toMatchObject({ ok: false, code: 'sql-unterminated' });
    expect(checkReadOnly('EXPLAIN SELECT 1')).toMatchObject({ ok: false, code: 'sql-not-query', word: 'explain' });
    expect(checkReadOnly("SELECT * FROM query('DROP TABLE reports')")).toMatchObject({ ok: false, code: 'sql-not-query', word: 'query' });
  });

  it('accepts queries whose strings, comments and quoted names contain write words', () => {
    for (const sql of [
      "SELECT 'DROP TABLE reports; DELETE' AS s",
      'SELECT 1 AS "delete"',
      '/* DROP TABLE reports */ SELECT 1 -- ; DELETE',
      'SELECT 1 /* nested /* DROP */ still a comment; */',
      "SELECT $tag$ ; DROP $tag$ AS s",
      'FROM reports',
      'WITH a AS (SELECT 1 AS x) SELECT x AS start FROM a;',
      '(SELECT 1) UNION ALL (SELECT 2);  ',
      'DESCRIBE metrics',
    ]) expect(checkReadOnly(sql), sql).toMatchObject({ ok: true });
    expect(checkReadOnly('SELECT 1 ;; ')).toEqual({ ok: true, sql: 'SELECT 1' });
  });
});

describe('the subquery wrapper (second lock) on DuckDB', () => {
  it('makes DuckDB itself refuse every write, so a checker slip cannot write', async () => {
    for (const [sql] of WRITES) {
      await expect(db.query(sqlViewQuery({ ok: true, sql }, 10)), sql).rejects.toThrow(/Parser Error|syntax error|Not implemented/i);
    }
    const [{ n }] = await db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM facts');
    expect(n).toBeGreaterThan(100); // facts are all still there
    await expect(db.query('SELECT count(*) FROM reports')).resolves.toHaveLength(1);
  });

  it('returns one row more than the limit, so the view can say that rows were cut', async () => {
    const q = checkReadOnly('SELECT * FROM facts ORDER BY report_id, "table", item, "column";');
    if (!q.ok) throw new Error('refused');
    const rows = await db.query(sqlViewQuery(q, 5));
    expect(rows).toHaveLength(6);
    expect(resultColumns(rows).slice(0, 4)).toEqual(['report_id', 'table', 'item', 'column']);
  });

  it('passes DuckDB\'s own message through for a bad query', async () => {
    const q = checkReadOnly('SELECT nope FROM reports');
    if (!q.ok) throw new Error('refused');
    await expect(db.query(sqlViewQuery(q, 10))).rejects.toThrow(/Referenced column "nope" not found/);
  });
});

describe('schema and examples', () => {
  it('lists the columns of every dataset table', async () => {
    const rows = await db.query<{ table_name: string; column_name: string }>(sqlSchemaSql());
    const tables = new Set(rows.map((r) => r.table_name));
    for (const t of ['reports', 'facts', 'findings', 'checks', 'meta', 'metrics', 'cube']) expect(tables, t).toContain(t);
    expect(rows.filter((r) => r.table_name === 'metrics').map((r) => r.column_name)).toContain('requests__denied_total__total');
  });

  it.each(SQL_EXAMPLES.map((e) => [e.id, e] as const))('example %s passes the checker and runs', async (_id, e) => {
    const q = checkReadOnly(e.sql);
    expect(q.ok).toBe(true);
    if (!q.ok) return;
    const rows = await db.query(sqlViewQuery(q, 1000));
    expect(rows.length).toBeGreaterThan(0);
  });

  it('the correction-rate example gives the trends view\'s correction rate per year', async () => {
    const e = SQL_EXAMPLES.find((x) => x.id === 'correction-by-year')!;
    const q = checkReadOnly(e.sql);
    if (!q.ok) throw new Error('refused');
    const rows = await db.query<{ year: number; corrected: number; decided: number; correction_rate_pct: number | null }>(sqlViewQuery(q, 1000));
    const trends = await runTrends(db, { metrics: ['correction_rate'], mode: 'aggregate' });
    expect(rows.length).toBe(trends.filter((t) => t.n_data > 0).length);
    for (const r of rows) {
      const t = trends.find((x) => x.year === Number(r.year))!;
      expect(Number(r.corrected), String(r.year)).toBe(t.numerator);
      expect(Number(r.decided), String(r.year)).toBe(t.denominator);
      if (t.value !== null) expect(Number(r.correction_rate_pct)).toBeCloseTo(100 * t.value, 1);
    }
  });
});
