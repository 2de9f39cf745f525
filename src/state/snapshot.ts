// The first view without DuckDB: the data build (src/cli/dashboard-files.ts) runs the queries of
// the shell and of the default views through the same builders and writes their result rows to
// data/snapshot.json next to index.duckdb. The browser answers exactly those SQL texts from it while
// duckdb-wasm starts; anything else (any change the user makes) waits for DuckDB. A view whose SQL
// changed simply misses the snapshot and waits: the snapshot can make a view early, never different.
import { latestOverview, metaSql, OVERVIEW_CARDS, runAppeals, runApplicantTypes, runChange, runChangeSet, runCompare, runCoverage, runImported, runLikeForLike, runOutcomeGroups, runOverview, runQualityReports, runReasons, runRegions, runSankey, runTrends, runYears } from '../data/queries';
import { sqlOf, type QueryRunner, type Sql } from '../data/query-runner';
import { DEFAULT_STATE } from './url';
import { selectionOf } from './selection';

export const SNAPSHOT_FILE = 'snapshot.json';
export const SNAPSHOT_VERSION = 1;

export interface Snapshot {
  v: number;
  /** The index.duckdb the rows were computed on: the browser uses the snapshot only when the index
   * it fetched is this file (a data file swapped alone must never show the old file's numbers). */
  index: { bytes: number; hash: string };
  /** SQL text → result rows (JSON values: BIGINT as number, like duckdb-wasm's castBigIntToDouble). */
  queries: Record<string, Record<string, unknown>[]>;
}

/**
 * The queries the shell (years, meta, imported) and the default view of every tab a user can open
 * with no input of their own (?view=… alone) run on a first visit, run on `runner` — the writer
 * records them, the test compares them. Each call repeats its view's defaults (src/ui/views/*):
 * when a view's defaults change, its SQL misses the snapshot and the view waits for DuckDB — early,
 * never different. Not here: views that need a choice (source, profile, a report's checks), the
 * import, SQL and glossary tabs, and what a view other than the overview asks after its first
 * chart (e.g. the trends' like-for-like lines).
 */
export async function runFirstViews(runner: QueryRunner): Promise<void> {
  const sel = selectionOf(DEFAULT_STATE);
  const years = (await runYears(runner)).map((y) => y.year).filter((y) => y !== null).sort((a, b) => a - b);
  await runner.query(metaSql());
  await runImported(runner);
  // Overview.tsx: the cards and chart, the coverage line above them, each card's like-for-like line
  const overview = await runOverview(runner, { selection: sel });
  await runCoverage(runner);
  const cardsYear = [...latestOverview(overview).values()][0]?.year ?? null;
  if (cardsYear !== null) await runLikeForLike(runner, { selection: sel, metrics: [...OVERVIEW_CARDS], year: cardsYear });
  await runTrends(runner, { selection: sel, metrics: [...DEFAULT_STATE.metrics], mode: 'aggregate' });
  const latest = years[years.length - 1];
  if (latest !== undefined) {
    // compare and regions rank the latest year when the URL names none (Compare.tsx, Regions.tsx)
    await runCompare(runner, { selection: sel, metric: DEFAULT_STATE.metric, year: latest, limit: 40 });
    await runRegions(runner, { selection: sel, metric: DEFAULT_STATE.metric, year: latest, parent: '' });
  }
  // Outcomes.tsx, in its order: no group drilled into
  await runOutcomeGroups(runner, { selection: sel, by: 'year' });
  await runReasons(runner, { selection: sel, by: 'total', group: undefined });
  await runApplicantTypes(runner, { selection: sel, by: 'total' });
  await runSankey(runner, { selection: sel });
  await runAppeals(runner, { selection: sel, by: 'year' });
  await runQualityReports(runner, { selection: sel, includeUndated: true });
  // Change.tsx (changeYears): the first and the last year of the data, the year filter left out
  if (years.length >= 2) {
    const p = { selection: { ...sel, years: undefined }, start: years[0], end: years[years.length - 1] };
    await runChange(runner, p);
    await runChangeSet(runner, p);
  }
}

/** A result longer than this (JSON characters) is left out of the snapshot, and its view waits for
 * DuckDB: e.g. the quality list of every report at 150k agencies. The bundled reports' largest
 * result is the quality list, 64 kB for 238 reports. */
export const SNAPSHOT_MAX_RESULT_CHARS = 256 * 1024;
/** And the whole file stays under this (the first chart's path parses it). */
export const SNAPSHOT_MAX_CHARS = 1024 * 1024;

