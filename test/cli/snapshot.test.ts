// The first view's snapshot (data/snapshot.json, written by the data build) gives the same numbers
// as the live queries: the real bundled reports parsed by the CLI, the snapshot read back through
// the browser's snapshot runner, compared with DuckDB on the full nianbao.duckdb.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { runParse } from '../../src/cli/parse-command';
import { attachSql, bundledTablesSql, setupViewsSql, type BundledTable } from '../../src/data/load-dataset';
import { latestOverview, metaSql, OVERVIEW_CARDS, runCompare, runCoverage, runLikeForLike, runOverview, runQualityReports, runRegions, runTrends, runYears } from '../../src/data/queries';
import { sqlOf, type QueryRunner, type Sql } from '../../src/data/query-runner';
import { DEFAULT_STATE } from '../../src/state/url';
import { selectionOf } from '../../src/state/selection';
import { jsonRow, runFirstViews, snapshotRunner } from '../../src/state/snapshot';
import { isSnapshot, loadSnapshot, matchingSnapshot, SNAPSHOT_FILE, type Snapshot } from '../../src/state/snapshot-file';

let out: string;
let snap: Snapshot;
let instance: DuckDBInstance;
let con: DuckDBConnection;
let live: QueryRunner;
/** Live DuckDB never answers the snapshot runner here: every answer must come from the file. */
const never = new Promise<QueryRunner>(() => {});

