// Where the first view's time goes at national scale, and what a pre-aggregated cube would save:
// runs the overview (14 headline metrics by year) three ways in native DuckDB with 1 thread (like
// duckdb-wasm, which is single-threaded without COOP/COEP) on the 150k first-view file written by
// bench/scale-dashboard.ts:
//   union   — src/data/queries overviewSql as shipped (one UNION ALL branch, i.e. one scan, per metric)
//   single  — the same aggregates (metricAggregates) in one scan, one column per metric
//   cube    — the same numbers from a cube grouped by (year, level, province, city, failing),
//             holding Σnum, Σden and counts per metric (docs/performance.md "Next steps" 1)
// and checks that single and cube return the same values as union. Prototype SQL, bench only.
// Usage: npx tsx bench/scale-overview-sql.ts [path/to/first-view.duckdb]
import { DuckDBInstance } from '@duckdb/node-api';
import { selectionPredicate, type Selection } from '../src/data/filters';
import { metricAggregates, requireMetric } from '../src/data/metric-catalog';
import { OVERVIEW_METRICS, overviewSql } from '../src/data/queries';

const file = process.argv[2] ?? 'synthetic/150k/first-view.duckdb';
const inst = await DuckDBInstance.create(':memory:');
const con = await inst.connect();
await con.run(`SET threads = 1`);
await con.run(`ATTACH '${file.replace(/'/g, "''")}' AS nb (READ_ONLY)`);
await con.run(`USE nb`);
const rows = async (sql: string) => (await con.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];

const ids = [...OVERVIEW_METRICS];
const defs = ids.map((id) => ({ id, m: requireMetric(id) }));

function singleSql(sel: Selection): string {
  const cols = defs.map(({ id, m }) => `${metricAggregates(m).value} AS "${id}"`);
  return `SELECT year, ${cols.join(', ')} FROM metrics WHERE ${selectionPredicate(sel)} AND year IS NOT NULL GROUP BY year ORDER BY year`;
}

// cube cells: Σnum, Σden (rates), count of reports with data, per metric
const cubeCols = defs.flatMap(({ id, m }) => {
  if (m.kind !== 'rate') return [`sum(${m.expr})::DOUBLE AS "${id}__num"`];
  const both = `(${m.expr}) IS NOT NULL AND (${m.denominator}) IS NOT NULL`;
  return [`sum(${m.expr}) FILTER (WHERE ${both})::DOUBLE AS "${id}__num"`, `sum(${m.denominator}) FILTER (WHERE ${both})::DOUBLE AS "${id}__den"`];
});
const t0 = performance.now();
await con.run(`CREATE TEMP TABLE cube AS SELECT year, level, substr(region_code, 1, 2) AS prov, substr(region_code, 1, 4) AS city,
  (coalesce(checks_failed, 0) > 0 OR status = 'failed') AS failing, dataset, count(*)::INTEGER AS n_reports, ${cubeCols.join(', ')}
  FROM metrics WHERE year IS NOT NULL GROUP BY ALL`);
const cubeMs = performance.now() - t0;
const [{ n }] = await rows(`SELECT count(*)::INTEGER n FROM cube`);

function cubeSql(sel: Selection): string {
  const where: string[] = ['TRUE'];
  if (sel.levels?.length) where.push(`level IN (${sel.levels.map((l) => `'${l.replace(/'/g, "''")}'`).join(', ')})`);
  if (sel.region) where.push(sel.region.length <= 2 ? `prov = '${sel.region}'` : `city = '${sel.region.slice(0, 4)}'`);
  if (sel.years) where.push(`year BETWEEN ${sel.years[0]} AND ${sel.years[1]}`);
  if (sel.excludeFailing) where.push('NOT failing');
  const cols = defs.map(({ id, m }) => m.kind === 'rate'
    ? `(sum("${id}__num") / NULLIF(sum("${id}__den"), 0))::DOUBLE AS "${id}"`
    : `sum("${id}__num")::DOUBLE AS "${id}"`);
  return `SELECT year, ${cols.join(', ')} FROM cube WHERE ${where.join(' AND ')} GROUP BY year ORDER BY year`;
}

async function time(sql: string): Promise<number> {
  await con.run(sql);
  const t = performance.now();
  for (let i = 0; i < 3; i++) await con.run(sql);
  return (performance.now() - t) / 3;
}

console.log(`${file}: cube built in ${cubeMs.toFixed(0)} ms, ${n} rows`);
console.log('selection | union ms | single scan ms | cube ms | single = union | cube = union');
const sels: Selection[] = [{}, { region: '43' }, { region: '4301' }, { region: '43', levels: ['county'] }, { levels: ['department'], years: [2021, 2025] }, { region: '44', excludeFailing: true }];
for (const sel of sels) {
  const u = await rows(overviewSql({ selection: sel }));
  const byKey = new Map(u.map((r) => [`${r.metric}|${r.year}`, r.value === null ? null : Number(r.value)]));
  const same = (rs: Record<string, unknown>[]) => rs.every((r) => ids.every((id) => {
    const a = byKey.get(`${id}|${r.year}`) ?? null;
    const b = r[id] === null ? null : Number(r[id]);
    return a === null || b === null ? a === b : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
  }));
  const s = await rows(singleSql(sel));
  const c = await rows(cubeSql(sel));
  console.log(`${JSON.stringify(sel)} | ${(await time(overviewSql({ selection: sel }))).toFixed(0)} | ${(await time(singleSql(sel))).toFixed(0)} | ${(await time(cubeSql(sel))).toFixed(1)} | ${same(s)} | ${same(c)}`);
}
con.closeSync();
inst.closeSync();
