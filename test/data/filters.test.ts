import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smallDatasetRunner, type NodeRunner } from '../helpers/duckdb-node';
import { selectionPredicate, type Selection } from '../../src/data/filters';
import { insertRowsSql } from '../../src/data/insert';

let db: NodeRunner;
beforeAll(async () => { db = await smallDatasetRunner(); });
afterAll(() => db?.close());

async function ids(sel: Selection): Promise<string[]> {
  const rows = await db.query<{ report_id: string }>(`SELECT report_id FROM metrics WHERE ${selectionPredicate(sel)} ORDER BY report_id`);
  return rows.map((r) => r.report_id);
}

describe('selection → WHERE', () => {
  it('selects everything when empty, including the undated failed report', async () => {
    expect(await ids({})).toHaveLength(8);
  });

  it('filters by year range in either order, dropping undated reports', async () => {
    expect(await ids({ years: [2024, 2023] })).toEqual(await ids({ years: [2023, 2024] }));
    expect(await ids({ years: [2022, 2022] })).toEqual(['2022_pingtan_zhqsyq']);
  });

  it('filters by region prefix at province, city and county level', async () => {
    expect(await ids({ region: '43' })).toEqual(['2024_xiangtanxian_zfbgs']);
    expect(await ids({ region: '990102' })).toEqual(['synthetic_blank_2024', 'synthetic_hostile_2024']);
  });

  it('matches hostile agency names exactly and nothing else', async () => {
    expect(await ids({ agencies: ['SYNTHETIC<img src=x onerror=alert(1)>\'";\\局'] })).toEqual(['synthetic_hostile_2024']);
    expect(await ids({ agencies: ["' OR '1'='1"] })).toEqual([]);
  });

  it('separates bundled from imported rows', async () => {
    expect(await ids({ source: 'imported' })).toEqual([]);
    expect(await ids({ source: 'bundled' })).toHaveLength(8);
  });

  it('excludes reports with a failed check or a failed parse', async () => {
    const kept = await ids({ excludeFailing: true });
    expect(kept).not.toContain('synthetic_blank_2024');
    expect(kept).not.toContain('synthetic_failed');
    expect(kept).toHaveLength(6);
  });

  it('combines conditions with AND and can ignore parts (compare ignores the agency list)', async () => {
    expect(await ids({ levels: ['county'], years: [2024, 2024] })).toEqual(['synthetic_a_2024', 'synthetic_hostile_2024']);
    expect(selectionPredicate({ agencies: ['x'], levels: ['county'] }, { ignore: ['agencies'] })).toBe("level IN ('county')");
    expect(selectionPredicate({ levels: ['county'] }, { alias: 'm' })).toBe("m.level IN ('county')");
  });
});

describe('insertRowsSql', () => {
  it('stores hostile text verbatim and a NUL as U+FFFD instead of failing the import', async () => {
    await db.run('CREATE TABLE t_meta (key VARCHAR, value VARCHAR)');
    const rows = [{ key: "a'b\\c", value: 'x\u0000y' }, { key: '<script>', value: null }];
    for (const s of insertRowsSql('meta', rows)) await db.run(s.replace('INSERT INTO "meta"', 'INSERT INTO t_meta'));
    expect(await db.query('SELECT * FROM t_meta ORDER BY key')).toEqual([{ key: '<script>', value: null }, { key: "a'b\\c", value: 'x\uFFFDy' }]);
  });
});
