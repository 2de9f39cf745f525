// Formula injection through the CLI: agency and file names like =HYPERLINK(…) / @SUM(…) are
// escaped in reports.csv / facts.csv (which the dashboard offers for download), while
// nianbao.duckdb and the dashboard's detail files keep the original text (before: raw in the CSVs).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { writeDataset } from '../../src/cli/write-dataset';
import { toDataset } from '../../src/dataset';
import { parseText } from '../../src/parse/parse-text';

const tmp = mkdtempSync(path.join(tmpdir(), 'nianbao-cli-csv-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const HOSTILE = readFileSync(path.resolve(__dirname, '../fixtures/hostile/formula-names.txt'), 'utf8').split('\n').filter(Boolean);

async function one(db: string, sql: string): Promise<Record<string, unknown>> {
  const instance = await DuckDBInstance.create(db, { access_mode: 'READ_ONLY' });
  const con = await instance.connect();
  try { return (await con.runAndReadAll(sql)).getRowObjectsJS()[0] as Record<string, unknown>; } finally { con.closeSync(); instance.closeSync(); }
}

describe('CLI dataset files with hostile names', () => {
  it('escapes them in the CSVs, keeps them exact in the DuckDB files', async () => {
    const p = parseText({ sourceFile: 'x.txt', text: readFileSync(path.resolve(__dirname, '../../data/reports/2024_xiangtanxian_zfbgs.txt'), 'utf8') });
    const ds = toDataset([p], { kind: 'real' });
    ds.reports[0] = { ...ds.reports[0], agency: HOSTILE[0], source_file: HOSTILE[1] };
    ds.facts[0] = { ...ds.facts[0], raw: HOSTILE[2], row_label: HOSTILE[6] };
    const dir = path.join(tmp, 'out');
    await writeDataset(dir, ds);
    const reports = Papa.parse<Record<string, string>>(readFileSync(path.join(dir, 'reports.csv'), 'utf8'), { header: true, delimiter: ',' }).data[0];
    expect(reports.agency).toBe(`'${HOSTILE[0]}`);
    expect(reports.source_file).toBe(`'${HOSTILE[1]}`);
    const facts = Papa.parse<Record<string, string>>(readFileSync(path.join(dir, 'facts.csv'), 'utf8'), { header: true, delimiter: ',' }).data[0];
    expect(facts.raw).toBe(`'${HOSTILE[2]}`);
    expect(facts.row_label).toBe(`'${HOSTILE[6]}`);
    expect(await one(path.join(dir, 'nianbao.duckdb'), 'SELECT agency, source_file FROM reports')).toEqual({ agency: HOSTILE[0], source_file: HOSTILE[1] });
    expect(await one(path.join(dir, 'detail', '43.duckdb'), `SELECT raw, row_label FROM facts WHERE raw LIKE '-1+1%'`))
      .toEqual({ raw: HOSTILE[2], row_label: HOSTILE[6] });
  });
});
