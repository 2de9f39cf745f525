import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smallDatasetRunner, type NodeRunner } from '../helpers/duckdb-node';
import { childPrefixLength, runRegions } from '../../src/data/queries';

let db: NodeRunner;
beforeAll(async () => { db = await smallDatasetRunner(); });
afterAll(() => db?.close());

describe('regions (drill-down province → city → county)', () => {
  it('sums a metric per province and counts reports that have no region code', async () => {
    const { rows, unplaced } = await runRegions(db, { metric: 'new', year: 2024, parent: '' });
    const hunan = rows.find((r) => r.code === '43')!;
    expect(hunan).toMatchObject({ name: '湖南省', value: 33, n_reports: 1 });
    const [direct] = await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM reports WHERE year = 2024 AND region_code IS NULL`);
    expect(unplaced).toBe(direct!.n);
    expect(rows.reduce((s, r) => s + r.n_reports, 0) + unplaced).toBe(
      (await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM reports WHERE year = 2024`))[0]!.n);
  });

  it('drills from a province to its cities and from a city to its counties', async () => {
    const cities = await runRegions(db, { metric: 'new', year: 2024, parent: '43' });
    expect(cities.rows.map((r) => [r.code, r.name, r.value])).toEqual([['4303', '湘潭市', 33]]);
    const counties = await runRegions(db, { metric: 'review_total', year: 2024, parent: '4303' });
    expect(counties.rows.map((r) => [r.code, r.name, r.value])).toEqual([['430321', '湘潭县', 8]]);
  });

  it('gives rates with their numerator and denominator', async () => {
    const { rows } = await runRegions(db, { metric: 'correction_rate', year: 2024, parent: '4303' });
    expect(rows[0]).toMatchObject({ numerator: 4, denominator: 8, value: 0.5 });
  });

  it('refuses a parent that is not a 2- or 4-digit code (it reaches SQL)', () => {
    expect(() => childPrefixLength("43' OR 1=1")).toThrow();
    expect(childPrefixLength('')).toBe(2);
    expect(childPrefixLength('4303')).toBe(6);
  });
});
