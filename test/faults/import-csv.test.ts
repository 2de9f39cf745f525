// Facts CSV imports under hostile input (fixtures: test/fixtures/hostile/*.csv):
//   - two values (5 and 7) for one cell: an error by line and column, neither loaded
//     (before: both loaded and the metric silently became "no data");
//   - a file holding a report twice, the second copy with a changed number: reported
//     (before: "ok" with 0 findings);
//   - a CSV whose report_id equals a bundled report's gets its own id and never merges into it
//     (before: the bundled report's Source view listed every cell twice).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertRowsSql } from '../../src/data/insert';
import { setupViewsSql } from '../../src/data/load-dataset';
import { createTableSql, DATASET_TABLE_NAMES } from '../../src/data/schema';
import { datasetToCsv } from '../../src/dataset';
import { parseReport } from '../../src/parse/parse-report';
import { csvImportDataset, csvReportIds, readFactsCsv } from '../../src/ui/import/facts-csv';
import { parsedToDataset } from '../../src/ui/import/to-dataset';
import { targetFromRunner } from '../../src/ui/import/target';
import { createNodeRunner, type NodeRunner } from '../helpers/duckdb-node';

const fixture = (f: string) => readFileSync(path.resolve(__dirname, '../fixtures/hostile', f), 'utf8');

describe('facts CSV: one value per cell, one copy per report', () => {
  it('5 and 7 for the same cell: error on the second line, column value; neither loaded', () => {
    const { rows, errors } = readFactsCsv(fixture('conflicting-cell.csv'));
    expect(errors).toEqual([expect.objectContaining({ line: 4, column: 'value', message: expect.stringMatching(/conflicting value for r1 requests\.new\.total: 7 here, 5 on line 2/) })]);
    expect(rows.map((r) => [r.item, r.value])).toEqual([['carried_over', 2]]);
  });
  it('a report held twice is reported where its second copy starts; its changed cell is a conflict', () => {
    const { rows, errors } = readFactsCsv(fixture('report-twice.csv'));
    expect(errors).toEqual([
      expect.objectContaining({ line: 5, column: '', message: expect.stringMatching(/report "r1" appears a second time.*first copy starts on line 2/) }),
      expect.objectContaining({ line: 5, column: 'value', message: expect.stringMatching(/duplicate of line 2/) }),
      expect.objectContaining({ line: 6, column: 'value', message: expect.stringMatching(/conflicting value .* 3 here, 2 on line 3/) }),
    ]);
    expect(rows.map((r) => `${r.report_id} ${r.item} ${r.value}`)).toEqual(['r1 new 5', 'r2 new 9']);
  });
});

describe('imported report ids never collide with bundled ones', () => {
  let r: NodeRunner;
  beforeAll(async () => {
    r = await createNodeRunner();
    await r.run('CREATE SCHEMA nb');
    for (const t of DATASET_TABLE_NAMES) await r.run(createTableSql(t, { schema: 'nb' }));
    const text = readFileSync(path.resolve(__dirname, '../../data/reports/2024_pingtan_zhqsyq.txt'), 'utf8');
    const bundled = parsedToDataset([await parseReport({ sourceFile: '2024_pingtan_zhqsyq.txt', text })]);
    for (const s of insertRowsSql('reports', bundled.reports, { schema: 'nb' })) await r.run(s);
    for (const s of insertRowsSql('facts', bundled.facts, { schema: 'nb' })) await r.run(s);
    for (const s of setupViewsSql([...DATASET_TABLE_NAMES])) await r.run(s);
  });
  afterAll(() => r.close());

  it('a facts CSV naming the bundled report_id becomes a report of its own', async () => {
    const count = async (id: string) => (await r.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM facts WHERE report_id = '${id}'`))[0].n;
    const bundledFacts = await count('2024_pingtan_zhqsyq');
    // the bundled report's own facts, with one number changed, as a user's CSV
    const csv = datasetToCsv({ reports: [], facts: (await r.query<Record<string, unknown>>(`SELECT * FROM nb.facts`)).map((f, i) => ({ ...f, value: i === 0 ? 999 : f.value })) as never, findings: [], checks: [], meta: {} })['facts.csv'];
    const { rows, errors } = readFactsCsv(csv);
    expect(errors).toEqual([]);
    const t = targetFromRunner(r);
    const ds = await csvImportDataset(rows, 'mine.csv', new Set(), (ids) => t.existingIds(ids));
    expect(ds!.reports.map((x) => x.report_id)).toEqual(['2024_pingtan_zhqsyq~2']);
    await t.importDataset(ds!);
    expect(await count('2024_pingtan_zhqsyq')).toBe(bundledFacts);
    expect(await count('2024_pingtan_zhqsyq~2')).toBe(bundledFacts);
    const marks = await r.query<{ report_id: string; dataset: string }>('SELECT report_id, dataset FROM reports ORDER BY report_id');
    expect(marks).toEqual([{ report_id: '2024_pingtan_zhqsyq', dataset: 'real' }, { report_id: '2024_pingtan_zhqsyq~2', dataset: 'imported' }]);
  });

  it('the id scheme: kept when free, numbered when taken, stable within one call', () => {
    const taken = new Set(['a', 'a~2']);
    expect([...csvReportIds(['a', 'b', 'a'], taken)]).toEqual([['a', 'a~3'], ['b', 'b']]);
    expect(taken.has('a~3') && taken.has('b')).toBe(true);
  });
});
