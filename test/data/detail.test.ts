// The dashboard's split files (src/cli/dashboard-files.ts) opened the way the data session opens
// them (src/data/session.ts: index as `nb`, detail parts as `nb_<code>`, views re-created after
// each attach), against the full nianbao.duckdb of the real reports: same numbers. The queue
// itself (sharing, failures, retries) is tested in session.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createNodeRunner, type NodeRunner } from '../helpers/duckdb-node';
import { writeDashboardFiles, type DashboardFiles } from '../../src/cli/dashboard-files';
import { writeDataset } from '../../src/cli/write-dataset';
import { attachSql, bundledTablesSql, detailAlias, refreshViews, setupViewsSql, type BundledTable } from '../../src/data/load-dataset';
import { partsFor, partsSql, type DetailPart } from '../../src/data/detail';
import { needsDetail } from '../../src/data/query-runner';
import { agenciesSql, compareSql, overviewSql, qualityReportsSql, regionsSql } from '../../src/data/queries';
import { readFileSync } from 'node:fs';
import { parseReport } from '../../src/parse/parse-report';
import { toDataset } from '../../src/dataset';

const DATA = path.resolve(import.meta.dirname, '../../data');
const dir = mkdtempSync(path.join(tmpdir(), 'nb-detail-'));
let files: DashboardFiles;

/** Open like the browser: index only; `attach(codes)` adds parts and re-creates the views. */
async function openIndex(): Promise<{ db: NodeRunner; parts: DetailPart[]; attach(codes: string[]): Promise<void>; attached: string[] }> {
  const db = await createNodeRunner();
  await db.run(attachSql(path.join(dir, 'index.duckdb')));
  for (const s of setupViewsSql(await db.query<BundledTable>(bundledTablesSql()))) await db.run(s);
  const parts = (await db.query<DetailPart>(partsSql())).map((p) => ({ ...p, bytes: Number(p.bytes) }));
  const attached: string[] = [];
  return {
    db, parts, attached,
    async attach(codes) {
      for (const c of codes) {
        if (attached.includes(c)) continue;
        await db.run(attachSql(path.join(dir, 'detail', `${c}.duckdb`), detailAlias(c)));
        await refreshViews((sql) => db.query(sql));
        attached.push(c);
      }
    },
  };
}

let full: NodeRunner;
beforeAll(async () => {
  const reports = readdirSync(path.join(DATA, 'reports')).filter((f) => f.endsWith('.txt')).sort();
  const parsed = [];
  for (const f of reports) parsed.push(await parseReport({ sourceFile: `reports/${f}`, text: readFileSync(path.join(DATA, 'reports', f), 'utf8') }));
  await writeDataset(dir, toDataset(parsed, { kind: 'real' }));
  // writeDataset already cut the files; cutting again from the finished file must give the same
  files = await writeDashboardFiles(path.join(dir, 'nianbao.duckdb'), dir);
  full = await createNodeRunner();
  await full.run(attachSql(path.join(dir, 'nianbao.duckdb')));
  for (const s of setupViewsSql(await full.query<BundledTable>(bundledTablesSql()))) await full.run(s);
}, 60_000);
afterAll(() => { full?.close(); rmSync(dir, { recursive: true, force: true }); });

describe('dashboard files', () => {
  it('writes an index and one detail file per province plus unplaced reports', async () => {
    expect(existsSync(path.join(dir, 'index.duckdb'))).toBe(true);
    const [{ n }] = await full.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM reports');
    expect(files.parts.reduce((s, p) => s + p.reports, 0)).toBe(n);
    expect(files.parts.map((p) => p.code)).toEqual(readdirSync(path.join(dir, 'detail')).map((f) => f.replace('.duckdb', '')).sort());
    expect(files.parts.some((p) => p.code === '43')).toBe(true);
    for (const p of files.parts) expect(p.code).toMatch(/^(\d{2}|x)$/);
    expect(existsSync(path.join(dir, 'detail.tmp'))).toBe(false);
  });

  it('answers region/year views from the index alone, equal to the full file', async () => {
    const ix = await openIndex();
    for (const sql of [overviewSql({}), overviewSql({ selection: { region: '43', excludeFailing: true } }), regionsSql({ metric: 'new', year: 2024, parent: '' })]) {
      expect(needsDetail(sql)).toBe(false);
      expect(await ix.db.query(sql)).toEqual(await full.query(sql));
    }
    expect(ix.attached).toEqual([]);
    ix.db.close();
  });

  it('answers agency views once the selection’s parts are attached, equal to the full file', async () => {
    const ix = await openIndex();
    const sql = compareSql({ selection: { region: '43' }, metric: 'new', year: 2024 });
    expect(needsDetail(sql)).toBe(true);
    await ix.attach(partsFor({ region: '43' }, ix.parts));
    expect(await ix.db.query(sql)).toEqual(await full.query(sql));
    expect(ix.attached).toEqual(['43']);
    await ix.attach(partsFor({}, ix.parts));
    for (const q of [agenciesSql({ search: '政府' }), qualityReportsSql({ includeUndated: true }), overviewSql({ selection: { agencies: ['湘潭县人民政府办公室'] } })]) {
      expect(await ix.db.query(q)).toEqual(await full.query(q));
    }
    expect([...ix.attached].sort()).toEqual(ix.parts.map((p) => p.code).sort());
    ix.db.close();
  });

  it('without the parts, a per-report view would count fewer reports — which is why the session waits', async () => {
    const ix = await openIndex();
    const [{ n }] = await ix.db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM metrics');
    expect(n).toBe(0);
    ix.db.close();
  });
});

describe('detail scope', () => {
  const parts: DetailPart[] = ['32', '35', '43', '44', 'x'].map((code) => ({ code, file: `detail/${code}.duckdb`, bytes: 1, reports: 1, agencies: 1 }));
  it('needs the province of a region, or every part', () => {
    expect(partsFor({ region: '430321' }, parts)).toEqual(['43']);
    expect(partsFor({ region: '43' }, parts)).toEqual(['43']);
    expect(partsFor({ region: '4' }, parts)).toEqual(['43', '44']);
    expect(partsFor({ region: '11' }, parts)).toEqual([]);
    expect(partsFor({}, parts)).toEqual(['32', '35', '43', '44', 'x']);
    expect(partsFor({ agencies: ['a'] }, parts)).toEqual(['32', '35', '43', '44', 'x']);
  });
});
