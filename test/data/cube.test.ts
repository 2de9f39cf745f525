// The cube must give exactly the numbers a scan of per-report `metrics` gives, for every query that
// routes to it and every kind of selection — on the real reports (with a duplicated, failing report
// added so the agency count and the failing split are exercised) and on the synthetic generator's
// output (regions, levels, ~3% failing reports).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createNodeRunner, smallDatasetRunner, type NodeRunner } from '../helpers/duckdb-node';
import { parseReport } from '../../src/parse/parse-report';
import { toDataset } from '../../src/dataset';
import { createTableSql, DATASET_TABLE_NAMES } from '../../src/data/schema';
import { insertRowsSql } from '../../src/data/insert';
import { buildMetricsSql, emptyMetricsSql } from '../../src/data/metrics';
import { aggregatorFor, buildCubeSql, CUBE_RAW_COLUMNS, emptyCubeSql } from '../../src/data/cube';
import { METRICS } from '../../src/data/metric-catalog';
import type { Selection } from '../../src/data/filters';
import { str } from '../../src/data/sql';
import type { Query } from '../../src/data/query-runner';
import {
  aggregateSql, appealsSql, applicantTypesSql, outcomeGroupsSql, overviewSql, reasonsSql, regionsSql, sankeySql, unplacedSql, yearsSql,
} from '../../src/data/queries';
import { writeSynthetic } from '../../src/cli/synth';

const DATA = path.resolve(import.meta.dirname, '../../data');
const ALL_METRICS = METRICS.map((m) => m.id);

type Row = Record<string, unknown>;
/** Equal rows; numbers equal up to summation-order rounding (money sums). */
function expectSame(cube: Row[], scan: Row[], label: string): void {
  expect(cube.length, label).toBe(scan.length);
  cube.forEach((c, i) => {
    const s = scan[i];
    expect(Object.keys(c).sort(), label).toEqual(Object.keys(s).sort());
    for (const k of Object.keys(s)) {
      const a = c[k], b = s[k];
      if (typeof a === 'number' && typeof b === 'number') {
        expect(Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)), `${label}: row ${i} ${k}: cube ${a} vs scan ${b}`).toBe(true);
      } else {
        expect(a, `${label}: row ${i} ${k}`).toEqual(b);
      }
    }
  });
}

/** Every cube-routed query for a selection, run both ways. */
async function compareAll(db: NodeRunner, sel: Selection, years: number[], parents: string[]): Promise<number> {
  let n = 0;
  const both = async (label: string, build: (source: 'metrics' | 'cube') => Query) => {
    const [c, s] = [await db.query(build('cube')), await db.query(build('metrics'))];
    expectSame(c, s, `${label} ${JSON.stringify(sel)}`);
    n += s.length;
  };
  await both('overview', (source) => overviewSql({ selection: sel, metrics: ALL_METRICS, source }));
  for (const by of ['year', 'none'] as const) {
    await both(`aggregate by ${by}`, (source) => aggregateSql({ selection: sel, metrics: ALL_METRICS, by, source }));
  }
  for (const by of ['year', 'total'] as const) {
    await both(`outcome groups ${by}`, (source) => outcomeGroupsSql({ selection: sel, by, source }));
    await both(`reasons ${by}`, (source) => reasonsSql({ selection: sel, by, source }));
    await both(`applicants ${by}`, (source) => applicantTypesSql({ selection: sel, by, source }));
    await both(`appeals ${by}`, (source) => appealsSql({ selection: sel, by, source }));
  }
  await both('sankey', (source) => sankeySql({ selection: sel, source }));
  await both('years', (source) => yearsSql({ selection: sel, source }));
  for (const year of years) {
    await both(`unplaced ${year}`, (source) => unplacedSql({ selection: sel, metric: 'new', year, source }));
    for (const parent of parents.filter((x) => x.length < 4)) { // a city's counties are below the cube's grain
      for (const metric of ['new', 'granted_rate', 'correction_rate', 'fees_amount']) {
        await both(`regions ${parent} ${metric} ${year}`, (source) => regionsSql({ selection: sel, metric, year, parent, source }));
      }
    }
  }
  return n;
}

describe('cube routing', () => {
  it('uses the cube unless agencies are named or a column is not in it', () => {
    expect(aggregatorFor({}).source).toBe('cube');
    expect(aggregatorFor({ region: '43', levels: ['county'], years: [2020, 2022], excludeFailing: true, source: 'imported' }).source).toBe('cube');
    expect(aggregatorFor({ agencies: ['某局'] }).source).toBe('metrics');
    expect(aggregatorFor({ region: '4303' }).source).toBe('cube');
    expect(aggregatorFor({ region: '430321' }).source).toBe('metrics'); // counties: below the grain
    expect(regionsSql({ metric: 'new', year: 2024, parent: '43' })).toMatchObject({ sql: expect.stringMatching(/FROM cube/), reads: ['cube'] });
    expect(regionsSql({ metric: 'new', year: 2024, parent: '4303' })).toMatchObject({ sql: expect.stringMatching(/FROM metrics/), reads: ['metrics'] });
    expect(() => regionsSql({ metric: 'new', year: 2024, parent: '4303', source: 'cube' })).toThrow(/cities/);
    expect(() => overviewSql({ selection: { region: '430321' }, source: 'cube' })).toThrow(/cities/);
    expect(aggregatorFor({}, ['requests__new__natural']).source).toBe('cube');
    expect(aggregatorFor({}, ['active__fees__amount']).source).toBe('metrics');
    expect(CUBE_RAW_COLUMNS.length).toBeGreaterThan(60);
    // the default SQL of the headline query reads the cube; with an agency it reads metrics
    expect(overviewSql({})).toMatchObject({ sql: expect.stringMatching(/FROM cube/), reads: ['cube'] });
    expect(overviewSql({ selection: { agencies: ['某局'] } })).toMatchObject({ sql: expect.stringMatching(/FROM metrics/), reads: ['metrics'] });
  });
});