beforeAll(async () => {
  out = mkdtempSync(path.join(tmpdir(), 'nianbao-snapshot-'));
  const code = await runParse(['data/reports', '--out', out, '--manifest', 'data/manifest.csv', '--quiet'], { out: () => {}, err: () => {} });
  expect(code).toBe(0);
  const raw: unknown = JSON.parse(readFileSync(path.join(out, SNAPSHOT_FILE), 'utf8'));
  expect(isSnapshot(raw)).toBe(true);
  snap = raw as Snapshot;
  // the full file, every table in one database — not the index + detail cut the snapshot was made from
  instance = await DuckDBInstance.create(':memory:');
  con = await instance.connect();
  const run = async (sql: string) => (await con.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
  await con.run(attachSql(path.join(out, 'nianbao.duckdb')));
  const present = (await run(bundledTablesSql())).map((r) => ({ database: String(r.database), table: String(r.table) }) as BundledTable);
  for (const s of setupViewsSql(present)) await con.run(s);
  live = { query: async <T>(q: Sql) => (await run(sqlOf(q))).map(jsonRow) as T[] };
}, 180_000);

afterAll(() => { con?.closeSync(); instance?.closeSync(); if (out) rmSync(out, { recursive: true, force: true }); });

describe('first-view snapshot', () => {
  const sel = selectionOf(DEFAULT_STATE);

  it('answers the overview, trends, years and meta exactly as the live query on the real data', async () => {
    const early = snapshotRunner(snap, never);
    const overview = await runOverview(early, { selection: sel });
    expect(overview.length).toBeGreaterThan(20);
    expect(overview).toEqual(await runOverview(live, { selection: sel }));
    const trends = await runTrends(early, { selection: sel, metrics: [...DEFAULT_STATE.metrics], mode: 'aggregate' });
    expect(trends).toEqual(await runTrends(live, { selection: sel, metrics: [...DEFAULT_STATE.metrics], mode: 'aggregate' }));
    expect(await runYears(early)).toEqual(await runYears(live));
    expect(await early.query(metaSql())).toEqual(await live.query(metaSql()));
    // the cards' latest year has reports in the snapshot too
    const latest = latestOverview(overview);
    expect(latest.get('received')?.n_reports).toBeGreaterThan(0);
  });

  it('answers every tab\'s default view (the overview\'s coverage and like-for-like lines, compare, regions, outcomes, appeals, quality, change) as the live query', async () => {
    // a query the snapshot lacks fails here instead of waiting for DuckDB
    const missing = Promise.reject(new Error('not in the snapshot'));
    const early = snapshotRunner(snap, missing);
    const asked: string[] = [];
    // the coverage grid is an index table (the catalog probe finds it there; the full file here
    // reads it from its reports instead): its typed answer is compared below
    const probes: string[] = [];
    const indexOnly = (q: Sql) => typeof q !== 'string' && q.reads.some((r) => r === 'catalog' || r === 'index');
    await runFirstViews({ query: <T>(q: Sql) => { (indexOnly(q) ? probes : asked).push(sqlOf(q)); return early.query<T>(q); } });
    expect(asked.length).toBeGreaterThanOrEqual(15);
    for (const sql of asked) expect(await early.query(sql), sql.slice(0, 80)).toEqual(await live.query(sql));
    expect(probes.length).toBe(2);
    // the overview's coverage line and its like-for-like lines, as the landing draws them
    const coverage = await runCoverage(early);
    expect(coverage.length).toBe(20);
    expect(coverage).toEqual(await runCoverage(live));
    const year = [...latestOverview(await runOverview(early, { selection: sel })).values()][0]?.year ?? null;
    if (year === null) throw new Error('no latest year in the overview');
    const lines = await runLikeForLike(early, { selection: sel, metrics: [...OVERVIEW_CARDS], year });
    expect(lines.map((l) => l.metric).sort()).toEqual([...OVERVIEW_CARDS].sort());
    expect(lines).toEqual(await runLikeForLike(live, { selection: sel, metrics: [...OVERVIEW_CARDS], year }));
    // the typed results the views draw: a ranking, regions and the quality list with real rows
    const latest = Math.max(...(await runYears(early)).map((y) => y.year ?? 0));
    const compare = await runCompare(early, { selection: sel, metric: 'received', year: latest, limit: 40 });
    expect(compare.rows.length).toBeGreaterThan(0);
    expect(compare).toEqual(await runCompare(live, { selection: sel, metric: 'received', year: latest, limit: 40 }));
    expect((await runRegions(early, { selection: sel, metric: 'received', year: latest, parent: '' })).rows.length).toBeGreaterThan(0);
    expect((await runQualityReports(early, { selection: sel, includeUndated: true })).length).toBe(20);
  });

  it('never answers a query it does not hold (a changed filter waits for DuckDB)', async () => {
    let asked = '';
    const later: QueryRunner = { query: async <T>(q: Sql) => { asked = sqlOf(q); return [] as T[]; } };
    const early = snapshotRunner(snap, Promise.resolve(later));
    await runOverview(early, { selection: { ...sel, region: '43' } });
    expect(asked).toMatch(/43/);
  });

  it('starts a lazy live runner only when a query misses (an embed the snapshot answers never starts DuckDB)', async () => {
    let started = 0;
    const early = snapshotRunner(snap, async () => { started++; return live; });
    await runOverview(early, { selection: sel });
    await runYears(early);
    expect(started).toBe(0);
    const missed = await runOverview(early, { selection: { ...sel, region: '43' } });
    expect(started).toBe(1);
    expect(missed).toEqual(await runOverview(live, { selection: { ...sel, region: '43' } }));
    await runOverview(early, { selection: { ...sel, region: '35' } });
    expect(started).toBe(1);
  });

  it('is used only with the index file it was computed on', () => {
    const index = new Uint8Array(readFileSync(path.join(out, 'index.duckdb')));
    expect(matchingSnapshot(snap, index)).toBe(snap);
    const other = index.slice();
    other[other.length - 1] ^= 1;
    expect(matchingSnapshot(snap, other)).toBeNull();
    expect(matchingSnapshot(snap, index.subarray(1))).toBeNull();
  });

  it('is handed over before the index check ends, and the check fails for another index', async () => {
    const index = new Uint8Array(readFileSync(path.join(out, 'index.duckdb')));
    const other = index.slice();
    other[100] ^= 1;
    for (const [file, ok] of [[index, true], [other, false]] as const) {
      let release: () => void = () => {};
      const held = new Promise<void>((r) => { release = r; });
      const get = async (url: string) => {
        if (url.endsWith('/data/snapshot.json')) return new Response(JSON.stringify(snap));
        if (url.endsWith('/data/index.duckdb')) { await held; return new Response(file); }
        return new Response(null, { status: 404 });
      };
      let started = 0;
      const load = loadSnapshot('http://x/app/', { get });
      // the index read is held: the snapshot is there all the same
      const got = await load.snapshot;
      expect(got?.index).toEqual(snap.index);
      const starting = () => { started++; return never; };
      await runOverview(snapshotRunner(got!, starting), { selection: sel });
      expect(started).toBe(0);
      void snapshotRunner(got!, starting).query('SELECT 42');
      expect(started).toBe(1);
      release();
      expect(await load.verified).toBe(ok);
    }
    // no snapshot file: nothing to check, nothing drawn from it
    const none = loadSnapshot('http://x/', { get: async () => new Response(null, { status: 404 }) });
    expect(await none.snapshot).toBeNull();
    expect(await none.verified).toBe(true);
    // the index cannot be read: the snapshot is dropped
    const broken = loadSnapshot('http://x/', { get: async (u) => (u.endsWith('.json') ? new Response(JSON.stringify(snap)) : Promise.reject(new Error('offline'))) });
    expect(await broken.verified).toBe(false);
  });

  it('is small: a few kB gzip', () => {
    expect(JSON.stringify(snap).length).toBeLessThan(200_000);
  });
});
