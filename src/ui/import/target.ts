// The import's needs from the database, built on any QueryRunner and the pure SQL builders of
// src/data (insert into `imp`, then rebuildImported), so the panel mounts with just the app
// context's runner — the one path by which imported rows enter the browser's database.
//
// Counting is identity (src/dataset/identity.ts): before inserting, the imported reports are
// resolved together with the bundled reports of the same agencies (or the same content). An
// import of a report the dashboard ships replaces it (imp.replaced; the bundled one stays listed,
// set aside 'replaced'), so no number changes; the panel lists the replaced reports and can undo.
//
// The bundled/imported/both switch sets the DuckDB variable every unqualified view reads
// (src/data/load-dataset.ts), so every view follows it with no change to its selection.
import type { Dataset, ReportRow } from '../../model/dataset';
import { insertDatasetSql } from '../../data/insert';
import { clearImportedSql, createReplacedSql, existingReportIdsSql, IMPORTED, rebuildImported, setSourceSql } from '../../data/load-dataset';
import { statement, type QueryRunner } from '../../data/query-runner';
import { ident, inList, str } from '../../data/sql';
import { factKeys, MIN_SHARED_NONZERO, resolveReports, searchText, type IdentityInput } from '../../dataset/identity';
import { resolveDataset } from '../../dataset/to-dataset';
import type { ImportTarget, Replacement } from './use-import';

export type Source = 'bundled' | 'imported' | 'both';

export interface RunnerTarget extends ImportTarget {
  setSource(source: Source): Promise<void>;
  existingIds(ids: string[]): Promise<string[]>;
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
    const values = cells.map((f) => `(${str(f.table)}, ${str(f.item)}, ${str(f.column)}, ${Number(f.value)}::DOUBLE)`).join(', ');
    const rows = await runner.query<{ report_id: string }>(`WITH k(t, i, c, v) AS (VALUES ${values})
      SELECT f.report_id FROM facts f JOIN k ON f."table" = k.t AND f.item = k.i AND f."column" = k.c AND f.value = k.v
      WHERE NOT f.derived GROUP BY f.report_id HAVING count(DISTINCT (k.t, k.i, k.c)) = ${cells.length}`);
    out.push(...rows.map((x) => String(x.report_id)));
  }
  return out;
}

export function targetFromRunner(runner: QueryRunner): RunnerTarget {
  const run = async (sql: string) => { await runner.query(sql); };
  return {
    async importDataset(ds: Dataset, opts?: { rebuild?: boolean }) {
      await run(createReplacedSql());
      if (ds.reports.length === 0) { if (opts?.rebuild !== false) await rebuildImported((sql) => runner.query(sql)); return; }
      // pinyin and OpenCC tables: loaded with the first import, not with the dashboard
      const { searchExtras } = await import('../../dataset/search-extras');
      const ids = ds.reports.map((r) => r.report_id);
      const agencies = [...new Set(ds.reports.map((r) => r.agency_id).filter((x): x is string => !!x))];
      const prints = [...new Set(ds.reports.map((r) => r.fingerprint).filter((x): x is string => !!x))];
      const conds = [`report_id IN ${inList(ids)}`];
      // a report with no agency may be an excerpt of a bundled one: the bundled reports printing
      // every one of its cells are candidates (identity.ts decides, by the same rule as the build)
      const contains = await containingReports(runner, ds);
      if (contains.length) conds.push(`report_id IN ${inList(contains)}`);
      if (agencies.length) conds.push(`agency_id IN ${inList(agencies)}`);
      if (prints.length) conds.push(`fingerprint IN ${inList(prints)}`);
      // reads `reports`: the scoped runner attaches every detail part first
      const bundled = await runner.query<BundledRow>(`SELECT report_id, agency_id, agency, agency_label, CAST(year AS INTEGER) AS year, fingerprint,
          fact_count, checks_failed, status, level, region_code, province, city, county, region_status, place, template, title
        FROM reports WHERE dataset IS DISTINCT FROM 'imported' AND counted IS NOT FALSE AND (${conds.join(' OR ')})`);
      adoptCsvReports(ds, new Map(bundled.map((b) => [b.report_id, b])));
      resolveDataset(ds);
      // the printed cells of both sides: an imported excerpt of a bundled report (or a whole one
      // the bundle holds only an excerpt of) is a fragment, as at build time (src/cli/write-dataset.ts)
      const bundledFacts = bundled.length ? await runner.query<{ report_id: string; table: string; item: string; column: string; value: unknown }>(
        `SELECT report_id, "table", item, "column", CAST(value AS DOUBLE) AS value FROM facts WHERE report_id IN ${inList(bundled.map((b) => b.report_id))} AND NOT derived AND value IS NOT NULL`) : [];
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
      for (const s of insertDatasetSql(ds, { schema: IMPORTED })) await run(s);
      if (replaced.length) {
        await run(`INSERT INTO ${ident(IMPORTED)}.replaced VALUES ${replaced.map((x) => `(${str(x.b.report_id)}, ${str(x.o.superseded_by!)})`).join(', ')}`);
      }
      // more slices follow: one rebuild with the last (use-import.ts)
      if (opts?.rebuild !== false) await rebuildImported((sql) => runner.query(sql));
    },
    async replacements(): Promise<Replacement[]> {
      await run(createReplacedSql());
      const rows = await runner.query<Record<string, unknown>>(`SELECT x.report_id, x.superseded_by, r.agency, CAST(r.year AS INTEGER) AS year
        FROM ${ident(IMPORTED)}.replaced x LEFT JOIN reports r ON r.report_id = x.report_id AND r.dataset IS DISTINCT FROM 'imported' ORDER BY x.report_id`);
      return rows.map((r) => ({ bundled: String(r.report_id), imported: String(r.superseded_by), agency: r.agency === null ? null : String(r.agency), year: r.year === null ? null : Number(r.year) }));
    },
    async keepBundled(bundledId: string) {
      // undo one replacement: the bundled report counts again, the import that replaced it does not
      const [x] = await runner.query<{ superseded_by: string }>(`SELECT superseded_by FROM ${ident(IMPORTED)}.replaced WHERE report_id = ${str(bundledId)}`);
      if (!x) return;
      await run(`DELETE FROM ${ident(IMPORTED)}.replaced WHERE report_id = ${str(bundledId)}`);
      await run(`UPDATE ${ident(IMPORTED)}.reports SET counted = false, set_aside = 'kept-bundled', superseded_by = ${str(bundledId)} WHERE report_id = ${str(x.superseded_by)}`);
      await rebuildImported((sql) => runner.query(sql));
    },
    async clearImported() {
      // statements over imp only: at once, even when the bundled detail is too large to fetch
      for (const s of clearImportedSql()) await runner.query(statement(s));
      await rebuildImported((sql) => runner.query(statement(sql)));
    },
    async existingIds(ids: string[]) {
      if (ids.length === 0) return [];
      return (await runner.query<{ report_id: string }>(existingReportIdsSql(ids))).map((r) => r.report_id);
    },
    async setSource(source: Source) {
      await runner.query(statement(setSourceSql(source)));
    },
  };
}
