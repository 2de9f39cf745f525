// The dashboard's files, cut from a full nianbao.duckdb so the first view never waits for data it
// does not show (docs/performance.md):
//
//   index.duckdb        meta + cube (src/data/cube.ts) + parts: everything the region/year views
//                       need, and the list of detail files with their sizes
//   detail/<p>.duckdb   reports, facts, findings, checks and metrics of one province (p = the
//                       first two digits of region_code; `x` = reports that could not be placed),
//                       fetched by the browser only when a view needs per-report rows
//
// Written under temporary names and renamed into place at the end, like the rest of the dataset.
// The standalone command re-cuts a dataset folder as a whole: a staging copy of the folder (its
// other files hard-linked) gets the new index.duckdb + detail/, then is swapped in by renames
// (./atomic-dir.ts), so a kill at any point leaves the old index + detail or the new ones, never
// a new detail/ beside an old index.duckdb.
import { copyFileSync, cpSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { buildCubeSql } from '../data/cube';
import type { DetailPart } from '../data/detail';
import { sqlOf, type Sql } from '../data/query-runner';
import { createStaging, describeOutputError, discardStaging, recoverDir, swapIn, type OutputHook } from './atomic-dir';
import { attachSql, bundledTablesSql, detailAlias, setupViewsSql, type BundledTable } from '../data/load-dataset';
import { jsonRow, runFirstViews, SNAPSHOT_MAX_CHARS, SNAPSHOT_MAX_RESULT_CHARS } from '../state/snapshot';
import { fingerprint, SNAPSHOT_FILE, SNAPSHOT_VERSION, type Snapshot } from '../state/snapshot-file';

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;

export interface DashboardFiles { indexBytes: number; cubeRows: number; parts: DetailPart[]; ms: number }

/** The part a report belongs to, as SQL over a `region_code` column. */
export const PART_EXPR = `coalesce(CASE WHEN regexp_full_match(region_code, '\\d{2}.*') THEN substr(region_code, 1, 2) END, 'x')`;

export const COVERAGE_MAX_REPORTS = 20_000;

/** One row per report: the landing's coverage grid, without fetching any detail file. */
export function coverageTableSql(source: string, target: string): string {
  return `CREATE TABLE ${target} AS SELECT ${COVERAGE_COLUMNS.join(', ')} FROM ${source} ORDER BY agency, year, report_id`;
}

const COVERAGE_COLUMNS = [
  'report_id', 'coalesce(agency_label, agency) AS agency', 'agency_id', 'CAST(year AS INTEGER) AS year', 'template', 'level', 'region_code',
  'province', 'place', 'status', 'coalesce(counted, true) AS counted', 'set_aside', 'superseded_by', 'fact_count', 'checks_failed', 'dataset',
];

/** Writes `<outDir>/index.duckdb` and `<outDir>/detail/*.duckdb` from a full dataset file. */
export async function writeDashboardFiles(fullDb: string, outDir: string): Promise<DashboardFiles> {
  const t0 = performance.now();
  const tmpIndex = path.join(outDir, 'index.duckdb.tmp');
  const tmpDetail = path.join(outDir, 'detail.tmp');
  for (const f of [tmpIndex, `${tmpIndex}.wal`]) rmSync(f, { force: true });
  rmSync(tmpDetail, { recursive: true, force: true });
  mkdirSync(tmpDetail, { recursive: true });
  const instance = await DuckDBInstance.create(':memory:');
  const con = await instance.connect();
  const rows = async (sql: string) => (await con.runAndReadAll(sql)).getRowObjectsJS();
  let cubeRows: number;
  const parts: DetailPart[] = [];
  try {
    await con.run(`ATTACH ${lit(fullDb)} AS src (READ_ONLY)`);
    const tables = new Set((await rows(`SELECT table_name FROM duckdb_tables() WHERE database_name = 'src'`)).map((r) => String(r.table_name)));
    for (const t of ['reports', 'metrics', 'meta']) if (!tables.has(t)) throw new Error(`${fullDb} has no ${t} table`);
    await con.run(`ATTACH ${lit(tmpIndex)} AS ix`);
    await con.run('CREATE TABLE ix.meta AS SELECT * FROM src.meta');
    // a file written before the cube existed gets one now, from its own metrics
    if (tables.has('cube')) await con.run('CREATE TABLE ix.cube AS SELECT * FROM src.cube');
    else await con.run(buildCubeSql({ source: 'src.metrics', target: 'ix.cube' }));
    cubeRows = Number((await rows('SELECT count(*)::INTEGER AS n FROM ix.cube'))[0].n);
    // what is loaded, for the landing's summary and agency × year grid (src/data/queries/coverage.ts);
    // one row per report, so only for datasets a grid can show (150k agencies × 7 years would add
    // ~1M rows to the file every first view downloads; the landing then reads no grid)
    const [{ n }] = await rows('SELECT count(*)::INTEGER AS n FROM src.reports');
    if (Number(n) <= COVERAGE_MAX_REPORTS) await con.run(coverageTableSql('src.reports', 'ix.coverage'));
    const codes = (await rows(`SELECT DISTINCT ${PART_EXPR} AS code FROM src.reports ORDER BY code`)).map((r) => String(r.code));
    for (const code of codes) {
      if (!/^(\d{2}|x)$/.test(code)) throw new Error(`unexpected part code ${code}`);
      const file = path.join(tmpDetail, `${code}.duckdb`);
      await con.run(`ATTACH ${lit(file)} AS d`);
      await con.run(`CREATE TABLE d.reports AS SELECT * FROM src.reports WHERE ${PART_EXPR} = ${lit(code)} ORDER BY report_id`);
      await con.run(`CREATE TABLE d.metrics AS SELECT * FROM src.metrics WHERE ${PART_EXPR} = ${lit(code)} ORDER BY report_id`);
      for (const t of ['facts', 'findings', 'checks'] as const) {
        if (tables.has(t)) await con.run(`CREATE TABLE d.${t} AS SELECT * FROM src.${t} WHERE report_id IN (SELECT report_id FROM d.reports)`);
      }
      const [{ reports, agencies }] = await rows('SELECT count(*)::INTEGER AS reports, count(DISTINCT agency)::INTEGER AS agencies FROM d.reports');
      await con.run('DETACH d');
      parts.push({ code, file: `detail/${code}.duckdb`, bytes: statSync(file).size, reports: Number(reports), agencies: Number(agencies) });
    }
    await con.run('CREATE TABLE ix.parts (code VARCHAR, file VARCHAR, bytes BIGINT, reports INTEGER, agencies INTEGER)');
    if (parts.length) await con.run(`INSERT INTO ix.parts VALUES ${parts.map((p) => `(${lit(p.code)}, ${lit(p.file)}, ${p.bytes}, ${p.reports}, ${p.agencies})`).join(', ')}`);
    await con.run('DETACH ix');
    await con.run('DETACH src');
  } catch (e) {
    // closed first, so DuckDB writes nothing more; the previous index and detail files (if any)
    // stay as they were, only the temporaries go
    con.closeSync();
    instance.closeSync();
    for (const f of [tmpIndex, `${tmpIndex}.wal`]) rmSync(f, { force: true });
    rmSync(tmpDetail, { recursive: true, force: true });
    throw e;
  }
  con.closeSync();
  instance.closeSync();
  const detail = path.join(outDir, 'detail');
  if (existsSync(detail)) rmSync(detail, { recursive: true, force: true });
  renameSync(tmpDetail, detail);
  renameSync(tmpIndex, path.join(outDir, 'index.duckdb'));
  await writeSnapshot(outDir);
  return { indexBytes: statSync(path.join(outDir, 'index.duckdb')).size, cubeRows, parts, ms: performance.now() - t0 };
}

/**
 * `<outDir>/snapshot.json`: the first views' query results (src/state/snapshot.ts), computed on the
 * files just written, attached as the browser attaches them (index as nb, every detail part), so
 * the first chart can be drawn before duckdb-wasm has started, with the same numbers.
 */
export async function writeSnapshot(outDir: string): Promise<Snapshot> {
  const instance = await DuckDBInstance.create(':memory:');
  const con = await instance.connect();
  const run = async (sql: string) => (await con.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
  const indexBytes = new Uint8Array(readFileSync(path.join(outDir, 'index.duckdb')));
  const snap: Snapshot = { v: SNAPSHOT_VERSION, index: { bytes: indexBytes.length, hash: fingerprint(indexBytes) }, queries: {} };
  try {
    await con.run(attachSql(path.join(outDir, 'index.duckdb')));
    const detail = path.join(outDir, 'detail');
    if (existsSync(detail)) {
      for (const f of readdirSync(detail).sort()) {
        const m = /^(\d{2}|x)\.duckdb$/.exec(f);
        if (m) await con.run(attachSql(path.join(detail, f), detailAlias(m[1])));
      }
    }
    const present = (await run(bundledTablesSql())).map((r) => ({ database: String(r.database), table: String(r.table) }) as BundledTable);
    for (const s of setupViewsSql(present)) await con.run(s);
    let chars = 0;
    await runFirstViews({
      async query<T>(q: Sql): Promise<T[]> {
        const sql = sqlOf(q);
        const rows = (await run(sql)).map(jsonRow);
        // a large result stays out (its view waits for DuckDB): the first chart's path parses this file
        const n = JSON.stringify(rows).length + sql.length;
        if (n <= SNAPSHOT_MAX_RESULT_CHARS && chars + n <= SNAPSHOT_MAX_CHARS) { snap.queries[sql] = rows; chars += n; }
        return rows as T[];
      },
    });
  } finally {
    con.closeSync();
    instance.closeSync();
  }
  const tmp = path.join(outDir, `${SNAPSHOT_FILE}.tmp`);
  writeFileSync(tmp, JSON.stringify(snap));
  renameSync(tmp, path.join(outDir, SNAPSHOT_FILE));
  return snap;
}

/** What the command writes itself; everything else in the folder is carried over unchanged. */
const OWN = new Set(['index.duckdb', 'index.duckdb.wal', 'index.duckdb.tmp', 'index.duckdb.tmp.wal', 'detail', 'detail.tmp', 'snapshot.json', 'snapshot.json.tmp']);

/** The folder's other entries into `staging`: files hard-linked (copied across devices), folders copied. */
function carryOver(dir: string, staging: string): void {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (OWN.has(e.name)) continue;
    const from = path.join(dir, e.name);
    const to = path.join(staging, e.name);
    if (e.isDirectory()) cpSync(from, to, { recursive: true });
    else if (e.isFile()) { try { linkSync(from, to); } catch { copyFileSync(from, to); } }
  }
}

/** `nianbao dashboard-files <dataset dir>`: (re)cut index.duckdb + detail/ from its nianbao.duckdb. */
export async function runDashboardFiles(argv: string[], io: { out(s: string): void; err(s: string): void }, opts: { hook?: OutputHook } = {}): Promise<number> {
  const hook = opts.hook ?? (() => {});
  const [dir] = argv;
  if (!dir || argv.length > 1 || dir.startsWith('-')) { io.err('usage: tsx src/cli/main.ts dashboard-files <dataset dir holding nianbao.duckdb>\n'); return 2; }
  const full = path.join(dir, 'nianbao.duckdb');
  try { recoverDir(dir); } catch (e) { io.err(`dashboard-files: ${describeOutputError(dir, e)}\n`); return 1; }
  if (!existsSync(full)) { io.err(`dashboard-files: ${full} not found\n`); return 1; }
  let staging: string | null = null;
  try {
    staging = createStaging(dir);
    carryOver(dir, staging);
    hook('staging-created');
    const r = await writeDashboardFiles(path.join(staging, 'nianbao.duckdb'), staging);
    hook('dashboard-files-written');
    swapIn(staging, dir, hook);
    staging = null;
    const detail = r.parts.reduce((s, p) => s + p.bytes, 0);
    io.out(`dashboard-files: index.duckdb ${(r.indexBytes / 1e6).toFixed(2)} MB (cube ${r.cubeRows} cells), ${r.parts.length} detail files ${(detail / 1e6).toFixed(1)} MB, ${(r.ms / 1000).toFixed(1)} s\n`);
    return 0;
  } catch (e) {
    if (staging) discardStaging(staging);
    io.err(`dashboard-files: ${describeOutputError(dir, e)}\n`);
    return 1;
  }
}
