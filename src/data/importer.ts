// An import into the database, over any QueryRunner (a DatasetSession's runner in the browser —
// session.importRows — or native DuckDB in Node tests): the one path by which imported rows enter
// the `imp` schema. SQL comes from ./import-sql.ts and ./load-dataset.ts; nothing here builds any.
//
// Counting is identity (src/dataset/identity.ts): before inserting, the imported reports are
// resolved together with the bundled reports of the same agencies (or the same content). An
// import of a report the dashboard ships replaces it (imp.replaced; the bundled one stays listed,
// set aside 'replaced'), so no number changes; replacements() lists them and keepBundled undoes one.
import type { Dataset, ReportRow } from '../model/dataset';
import { factKeys, MIN_SHARED_NONZERO, resolveReports, searchText, type IdentityInput } from '../dataset/identity';
import { resolveDataset } from '../dataset/to-dataset';
import { insertDatasetSql } from './insert';
import { bundledCandidatesSql, containingReportsSql, insertReplacedSql, keepBundledSql, printedCellsSql, replacedBySql, replacementsSql } from './import-sql';
import { clearImportedSql, createReplacedSql, existingReportIdsSql, IMPORTED, rebuildImported, setSourceSql } from './load-dataset';
import { statement, type QueryRunner } from './query-runner';

export type Source = 'bundled' | 'imported' | 'both';

/** A bundled report an import replaced (same report: counted once, the import's copy). */
export interface Replacement { bundled: string; imported: string; agency: string | null; year: number | null }

export interface Importer {
  /**
   * Insert one slice. `rebuild: false` (more slices follow): skip rebuilding the imported
   * metrics/cube and the views — the 45 MB CSV took 67–80 s rebuilding after each of ~15 slices.
   */
  importRows(ds: Dataset, opts?: { rebuild?: boolean }): Promise<void>;
  replacements(): Promise<Replacement[]>;
  /** Undo one replacement: the bundled report counts again, the import that replaced it does not. */
  keepBundled(bundledId: string): Promise<void>;
  /** Remove every imported row and the replacements it made (statements over imp only: at once). */
  clearImported(): Promise<void>;
  /** Which of these report ids the database already has (bundled or imported). */
  existingIds(ids: string[]): Promise<string[]>;
  /** The bundled/imported/both switch: every view follows it at once. */
  setSource(source: Source): Promise<void>;
}

const input = (r: Pick<ReportRow, 'report_id' | 'agency_id' | 'agency' | 'year' | 'fingerprint' | 'fact_count' | 'checks_failed' | 'status'>, imported: boolean, keys?: ReadonlySet<string>): IdentityInput => ({
  report_id: r.report_id, agency_id: r.agency_id ?? null, agency: r.agency, year: r.year === null ? null : Number(r.year),
  fingerprint: r.fingerprint ?? null, keys, fact_count: Number(r.fact_count ?? 0), checks_failed: Number(r.checks_failed ?? 0), status: String(r.status), imported,
});

/** Printed cells per report (identity.ts factKeys), for fragment detection across the import and the bundle. */
function keysOf(facts: readonly { report_id: string; table: string; item: string; column: string; value: number | null; derived: boolean }[]): Map<string, Set<string>> {
  const by = new Map<string, typeof facts[number][]>();
  for (const f of facts) by.set(f.report_id, [...(by.get(f.report_id) ?? []), f]);
  return new Map([...by].map(([id, list]) => [id, new Set(factKeys(list))]));
}

type BundledRow = Pick<ReportRow, 'report_id' | 'agency_id' | 'agency' | 'agency_label' | 'year' | 'fingerprint' | 'fact_count' | 'checks_failed' | 'status' | 'level' | 'region_code' | 'province' | 'city' | 'county' | 'region_status' | 'place' | 'template' | 'title'>;

/**
 * A facts CSV naming a bundled report id is that report again: it takes the bundled report's
 * agency and year (facts.csv carries neither) under an id of its own, and the same rule applies.
 */
function adoptCsvReports(ds: Dataset, bundled: Map<string, BundledRow>): void {
  const renamed = new Map<string, string>();
  for (const r of ds.reports) {
    const b = r.format === 'csv' && r.agency === null ? bundled.get(r.report_id) : undefined;
    if (!b) continue;
    const id = `${r.report_id}~csv`;
    renamed.set(r.report_id, id);
    Object.assign(r, {
      report_id: id, agency: b.agency, agency_label: b.agency_label, agency_id: b.agency_id, year: b.year, level: b.level,
      region_code: b.region_code, province: b.province, city: b.city, county: b.county, region_status: b.region_status,
      place: b.place, template: b.template, title: b.title,
    });
  }
  if (renamed.size === 0) return;
  for (const f of ds.facts) f.report_id = renamed.get(f.report_id) ?? f.report_id;
  // the "no agency or year" warning no longer holds for these
  ds.findings = ds.findings.filter((f) => !(renamed.has(f.report_id) && f.code === 'agency-not-found'));
  for (const r of ds.reports) if (renamed.has(r.report_id.replace(/~csv$/, ''))) r.finding_count = ds.findings.filter((f) => f.report_id === r.report_id).length;
}

