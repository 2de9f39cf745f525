import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smallDatasetRunner, type NodeRunner } from '../helpers/duckdb-node';
import { METRICS, getMetric, requireMetric } from '../../src/data/metric-catalog';
import { runAggregate } from '../../src/data/queries';

let db: NodeRunner;
beforeAll(async () => { db = await smallDatasetRunner(); });
afterAll(() => db?.close());

describe('metric catalog', () => {
  it('has unique ids, both labels, and a denominator for every rate', () => {
    expect(new Set(METRICS.map((m) => m.id)).size).toBe(METRICS.length);
    for (const m of METRICS) {
      expect(m.zh && m.en).toBeTruthy();
      if (m.kind === 'rate') expect(m.denominator && m.denominatorZh && m.denominatorEn).toBeTruthy();
    }
  });

  it('runs every metric over the real metrics table without error', async () => {
    const rows = await runAggregate(db, { metrics: METRICS.map((m) => m.id), by: 'year' });
    expect(new Set(rows.map((r) => r.metric)).size).toBe(METRICS.length);
  });

  it('computes 湘潭县 natural_share as 26/33 and disclosed_rate as (11+13)/33', async () => {
    const rows = await runAggregate(db, { metrics: ['natural_share', 'disclosed_rate'], by: 'none', selection: { agencies: ['湘潭县人民政府办公室'] } });
    const by = Object.fromEntries(rows.map((r) => [r.metric, r]));
    expect([by.natural_share.numerator, by.natural_share.denominator]).toEqual([26, 33]);
    expect([by.disclosed_rate.numerator, by.disclosed_rate.denominator]).toEqual([24, 33]);
  });

  it('does not look up ids from untrusted input as anything but a key', () => {
    expect(getMetric('__proto__')).toBeUndefined();
    expect(() => requireMetric("x' OR 1=1")).toThrow(/unknown metric/);
  });
});
