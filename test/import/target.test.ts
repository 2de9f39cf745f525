import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertRowsSql } from '../../src/data/insert';
import { setupViewsSql } from '../../src/data/load-dataset';
import { runAggregate } from '../../src/data/queries';
import { createTableSql, DATASET_TABLE_NAMES } from '../../src/data/schema';
import { parseReport } from '../../src/parse/parse-report';
import { parsedToDataset } from '../../src/ui/import/to-dataset';
import { targetFromRunner } from '../../src/ui/import/target';
import { createNodeRunner, type NodeRunner } from '../helpers/duckdb-node';

const parse = async (f: string) => parseReport({ sourceFile: f, text: readFileSync(`data/reports/${f}`, 'utf8') });
let r: NodeRunner;

// Bundled = 平潭 2024 in schema nb (as the browser has it after ATTACH … AS nb), views as the app sets them up.
beforeAll(async () => {
  r = await createNodeRunner();
  await r.run('CREATE SCHEMA nb');
  for (const t of DATASET_TABLE_NAMES) await r.run(createTableSql(t, { schema: 'nb' }));
  const bundled = parsedToDataset([await parse('2024_pingtan_zhqsyq.txt')]);
  for (const s of insertRowsSql('reports', bundled.reports, { schema: 'nb' })) await r.run(s);
  for (const s of insertRowsSql('facts', bundled.facts, { schema: 'nb' })) await r.run(s);
  for (const s of setupViewsSql([...DATASET_TABLE_NAMES])) await r.run(s);
});
afterAll(() => r.close());

const newByAgency = async () => Object.fromEntries((await runAggregate(r, { metrics: ['new'], by: 'agency_year' })).map((x) => [`${x.agency} ${x.year}`, x.value]));

describe('import target over a QueryRunner', () => {
  it('adds an imported report to the same views the dashboard queries, marked imported', async () => {
    const t = targetFromRunner(r);
    await t.importDataset(parsedToDataset([await parse('2024_xiangtanxian_zfbgs.txt')]));
    expect(await newByAgency()).toEqual({ '平潭综合实验区 2024': 218, '湘潭县人民政府办公室 2024': 33 });
    const marks = await r.query<{ agency: string; dataset: string }>('SELECT agency, dataset FROM reports ORDER BY agency');
    expect(marks.map((m) => m.dataset)).toEqual(['real', 'imported']);
  });

  it('switches every view between bundled only, imported only and both', async () => {
    const t = targetFromRunner(r);
    await t.setSource('bundled');
    expect(await newByAgency()).toEqual({ '平潭综合实验区 2024': 218 });
    expect((await r.query('SELECT * FROM facts WHERE report_id = \'2024_xiangtanxian_zfbgs\'')).length).toBe(0);
    await t.setSource('imported');
    expect(await newByAgency()).toEqual({ '湘潭县人民政府办公室 2024': 33 });
    await t.setSource('both');
    expect(Object.keys(await newByAgency())).toHaveLength(2);
  });

  it('clears imported rows and leaves the bundled ones', async () => {
    await targetFromRunner(r).clearImported();
    expect(await newByAgency()).toEqual({ '平潭综合实验区 2024': 218 });
  });

  it('slices inserted with rebuild: false are derived once, with the last slice', async () => {
    // the 45 MB CSV rebuilt metrics + cube after each of ~15 slices (bench/import.ts: 67–80 s)
    const t = targetFromRunner(r);
    const metricsRows = async () => (await r.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM imp.metrics'))[0].n;
    await t.importDataset(parsedToDataset([await parse('2024_xiangtanxian_zfbgs.txt')]), { rebuild: false });
    expect(await r.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM imp.facts')).not.toEqual([{ n: 0 }]);
    expect(await metricsRows()).toBe(0);
    expect(await newByAgency()).toEqual({ '平潭综合实验区 2024': 218 });
    await t.importDataset(parsedToDataset([await parse('2020_pingtan_zhqsyq.txt')]));
    expect(await metricsRows()).toBe(2);
    const got = await newByAgency();
    expect(got['湘潭县人民政府办公室 2024']).toBe(33);
    expect(Object.keys(got)).toHaveLength(3);
    await t.clearImported();
    expect(await newByAgency()).toEqual({ '平潭综合实验区 2024': 218 });
  });
});

describe('report ids of imports', () => {
  it('finds ids the database already has so an import of the same file gets its own id', async () => {
    const t = targetFromRunner(r);
    expect(await t.existingIds(['2024_pingtan_zhqsyq', 'nope'])).toEqual(['2024_pingtan_zhqsyq']);
    expect(await t.existingIds([])).toEqual([]);
  });
});

describe('source switch when the bundled file has its own metrics table', () => {
  it('reads bundled metrics from nb.metrics, not an in-memory copy', async () => {
    const { buildMetricsSql } = await import('../../src/data/metrics');
    const r2 = await createNodeRunner();
    await r2.run('CREATE SCHEMA nb');
    for (const t of DATASET_TABLE_NAMES) await r2.run(createTableSql(t, { schema: 'nb' }));
    const bundled = parsedToDataset([await parse('2022_pingtan_zhqsyq.txt')]);
    for (const s of insertRowsSql('reports', bundled.reports, { schema: 'nb' })) await r2.run(s);
    for (const s of insertRowsSql('facts', bundled.facts, { schema: 'nb' })) await r2.run(s);
    await r2.run(buildMetricsSql({ source: 'nb', target: 'nb.metrics' }));
    for (const s of setupViewsSql([...DATASET_TABLE_NAMES, 'metrics'])) await r2.run(s);
    const t = targetFromRunner(r2);
    await t.importDataset(parsedToDataset([await parse('2024_xiangtanxian_zfbgs.txt')]));
    await t.setSource('bundled');
    const rows = await runAggregate(r2, { metrics: ['new'], by: 'agency_year' });
    expect(rows.map((x) => [x.agency, x.year, x.value])).toEqual([['平潭综合实验区', 2022, 74]]); // truth.csv
    expect(await r2.query(`SELECT * FROM duckdb_views() WHERE view_name = 'metrics' AND sql LIKE '%bundled_metrics%'`)).toEqual([]);
    r2.close();
  });
});