/** Bundled report ids whose printed cells include all those of an imported report with no agency. */
async function containingReports(runner: QueryRunner, ds: Dataset): Promise<string[]> {
  const out: string[] = [];
  for (const r of ds.reports.filter((x) => !x.agency_id)) {
    const cells = ds.facts.filter((f) => f.report_id === r.report_id && !f.derived && f.value !== null);
    if (cells.filter((f) => f.value !== 0).length < MIN_SHARED_NONZERO) continue;
    const rows = await runner.query<{ report_id: string }>(containingReportsSql(cells.map((f) => ({ table: f.table, item: f.item, column: f.column, value: Number(f.value) }))));
    out.push(...rows.map((x) => String(x.report_id)));
  }
  return out;
}

export function importer(runner: QueryRunner): Importer {
  const run = async (...stmts: string[]) => { for (const s of stmts) await runner.query(statement(s)); };
  // bare SQL: rebuilding after an import or an undo waits for every detail part, as the import's
  // reads did (load-dataset.ts: the replaced cube is summed from every bundled part)
  const rebuild = () => rebuildImported((sql) => runner.query(sql));
  return {
    async importRows(ds, opts) {
      await run(createReplacedSql());
      if (ds.reports.length === 0) { if (opts?.rebuild !== false) await rebuild(); return; }
      // pinyin and OpenCC tables: loaded with the first import, not with the dashboard
      const { searchExtras } = await import('../dataset/search-extras');
      // a report with no agency may be an excerpt of a bundled one: the bundled reports printing
      // every one of its cells are candidates (identity.ts decides, by the same rule as the build)
      const candidates = {
        ids: ds.reports.map((r) => r.report_id),
        containing: await containingReports(runner, ds),
        agencies: [...new Set(ds.reports.map((r) => r.agency_id).filter((x): x is string => !!x))],
        fingerprints: [...new Set(ds.reports.map((r) => r.fingerprint).filter((x): x is string => !!x))],
      };
      // reads `reports`: the session's runner attaches every detail part first
      const bundled = await runner.query<BundledRow>(bundledCandidatesSql(candidates));
      adoptCsvReports(ds, new Map(bundled.map((b) => [b.report_id, b])));
      resolveDataset(ds);
      // the printed cells of both sides: an imported excerpt of a bundled report (or a whole one
      // the bundle holds only an excerpt of) is a fragment, as at build time (src/cli/write-dataset.ts)
      const bundledFacts = bundled.length ? await runner.query<{ report_id: string; table: string; item: string; column: string; value: unknown }>(printedCellsSql(bundled.map((b) => b.report_id))) : [];
      const keys = new Map([...keysOf(bundledFacts.map((f) => ({ ...f, report_id: String(f.report_id), value: Number(f.value), derived: false }))), ...keysOf(ds.facts)]);
      // the imported reports that count, against the bundled ones they may repeat; one without a
      // year too, for it may be a fragment of a bundled report (the reason shown: fragment first)
      const res = resolveReports([...bundled.map((b) => input(b, false, keys.get(b.report_id))), ...ds.reports.filter((r) => r.counted !== false || r.set_aside === 'no-year').map((r) => input(r, true, keys.get(r.report_id)))]);
      const replaced = bundled.map((b) => ({ b, o: res.get(b.report_id)! })).filter((x) => !x.o.counted && x.o.superseded_by);
      for (const r of ds.reports) {
        const o = res.get(r.report_id);
        if (o && !o.counted) Object.assign(r, { counted: false, set_aside: o.set_aside, superseded_by: o.superseded_by });
        // one name for the agency: the bundled label when it had one
        const b = bundled.find((x) => x.agency_id && x.agency_id === r.agency_id && x.agency_label);
        if (b) r.agency_label = b.agency_label;
        // found like a bundled report: every name of the agency, pinyin, traditional forms
        const names = [...new Set([r.agency, ...bundled.filter((x) => x.agency_id && x.agency_id === r.agency_id).map((x) => x.agency)].filter((x): x is string => !!x))];
        if (names.length) r.search_text = searchText(names, [r.province, r.city, r.county, r.place ?? null], searchExtras);
      }
      await run(...insertDatasetSql(ds, { schema: IMPORTED }));
      if (replaced.length) await runner.query(insertReplacedSql(replaced.map((x) => [x.b.report_id, x.o.superseded_by!] as const)));
      // more slices follow: one rebuild with the last (src/ui/import/use-import.ts)
      if (opts?.rebuild !== false) await rebuild();
    },
    async replacements() {
      await run(createReplacedSql());
      const rows = await runner.query<Record<string, unknown>>(replacementsSql());
      return rows.map((r) => ({ bundled: String(r.report_id), imported: String(r.superseded_by), agency: r.agency === null ? null : String(r.agency), year: r.year === null ? null : Number(r.year) }));
    },
    async keepBundled(bundledId) {
      const [x] = await runner.query<{ superseded_by: string }>(replacedBySql(bundledId));
      if (!x) return;
      for (const s of keepBundledSql(bundledId, String(x.superseded_by))) await runner.query(s);
      await rebuild();
    },
    async clearImported() {
      // statements over imp only: at once, even when the bundled detail is too large to fetch
      await run(...clearImportedSql());
      await rebuildImported((sql) => runner.query(statement(sql)));
    },
    async existingIds(ids) {
      if (ids.length === 0) return [];
      return (await runner.query<{ report_id: string }>(existingReportIdsSql(ids))).map((r) => String(r.report_id));
    },
    async setSource(source) {
      await runner.query(statement(setSourceSql(source)));
    },
  };
}
