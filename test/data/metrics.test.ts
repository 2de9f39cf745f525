import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smallDatasetRunner, type NodeRunner } from '../helpers/duckdb-node';
import { METRIC_COLUMNS, buildMetricsSql, metricColumn } from '../../src/data/metrics';

let db: NodeRunner;
beforeAll(async () => { db = await smallDatasetRunner(); });
afterAll(() => db?.close());

async function row(id: string) {
  const [r] = await db.query(`SELECT * FROM metrics WHERE report_id = '${id}'`);
  return r;
}

describe('buildMetricsSql', () => {
  it('builds one row per report, also for a failed parse without facts', async () => {
    const [{ n }] = await db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM metrics');
    expect(n).toBe(8);
    const failed = await row('synthetic_failed');
    expect(failed.status).toBe('failed');
    expect(failed.requests__new__total).toBeNull();
  });

  it('carries the printed numbers of 湘潭县 2024 into named columns', async () => {
    const x = await row('2024_xiangtanxian_zfbgs');
    expect(x.agency).toBe('湘潭县人民政府办公室');
    expect(x.year).toBe(2024);
    expect(x.requests__new__total).toBe(33);
    expect(x.requests__new__natural).toBe(26);
    expect(x.requests__new__commercial).toBe(7);
    expect(x.requests__carried_over__total).toBe(2);
    expect(x.requests__denied_total__commercial).toBe(2);
    expect(x.appeals__review__corrected).toBe(4);
    expect(x.appeals__review__total).toBe(8);
    expect(x.appeals__review__pending).toBe(0);
  });

  it('keeps a blank cell blank (NULL), never 0, and an absent cell NULL', async () => {
    const b = await row('synthetic_blank_2024');
    expect(b.requests__carried_over__total).toBeNull();
    expect(b.requests__granted__total).toBeNull();
    expect(b.appeals__review__total).toBeNull();
    expect(b.requests__new__total).toBe(5);
    const p22 = await row('2022_pingtan_zhqsyq');
    expect(p22.appeals__review__pending).toBeNull();
  });

  it('converts money printed in 元 to 万元 so a column means one thing', async () => {
    expect((await row('synthetic_hostile_2024')).active__fees__amount).toBe(25.1);
    expect((await row('2024_xiangtanxian_zfbgs')).active__fees__amount).toBe(0);
  });

  it('generates every canonical column, including derived items and 2019/legacy keys', () => {
    const names = METRIC_COLUMNS.map((c) => c.name);
    expect(names).toContain('requests__other_total__total');
    expect(names).toContain('appeals__suit_after_review__pending');
    expect(names).toContain('active__licensing__prior_count');
    expect(names).toContain('legacy__review__total');
    expect(new Set(names).size).toBe(names.length);
    expect(metricColumn('requests', 'new', 'total')).toBe('requests__new__total');
  });

  it('creates every column even when no report has such a fact (legacy keys here)', async () => {
    const [r] = await db.query('SELECT count("legacy__review__total")::INTEGER AS n, count(*)::INTEGER AS all FROM metrics');
    expect(r).toEqual({ n: 0, all: 8 });
  });

  it('gives NULL for a cell with two disagreeing facts instead of guessing, and keeps agreeing duplicates', async () => {
    await db.run('CREATE SCHEMA IF NOT EXISTS dup');
    await db.run("CREATE OR REPLACE TABLE dup.reports AS SELECT * FROM reports WHERE report_id = '2024_xiangtanxian_zfbgs'");
    await db.run(`CREATE OR REPLACE TABLE dup.facts AS SELECT * FROM facts WHERE report_id = '2024_xiangtanxian_zfbgs'
      UNION ALL SELECT * REPLACE (value + 1 AS value) FROM facts WHERE report_id = '2024_xiangtanxian_zfbgs' AND item = 'new' AND "column" = 'total'
      UNION ALL SELECT * FROM facts WHERE report_id = '2024_xiangtanxian_zfbgs' AND item = 'new' AND "column" = 'natural'`);
    await db.run(buildMetricsSql({ source: 'dup', target: 'dup.metrics' }));
    const [r] = await db.query('SELECT requests__new__total AS t, requests__new__natural AS n, requests__granted__total AS g FROM dup.metrics');
    expect(r).toEqual({ t: null, n: 26, g: 11 });
  });

  it('reads from another schema and writes a qualified target', async () => {
    await db.run('CREATE SCHEMA IF NOT EXISTS imp');
    await db.run('CREATE OR REPLACE TABLE imp.reports AS SELECT * FROM reports WHERE report_id = \'2024_pingtan_zhqsyq\'');
    await db.run('CREATE OR REPLACE TABLE imp.facts AS SELECT * FROM facts');
    await db.run(buildMetricsSql({ source: 'imp', target: 'imp.metrics' }));
    const rows = await db.query('SELECT report_id, requests__new__total AS n FROM imp.metrics');
    expect(rows).toEqual([{ report_id: '2024_pingtan_zhqsyq', n: 218 }]);
  });
});
