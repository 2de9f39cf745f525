// Routing without a regex: every query builder declares what it reads (src/data/query-runner.ts
// `reads`), and the data session decides from that alone whether a query waits for detail files.
// A builder reading `metrics` but declaring only `cube` would run before its province is attached
// and count fewer reports — so each declaration is checked here against DuckDB's own parse of the
// SQL text (json_serialize_sql: every table the statement names, views unexpanded), both ways.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeRunner, type NodeRunner } from '../helpers/duckdb-node';
import * as queries from '../../src/data/queries';
import { existingReportIdsSql } from '../../src/data/load-dataset';
import * as importSql from '../../src/data/import-sql';
import { query, READS, type Query, type Reads } from '../../src/data/query-runner';

let db: NodeRunner;
beforeAll(async () => { db = await createNodeRunner(); });
afterAll(() => db?.close());

/** The tables a statement names, as `reads` entries (unknown names are returned as-is, and fail). */
async function parsedReads(sql: string): Promise<string[]> {
  const [{ j }] = await db.query<{ j: string }>(`SELECT json_serialize_sql(${`'${sql.replaceAll("'", "''")}'`}) AS j`);
  const ast = JSON.parse(j) as { error: boolean; error_message?: string };
  if (ast.error) throw new Error(`json_serialize_sql: ${ast.error_message}`);
  const ctes = new Set<string>();
  const tables: { schema: string; table: string }[] = [];
  const functions: string[] = [];
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) { n.forEach(walk); return; }
    if (!n || typeof n !== 'object') return;
    const o = n as Record<string, unknown>;
    if (o.type === 'BASE_TABLE') tables.push({ schema: String(o.schema_name), table: String(o.table_name) });
    if (o.type === 'TABLE_FUNCTION') functions.push(String((o.function as { function_name?: string }).function_name));
    const cte = o.cte_map as { map?: { key: string }[] } | undefined;
    for (const m of cte?.map ?? []) ctes.add(m.key);
    Object.values(o).forEach(walk);
  };
  walk(ast);
  const out = new Set<string>();
  for (const t of tables) {
    if (t.schema === '' && ctes.has(t.table)) continue;
    if (t.schema === 'imp') out.add('imp');
    else if (t.schema === 'nb') out.add('index');
    else if (t.schema === 'information_schema') out.add('catalog');
    else out.add(t.schema ? `${t.schema}.${t.table}` : t.table);
  }
  for (const f of functions) out.add(f.startsWith('duckdb_') ? 'catalog' : `${f}()`);
  return [...out].sort();
}

const sel = { region: '43', levels: ['county'], years: [2019, 2024] as [number, number] };
const agencies = { agencies: ['湘潭县人民政府办公室'] };
const county = { region: '430321' };

