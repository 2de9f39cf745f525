import { describe, expect, it } from 'vitest';
import { appealGroupsHold, rowTotalHolds, splitCells } from './split';

const values = (r: ReturnType<typeof splitCells>) => r.candidates.map((c) => c.map((x) => x.value));

describe('splitCells (run-together digits)', () => {
  it('recovers （七）总计14710000148 as 147|1|0|0|0|0|148 from the row total', () => {
    expect(values(splitCells(['14710000148'], 7, rowTotalHolds))).toEqual([[147, 1, 0, 0, 0, 0, 148]]);
  });
  it('uses spaces as boundaries: `200 000121` is 20|0|0|0|0|1|21', () => {
    expect(values(splitCells(['200', '000121'], 7, rowTotalHolds))).toEqual([[20, 0, 0, 0, 0, 1, 21]]);
  });
  it('reads the 15-digit zero run of table 4 as 15 zeros', () => {
    expect(values(splitCells(['000000000000000'], 15, appealGroupsHold))).toEqual([new Array(15).fill(0)]);
  });
  it('decodes 2024 平潭 table 4 with the group identities', () => {
    expect(values(splitCells(['21317000001324019'], 15, appealGroupsHold))).toEqual([[2, 1, 3, 1, 7, 0, 0, 0, 0, 0, 13, 2, 4, 0, 19]]);
  });
  it('returns every candidate when several splits hold (ambiguous: 规范性文件7777166 into 3 cells)', () => {
    const r = splitCells(['7777166'], 3, () => true);
    expect(r.candidates.length).toBeGreaterThan(1);
    expect(values(r)).toContainEqual([7, 77, 7166]);
    expect(values(r)).toContainEqual([77, 7, 7166]);
  });
  it('finds the unique split of 3 digits into 3 cells, and of a signed group', () => {
    expect(values(splitCells(['007'], 3, () => true))).toEqual([[0, 0, 7]]);
    expect(values(splitCells(['35', '-15'], 2, () => true))).toEqual([[35, -15]]);
  });
  it('never makes a cell with a leading zero', () => {
    expect(values(splitCells(['07'], 1, () => true))).toEqual([]);
  });
  it('returns no candidate when no split satisfies the identity', () => {
    expect(splitCells(['1234567'], 7, rowTotalHolds).candidates).toEqual([]);
  });
  it('stops at its bound on huge runs and says so', () => {
    const r = splitCells(['9'.repeat(200)], 7, () => false, { maxNodes: 5000 });
    expect(r.capped).toBe(true);
    expect(r.candidates).toEqual([]);
  });
  it('keeps a decimal part and unit on the last cell of the group', () => {
    const r = splitCells(['135753.52元'], 2, () => true);
    expect(r.candidates.map((c) => c.map((x) => x.raw))).toContainEqual(['135', '753.52元']);
  });
});
