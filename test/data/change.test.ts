// The change table on dataset-small (real 平潭 2022/2024 and 湘潭县 2024 cells, synthetic rows):
// like-for-like sets, the figures equal the trends builder's for the same agencies, missing
// agencies listed, and nothing counted that is not in both years.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smallDatasetRunner, type NodeRunner } from '../helpers/duckdb-node';
import { changeSql, runChange, runChangeSet, runTrends } from '../../src/data/queries';
import { METRICS } from '../../src/data/metric-catalog';

const PT = '平潭综合实验区';
let db: NodeRunner;
beforeAll(async () => { db = await smallDatasetRunner(); });
afterAll(() => db?.close());

describe('change table', () => {
  it('2022 → 2024 compares only 平潭 (the one agency in both years) and lists the others', async () => {
    const set = await runChangeSet(db, { start: 2022, end: 2024 });
    expect(set.both).toBe(1);
    expect(set.missing.map((m) => m.agency)).toContain('湘潭县人民政府办公室');
    expect(set.missing.every((m) => m.year === 2024)).toBe(true);
    const rows = await runChange(db, { start: 2022, end: 2024 });
    const nw = rows.find((r) => r.metric === 'new')!;
    // 平潭 prints 74 new requests for 2022 and 218 for 2024; 湘潭县's 33 (2024 only) is not counted
    expect(nw).toMatchObject({ agencies: 1, start_value: 74, end_value: 218, change: 144 });
    expect(nw.relative).toBeCloseTo(144 / 74, 10);
  });

  it('equals the trends builder for the same agency at both years, for every metric', async () => {
    const rows = await runChange(db, { start: 2022, end: 2024, selection: { agencies: [PT] } });
    expect(rows.map((r) => r.metric)).toEqual(METRICS.map((m) => m.id));
    const trends = await runTrends(db, { selection: { agencies: [PT] }, metrics: METRICS.map((m) => m.id), mode: 'agency' });
    let compared = 0;
    for (const r of rows) {
      const at = (y: number) => trends.find((t) => t.metric === r.metric && t.year === y)!;
      if (r.agencies === 0) {
        // not known in both years: no figures at all, never a half comparison
        expect(r.start_value, r.metric).toBeNull();
        expect(r.end_value, r.metric).toBeNull();
        expect(at(2022).n_data === 0 || at(2024).n_data === 0, r.metric).toBe(true);
        continue;
      }
      compared++;
      expect(r.start_value, r.metric).toBe(at(2022).value);
      expect(r.end_value, r.metric).toBe(at(2024).value);
      expect(r.start_denominator, r.metric).toBe(at(2022).denominator);
      expect(r.end_numerator, r.metric).toBe(at(2024).numerator);
    }
    expect(compared).toBeGreaterThan(20);
    // 2 reconsiderations in 2022, 7 in 2024 (truth.csv); the correction rate is not compared:
    // 2022 leaves 尚未审结 blank, so its denominator is unknown
    expect(rows.find((r) => r.metric === 'review_total')).toMatchObject({ start_value: 2, end_value: 7, change: 5 });
    expect(rows.find((r) => r.metric === 'correction_rate')).toMatchObject({ agencies: 0, start_value: null });
  });

  it('start and end may be given in either order; equal years are refused', async () => {
    const a = await runChange(db, { start: 2024, end: 2022, metrics: ['new'] });
    expect(a[0]).toMatchObject({ start_value: 74, end_value: 218 });
    expect(() => changeSql({ start: 2024, end: 2024 })).toThrow(/differ/);
  });

  it('a year with no shared agency gives no figures, not zeros', async () => {
    const rows = await runChange(db, { start: 2012, end: 2024, metrics: ['new', 'granted_rate'] });
    for (const r of rows) expect(r).toMatchObject({ agencies: 0, start_value: null, end_value: null, change: null, relative: null });
    expect((await runChangeSet(db, { start: 2012, end: 2024 })).both).toBe(0);
  });
});
