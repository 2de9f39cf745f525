// The first view without DuckDB: the data build (src/cli/dashboard-files.ts) runs the queries of
// the shell and of the default views through the same builders and writes their result rows to
// data/snapshot.json next to index.duckdb. The browser answers exactly those SQL texts from it while
// duckdb-wasm starts; anything else (any change the user makes) waits for DuckDB. A view whose SQL
// changed simply misses the snapshot and waits: the snapshot can make a view early, never different.
import { metaSql, runImported, runOverview, runTrends, runYears } from '../data/queries';
import type { QueryRunner } from '../data/query-runner';
import { DEFAULT_STATE } from '../state/url';
import { selectionOf } from './selection';

export const SNAPSHOT_FILE = 'snapshot.json';
export const SNAPSHOT_VERSION = 1;

export interface Snapshot {
  v: number;
  /** SQL text → result rows (JSON values: BIGINT as number, like duckdb-wasm's castBigIntToDouble). */
  queries: Record<string, Record<string, unknown>[]>;
}

/** The queries the shell (years, meta, imported) and the default overview and trends views run on
 * a first visit, run on `runner` — the writer records them, the test compares them. */
export async function runFirstViews(runner: QueryRunner): Promise<void> {
  const sel = selectionOf(DEFAULT_STATE);
  await runYears(runner);
  await runner.query(metaSql());
  await runImported(runner);
  await runOverview(runner, { selection: sel });
  await runTrends(runner, { selection: sel, metrics: [...DEFAULT_STATE.metrics], mode: 'aggregate' });
}

/** A JSON-safe copy of a row from either DuckDB runtime. */
export function jsonRow(r: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(r)) {
    out[k] = typeof v === 'bigint' ? Number(v) : v === null || v === undefined || typeof v !== 'object' ? v ?? null : Array.isArray(v) ? v.map(String) : String(v);
  }
  return out;
}

export function isSnapshot(v: unknown): v is Snapshot {
  return !!v && typeof v === 'object' && (v as Snapshot).v === SNAPSHOT_VERSION && !!(v as Snapshot).queries && typeof (v as Snapshot).queries === 'object';
}

/**
 * A runner that answers the snapshot's SQL at once while `live` is pending, and everything else
 * (and everything once live is there) from the live runner.
 */
export function snapshotRunner(snap: Snapshot, live: Promise<QueryRunner>): QueryRunner {
  let ready: QueryRunner | null = null;
  void live.then((r) => { ready = r; }, () => {});
  return {
    query<T = Record<string, unknown>>(sql: string): Promise<T[]> {
      if (ready) return ready.query<T>(sql);
      const hit = Object.prototype.hasOwnProperty.call(snap.queries, sql) ? snap.queries[sql] : undefined;
      if (hit) return Promise.resolve(hit.map((r) => ({ ...r })) as T[]);
      return live.then((r) => r.query<T>(sql));
    },
  };
}
