// Where the first view's time goes at national scale: the overview SQL of src/data/queries run in
// native DuckDB with 1 thread (as duckdb-wasm runs here) on a synthetic dataset folder, both ways:
//   metrics — the per-report path (one scan of `metrics`, 1 row per report: agency and county views)
//   cube    — what the dashboard ships: one scan of the `cube` in index.duckdb (src/data/cube.ts)
// and checks that both return the same rows. Mean of 3 warm runs.
// Usage: npx tsx bench/scale-overview-sql.ts [synthetic/150k]   (needs nianbao.duckdb + index.duckdb)
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Selection } from '../src/data/filters';
import { overviewSql } from '../src/data/queries';

const dir = process.argv[2] ?? 'synthetic/150k';
const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
const inst = await DuckDBInstance.create(':memory:');
const con = await inst.connect();
await con.run('SET threads = 1');
await con.run(`ATTACH ${lit(path.join(dir, 'nianbao.duckdb'))} AS nb (READ_ONLY)`);
await con.run(`ATTACH ${lit(path.join(dir, 'index.duckdb'))} AS ix (READ_ONLY)`);
await con.run('CREATE VIEW metrics AS SELECT * FROM nb.metrics');
await con.run('CREATE VIEW cube AS SELECT * FROM ix.cube');
const rows = async (sql: string) => (await con.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
const [{ reports }] = await rows('SELECT count(*)::INTEGER AS reports FROM metrics');
const [{ cells }] = await rows('SELECT count(*)::INTEGER AS cells FROM cube');

async function time(sql: string): Promise<number> {
  await con.run(sql);
  const t = performance.now();
  for (let i = 0; i < 3; i++) await con.run(sql);
  return (performance.now() - t) / 3;
}
const close = (a: unknown, b: unknown) => (typeof a === 'number' && typeof b === 'number' ? Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a)) : JSON.stringify(a) === JSON.stringify(b));
const same = (x: Record<string, unknown>[], y: Record<string, unknown>[]) => x.length === y.length && x.every((r, i) => Object.keys(r).every((k) => close(r[k], y[i][k])));

console.log(`${dir}: metrics ${reports} rows, cube ${cells} cells`);
console.log('| selection | metrics scan ms | cube ms | same rows |');
console.log('|---|---|---|---|');
const sels: Selection[] = [{}, { region: '43' }, { region: '4301' }, { region: '43', levels: ['county'] }, { levels: ['department'], years: [2021, 2025] }, { region: '44', excludeFailing: true }];
for (const sel of sels) {
  const m = overviewSql({ selection: sel, source: 'metrics' }).sql;
  const c = overviewSql({ selection: sel, source: 'cube' }).sql;
  console.log(`| ${JSON.stringify(sel)} | ${(await time(m)).toFixed(0)} | ${(await time(c)).toFixed(1)} | ${same(await rows(m), await rows(c)) ? 'yes' : 'NO'} |`);
}
con.closeSync();
inst.closeSync();
