// The first view without DuckDB: the data build (src/cli/dashboard-files.ts) runs the queries of
// the shell and of the default views through the same builders and writes their result rows to
// data/snapshot.json next to index.duckdb. The browser answers exactly those SQL texts from it while
// duckdb-wasm starts; anything else (any change the user makes) waits for DuckDB. A view whose SQL
// changed simply misses the snapshot and waits: the snapshot can make a view early, never different.
// This module: what the snapshot holds and how queries are answered from it. The file's format and
// its fetch and check in the page: ./snapshot-file.ts (the entry imports that one alone).
import { latestOverview, metaSql, OVERVIEW_CARDS, runAppeals, runApplicantTypes, runChange, runChangeSet, runCompare, runCoverage, runImported, runLikeForLike, runOutcomeGroups, runOverview, runQualityReports, runReasons, runRegions, runSankey, runTrends, runYears } from '../data/queries';
import { sqlOf, type QueryRunner, type Sql } from '../data/query-runner';
import { DEFAULT_STATE } from './url';
import { selectionOf } from './selection';
import type { Snapshot } from './snapshot-file';

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
