import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { writeDataset } from '../../src/cli/write-dataset';
import { toDataset } from '../../src/dataset';
import type { Dataset, ReportRow } from '../../src/model/dataset';
import { parseText } from '../../src/parse/parse-text';

const tmp = mkdtempSync(path.join(tmpdir(), 'nianbao-write-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const parse = (f: string) => parseText({ sourceFile: f, text: readFileSync(path.resolve(__dirname, '../../data/reports', f), 'utf8') });

async function rows(db: string, sql: string): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(db, { access_mode: 'READ_ONLY' });
  const con = await instance.connect();
  try {
    return (await con.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
  } finally {
    con.closeSync();
    instance.closeSync();
  }
}

describe('writeDataset', () => {
  it('stores every fact exactly: nulls stay NULL, hostile labels survive, derived is BOOLEAN', async () => {
    const ds = toDataset([parse('2024_xiangtanxian_zfbgs.txt'), parse('2020_pingtan_zhqsyq.txt')], { kind: 'real', meta: { generator: 'test' } });
    ds.facts[0] = { ...ds.facts[0], row_label: 'a,"b"\nc\'); DROP TABLE facts; --', value: null, raw: '—' };
    const dir = path.join(tmp, 'ok');
    const res = await writeDataset(dir, ds);
    expect(res.rows).toEqual({ reports: 2, facts: ds.facts.length, findings: ds.findings.length, checks: ds.checks.length });
    const back = await rows(path.join(dir, 'nianbao.duckdb'), 'SELECT * FROM facts');
    expect(back).toEqual(ds.facts.map((f) => ({ ...f, raw: f.raw === '' ? null : f.raw, location: f.location === '' ? null : f.location })));
    const meta = await rows(path.join(dir, 'nianbao.duckdb'), 'SELECT key, value FROM meta ORDER BY key');
    expect(meta).toEqual([{ key: 'dataset', value: 'real' }, { key: 'generator', value: 'test' }]);
  });

  it('leaves the previous nianbao.duckdb untouched when building the new one fails', async () => {
    const dir = path.join(tmp, 'crash');
    const good = toDataset([parse('2024_xiangtanxian_zfbgs.txt')], { kind: 'real' });
    await writeDataset(dir, good);
    const before = readFileSync(path.join(dir, 'nianbao.duckdb'));
    // a year that is not an integer makes DuckDB's typed CSV load fail half-way
    const broken: Dataset = { ...good, reports: [{ ...good.reports[0], year: 'twenty' as unknown as ReportRow['year'] }] };
    await expect(writeDataset(dir, broken)).rejects.toThrow();
    expect(readFileSync(path.join(dir, 'nianbao.duckdb')).equals(before)).toBe(true);
    expect(existsSync(path.join(dir, 'nianbao.duckdb.wal'))).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(['checks.csv', 'detail', 'facts.csv', 'findings.csv', 'index.duckdb', 'meta.csv', 'nianbao.duckdb', 'reports.csv', 'snapshot.json']);
    expect(readFileSync(path.join(dir, 'reports.csv'), 'utf8')).not.toContain('twenty');
  });
});
