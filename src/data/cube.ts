// The `cube`: `metrics` summed per cell of CUBE_DIMENSIONS (year, template, level, city, …,
// failing), built once at data build time (and again in the browser for imported rows). Every figure the region-and-year views
// show is a sum over reports, so it can be answered by summing cells instead of scanning one row
// per report (docs/performance.md has the cell counts). Only a selection naming agencies or a
// county needs the per-report `metrics`.
//
// Exactness: a cell stores, for each column a view sums, Σcolumn and count(column) over its
// reports; for each catalog metric, the numerator / denominator / n_data exactly as
// metricAggregates() computes them per report. Sums of sums are the same sums (counts are integers
// held exactly in DOUBLE; money sums can differ in the last bit from a different summation order).
// test/data/cube.test.ts checks every cube answer against the `metrics` answer, on the real
// reports and on the synthetic generator's output.
import { APPEAL_COLUMNS, APPEAL_ITEMS, APPLICANT_COLUMNS, OUTCOME_GROUPS, REQUEST_ROWS, DERIVED_REQUEST_ITEMS } from '../model';
import { METRICS, metricAggregates, type MetricDef } from './metric-catalog';
import { METRIC_COLUMNS, metricColumn } from './metrics';
import { selectionPredicate, type PredicateOptions, type Selection } from './filters';
import { ident, str } from './sql';

/**
 * Dimensions of a cell; `failing` = a failed identity check or a failed parse. The region goes down
 * to cities: `region_code` holds the 4-digit city prefix of a 6-digit code (`placed` = it was one),
 * other codes as they are (NULL = unplaced). County-level questions read per-report `metrics` of
 * one province. At 150k agencies × 7 years a county grain gave 93k cells (19 ms for the overview,
 * native); the city grain gives far fewer (docs/performance.md).
 */
export const CUBE_DIMENSIONS = ['year', 'template', 'level', 'region_code', 'placed', 'province', 'city', 'place', 'dataset', 'failing'] as const;

/** Region codes longer than this are below the cube's grain. */
export const CUBE_REGION_DIGITS = 4;

/** The per-report predicate the `failing` dimension stores (its negation is `excludeFailing`). */
export const FAILING_EXPR = `(coalesce(checks_failed, 0) <> 0 OR status IS NOT DISTINCT FROM 'failed')`;

function rawColumns(): string[] {
  const out = new Set<string>();
  // every request row's total (outcome groups, reasons, headline counts)
  for (const r of REQUEST_ROWS) out.add(metricColumn('requests', r.key, 'total'));
  for (const d of DERIVED_REQUEST_ITEMS) out.add(metricColumn('requests', d, 'total'));
  // applicant breakdowns: new requests, and each outcome group (the Sankey's first stage)
  for (const item of ['new', 'outcome_total', ...OUTCOME_GROUPS.map((g) => g.derivedItem)]) {
    for (const c of APPLICANT_COLUMNS) out.add(metricColumn('requests', item, c));
  }
  for (const it of APPEAL_ITEMS) for (const c of APPEAL_COLUMNS) out.add(metricColumn('appeals', it.key, c.key));
  const known = new Set(METRIC_COLUMNS.map((c) => c.name));
  return [...out].filter((c) => known.has(c));
}

/** The `metrics` columns whose Σ and count the cube stores. */
export const CUBE_RAW_COLUMNS: readonly string[] = rawColumns();
const RAW = new Set(CUBE_RAW_COLUMNS);

const sumCol = (c: string) => `s__${c}`;
const cntCol = (c: string) => `c__${c}`;
const mCol = (id: string, part: 'num' | 'den' | 'n') => `m__${id}__${part}`;

type CubeType = 'INTEGER' | 'DOUBLE' | 'BOOLEAN' | 'VARCHAR';

/** Types of the dimensions as buildCubeSql makes them (`placed`, `failing` are computed there). */
const DIMENSION_TYPES: Partial<Record<(typeof CUBE_DIMENSIONS)[number], CubeType>> = { year: 'INTEGER', placed: 'BOOLEAN', failing: 'BOOLEAN' };

/**
 * The cube's value columns, in order: name, type and aggregate over the rows of a cell. The one
 * declaration behind buildCubeSql's SELECT and cubeColumns() (the empty stand-in's DDL).
 */
