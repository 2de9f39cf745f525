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
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { buildCubeSql } from '../data/cube';
import type { DetailPart } from '../data/detail';
import { describeOutputError, recoverDir } from './atomic-dir';

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
  return { indexBytes: statSync(path.join(outDir, 'index.duckdb')).size, cubeRows, parts, ms: performance.now() - t0 };
}

/** `nianbao dashboard-files <dataset dir>`: (re)cut index.duckdb + detail/ from its nianbao.duckdb. */
export async function runDashboardFiles(argv: string[], io: { out(s: string): void; err(s: string): void }): Promise<number> {
  const [dir] = argv;
  if (!dir || argv.length > 1 || dir.startsWith('-')) { io.err('usage: tsx src/cli/main.ts dashboard-files <dataset dir holding nianbao.duckdb>\n'); return 2; }
  const full = path.join(dir, 'nianbao.duckdb');
  try { recoverDir(dir); } catch (e) { io.err(`dashboard-files: ${describeOutputError(dir, e)}\n`); return 1; }
  if (!existsSync(full)) { io.err(`dashboard-files: ${full} not found\n`); return 1; }
  try {
    const r = await writeDashboardFiles(full, dir);
    const detail = r.parts.reduce((s, p) => s + p.bytes, 0);
    io.out(`dashboard-files: index.duckdb ${(r.indexBytes / 1e6).toFixed(2)} MB (cube ${r.cubeRows} cells), ${r.parts.length} detail files ${(detail / 1e6).toFixed(1)} MB, ${(r.ms / 1000).toFixed(1)} s\n`);
    return 0;
  } catch (e) {
    io.err(`dashboard-files: ${describeOutputError(dir, e)}\n`);
    return 1;
  }
}
