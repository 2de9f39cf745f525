// What is loaded: the landing's summary (reports, counted, agencies, years, how many with the full
// tables) and the agency × year grid, read from the index's `coverage` table (one row per report,
// src/cli/dashboard-files.ts) plus the imported reports — no detail file is fetched for it.
import { BUNDLED, createReplacedSql, IMPORTED } from '../load-dataset';
import { ident, str } from '../sql';
import { query, toNum, toStr, type Query, type QueryRunner } from '../query-runner';

export interface CoverageRow {
  report_id: string;
  agency: string | null;
  agency_id: string | null;
  year: number | null;
  template: string | null;
  level: string | null;
  place: string | null;
  counted: boolean;
  set_aside: string | null;
  dataset: string | null;
}

export interface CoverageSummary {
  reports: number;
  counted: number;
  agencies: number;
  from: number | null;
  to: number | null;
  /** Counted reports in the 2019 or 2021 template (the full tables). */
  full: number;
  setAside: number;
}

const IMPORTED_COVERAGE = `SELECT report_id, coalesce(agency_label, agency) AS agency, agency_id, CAST(year AS INTEGER) AS year, template, level, place,
  coalesce(counted, true) AS counted, set_aside, dataset FROM ${ident(IMPORTED)}.reports`;

/** Every report (bundled from the index's coverage table, imported from imp.reports). */
export function coverageSql(): Query {
  const bundled = `${ident(BUNDLED)}.coverage`;
  return query(`SELECT report_id, agency, agency_id, year, template, level, place, counted, set_aside, dataset FROM (
  SELECT report_id, agency, agency_id, year, template, level, place, counted, set_aside, dataset FROM ${bundled}
    WHERE report_id NOT IN (SELECT report_id FROM ${ident(IMPORTED)}.replaced)
  UNION ALL
  SELECT report_id, agency, agency_id, year, template, level, place, false AS counted, 'replaced' AS set_aside, dataset FROM ${bundled}
    WHERE report_id IN (SELECT report_id FROM ${ident(IMPORTED)}.replaced)
  UNION ALL ${IMPORTED_COVERAGE})
ORDER BY agency NULLS LAST, year NULLS LAST, report_id`, 'index', 'imp');
}

/** Whether the index holds `table` (an index written without the grid, or a single full file, does not). */
export function indexHasSql(table: 'coverage' | 'parts'): Query {
  return query(`SELECT 1 FROM duckdb_tables() WHERE table_name = ${str(table)} AND (database_name = ${str(BUNDLED)} OR schema_name = ${str(BUNDLED)})`, 'catalog');
}

export function summarise(rows: readonly CoverageRow[]): CoverageSummary {
  const counted = rows.filter((r) => r.counted);
  const years = counted.map((r) => r.year).filter((y): y is number => y !== null);
  return {
    reports: rows.length,
    counted: counted.length,
    agencies: new Set(rows.map((r) => r.agency_id ?? r.agency).filter(Boolean)).size,
    from: years.length ? Math.min(...years) : null,
    to: years.length ? Math.max(...years) : null,
    full: counted.filter((r) => r.template === '2019' || r.template === '2021').length,
    setAside: rows.length - counted.length,
  };
}

/**
 * The coverage rows; an index without a coverage table (a single full file, an old build) is read
 * from `reports` instead (that reads the per-report detail).
 */
export async function runCoverage(runner: QueryRunner): Promise<CoverageRow[]> {
  let raw: Record<string, unknown>[];
  const has = await runner.query(indexHasSql('coverage'));
  // creates an empty table when absent: declared, so the landing never waits for detail files
  await runner.query(query(createReplacedSql(), 'imp'));
  if (has.length) raw = await runner.query(coverageSql());
  else if ((await runner.query(indexHasSql('parts'))).length > 0) {
    // an index written without the grid (a large dataset): no per-report fetch for the landing
    return [];
  } else {
    raw = await runner.query(query(`SELECT report_id, coalesce(agency_label, agency) AS agency, agency_id, CAST(year AS INTEGER) AS year, template, level, place,
      coalesce(counted, true) AS counted, set_aside, dataset FROM reports ORDER BY agency NULLS LAST, year NULLS LAST, report_id`, 'reports'));
  }
  return raw.map((r) => ({
    report_id: String(r.report_id), agency: toStr(r.agency), agency_id: toStr(r.agency_id), year: toNum(r.year), template: toStr(r.template),
    level: toStr(r.level), place: toStr(r.place), counted: r.counted !== false, set_aside: toStr(r.set_aside), dataset: toStr(r.dataset),
  }));
}
