import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createNodeRunner, loadCsvDataset, type NodeRunner } from '../helpers/duckdb-node';
import { attachSql, attachedTablesSql, detachSql, existingReportIdsSql, looksLikeDuckDbFile, rebuildImported, setupViewsSql } from '../../src/data/load-dataset';
import { insertDatasetSql } from '../../src/data/insert';
import { str } from '../../src/data/sql';
import { runAgencies, runAppeals, runOverview } from '../../src/data/queries';
import type { Dataset } from '../../src/model/dataset';

const XT = '湘潭县人民政府办公室';
let dir: string;

/** Write dataset-small into a .duckdb file the way a build would (optionally without `metrics`). */
async function writeDbFile(name: string, withMetrics: boolean): Promise<string> {
  const file = path.join(dir, name);
  const w = await createNodeRunner();
  await loadCsvDataset(w);
  await w.run(`ATTACH ${str(file)} AS out`);
  for (const t of ['reports', 'facts', 'findings', 'checks', 'meta', ...(withMetrics ? ['metrics'] : [])]) {
    await w.run(`CREATE TABLE out.${t} AS SELECT * FROM ${t}`);
  }
  await w.run('DETACH out');
  w.close();
  return file;
}

async function openLikeTheBrowser(file: string): Promise<NodeRunner> {
  const r = await createNodeRunner();
  await r.run(detachSql());
  await r.run(attachSql(file));
  const present = (await r.query<{ table_name: string }>(attachedTablesSql())).map((x) => x.table_name);
  for (const s of setupViewsSql(present)) await r.run(s);
  return r;
}

const imported: Dataset = {
  reports: [{
    report_id: 'upload_1', source_file: 'my.txt', agency: 'IMPORTED<b>局', year: 2024, template: '2021', title: 't',
    level: 'county', region_code: '430321', province: '湖南省', city: '湘潭市', county: '湘潭县', region_status: 'resolved',
    format: 'txt', status: 'ok', finding_count: 0, fact_count: 3, checks_failed: 0, origin: null, dataset: 'real', error: null,
  }],
  facts: [
    { report_id: 'upload_1', table: 'requests', item: 'new', column: 'total', value: 9, raw: '９', derived: false, row_label: "一、本年新收'", column_label: '总计', unit: '件', location: 'L1' },
    { report_id: 'upload_1', table: 'requests', item: 'carried_over', column: 'total', value: null, raw: '—', derived: false, row_label: '二', column_label: '总计', unit: '件', location: 'L2' },
    { report_id: 'upload_1', table: 'appeals', item: 'review', column: 'total', value: 1, raw: '1', derived: false, row_label: '行政复议', column_label: '总计', unit: '件', location: 'L3' },
  ],
  findings: [], checks: [], meta: { generator: 'browser import' },
};

beforeAll(() => { dir = mkdtempSync(path.join(tmpdir(), 'nb-load-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('loading a .duckdb file like the browser does', () => {
  it('recognises a DuckDB file by its magic bytes and rejects an HTML page', async () => {
    const file = await writeDbFile('magic.duckdb', true);
    expect(looksLikeDuckDbFile(new Uint8Array(readFileSync(file)))).toBe(true);
    expect(looksLikeDuckDbFile(new TextEncoder().encode('<!doctype html><html>…</html>'))).toBe(false);
    expect(looksLikeDuckDbFile(new Uint8Array(0))).toBe(false);
  });

  for (const withMetrics of [true, false]) {
    it(`answers queries over unqualified views (file ${withMetrics ? 'with' : 'without'} a metrics table)`, async () => {
      const r = await openLikeTheBrowser(await writeDbFile(`ds-${withMetrics}.duckdb`, withMetrics));
      const rows = await runOverview(r, { selection: { agencies: [XT] }, metrics: ['received'] });
      expect(rows.map((x) => [x.year, x.value])).toEqual([[2024, 35]]);
      r.close();
    });
  }

  it('adds imported reports as dataset = imported, rebuilds their metrics, and keeps blanks blank', async () => {
    const r = await openLikeTheBrowser(await writeDbFile('import.duckdb', true));
    expect(await r.query(existingReportIdsSql(['upload_1', 'nope']))).toEqual([]);
    for (const s of insertDatasetSql(imported, { schema: 'imp' })) await r.run(s);
    await rebuildImported((sql) => r.query(sql));
    expect(await r.query(existingReportIdsSql(['upload_1', '2024_pingtan_zhqsyq', 'nope']))).toHaveLength(2);
    const only = await runOverview(r, { selection: { source: 'imported' }, metrics: ['new', 'received', 'review_total'] });
    expect(only.map((x) => [x.metric, x.value])).toEqual([['new', 9], ['received', null], ['review_total', 1]]);
    const both = await runOverview(r, { selection: { years: [2024, 2024] }, metrics: ['new'] });
    expect(both[0].value).toBe(318 + 9);
    const bundled = await runOverview(r, { selection: { years: [2024, 2024], source: 'bundled' }, metrics: ['new'] });
    expect(bundled[0].value).toBe(318);
    expect((await runAgencies(r, { search: '<b>' }))[0]).toMatchObject({ agency: 'IMPORTED<b>局', years: [2024] });
    const [{ raw }] = await r.query<{ raw: string }>(`SELECT raw FROM facts WHERE report_id = 'upload_1' AND item = 'new'`);
    expect(raw).toBe('９');
    expect((await runAppeals(r, { selection: { source: 'imported' } }))[0].total).toBe(1);
    r.close();
  });

  it('can retry a half-finished load: detach, attach again, set up the views again', async () => {
    const file = await writeDbFile('retry.duckdb', true);
    const r = await openLikeTheBrowser(file);
    await r.run(detachSql());
    await r.run(attachSql(file));
    const present = (await r.query<{ table_name: string }>(attachedTablesSql())).map((x) => x.table_name);
    for (const s of setupViewsSql(present)) await r.run(s);
    expect((await runOverview(r, { selection: { agencies: [XT] }, metrics: ['received'] }))[0].value).toBe(35);
    r.close();
  });

  it('refuses a file without reports/facts with a clear error', () => {
    expect(() => setupViewsSql(['meta'])).toThrow(/no reports\/facts/);
  });
});
