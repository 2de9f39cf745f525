// The data session (src/data/session.ts) in Node: the dashboard's split files of the real reports
// (index + one detail file per province, as src/cli/dashboard-files.ts writes them) served by a
// fake fetch, opened through the same Connector interface the browser uses, against the single
// full nianbao.duckdb: the same numbers, one download per part however many views ask, and a
// failed part is an error — retried by the next request — never a smaller number.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createNodeConnector, createNodeRunner, type NodeConnector, type NodeRunner } from '../helpers/duckdb-node';
import { writeDataset } from '../../src/cli/write-dataset';
import { attachSql, bundledTablesSql, setupViewsSql, type BundledTable } from '../../src/data/load-dataset';
import { DataLoadError } from '../../src/data/download';
import { openSession, type DatasetSession, type DetailEvent } from '../../src/data/session';
import { agenciesSql, compareSql, overviewSql, qualityReportsSql, regionsSql, runAggregate, runOutcomeGroups, yearsSql } from '../../src/data/queries';
import * as q from '../../src/data/queries';
import { needsDetail } from '../../src/data/query-runner';
import { regionParent } from '../../src/ui/views/Regions';
import { parseReport } from '../../src/parse/parse-report';
import { toDataset } from '../../src/dataset';
import { parsedToDataset } from '../../src/ui/import/to-dataset';

const DATA = path.resolve(import.meta.dirname, '../../data');
const dir = mkdtempSync(path.join(tmpdir(), 'nb-session-'));
const BASE = 'http://nb.test/data/';

type Fault = 'missing' | 'network' | 'html' | 'stall-headers' | 'stall-body' | 'hang';
const faults = new Map<string, Fault>();
const fetched: string[] = [];

/** Serves `dir` under BASE; a file in `faults` fails that way. Honours the abort signal, as a browser does. */
async function fakeFetch(url: string, init?: { signal?: AbortSignal }): Promise<Response> {
  const rel = url.slice(BASE.length);
  fetched.push(rel);
  const fault = faults.get(rel);
  const aborted = () => new DOMException('The operation was aborted.', 'AbortError');
  if (fault === 'missing') return new Response('not here', { status: 404 });
  if (fault === 'network') throw new TypeError('Failed to fetch');
  if (fault === 'html') return new Response('<!doctype html><html><body>index</body></html>', { status: 200 });
  if (fault === 'stall-headers' || fault === 'hang') {
    return new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(aborted())));
  }
  const bytes = readFileSync(path.join(dir, rel));
  if (fault === 'stall-body') {
    return new Response(new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(bytes.subarray(0, 100));
        init?.signal?.addEventListener('abort', () => c.error(aborted()));
      },
    }));
  }
  return new Response(bytes);
}

const connectors: NodeConnector[] = [];
async function open(extra: { onDetail?: (e: DetailEvent) => void } = {}): Promise<DatasetSession> {
  const connector = createNodeConnector();
  connectors.push(await connector);
  const s = await openSession({ url: `${BASE}index.duckdb`, connector, fetch: fakeFetch, offline: async () => null, stallTimeoutMs: 300 });
  if (extra.onDetail) s.onDetail(extra.onDetail);
  return s;
}
const count = (rel: string) => fetched.filter((f) => f === rel).length;

let full: NodeRunner;
beforeAll(async () => {
  const reports = readdirSync(path.join(DATA, 'reports')).filter((f) => f.endsWith('.txt')).sort();
  const parsed = [];
  for (const f of reports) parsed.push(await parseReport({ sourceFile: `reports/${f}`, text: readFileSync(path.join(DATA, 'reports', f), 'utf8') }));
  await writeDataset(dir, toDataset(parsed, { kind: 'real' })); // writes index.duckdb + detail/ too
  full = await createNodeRunner();
  await full.run(attachSql(path.join(dir, 'nianbao.duckdb')));
  for (const s of setupViewsSql(await full.query<BundledTable>(bundledTablesSql()))) await full.run(s);
}, 120_000);
afterEach(() => { faults.clear(); fetched.length = 0; });
afterAll(() => { for (const c of connectors) c.close(); full?.close(); rmSync(dir, { recursive: true, force: true }); });

