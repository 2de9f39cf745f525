// The region view: one metric in one year, summed over the regions one level below a parent
// (all provinces; a province's cities; a city's counties), for a drill-down province → city →
// county. Region codes are GB/T 2260: 2 digits province, 4 city, 6 county. Reports whose agency
// could not be placed (region_code NULL) are counted in `unplaced` instead of vanishing.
// No choropleth: the npm registry has no maintained, redistributable province boundary package
// (checked: only an old city-geojson bundle of unclear licence), so the chart is a treemap.
import { requireMetric } from '../metric-catalog';
import type { Selection } from '../filters';
import { aggregatorFor } from '../cube';
import { int } from '../sql';
import { query, toNum, toStr, type Query, type QueryRunner } from '../query-runner';
import type { RegionRow } from '../../model/rows';
export type { RegionRow } from '../../model/rows';

export interface RegionParams {
  selection?: Selection;
  metric: string;
  year: number;
  /** '' for all provinces, 2 digits for a province's cities, 4 digits for a city's counties. */
  parent: string;
  /** Force per-report `metrics` or the `cube` (default: chosen by the selection). */
  source?: 'metrics' | 'cube';
}

export function childPrefixLength(parent: string): number {
  if (!/^(\d{2}|\d{4})?$/.test(parent)) throw new Error(`region parent must be '', 2 or 4 digits: ${JSON.stringify(parent)}`);
  return parent.length + 2;
}

export function regionsSql(p: RegionParams): Query {
  const len = childPrefixLength(p.parent);
  // counties are below the cube's grain: a city's counties come from its province's metrics
  const agg = aggregatorFor(p.selection, [], { source: p.source, regionDigits: len });
  const a = agg.metric(requireMetric(p.metric));
  const nameCol = len === 2 ? 'province' : len === 4 ? 'coalesce(city, province)' : 'coalesce(county, city)';
  const sel: Selection = { ...p.selection, region: p.parent || undefined, years: undefined };
  // Names come from the GB/T 2260 table by code, so one code has one name; min() is deterministic
  // and the same over cube cells as over reports (mode() is not, on ties).
  const agencies = agg.source === 'cube' ? 'coalesce(sum(n_agencies), 0)::INTEGER' : 'count(DISTINCT agency)::INTEGER';
  // A report placed above this level (only its province known: 平潭综合实验区 under 福建省) is a
  // tile of its own place inside its parent, with a code that does not drill (`35~平潭综合实验区`).
  const above = `length(region_code) < ${len}`;
  return query(`SELECT CASE WHEN ${above} THEN region_code || '~' || coalesce(place, province, '') ELSE substr(region_code, 1, ${len}) END AS code,
    min(CASE WHEN ${above} THEN coalesce(place, province) ELSE ${nameCol} END) AS name,
    ${a.value} AS value, ${a.numerator} AS numerator, ${a.denominator} AS denominator,
    ${a.nReports} AS n_reports, ${a.nData} AS n_data, ${agencies} AS n_agencies,
    min(province) AS province, min(city) AS city
  FROM ${agg.table}
  WHERE ${agg.where(sel)} AND year = ${int(p.year)} AND region_code IS NOT NULL
  GROUP BY 1
  ORDER BY value DESC NULLS LAST, code`, agg.source);
}

/** Reports in the selection and year with no known place at all (not even a province). */
export function unplacedSql(p: Omit<RegionParams, 'parent'>): Query {
  const agg = aggregatorFor(p.selection, [], { source: p.source });
  return query(`SELECT ${agg.reports} AS n FROM ${agg.table}
  WHERE ${agg.where({ ...p.selection, years: undefined })} AND year = ${int(p.year)} AND region_code IS NULL`, agg.source);
}

export async function runRegions(db: QueryRunner, p: RegionParams): Promise<{ rows: RegionRow[]; unplaced: number }> {
  const rows = (await db.query(regionsSql(p))).map((r) => ({
    code: toStr(r.code) ?? '',
    name: toStr(r.name),
    value: toNum(r.value),
    numerator: toNum(r.numerator),
    denominator: toNum(r.denominator),
    n_reports: toNum(r.n_reports) ?? 0,
    n_data: toNum(r.n_data) ?? 0,
    n_agencies: toNum(r.n_agencies) ?? 0,
    province: toStr(r.province),
    city: toStr(r.city),
  }));
  const unplaced = p.parent ? 0 : toNum((await db.query(unplacedSql(p)))[0]?.n) ?? 0;
  return { rows, unplaced };
}
