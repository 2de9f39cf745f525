// The change table (Grapher's "table" tab): every catalog metric at a start and an end year for
// the selection, with the absolute and the relative change, on a like-for-like set — only the
// agencies that report in BOTH years count, and for each metric only those of them with the
// metric's cells printed in both years. Otherwise a rise could be nothing but more agencies
// reporting. Agencies in only one of the two years are listed, not silently dropped.
//
// (Written here rather than waiting for a shared like-for-like helper: the set is defined per
// metric by the same "known" rule as metricAggregates — count: expr known; rate: both sides.)
import { METRICS, requireMetric, type MetricDef } from '../metric-catalog';
import { selectionPredicate, type Selection } from '../filters';
import { int, str } from '../sql';
import { query, toNum, toStr, type Query, type QueryRunner } from '../query-runner';

export interface ChangeParams {
  /** The selection; its `years` are ignored (the two years are `start` and `end`). */
  selection?: Selection;
  start: number;
  end: number;
  /** Catalog ids; default every metric of the catalog. */
  metrics?: string[];
}

export interface ChangeRow {
  metric: string;
  /** Agencies in the like-for-like set with this metric known in both years. */
  agencies: number;
  start_value: number | null;
  end_value: number | null;
  start_numerator: number | null;
  start_denominator: number | null;
  end_numerator: number | null;
  end_denominator: number | null;
  /** end − start (rates: as fractions; the UI shows percentage points). */
  change: number | null;
  /** (end − start) / start; null when start is 0 or unknown. */
  relative: number | null;
}

export interface ChangeSet {
  /** Agencies with a report in both years (within the selection). */
  both: number;
  /** Agencies with a report in only one of the years, and that year. */
  missing: { agency: string; year: number }[];
}

function known(m: MetricDef): string {
  return m.kind === 'rate' ? `(${m.expr}) IS NOT NULL AND (${m.denominator}) IS NOT NULL` : `(${m.expr}) IS NOT NULL`;
}

function years(p: ChangeParams): [number, number] {
  if (!Number.isInteger(p.start) || !Number.isInteger(p.end)) throw new Error('change: start and end must be years');
  if (p.start === p.end) throw new Error('change: start and end must differ');
  return p.start < p.end ? [p.start, p.end] : [p.end, p.start];
}

/** The two years' per-report rows of the selection (agency known). */
function baseSql(p: ChangeParams): string {
  const [a, b] = years(p);
  return `SELECT * FROM metrics WHERE ${selectionPredicate(p.selection ?? {}, { ignore: ['years'] })} AND agency IS NOT NULL AND year IN (${int(a)}, ${int(b)})`;
}

export function changeSql(p: ChangeParams): Query {
  const [a, b] = years(p);
  const ids = p.metrics ?? METRICS.map((m) => m.id);
  if (ids.length === 0) throw new Error('change: no metrics');
  // per metric: per agency-year sums over reports where the metric is known, kept for agencies
  // known in both years, then summed per year (ratio of sums for rates, as everywhere)
  const branches = ids.map((id) => {
    const m = requireMetric(id);
    const den = m.kind === 'rate' ? `sum(${m.denominator})::DOUBLE` : 'CAST(NULL AS DOUBLE)';
    return `SELECT ${str(m.id)} AS metric, ${str(m.kind)} AS kind, count(DISTINCT agency) FILTER (WHERE year = ${int(a)})::INTEGER AS agencies,
  sum(num) FILTER (WHERE year = ${int(a)}) AS start_numerator, sum(den) FILTER (WHERE year = ${int(a)}) AS start_denominator,
  sum(num) FILTER (WHERE year = ${int(b)}) AS end_numerator, sum(den) FILTER (WHERE year = ${int(b)}) AS end_denominator
FROM (
  SELECT agency, year, sum(${m.expr})::DOUBLE AS num, ${den} AS den,
    count(*) OVER (PARTITION BY agency) AS years_known
  FROM base WHERE ${known(m)}
  GROUP BY agency, year
) WHERE years_known = 2`;
  });
  return query(`WITH base AS (${baseSql(p)})
SELECT metric, agencies, start_numerator, start_denominator, end_numerator, end_denominator,
  CASE WHEN kind = 'rate' THEN start_numerator / NULLIF(start_denominator, 0) ELSE start_numerator END AS start_value,
  CASE WHEN kind = 'rate' THEN end_numerator / NULLIF(end_denominator, 0) ELSE end_numerator END AS end_value
FROM (
${branches.join('\nUNION ALL\n')}
)`, 'metrics');
}

/** How many agencies report in both years, and which report in only one. */
export function changeSetSql(p: ChangeParams): Query {
  return query(`WITH base AS (${baseSql(p)}),
per AS (SELECT agency, count(DISTINCT year) AS n, min(year) AS year FROM base GROUP BY agency)
SELECT agency, CASE WHEN n = 2 THEN NULL ELSE year END AS year FROM per ORDER BY n DESC, year, agency`, 'metrics');
}

export async function runChange(runner: QueryRunner, p: ChangeParams): Promise<ChangeRow[]> {
  const order = new Map((p.metrics ?? METRICS.map((m) => m.id)).map((id, i) => [id, i]));
  const rows = (await runner.query(changeSql(p))).map((r): ChangeRow => {
    const start = toNum(r.start_value);
    const end = toNum(r.end_value);
    return {
      metric: String(r.metric),
      agencies: toNum(r.agencies) ?? 0,
      start_value: start,
      end_value: end,
      start_numerator: toNum(r.start_numerator),
      start_denominator: toNum(r.start_denominator),
      end_numerator: toNum(r.end_numerator),
      end_denominator: toNum(r.end_denominator),
      change: start !== null && end !== null ? end - start : null,
      relative: start !== null && end !== null && start !== 0 ? (end - start) / Math.abs(start) : null,
    };
  });
  return rows.sort((x, y) => (order.get(x.metric) ?? 0) - (order.get(y.metric) ?? 0));
}

export async function runChangeSet(runner: QueryRunner, p: ChangeParams): Promise<ChangeSet> {
  const rows = await runner.query(changeSetSql(p));
  const missing: ChangeSet['missing'] = [];
  let both = 0;
  for (const r of rows) {
    const year = toNum(r.year);
    if (year === null) both++;
    else missing.push({ agency: toStr(r.agency) ?? '', year });
  }
  return { both, missing };
}