describe('data session: the detail queue', () => {
  it('shares one download between concurrent requests for a part, and answers like the full file', async () => {
    const s = await open();
    expect(s.parts.map((p) => p.code)).toContain('43');
    const sel = { region: '43' };
    const a = s.runnerFor(sel);
    const b = s.runnerFor(sel);
    const sql = compareSql({ selection: sel, metric: 'new', year: 2024 });
    const [ra, rb, rc] = await Promise.all([a.query(sql), b.query(sql), a.query(agenciesSql({ region: '43' }))]);
    expect(count('detail/43.duckdb')).toBe(1);
    expect(ra.length).toBeGreaterThan(0);
    expect(ra).toEqual(await full.query(sql));
    expect(rb).toEqual(ra);
    expect(rc).toEqual(await full.query(agenciesSql({ region: '43' })));
    expect([...s.loadedParts()]).toEqual(['43']);
    expect(fetched.filter((f) => f.startsWith('detail/'))).toEqual(['detail/43.duckdb']);
  });

  it('over every province returns the numbers of the single full file', async () => {
    const s = await open();
    const all = s.runnerFor({});
    for (const q of [agenciesSql({ search: '政府' }), qualityReportsSql({ includeUndated: true }), overviewSql({ selection: { agencies: ['湘潭县人民政府办公室'] } }),
      compareSql({ metric: 'new', year: 2024 }), yearsSql({ selection: { agencies: ['平潭综合实验区'] } }), regionsSql({ metric: 'new', year: 2024, parent: '43', selection: {} })]) {
      const rows = await all.query(q);
      expect(rows.length, q.sql).toBeGreaterThan(0);
      expect(rows, q.sql).toEqual(await full.query(q));
    }
    // undeclared SQL (the analyst's SQL view) waits for every part too
    expect(await all.query('SELECT count(*)::INTEGER AS n FROM metrics')).toEqual(await full.query('SELECT count(*)::INTEGER AS n FROM metrics'));
    expect([...s.loadedParts()].sort()).toEqual(s.parts.map((p) => p.code).sort());
    for (const p of s.parts) expect(count(p.file)).toBe(1);
  });

  it('with only the selection’s province attached, every per-report builder gives the full file’s numbers', async () => {
    // the session fetches the parts of the view's selection; a builder reading a wider region than
    // its selection would count fewer reports here
    for (const region of ['43', '4303', '430321', '35']) {
      const s = await open();
      const sel = { region };
      const r = s.runnerFor(sel);
      const built = [
        q.compareSql({ selection: sel, metric: 'new', year: 2024 }), q.compareQuantilesSql({ selection: sel, metric: 'granted_rate', year: 2024 }),
        q.agenciesSql({ region }), q.qualityReportsSql({ selection: sel, includeUndated: true }), q.provenanceSql({ selection: sel }),
        q.contributingFactsSql({ selection: sel, table: 'requests', item: 'new', column: 'total' }),
        q.overviewSql({ selection: { ...sel, agencies: ['湘潭县人民政府办公室'] } }), q.overviewSql({ selection: sel, source: 'metrics' }),
        q.regionsSql({ selection: sel, metric: 'new', year: 2024, parent: regionParent(region), source: region.length > 4 ? undefined : 'metrics' }),
        q.changeSql({ selection: sel, start: 2023, end: 2024 }), q.likeForLikeSql({ selection: sel, metrics: ['new'], year: 2024, baseYear: 2023 }),
        q.outcomeGroupsSql({ selection: sel, by: 'year', source: 'metrics' }), q.appealsSql({ selection: sel, source: 'metrics' }),
      ];
      for (const b of built) {
        expect(needsDetail(b), b.sql).toBe(true);
        expect(await r.query(b), b.sql).toEqual(await full.query(b));
      }
      expect([...s.loadedParts()]).toEqual(s.parts.filter((p) => p.code === region.slice(0, 2)).map((p) => p.code));
    }
  });

  it('answers cube-only queries without waiting for detail', async () => {
    const s = await open();
    for (const p of s.parts) faults.set(p.file, 'hang'); // a detail fetch would never finish
    const r = s.runnerFor({ region: '43' });
    for (const q of [overviewSql({}), overviewSql({ selection: { region: '43' } }), yearsSql(), regionsSql({ metric: 'new', year: 2024, parent: '' })]) {
      expect(q.reads).toEqual(['cube']);
      expect(await r.query(q)).toEqual(await full.query(q));
    }
    expect(fetched.filter((f) => f.startsWith('detail/'))).toEqual([]);
    expect(s.loadedParts().size).toBe(0);
  });

  const cases: [Fault, string][] = [['missing', 'not-found'], ['network', 'network'], ['html', 'corrupt'], ['stall-headers', 'stalled'], ['stall-body', 'stalled']];
  for (const [fault, code] of cases) {
    it(`a part that fails (${fault}) rejects the query as ${code} at detail-download, and the next request retries`, async () => {
      const events: DetailEvent[] = [];
      const s = await open({ onDetail: (e) => events.push(e) });
      faults.set('detail/43.duckdb', fault);
      const r = s.runnerFor({ region: '43' });
      const sql = compareSql({ selection: { region: '43' }, metric: 'new', year: 2024 });
      const err = await r.query(sql).then(() => null, (e: unknown) => e);
      expect(err).toBeInstanceOf(DataLoadError);
      expect(err).toMatchObject({ code, step: 'detail-download' });
      expect((err as Error).message).toContain('detail/43.duckdb');
      expect(events.map((e) => e.stage)).toEqual(['downloading', 'failed']);
      expect(s.loadedParts().size).toBe(0);
      faults.clear();
      expect(await r.query(sql)).toEqual(await full.query(sql));
      expect(count('detail/43.duckdb')).toBe(2);
      expect(events.map((e) => e.stage)).toEqual(['downloading', 'failed', 'downloading', 'ready']);
    });
  }

  it('a failed index names its step; a view needing more than the limit asks first', async () => {
    faults.set('index.duckdb', 'missing');
    await expect(open()).rejects.toMatchObject({ code: 'not-found', step: 'index-download' });
    faults.set('index.duckdb', 'html');
    await expect(open()).rejects.toMatchObject({ code: 'corrupt', step: 'index-download' });
    faults.clear();
    const s = await open();
    // the bundled parts are small: shrink the limit by pretending they are large
    for (const p of s.parts) (p as { bytes: number }).bytes = 40e6;
    await expect(s.runnerFor({}).query(agenciesSql())).rejects.toMatchObject({ code: 'detail-too-large', parts: s.parts.length });
    expect(fetched.filter((f) => f.startsWith('detail/'))).toEqual([]);
    expect((await s.runnerFor({}, { all: true }).query(agenciesSql())).length).toBeGreaterThan(0);
  });
});