const CUBE_AGGREGATES: readonly { name: string; type: CubeType; expr: string }[] = (() => {
  const out: { name: string; type: CubeType; expr: string }[] = [
    { name: 'n_reports', type: 'INTEGER', expr: 'count(*)' },
    { name: 'n_agencies', type: 'INTEGER', expr: 'count(DISTINCT agency) FILTER (WHERE NOT failing OR NOT agency_has_ok)' },
  ];
  for (const c of CUBE_RAW_COLUMNS) {
    out.push({ name: sumCol(c), type: 'DOUBLE', expr: `sum(${ident(c)})` }, { name: cntCol(c), type: 'INTEGER', expr: `count(${ident(c)})` });
  }
  for (const m of METRICS) {
    const a = metricAggregates(m);
    out.push({ name: mCol(m.id, 'num'), type: 'DOUBLE', expr: a.numerator }, { name: mCol(m.id, 'n'), type: 'INTEGER', expr: a.nData });
    if (m.kind === 'rate') out.push({ name: mCol(m.id, 'den'), type: 'DOUBLE', expr: a.denominator });
  }
  return out;
})();

/**
 * `CREATE OR REPLACE TABLE <target> AS …` over a `metrics` table (`source`, may be qualified).
 * `n_agencies` counts each agency once per cell key without `failing`: in the cell of its
 * non-failing reports if it has any, else in its failing cell — so Σ over cells is the distinct
 * count with and without `excludeFailing`.
 */
export function buildCubeSql(opts: { source?: string; target?: string } = {}): string {
  const q = (name: string) => name.split('.').map(ident).join('.');
  const source = q(opts.source ?? 'metrics');
  const target = q(opts.target ?? 'cube');
  const dims = CUBE_DIMENSIONS.map((d) => ident(d)).join(', ');
  const others = CUBE_DIMENSIONS.filter((d) => d !== 'failing').map((d) => ident(d)).join(', ');
  const aggregates = CUBE_AGGREGATES.map((c) => `(${c.expr})::${c.type} AS ${ident(c.name)}`);
  return `CREATE OR REPLACE TABLE ${target} AS
WITH r0 AS (
  -- place is kept only for reports placed above the city (平潭综合实验区 under 福建省), so the grain stays the city's
  SELECT * REPLACE (CASE WHEN length(region_code) = 6 THEN substr(region_code, 1, ${CUBE_REGION_DIGITS}) ELSE region_code END AS region_code,
      CASE WHEN length(region_code) < ${CUBE_REGION_DIGITS} THEN place END AS place),
    coalesce(length(region_code) = 6, false) AS placed,
    ${FAILING_EXPR} AS failing
  FROM ${source}
), r AS (
  SELECT *, bool_or(NOT failing) OVER (PARTITION BY ${others}, agency) AS agency_has_ok FROM r0
)
SELECT ${dims},
  ${aggregates.join(',\n  ')}
FROM r
GROUP BY ALL
ORDER BY year, region_code, level, dataset, failing`;
}

/** How a query aggregates: over per-report `metrics` rows or over `cube` cells. */
export interface Aggregator {
  source: 'metrics' | 'cube';
  table: string;
  /** Σ of a metrics column over the group (NULL when every report is blank). */
  sum(column: string): string;
  /** Reports in the group with the column printed. */
  count(column: string): string;
  /** Reports in the group. */
  reports: string;
  /** A catalog metric's value / numerator / denominator / n_data / n_reports. */
  metric(m: MetricDef): { value: string; numerator: string; denominator: string; nData: string; nReports: string };
  /** The WHERE predicate for a selection. */
  where(sel?: Selection, opts?: PredicateOptions): string;
}

const perReport: Aggregator = {
  source: 'metrics',
  table: 'metrics',
  sum: (c) => `sum(${ident(c)})::DOUBLE`,
  count: (c) => `count(${ident(c)})::INTEGER`,
  reports: 'count(*)::INTEGER',
  metric: metricAggregates,
  where: (sel, opts) => selectionPredicate(sel, opts),
};

