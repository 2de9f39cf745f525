// Benchmark: the data layer in native DuckDB (same v1.4.3 as duckdb-wasm) at 1k / 10k / 150k
// reports. Facts are the real 湘潭县 2024 fact set (test/fixtures/dataset-small) replicated per
// report with jittered values, so `buildMetricsSql` sees the real fact count per report (~230).
// Prints: build time of `metrics`, then each dashboard query builder (median of 5 warm runs).
// Run: npx tsx bench/data-queries.ts [sizes, e.g. 1000,10000,150000]
import { performance } from 'node:perf_hooks';
import { createNodeRunner, loadCsvDataset } from '../test/helpers/duckdb-node';
import { buildMetricsSql } from '../src/data/metrics';
import type { Query } from '../src/data/query-runner';
import {
  agenciesSql, appealsSql, compareQuantilesSql, compareSql, outcomeGroupsSql, overviewSql, qualityReportsSql, sankeySql, trendsSql,
} from '../src/data/queries';

const sizes = (process.argv[2] ?? '1000,10000,150000').split(',').map(Number);

async function main() {
  for (const n of sizes) {
    const db = await createNodeRunner();
    await loadCsvDataset(db); // small dataset: typed tables
    const years = 6;
    const agencies = Math.ceil(n / years);
    // n reports = agencies × 6 years (2019–2024); SYNTHETIC names, levels and region codes
    await db.run(`CREATE TABLE tpl AS SELECT * FROM facts WHERE report_id = '2024_xiangtanxian_zfbgs'`);
    await db.run(`DELETE FROM facts; DELETE FROM reports; DELETE FROM checks; DELETE FROM findings`);
    await db.run(`INSERT INTO reports (report_id, source_file, agency, year, template, level, region_code, province, region_status, format, status, finding_count, fact_count, checks_failed, dataset)
      SELECT 'r' || i, 'synthetic', 'SYNTHETIC机构' || (i // ${years}), 2019 + (i % ${years}), CASE WHEN i % ${years} < 2 THEN '2019' ELSE '2021' END,
        ['county','city','department','township'][1 + (i // ${years}) % 4], (110000 + (i // ${years}) % 3000)::VARCHAR, 'SYNTHETIC', 'resolved', 'txt',
        CASE WHEN i % 37 = 0 THEN 'findings' ELSE 'ok' END, 0, 230, CASE WHEN i % 37 = 0 THEN 1 ELSE 0 END, 'synthetic'
      FROM range(${agencies * years}) t(i)`);
    const t0 = performance.now();
    await db.run(`INSERT INTO facts SELECT 'r' || i, "table", item, "column",
        CASE WHEN value IS NULL OR hash(i, item, "column") % 50 = 0 THEN NULL ELSE value + (hash(i, item) % 7) END,
        raw, derived, row_label, column_label, unit, location
      FROM range(${agencies * years}) t(i), tpl`);
    const tFacts = performance.now() - t0;
    const [{ nf }] = await db.query<{ nf: bigint }>('SELECT count(*) AS nf FROM facts');
    const t1 = performance.now();
    await db.run(buildMetricsSql());
    const tMetrics = performance.now() - t1;
    console.log(`\n${agencies * years} reports, ${Number(nf).toLocaleString('en')} facts (generated in ${tFacts.toFixed(0)} ms)`);
    console.log(`  buildMetricsSql (CREATE TABLE metrics): ${tMetrics.toFixed(0)} ms`);
    const sel = { levels: ['county'] };
    const queries: Record<string, Query> = {
      'overview (all)': overviewSql(),
      'overview (level=county)': overviewSql({ selection: sel }),
      'trends, 3 agencies': trendsSql({ selection: { agencies: ['SYNTHETIC机构1', 'SYNTHETIC机构2', 'SYNTHETIC机构3'] }, metrics: ['new', 'granted_rate'], mode: 'agency' }),
      'compare top 20 (new, 2024)': compareSql({ metric: 'new', year: 2024, limit: 20 }),
      'compare quantiles (correction_rate)': compareQuantilesSql({ metric: 'correction_rate', year: 2024 }),
      'outcome groups by year': outcomeGroupsSql({ by: 'year' }),
      'sankey': sankeySql(),
      'appeals by year': appealsSql({ by: 'year' }),
      'agencies search "机构12"': agenciesSql({ search: '机构12', limit: 50 }),
      'quality reports (region 1100)': qualityReportsSql({ selection: { region: '1100' } }),
    };
    for (const [name, sql] of Object.entries(queries)) {
      const times: number[] = [];
      for (let k = 0; k < 6; k++) {
        const t = performance.now();
        await db.query(sql);
        if (k > 0) times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      console.log(`  ${name.padEnd(38)} median ${times[2].toFixed(1)} ms`);
    }
    db.close();
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