describe('data session: import, the switch and clear', () => {
  it('switches and clears without waiting for detail files (they may be too large to fetch)', async () => {
    const s = await open();
    for (const p of s.parts) faults.set(p.file, 'hang');
    const cube = () => s.runnerFor({}).query<{ n_reports: number }>(yearsSql());
    const both = await cube();
    await s.setSource('imported');
    expect(await cube()).toEqual([]); // the cached cube result was dropped by the switch
    await s.setSource('both');
    await s.clearImported();
    expect(await cube()).toEqual(both);
    expect(fetched.filter((f) => f.startsWith('detail/'))).toEqual([]);
  });

  it('adds imported reports to the views, follows the switch, and clears them again', async () => {
    const s = await open();
    const r = s.runnerFor({});
    const received = async () => Object.fromEntries((await runAggregate(r, { metrics: ['received'], by: 'agency' })).map((x) => [x.agency, x.value]));
    const before = await received();
    const file = '2023_pingtan_czjrj.txt';
    const text = readFileSync(path.join(DATA, 'pingtan-departments/reports', file), 'utf8');
    const ds = parsedToDataset([await parseReport({ sourceFile: file, text })]);
    const agency = ds.reports[0].agency_label ?? ds.reports[0].agency;
    expect(agency && before[agency]).toBeFalsy();
    await s.importRows(ds);
    const after = await received();
    expect(Object.keys(after).length).toBe(Object.keys(before).length + 1);
    expect(after[agency!]).toEqual(expect.any(Number));
    // the cube of the index answers overviews; after an import it must include the import
    const cube = async () => (await r.query<{ n_reports: number }>(yearsSql())).reduce((n, y) => n + Number(y.n_reports), 0);
    const withImport = await cube();
    await s.setSource('bundled');
    expect(await received()).toEqual(before);
    expect(await cube()).toBe(withImport - 1);
    await s.setSource('both');
    expect(await cube()).toBe(withImport);
    await s.clearImported();
    expect(await received()).toEqual(before);
    expect(await cube()).toBe(withImport - 1);
  });

  it('imports a bundled report again: it replaces the bundled one, counted once, and clear restores it', async () => {
    const s = await open();
    const r = s.runnerFor({});
    const file = '2024_xiangtanxian_zfbgs.txt';
    const ds = parsedToDataset([await parseReport({ sourceFile: file, text: readFileSync(path.join(DATA, 'reports', file), 'utf8') })]);
    const [imp] = ds.reports;
    // the bundled report of the same agency-year (the session's data is every file of data/reports)
    const same = await r.query<{ report_id: string }>(`SELECT report_id FROM reports WHERE agency_id = '${imp.agency_id}' AND year = ${imp.year} AND counted`);
    expect(same).toHaveLength(1);
    const bundledId = String(same[0].report_id);
    // the panel gives an import whose id the database has an id of its own (use-import.ts)
    expect(await s.existingIds([imp.report_id, 'nope'])).toEqual([bundledId]);
    const id = `${imp.report_id}~2`;
    imp.report_id = id;
    for (const f of ds.facts) f.report_id = id;
    const numbers = async () => ({
      total: (await runAggregate(r, { metrics: ['received', 'new', 'granted_rate'], by: 'none' })).map((x) => [x.metric, x.value, x.n_reports]),
      perAgency: await runAggregate(r, { metrics: ['new', 'received'], by: 'agency_year' }),
      outcomes: await runOutcomeGroups(r, { by: 'total' }),
      cube: await r.query(overviewSql({})), // the cube: summed again from per-report rows after a replacement
      years: await r.query(yearsSql()),
    });
    const before = await numbers();
    expect(before.total.find((x) => x[0] === 'new')![1]).toBeGreaterThan(33);

    await s.importRows(ds);
    expect(await numbers()).toEqual(before);
    expect(await s.replacements()).toEqual([{ bundled: bundledId, imported: id, agency: imp.agency, year: 2024 }]);
    const rows = await r.query<{ report_id: string; dataset: string; counted: boolean; set_aside: string | null }>(
      `SELECT report_id, dataset, counted, set_aside FROM reports WHERE report_id IN ('${bundledId}', '${id}') ORDER BY dataset`);
    expect(rows).toEqual([
      { report_id: id, dataset: 'imported', counted: true, set_aside: null },
      { report_id: bundledId, dataset: 'real', counted: false, set_aside: 'replaced' },
    ]);
    // counted once, as the imported copy: the only row of the agency-year in metrics
    expect(await r.query(`SELECT dataset FROM metrics WHERE agency_id = '${imp.agency_id}' AND year = 2024`)).toEqual([{ dataset: 'imported' }]);

    // undo: the bundled copy counts again, numbers unchanged
    await s.keepBundled(bundledId);
    expect(await s.replacements()).toEqual([]);
    expect(await numbers()).toEqual(before);
    expect(await r.query(`SELECT dataset FROM metrics WHERE agency_id = '${imp.agency_id}' AND year = 2024`)).toEqual([{ dataset: 'real' }]);

    await s.clearImported();
    expect(await numbers()).toEqual(before);
    expect(await s.existingIds([id])).toEqual([]);
    expect(await r.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM reports WHERE report_id = '${bundledId}' AND counted AND set_aside IS NULL`)).toEqual([{ n: 1 }]);
  });
});
