// The data layer over the real pipeline: every .txt report in data/reports parsed by
// src/parse, converted by src/dataset, loaded into DuckDB, `metrics` built — then checked against
// the facts themselves and the truth figures read by eye (test/fixtures/truth.csv).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { createNodeRunner, type NodeRunner } from '../helpers/duckdb-node';
import { parseReport } from '../../src/parse/parse-report';
import { toDataset } from '../../src/dataset';
import { createTableSql, DATASET_TABLE_NAMES } from '../../src/data/schema';
import { insertRowsSql } from '../../src/data/insert';
import { buildMetricsSql, metricColumn } from '../../src/data/metrics';
import { buildCubeSql } from '../../src/data/cube';
import { runAppeals, runOverview } from '../../src/data/queries';
import type { Dataset } from '../../src/model/dataset';

const FIX = path.resolve(import.meta.dirname, '../fixtures');
const DATA = path.resolve(import.meta.dirname, '../../data');
let db: NodeRunner;
let ds: Dataset;

beforeAll(async () => {
  const files = readdirSync(path.join(DATA, 'reports')).filter((f) => f.endsWith('.txt')).sort();
  const parsed = [];
  for (const f of files) {
    parsed.push(await parseReport({ sourceFile: `reports/${f}`, text: readFileSync(path.join(DATA, 'reports', f), 'utf8') }));
  }
  ds = toDataset(parsed, { kind: 'real' });
  db = await createNodeRunner();
  for (const t of DATASET_TABLE_NAMES) await db.run(createTableSql(t));
  for (const t of ['reports', 'facts', 'findings', 'checks'] as const) {
    for (const s of insertRowsSql(t, ds[t])) await db.run(s);
  }
  await db.run(buildMetricsSql());
  await db.run(buildCubeSql());
});
afterAll(() => db?.close());

describe('metrics over the real parser output', () => {
  it('has one metrics row per parsed report', async () => {
    const [{ n }] = await db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM metrics');
    expect(n).toBe(ds.reports.length);
    expect(n).toBeGreaterThan(10);
  });

  it('holds exactly each fact’s value in its column (blank facts as NULL)', async () => {
    // Fact by fact: the column name is built from the canonical key.
    const metrics = new Map((await db.query<Record<string, unknown>>('SELECT * FROM metrics')).map((m) => [m.report_id as string, m]));
    let compared = 0;
    for (const f of ds.facts) {
      const name = metricColumn(f.table as 'requests', f.item, f.column);
      const m = metrics.get(f.report_id)!;
      if (!(name in m)) continue; // a key beyond keys.ts has no column (listed in the next test)
      const expected = f.value === null ? null : f.unit === '元' ? f.value / 10000 : f.value;
      expect([f.report_id, name, m[name]]).toEqual([f.report_id, name, expected]);
      compared++;
    }
    expect(compared).toBeGreaterThan(500);
  });

  it('has a column for every key the parser emits', () => {
    const cols = new Set(ds.facts.map((f) => metricColumn(f.table as 'requests', f.item, f.column)));
    return db.query<Record<string, unknown>>('SELECT * FROM metrics LIMIT 1').then(([m]) => {
      expect([...cols].filter((c) => !(c in m))).toEqual([]);
    });
  });
});

describe('dashboard figures from the real 湘潭县 2024 report', () => {
  it('matches truth.csv: received 35, review 8, corrected 4, correction rate 4/8', async () => {
    const rows = await runOverview(db, { selection: { agencies: ['湘潭县人民政府办公室'] }, metrics: ['received', 'new', 'natural_new', 'review_total', 'review_corrected', 'correction_rate'] });
    const v = Object.fromEntries(rows.map((r) => [r.metric, r]));
    expect(v.received.value).toBe(35);
    expect(v.new.value).toBe(33);
    expect(v.natural_new.value).toBe(26);
    expect(v.review_total.value).toBe(8);
    expect(v.review_corrected.value).toBe(4);
    expect([v.correction_rate.numerator, v.correction_rate.denominator]).toEqual([4, 8]);
    const appeals = await runAppeals(db, { selection: { agencies: ['湘潭县人民政府办公室'] } });
    expect(appeals.find((a) => a.item === 'review')).toMatchObject({ upheld: 0, corrected: 4, other: 4, pending: 0, total: 8 });
  });
});

describe('every truth.csv figure the parser read equals the metrics column', () => {
  const truth = Papa.parse<Record<string, string>>(readFileSync(path.join(FIX, 'truth.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
  const MAP: Record<string, string> = {
    new_total: 'requests__new__total', carried_total: 'requests__carried_over__total', granted_total: 'requests__granted__total',
    partial_total: 'requests__partial__total', denied_total: 'requests__denied_total__total', unable_total: 'requests__unavailable_total__total',
    not_processed_total: 'requests__rejected_total__total', other_total: 'requests__other_total__total', outcomes_total: 'requests__outcome_total__total',
    carry_forward_total: 'requests__carried_forward__total', review_total: 'appeals__review__total', review_corrected: 'appeals__review__corrected',
    lit_direct_total: 'appeals__suit_direct__total', lit_after_review_total: 'appeals__suit_after_review__total', natural_new: 'requests__new__natural',
  };
  it('for the 2019/2021-template .txt reports listed in truth.csv', async () => {
    const mismatches: string[] = [];
    let compared = 0;
    const ids = new Map(ds.reports.map((r) => [r.source_file, r.report_id]));
    for (const t of truth) {
      const id = ids.get(t.file);
      if (!id) continue; // PDF or not a .txt fixture
      const [m] = await db.query<Record<string, unknown>>(`SELECT * FROM metrics WHERE report_id = '${id.replace(/'/g, "''")}'`);
      if (m.template === 'legacy' || m.template === null) continue;
      for (const [k, col] of Object.entries(MAP)) {
        if (t[k] === undefined || t[k] === '') continue;
        if (m[col] === null) continue; // not read by the parser (a finding in the quality view)
        compared++;
        if (m[col] !== Number(t[k])) mismatches.push(`${t.file} ${k}: truth ${t[k]}, metrics ${String(m[col])}`);
      }
    }
    expect(mismatches).toEqual([]);
    expect(compared).toBeGreaterThan(50);
  });
});