/** A JSON-safe copy of a row from either DuckDB runtime. */
export function jsonRow(r: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(r)) {
    out[k] = typeof v === 'bigint' ? Number(v) : v === null || v === undefined || typeof v !== 'object' ? v ?? null : Array.isArray(v) ? v.map(String) : String(v);
  }
  return out;
}

export function isSnapshot(v: unknown): v is Snapshot {
  const o = v as Snapshot;
  return !!o && typeof o === 'object' && o.v === SNAPSHOT_VERSION && !!o.queries && typeof o.queries === 'object'
    && !!o.index && typeof o.index.bytes === 'number' && typeof o.index.hash === 'string';
}

/** Above this size the browser does not fetch the index a second time to check it: no snapshot. */
export const SNAPSHOT_MAX_INDEX_BYTES = 16 * 1024 * 1024;

/** FNV-1a (32 bit) over the file, with its length: tells two data files apart (not a security hash). */
export function fingerprint(bytes: Uint8Array): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) { h ^= bytes[i]; h = Math.imul(h, 0x01000193); }
  return `${bytes.length}-${(h >>> 0).toString(16)}`;
}

/** The snapshot if it was computed on this index file, else null. */
export function matchingSnapshot(snap: Snapshot, index: Uint8Array): Snapshot | null {
  return snap.index.bytes === index.length && snap.index.hash === fingerprint(index) ? snap : null;
}

export interface SnapshotLoad {
  /** The snapshot as soon as it is parsed (null: none, malformed, or its index is too large to check). */
  snapshot: Promise<Snapshot | null>;
  /** false once the index file this page gets turns out not to be the snapshot's (or cannot be
   * read): whatever was drawn from the snapshot must be dropped and drawn again from DuckDB.
   * true when it matches, or when there was no snapshot to drop. */
  verified: Promise<boolean>;
}

/**
 * Fetch `data/snapshot.json`, then check it against `data/index.duckdb` BEHIND the first chart:
 * the chart is drawn from the snapshot before the check ends (a second read of the index — from the
 * service worker's or the HTTP cache on a repeat visit — and a hash over it), started once `after`
 * settles (the page passes "the first chart is drawn"), so its download and hash never share the CPU
 * with that chart. The caller redraws without the snapshot when `verified` says false, so old
 * numbers beside a new index last at most the check.
 */
export function loadSnapshot(base: string, opts: { get?: (url: string) => Promise<Response>; after?: Promise<unknown> } = {}): SnapshotLoad {
  const get = opts.get ?? ((u: string) => fetch(u));
  const snapshot = get(new URL(`data/${SNAPSHOT_FILE}`, base).href)
    .then((r) => (r.ok ? r.json() : null))
    .then((j: unknown) => (isSnapshot(j) && j.index.bytes <= SNAPSHOT_MAX_INDEX_BYTES ? j : null))
    .catch(() => null);
  // read only when there is a snapshot to check (a large index is never read twice for nothing)
  const verified = snapshot.then(async (snap) => {
    if (!snap) return true;
    await opts.after;
    try {
      const r = await get(new URL('data/index.duckdb', base).href);
      return r.ok && matchingSnapshot(snap, new Uint8Array(await r.arrayBuffer())) !== null;
    } catch {
      return false;
    }
  });
  return { snapshot, verified };
}

/**
 * A runner that answers the snapshot's SQL at once while `live` is pending, and everything else
 * (and everything once live is there) from the live runner. A function for `live` is called only
 * when a query misses the snapshot (an embed the snapshot answers never starts DuckDB).
 */
export function snapshotRunner(snap: Snapshot, live: Promise<QueryRunner> | (() => Promise<QueryRunner>)): QueryRunner {
  let ready: QueryRunner | null = null;
  let pending: Promise<QueryRunner> | null = null;
  const get = () => {
    if (!pending) {
      pending = typeof live === 'function' ? live() : live;
      void pending.then((r) => { ready = r; }, () => {});
    }
    return pending;
  };
  if (typeof live !== 'function') get();
  return {
    query: <T = Record<string, unknown>>(sql: Sql): Promise<T[]> => {
      if (ready) return ready.query<T>(sql);
      const hit = snapshotAnswer(snap, sql);
      if (hit) return Promise.resolve(hit as T[]);
      return get().then((r) => r.query<T>(sql));
    },
  };
}

/** The snapshot's rows for exactly this SQL (copies: a caller may change them), or undefined. */
export function snapshotAnswer(snap: Snapshot, sql: Sql): Record<string, unknown>[] | undefined {
  const text = sqlOf(sql);
  const hit = Object.prototype.hasOwnProperty.call(snap.queries, text) ? snap.queries[text] : undefined;
  return hit?.map((r) => ({ ...r }));
}
