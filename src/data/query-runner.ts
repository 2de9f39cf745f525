// The one seam between SQL builders and a database: duckdb-wasm in the browser
// (src/data/duckdb-wasm.ts), native DuckDB in Node tests (test/helpers/duckdb-node.ts).
// Every builder in this folder returns SQL text; only runners execute it.

export interface QueryRunner {
  query<T = Record<string, unknown>>(sql: string): Promise<T[]>;
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