/** Every builder of src/data/queries with the parameters that switch what it reads (cube or per-report rows). */
const BUILT: Record<string, Query[]> = {
  aggregateSql: [{}, sel, agencies, county].flatMap((selection) => (['year', 'none', 'agency', 'agency_year'] as const).map((by) => queries.aggregateSql({ selection, metrics: ['new', 'granted_rate'], by }))),
  overviewSql: [queries.overviewSql(), queries.overviewSql({ selection: sel }), queries.overviewSql({ selection: agencies }), queries.overviewSql({ selection: county })],
  trendsSql: [queries.trendsSql({ metrics: ['new'], mode: 'aggregate' }), queries.trendsSql({ selection: agencies, metrics: ['new'], mode: 'agency' })],
  compareSql: [queries.compareSql({ metric: 'new', year: 2024, limit: 20 }), queries.compareSql({ selection: agencies, metric: 'granted_rate', year: 2024, minDenominator: 10 })],
  compareQuantilesSql: [queries.compareQuantilesSql({ selection: sel, metric: 'correction_rate', year: 2024 })],
  outcomeGroupsSql: [queries.outcomeGroupsSql(), queries.outcomeGroupsSql({ selection: agencies, by: 'year' })],
  reasonsSql: [queries.reasonsSql({ group: 'denied' }), queries.reasonsSql({ selection: county })],
  applicantTypesSql: [queries.applicantTypesSql(), queries.applicantTypesSql({ selection: agencies, item: 'denied_total' })],
  sankeySql: [queries.sankeySql(), queries.sankeySql({ selection: agencies })],
  appealsSql: [queries.appealsSql({ by: 'year' }), queries.appealsSql({ selection: agencies })],
  agenciesSql: [queries.agenciesSql(), queries.agenciesSql({ search: '政府 湘潭', region: '43', limit: 5 })],
  yearsSql: [queries.yearsSql(), queries.yearsSql({ selection: agencies }), queries.yearsSql({ selection: county })],
  qualityReportsSql: [queries.qualityReportsSql({ selection: sel, includeUndated: true, limit: 10 })],
  reportChecksSql: [queries.reportChecksSql('r1')],
  reportFindingsSql: [queries.reportFindingsSql('r1')],
  reportBlankCellsSql: [queries.reportBlankCellsSql('r1')],
  sourceSql: [queries.sourceSql({ reportId: 'r1', table: 'requests', item: 'new', column: 'total' })],
  contributingFactsSql: [queries.contributingFactsSql({ selection: sel, table: 'requests', item: 'new', column: 'total', year: 2024, limit: 5 })],
  provenanceSql: [queries.provenanceSql({ selection: sel })],
  metaSql: [queries.metaSql()],
  regionsSql: [queries.regionsSql({ metric: 'new', year: 2024, parent: '' }), queries.regionsSql({ metric: 'new', year: 2024, parent: '43' }), queries.regionsSql({ metric: 'new', year: 2024, parent: '4303' }), queries.regionsSql({ selection: agencies, metric: 'new', year: 2024, parent: '' })],
  unplacedSql: [queries.unplacedSql({ metric: 'new', year: 2024 }), queries.unplacedSql({ selection: agencies, metric: 'new', year: 2024 })],
  importedSql: [queries.importedSql()],
  sqlSchemaSql: [queries.sqlSchemaSql()],
  changeSql: [queries.changeSql({ start: 2021, end: 2024, metrics: ['new'] })],
  changeSetSql: [queries.changeSetSql({ selection: sel, start: 2021, end: 2024 })],
  likeForLikeSql: [queries.likeForLikeSql({ metrics: ['new', 'granted_rate'], year: 2024, baseYear: 2023 })],
  baseYearSql: [queries.baseYearSql(sel, 2024), queries.baseYearSql(agencies, 2024)],
  profileReportsSql: [queries.profileReportsSql('湘潭县人民政府办公室')],
  existingReportIdsSql: [existingReportIdsSql(['r1'])],
  containingReportsSql: [importSql.containingReportsSql([{ table: 'requests', item: 'new', column: 'total', value: 3 }])],
  bundledCandidatesSql: [importSql.bundledCandidatesSql({ ids: ['r1'], containing: [], agencies: [], fingerprints: [] }), importSql.bundledCandidatesSql({ ids: ['r1'], containing: ['r2'], agencies: ['a'], fingerprints: ['f'] })],
  printedCellsSql: [importSql.printedCellsSql(['r1'])],
  replacementsSql: [importSql.replacementsSql()],
  replacedBySql: [importSql.replacedBySql('r1')],
  coverageSql: [queries.coverageSql()],
  indexHasSql: [queries.indexHasSql('coverage')],
};

/** Returns SQL text on purpose: the analyst's own statement, read as detail (it may name any view). */
const TEXT_BUILDERS = ['sqlViewQuery'];

describe('declared reads', () => {
  it('covers every SQL builder of src/data/queries', () => {
    const builders = Object.keys(queries).filter((k) => k.endsWith('Sql') && typeof (queries as Record<string, unknown>)[k] === 'function');
    expect(builders.filter((b) => !(b in BUILT) && !TEXT_BUILDERS.includes(b))).toEqual([]);
  });

  for (const [name, built] of Object.entries(BUILT)) {
    it(`${name}: declares exactly the tables its SQL reads`, async () => {
      for (const q of built) {
        expect(q.reads.every((r) => (READS as readonly string[]).includes(r)), q.sql).toBe(true);
        expect(await parsedReads(q.sql), q.sql).toEqual([...q.reads].sort());
      }
    });
  }

  it('covers every reading builder of src/data/import-sql.ts; its writes are statements', () => {
    const fns = Object.entries(importSql).filter(([k, v]) => k.endsWith('Sql') && typeof v === 'function').map(([k]) => k);
    const writes = ['insertReplacedSql', 'keepBundledSql'];
    expect(fns.filter((k) => !(k in BUILT) && !writes.includes(k))).toEqual([]);
    expect([importSql.insertReplacedSql([['b', 'i']]), ...importSql.keepBundledSql('b', 'i')].map((q) => q.reads)).toEqual([[], [], []]);
  });

  it('catches a wrong declaration', async () => {
    const wrong = query('WITH m AS (SELECT 1) SELECT * FROM cube WHERE x IN (SELECT report_id FROM metrics) AND y IN (SELECT 1 FROM m)', 'cube');
    expect(await parsedReads(wrong.sql)).toEqual(['cube', 'metrics']);
    expect(await parsedReads(wrong.sql)).not.toEqual([...wrong.reads].sort());
    expect(await parsedReads('SELECT * FROM imp.reports r JOIN nb.coverage c USING (report_id) JOIN duckdb_tables() t ON true')).toEqual(['catalog', 'imp', 'index'] satisfies Reads[]);
  });
});
