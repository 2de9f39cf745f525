// Like-for-like change: a figure for year Y against a base year compares the SAME agencies in both
// years — a total over 5 reports in 2024 against 1 in 2023 is no change at all ("同比 +16,895.2%"
// on the landing cards before this). Per metric: the agencies with data in both years, their sum
// (or pooled rate) in each year, the change — in percentage points for rates, never a relative % —
// and the agencies present in only one of the years, so the user sees who is missing.
import { MIN_RATE_DENOMINATOR, requireMetric } from '../metric-catalog';
import type { Selection } from '../filters';
import { aggregateSql } from './aggregate';
import { int, str } from '../sql';
import { query, toNum, type Query, type QueryRunner } from '../query-runner';

export interface LikeForLikeParams {
  selection?: Selection;
  metrics: string[];
  year: number;
  /** The base year; default the latest year before `year` that has reports in the selection. */
  baseYear?: number | null;
}

export interface LikeForLikeRow {
  metric: string;
  kind: 'count' | 'rate' | 'money';
  year: number;
  base_year: number | null;
  /** Agencies with data for the metric in both years: the only ones compared. */
  n_both: number;
  value: number | null;
  base_value: number | null;
  /** Counts: value − base (and the relative change). Rates: the difference in percentage points. */
  change: number | null;
  change_pct: number | null;
  change_pp: number | null;
  /** Rates: the pooled denominators of the compared agencies in each year. */
  denominator: number | null;
  base_denominator: number | null;
  /** Rates: a denominator under MIN_RATE_DENOMINATOR in either year (the change is shown as a small sample). */
  small: boolean;
  /** Agencies with data in only one of the two years (left out of the comparison). */
  only_year: string[];
  only_base: string[];
}

export function likeForLikeSql(p: LikeForLikeParams & { baseYear: number }): Query {
  const inner = aggregateSql({ selection: { ...p.selection, years: [Math.min(p.year, p.baseYear), Math.max(p.year, p.baseYear)] }, metrics: p.metrics, by: 'agency_year' });
  const kinds = p.metrics.map((id) => `(${str(id)}, ${str(requireMetric(id).kind)})`).join(', ');
  return query(`WITH a AS (${inner.sql}),
k(metric, kind) AS (VALUES ${kinds}),
-- a rate needs its denominator in both years: an agency printing 0 reconsiderations has no
-- correction rate, and pooling it in would compare 1 agency's rate in one year with 12's in the other
d AS (SELECT a.* FROM a JOIN k USING (metric) WHERE a.n_data > 0 AND (k.kind <> 'rate' OR a.denominator > 0)),
y AS (SELECT * FROM d WHERE year = ${int(p.year)}),
b AS (SELECT * FROM d WHERE year = ${int(p.baseYear)}),
j AS (
  SELECT coalesce(y.metric, b.metric) AS metric, coalesce(y.agency, b.agency) AS agency,
    y.numerator AS yn, y.denominator AS yd, b.numerator AS bn, b.denominator AS bd,
    y.metric IS NOT NULL AS in_y, b.metric IS NOT NULL AS in_b
  FROM y FULL OUTER JOIN b ON y.metric = b.metric AND y.agency = b.agency
), s AS (
  SELECT metric,
    (count(*) FILTER (WHERE in_y AND in_b))::INTEGER AS n_both,
    sum(yn) FILTER (WHERE in_y AND in_b)::DOUBLE AS yn, sum(yd) FILTER (WHERE in_y AND in_b)::DOUBLE AS yd,
    sum(bn) FILTER (WHERE in_y AND in_b)::DOUBLE AS bn, sum(bd) FILTER (WHERE in_y AND in_b)::DOUBLE AS bd,
    list(agency ORDER BY agency) FILTER (WHERE in_y AND NOT in_b) AS only_year,
    list(agency ORDER BY agency) FILTER (WHERE in_b AND NOT in_y) AS only_base
  FROM j GROUP BY metric
)
SELECT k.metric, k.kind, ${int(p.year)} AS year, ${int(p.baseYear)} AS base_year, coalesce(s.n_both, 0) AS n_both,
  CASE WHEN k.kind = 'rate' THEN s.yn / NULLIF(s.yd, 0) ELSE s.yn END::DOUBLE AS value,
  CASE WHEN k.kind = 'rate' THEN s.bn / NULLIF(s.bd, 0) ELSE s.bn END::DOUBLE AS base_value,
  s.yd AS denominator, s.bd AS base_denominator,
  s.only_year, s.only_base
FROM k LEFT JOIN s ON s.metric = k.metric
ORDER BY k.metric`, ...inner.reads);
}

/** The latest year before `year` with reports in the selection (the default base year). */
export function baseYearSql(selection: Selection | undefined, year: number): Query {
  const inner = aggregateSql({ selection: { ...selection, years: undefined }, metrics: ['received'], by: 'year' });
  return query(`SELECT max(year)::INTEGER AS y FROM (${inner.sql}) WHERE year < ${int(year)} AND n_reports > 0`, ...inner.reads);
}

const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

export async function runLikeForLike(runner: QueryRunner, p: LikeForLikeParams): Promise<LikeForLikeRow[]> {
  const base = p.baseYear ?? toNum((await runner.query(baseYearSql(p.selection, p.year)))[0]?.y);
  if (base === null || base === undefined) {
    return p.metrics.map((metric) => ({ metric, kind: requireMetric(metric).kind, year: p.year, base_year: null, n_both: 0, value: null, base_value: null, change: null, change_pct: null, change_pp: null, denominator: null, base_denominator: null, small: false, only_year: [], only_base: [] }));
  }
  return (await runner.query(likeForLikeSql({ ...p, baseYear: base }))).map((r) => {
    const kind = String(r.kind) as LikeForLikeRow['kind'];
    const value = toNum(r.value);
    const baseValue = toNum(r.base_value);
    const both = value !== null && baseValue !== null;
    return {
      metric: String(r.metric), kind, year: toNum(r.year)!, base_year: toNum(r.base_year), n_both: toNum(r.n_both) ?? 0,
      value, base_value: baseValue,
      change: both ? value! - baseValue! : null,
      change_pct: both && kind !== 'rate' && baseValue !== 0 ? (value! - baseValue!) / baseValue! : null,
      // percentage points, rounded where floating error would show (0.30000000000000004)
      change_pp: both && kind === 'rate' ? Math.round((value! - baseValue!) * 1e6) / 1e4 : null,
      denominator: toNum(r.denominator), base_denominator: toNum(r.base_denominator),
      small: kind === 'rate' && both && Math.min(toNum(r.denominator) ?? 0, toNum(r.base_denominator) ?? 0) < MIN_RATE_DENOMINATOR,
      only_year: list(r.only_year), only_base: list(r.only_base),
    };
  });
}