describe('empty stand-ins created at start-up', () => {
  it('have exactly the columns and types of the built metrics and cube tables', async () => {
    const db = await smallDatasetRunner();
    await db.run(emptyCubeSql('empty_cube'));
    await db.run(emptyMetricsSql('empty_metrics'));
    const cols = async (t: string) => (await db.query<{ column_name: string; column_type: string }>(`DESCRIBE ${t}`)).map((r) => [r.column_name, r.column_type]);
    expect(await cols('empty_cube')).toEqual(await cols('cube'));
    expect(await cols('empty_metrics')).toEqual(await cols('metrics'));
    expect((await cols('cube')).length).toBeGreaterThan(200);
    db.close();
  });
});

describe('cube = scan of metrics, real reports', () => {
  let db: NodeRunner;
  beforeAll(async () => {
    const files = readdirSync(path.join(DATA, 'reports')).filter((f) => f.endsWith('.txt')).sort();
    const parsed = [];
    for (const f of files) parsed.push(await parseReport({ sourceFile: `reports/${f}`, text: readFileSync(path.join(DATA, 'reports', f), 'utf8') }));
    const ds = toDataset(parsed, { kind: 'real' });
    db = await createNodeRunner();
    for (const t of DATASET_TABLE_NAMES) await db.run(createTableSql(t));
    for (const t of ['reports', 'facts', 'findings', 'checks'] as const) for (const s of insertRowsSql(t, ds[t])) await db.run(s);
    await db.run(buildMetricsSql());
    // A second, failing report of an agency in a year it already has a clean one (a republished
    // report): the agency must still count once, and once without it under excludeFailing.
    const [one] = await db.query<{ report_id: string }>(`SELECT report_id FROM metrics WHERE region_code LIKE '4303%' AND year = 2024 AND coalesce(checks_failed, 0) = 0 AND status = 'ok' ORDER BY report_id LIMIT 1`);
    expect(one).toBeDefined();
    await db.run(`INSERT INTO metrics SELECT * REPLACE (report_id || '_dup' AS report_id, 2 AS checks_failed) FROM metrics WHERE report_id = ${str(one.report_id)}`);
    await db.run(buildCubeSql());
  });
  afterAll(() => db?.close());

  it('has fewer cells than reports and holds every report', async () => {
    const [{ cells, reports }] = await db.query<{ cells: number; reports: number }>('SELECT count(*)::INTEGER AS cells, sum(n_reports)::INTEGER AS reports FROM cube');
    const [{ n }] = await db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM metrics');
    expect(reports).toBe(n);
    expect(cells).toBeLessThanOrEqual(n);
  });

  const selections: Selection[] = [
    {}, { region: '43' }, { region: '4303' }, { levels: ['county'] }, { years: [2022, 2024] }, { excludeFailing: true },
    { source: 'bundled' }, { source: 'imported' }, { region: '35', excludeFailing: true, years: [2019, 2025] },
  ];
  for (const sel of selections) {
    it(`answers ${JSON.stringify(sel)} exactly like the scan`, async () => {
      expect(await compareAll(db, sel, [2022, 2023, 2024], ['', '43', '4303', '35'])).toBeGreaterThan(0);
    });
  }
});

describe('cube = scan of metrics, synthetic generator output', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'nb-cube-'));
  let db: NodeRunner;
  beforeAll(async () => {
    await writeSynthetic({ agencies: 300, years: [2021, 2022, 2023], seed: 'cube', out: dir, detailAgencies: 0, batch: 100 });
    db = await createNodeRunner();
    await db.run(`ATTACH ${str(path.join(dir, 'nianbao.duckdb'))} AS nb (READ_ONLY)`);
    await db.run('CREATE VIEW metrics AS SELECT * FROM nb.metrics');
    await db.run('CREATE VIEW cube AS SELECT * FROM nb.cube');
  }, 120_000);
  afterAll(() => { db?.close(); rmSync(dir, { recursive: true, force: true }); });

  it('ships a cube identical to buildCubeSql over its metrics', async () => {
    await db.run(buildCubeSql({ source: 'nb.metrics', target: 'rebuilt' }));
    const diff = await db.query('(SELECT * FROM nb.cube EXCEPT ALL SELECT * FROM rebuilt) UNION ALL (SELECT * FROM rebuilt EXCEPT ALL SELECT * FROM nb.cube)');
    expect(diff).toEqual([]);
  });

  it('has failing reports and several levels to split on', async () => {
    const [{ failing, levels }] = await db.query<{ failing: number; levels: number }>('SELECT sum(n_reports) FILTER (WHERE failing)::INTEGER AS failing, count(DISTINCT level)::INTEGER AS levels FROM cube');
    expect(failing).toBeGreaterThan(0);
    expect(levels).toBeGreaterThan(2);
  });

  it('answers every selection exactly like the scan', async () => {
    const [{ p, c }] = await db.query<{ p: string; c: string }>(`SELECT substr(region_code, 1, 2) AS p, substr(region_code, 1, 4) AS c FROM metrics WHERE region_code IS NOT NULL GROUP BY ALL ORDER BY count(*) DESC LIMIT 1`);
    const sels: Selection[] = [{}, { region: p }, { region: c, excludeFailing: true }, { levels: ['county', 'township'], years: [2022, 2023] }, { excludeFailing: true }];
    for (const sel of sels) expect(await compareAll(db, sel, [2022], ['', p, c])).toBeGreaterThan(0);
  }, 120_000);
});
