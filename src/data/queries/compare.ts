// Compare agencies: one metric in one year, every peer agency ranked, plus the peer
// distribution (p10, p25, median, p75, p90). Peers are the selection WITHOUT its agency list (level,
// region, source, failing-switch still apply); the selected agencies are flagged `highlighted`.
// Agencies without data for the metric are listed after the ranked ones with value NULL and no
// rank — "no data" is not last place.
import { metricAggregates, requireMetric } from '../metric-catalog';
import { selectionPredicate, type Selection } from '../filters';
import { inList, int, num } from '../sql';
import { query, toNum, toStr, type Query, type QueryRunner } from '../query-runner';
import type { CompareRow, CompareQuantiles } from '../../model/rows';
export type { CompareRow, CompareQuantiles } from '../../model/rows';

export interface CompareParams {
  selection?: Selection;
  metric: string;
  year: number;
  /** Keep the top `limit` ranked rows plus every highlighted agency (default: all). */
  limit?: number;
  /** Rank descending (default) or ascending. */
  order?: 'desc' | 'asc';
  /**
   * Rates only: agencies whose denominator is below this are listed (value kept, `small` true) but
   * not ranked and not in the quantiles — one case at 100% should not top a ranking. Default: none.
   */
  minDenominator?: number;
  /**
   * Who the peers are when agencies are selected and no level is: 'like-selected' (default) = the
   * agencies of the selected agencies' level(s) in their province(s) — a real peer group, not
   * city, county and department mixed; 'selection' = everything the selection allows.
   */
  peers?: 'like-selected' | 'selection';
}

/** Percentile bands are drawn only from this many peers on; below it, the plain values. */
export const MIN_BAND_PEERS = 10;

function perAgency(p: CompareParams): string {
  const m = requireMetric(p.metric);
  const a = metricAggregates(m);
  const sel = { ...p.selection, years: undefined };
  return `SELECT agency,
    CASE WHEN count(DISTINCT level) = 1 THEN min(level) END AS level,
    CASE WHEN count(DISTINCT region_code) = 1 THEN min(region_code) END AS region_code,
    ${a.value} AS value, ${a.numerator} AS numerator, ${a.denominator} AS denominator, ${a.nData} AS n_data
  FROM metrics
  WHERE ${selectionPredicate(sel, { ignore: ['agencies', 'years'] })} AND year = ${int(p.year)} AND agency IS NOT NULL${peerFilter(p)}
  GROUP BY agency`;
}

/** Same level and province as the selected agencies (they themselves always stay in). */
function peerFilter(p: CompareParams): string {
  const picked = p.selection?.agencies ?? [];
  if ((p.peers ?? 'like-selected') !== 'like-selected' || picked.length === 0 || (p.selection?.levels?.length ?? 0) > 0) return '';
  // the level and province the agencies have in any year (one without a report this year still has peers)
  const of = `SELECT DISTINCT level, substr(coalesce(region_code, ''), 1, 2) AS prov FROM metrics WHERE agency IN ${inList(picked)}`;
  return `
    AND (agency IN ${inList(picked)} OR (level, substr(coalesce(region_code, ''), 1, 2)) IN (${of}))`;
}

/** The value that is ranked: NULL for no data and, with minDenominator, for small denominators. */
function rankedValue(p: CompareParams): string {
  const m = requireMetric(p.metric);
  if (p.minDenominator === undefined || m.kind !== 'rate') return 'value';
  return `CASE WHEN denominator >= ${num(p.minDenominator)} THEN value END`;
}

function smallFlag(p: CompareParams): string {
  const m = requireMetric(p.metric);
  if (p.minDenominator === undefined || m.kind !== 'rate') return 'FALSE';
  return `(value IS NOT NULL AND coalesce(denominator, 0) < ${num(p.minDenominator)})`;
}

export function compareSql(p: CompareParams): Query {
  const dir = p.order === 'asc' ? 'ASC' : 'DESC';
  const rv = rankedValue(p);
  const hl = p.selection?.agencies?.length ? `agency IN ${inList(p.selection.agencies)}` : 'FALSE';
  const limit = p.limit !== undefined ? `WHERE (rank IS NOT NULL AND rank <= ${int(p.limit)}) OR highlighted` : '';
  return query(`WITH a AS (${perAgency(p)}),
r AS (
  SELECT a.*,
    CASE WHEN ${rv} IS NOT NULL THEN (rank() OVER (PARTITION BY ${rv} IS NULL ORDER BY ${rv} ${dir}))::INTEGER END AS rank,
    (count(${rv}) OVER ())::INTEGER AS n_ranked,
    (${hl}) AS highlighted,
    ${smallFlag(p)} AS small
  FROM a
)
SELECT * FROM r ${limit}
ORDER BY rank NULLS LAST, value ${dir} NULLS LAST, agency`, 'metrics');
}

export function compareQuantilesSql(p: CompareParams): Query {
  const rv = rankedValue(p);
  return query(`WITH a AS (${perAgency(p)})
SELECT count(${rv})::INTEGER AS n,
  quantile_cont(${rv}, 0.10)::DOUBLE AS p10,
  quantile_cont(${rv}, 0.25)::DOUBLE AS p25,
  quantile_cont(${rv}, 0.50)::DOUBLE AS p50,
  quantile_cont(${rv}, 0.75)::DOUBLE AS p75,
  quantile_cont(${rv}, 0.90)::DOUBLE AS p90,
  list(DISTINCT level ORDER BY level) FILTER (WHERE ${rv} IS NOT NULL) AS levels
FROM a`, 'metrics');
}

/** Percentiles of fewer than MIN_BAND_PEERS values describe nothing: only the median is kept. */
export function bandsFor(q: CompareQuantiles): CompareQuantiles {
  return q.n >= MIN_BAND_PEERS ? q : { ...q, p10: null, p25: null, p75: null, p90: null };
}

export async function runCompare(runner: QueryRunner, p: CompareParams): Promise<{ rows: CompareRow[]; quantiles: CompareQuantiles }> {
  const [rows, q] = await Promise.all([runner.query(compareSql(p)), runner.query(compareQuantilesSql(p))]);
  const q0 = q[0] ?? {};
  return {
    rows: rows.map((r) => ({
      agency: String(r.agency),
      level: toStr(r.level),
      region_code: toStr(r.region_code),
      value: toNum(r.value),
      numerator: toNum(r.numerator),
      denominator: toNum(r.denominator),
      n_data: toNum(r.n_data) ?? 0,
      rank: toNum(r.rank),
      n_ranked: toNum(r.n_ranked) ?? 0,
      highlighted: r.highlighted === true,
      small: r.small === true,
    })),
    quantiles: bandsFor({ n: toNum(q0.n) ?? 0, p10: toNum(q0.p10), p25: toNum(q0.p25), p50: toNum(q0.p50), p75: toNum(q0.p75), p90: toNum(q0.p90),
      levels: Array.isArray(q0.levels) ? q0.levels.map((l) => (l === null ? 'unknown' : String(l))) : [] }),
  };
}
