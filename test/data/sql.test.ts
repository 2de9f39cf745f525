import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeRunner, type NodeRunner } from '../helpers/duckdb-node';
import { ident, inList, int, likeContains, num, str, SqlValueError } from '../../src/data/sql';
import { selectionPredicate } from '../../src/data/filters';

const HOSTILE = [`'`, `''`, `\\`, `\\'`, `'); DROP TABLE t; --`, `"`, `%_`, `湘潭县'人民"政府\\`, `\n\t`, `<img src=x onerror=alert(1)>`];

let db: NodeRunner;
beforeAll(async () => { db = await createNodeRunner(); });
afterAll(() => db?.close());

describe('sql quoting', () => {
  it('round-trips hostile strings through str() unchanged', async () => {
    for (const s of HOSTILE) {
      const [r] = await db.query<{ v: string }>(`SELECT ${str(s)} AS v`);
      expect(r.v).toBe(s);
    }
  });

  it('round-trips hostile identifiers through ident()', async () => {
    for (const s of HOSTILE) {
      const [r] = await db.query(`SELECT 1 AS ${ident(s)}`);
      expect(Object.keys(r)).toEqual([s]);
    }
  });

  it('rejects NUL, non-finite numbers and non-integers', () => {
    expect(() => str('a\u0000b')).toThrow(SqlValueError);
    expect(() => ident('a\u0000')).toThrow(SqlValueError);
    expect(() => num(NaN)).toThrow(SqlValueError);
    expect(() => num(Infinity)).toThrow(SqlValueError);
    expect(() => int(2024.5)).toThrow(SqlValueError);
    expect(() => num('1; DROP' as unknown as number)).toThrow(SqlValueError);
  });

  it('builds IN lists that match exactly, and an empty list that matches nothing', async () => {
    const [r] = await db.query<{ a: boolean; b: boolean; c: boolean | null }>(
      `SELECT ${str(HOSTILE[4])} IN ${inList(HOSTILE)} AS a, 'x' IN ${inList(HOSTILE)} AS b, 'x' IN ${inList([])} AS c`);
    expect(r.a).toBe(true);
    expect(r.b).toBe(false);
    expect(r.c).not.toBe(true);
  });

  it('treats % and _ literally in LIKE patterns', async () => {
    const [r] = await db.query<{ a: boolean; b: boolean }>(`SELECT 'abc' LIKE ${likeContains('%')} AS a, 'a%c' LIKE ${likeContains('%')} AS b`);
    expect(r).toEqual({ a: false, b: true });
  });

  it('rejects a region that is not digits instead of quoting it into a pattern', () => {
    expect(() => selectionPredicate({ region: "43' OR 1=1 --" })).toThrow(/region/);
    expect(selectionPredicate({})).toBe('TRUE');
  });
});