const cubeAgg: Aggregator = {
  source: 'cube',
  table: 'cube',
  sum: (c) => {
    if (!RAW.has(c)) throw new Error(`cube has no column ${c}`);
    return `sum(${ident(sumCol(c))})::DOUBLE`;
  },
  count: (c) => {
    if (!RAW.has(c)) throw new Error(`cube has no column ${c}`);
    return `coalesce(sum(${ident(cntCol(c))}), 0)::INTEGER`;
  },
  reports: 'coalesce(sum(n_reports), 0)::INTEGER',
  metric: (m) => {
    const num = `sum(${ident(mCol(m.id, 'num'))})::DOUBLE`;
    const nData = `coalesce(sum(${ident(mCol(m.id, 'n'))}), 0)::INTEGER`;
    const nReports = 'coalesce(sum(n_reports), 0)::INTEGER';
    if (m.kind !== 'rate') return { value: num, numerator: num, denominator: 'CAST(NULL AS DOUBLE)', nData, nReports };
    const den = `sum(${ident(mCol(m.id, 'den'))})::DOUBLE`;
    return { value: `(${num} / NULLIF(${den}, 0))::DOUBLE`, numerator: num, denominator: den, nData, nReports };
  },
  where: (sel, opts) => {
    if (sel?.region && sel.region.length > CUBE_REGION_DIGITS && !opts?.ignore?.includes('region')) throw new Error(`the cube stops at cities: region ${sel.region}`);
    return selectionPredicate(sel, { ...opts, failingColumn: 'failing' });
  },
};

/**
 * The aggregator for a query: `source` when the caller forces one (tests, benches), else the cube
 * unless the selection names agencies (cells do not know agencies), the query needs counties
 * (a county selection, or `regionDigits` > 4 for a county breakdown: cells stop at cities) or a
 * column the cube does not store. Forcing the cube for a county breakdown is refused.
 */
export function aggregatorFor(
  sel: Selection | undefined, columns: readonly string[] = [],
  opts: { source?: 'metrics' | 'cube'; regionDigits?: number } = {},
): Aggregator {
  const belowGrain = (opts.regionDigits ?? 0) > CUBE_REGION_DIGITS;
  if (opts.source === 'cube' && belowGrain) throw new Error('the cube stops at cities: no county breakdown');
  if (opts.source) return opts.source === 'cube' ? cubeAgg : perReport;
  if (belowGrain) return perReport;
  if (sel?.agencies && sel.agencies.length > 0) return perReport;
  if (sel?.region && sel.region.length > CUBE_REGION_DIGITS) return perReport;
  if (columns.some((c) => !RAW.has(c))) return perReport;
  return cubeAgg;
}

/**
 * Many long rows from ONE scan: `entries` are structs of named SQL expressions (same field names
 * and types in each), computed per group and unnested to one row per entry × group. Every long
 * builder uses it, on the cube and on `metrics` alike, instead of a UNION ALL of one scan per entry
 * (14 for the overview: 61 → 19 ms on a 150k cube, native, one thread). Columns out: the group
 * columns, then the entries' fields.
 */
export function oneScanSql(p: { table: string; where: string; group: readonly string[]; entries: readonly (readonly [string, string])[][] }): string {
  if (p.entries.length === 0) throw new Error('oneScanSql: no entries');
  const names = p.entries[0].map(([k]) => k);
  const structs = p.entries.map((e) => `{${e.map(([k, v]) => `${str(k)}: ${v}`).join(', ')}}`);
  const g = p.group.map((c) => ident(c));
  const groupSel = g.length ? `${g.join(', ')}, ` : '';
  return `SELECT ${groupSel}${names.map((n) => `u.${ident(n)} AS ${ident(n)}`).join(', ')}
FROM (SELECT ${groupSel}unnest(l) AS u FROM (
  SELECT ${groupSel}[${structs.join(',\n    ')}] AS l
  FROM ${p.table} WHERE ${p.where}${g.length ? `\n  GROUP BY ${g.join(', ')}` : ''}))`;
}

/** Column names and types of a table built by buildCubeSql, in order (checked by test/data/cube.test.ts). */
export function cubeColumns(): [string, string][] {
  return [
    ...CUBE_DIMENSIONS.map((d): [string, string] => [d, DIMENSION_TYPES[d] ?? 'VARCHAR']),
    ...CUBE_AGGREGATES.map((c): [string, string] => [c.name, c.type]),
  ];
}

/**
 * An empty table with the cube's columns: what the browser creates for imported rows at start-up,
 * without binding the ~350-aggregate query on the first chart's path (27 ms native, more in wasm).
 */
export function emptyCubeSql(target: string): string {
  return `CREATE OR REPLACE TABLE ${target.split('.').map(ident).join('.')} (${cubeColumns().map(([c, t]) => `${ident(c)} ${t}`).join(', ')})`;
}
