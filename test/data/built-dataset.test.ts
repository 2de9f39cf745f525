// The dashboard's data layer over the file the build really ships: run the parse CLI (as
// `npm run data` does) into a temp folder, open its nianbao.duckdb the way the browser does
// (ATTACH READ_ONLY + views), and check the figures, the metrics table and real-data charts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runParse } from '../../src/cli/parse-command';
import { createNodeRunner, type NodeRunner } from '../helpers/duckdb-node';
import { attachSql, attachedTablesSql, setupViewsSql } from '../../src/data/load-dataset';
import { buildMetricsSql, METRIC_COLUMNS } from '../../src/data/metrics';
import { METRICS, metricInfo } from '../../src/data/metric-catalog';
import { runAggregate, runAppeals, runOverview, runProvenance, runQualityReports, runTrends, runSource } from '../../src/data/queries';
import { buildTrendsOption } from '../../src/charts';
import { ident } from '../../src/data/sql';

const ROOT = path.resolve(import.meta.dirname, '../..');
const XT = '湘潭县人民政府办公室';
let dir: string;
let db: NodeRunner;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'nb-built-'));
  const log: string[] = [];
  const code = await runParse(
    [path.join(ROOT, 'data/reports'), '--out', dir, '--manifest', path.join(ROOT, 'data/manifest.csv'), '--quiet', '--jobs', '1'],
    { out: (s) => log.push(s), err: (s) => log.push(s) },
  );
  if (code !== 0) throw new Error(`parse CLI failed: ${log.join('\n')}`);
  db = await createNodeRunner();
  await db.run(attachSql(path.join(dir, 'nianbao.duckdb')));
  const present = (await db.query<{ table_name: string }>(attachedTablesSql())).map((r) => r.table_name);
  for (const s of setupViewsSql(present)) await db.run(s);
}, 120_000);
afterAll(() => { db?.close(); rmSync(dir, { recursive: true, force: true }); });

describe('the shipped nianbao.duckdb', () => {
  it('carries a metrics table identical to buildMetricsSql over its own reports and facts', async () => {
    await db.run(buildMetricsSql({ source: 'nb', target: 'rebuilt' }));
    const cols = ['report_id', ...METRIC_COLUMNS.map((c) => c.name)].map(ident).join(', ');
    const [a] = await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM (SELECT ${cols} FROM nb.metrics EXCEPT SELECT ${cols} FROM rebuilt)`);
    const [b] = await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM (SELECT ${cols} FROM rebuilt EXCEPT SELECT ${cols} FROM nb.metrics)`);
    expect([a.n, b.n]).toEqual([0, 0]);
  });

  it('answers the 湘潭县 2024 questions with the printed numbers', async () => {
    const v = Object.fromEntries((await runOverview(db, { selection: { agencies: [XT] } })).map((r) => [r.metric, r]));
    expect(v.received.value).toBe(35);
    expect(v.review_total.value).toBe(8);
    expect([v.correction_rate.numerator, v.correction_rate.denominator]).toEqual([4, 8]);
    expect([v.granted_rate.numerator, v.granted_rate.denominator]).toEqual([11, 33]);
    const review = (await runAppeals(db, { selection: { agencies: [XT] } })).find((r) => r.item === 'review');
    expect(review).toMatchObject({ upheld: 0, corrected: 4, other: 4, pending: 0, total: 8 });
    const [cell] = await runSource(db, { reportId: '2024_xiangtanxian_zfbgs', table: 'requests', item: 'new', column: 'natural' });
    expect([cell.value, cell.raw]).toEqual([26, '26']);
  });

  it('runs every catalog metric and the quality view over the real reports', async () => {
    const rows = await runAggregate(db, { metrics: METRICS.map((m) => m.id), by: 'year' });
    expect(new Set(rows.map((r) => r.metric)).size).toBe(METRICS.length);
    const q = await runQualityReports(db, { includeUndated: true });
    const prov = await runProvenance(db);
    expect(q).toHaveLength(prov.length);
    expect(prov.filter((p) => p.status === 'failed').every((p) => p.error !== null && p.error !== '')).toBe(true);
    expect(prov.find((p) => p.report_id === '2024_xiangtanxian_zfbgs')!.origin).toBeTruthy();
  });

  it('draws 平潭’s trend across the template changes with both markers', async () => {
    const rows = await runTrends(db, { selection: { agencies: ['平潭综合实验区'] }, metrics: ['new', 'legacy_new'], mode: 'aggregate' });
    const years = [...new Set(rows.filter((r) => r.value !== null).map((r) => r.year))];
    expect(Math.min(...(years as number[]))).toBeLessThan(2019);
    const opt = buildTrendsOption(rows, { lang: 'zh', metrics: [metricInfo('new', 'zh'), metricInfo('legacy_new', 'zh')] }) as { series: { markLine?: { data: { xAxis: string }[] } }[] };
    expect(opt.series[0].markLine!.data.map((d) => d.xAxis)).toEqual(['2019', '2021']);
    const y2024 = rows.find((r) => r.metric === 'new' && r.year === 2024)!;
    expect(y2024.value).toBe(218);
  });
});
