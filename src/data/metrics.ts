// The wide, pre-aggregated `metrics` table: one row per report, one DOUBLE column per canonical
// (table, item, column). Built by conditional aggregation over `facts` with the column list
// generated from src/model/keys.ts (no dynamic PIVOT: the column set must not depend on the data,
// or a query naming a column would break on a dataset that lacks it). The CLI runs this at build
// time (public/data/nianbao.duckdb); the browser runs it again for imported reports.
//
// Blank stays blank: a report whose cell is blank (value NULL) or absent gets NULL, never 0.
import {
  ACTIVE_ITEMS,
  APPEAL_COLUMNS,
  APPEAL_ITEMS,
  DERIVED_REQUEST_ITEMS,
  LEGACY_ITEMS,
  REQUEST_COLUMNS,
  REQUEST_ROWS,
  type TableKey,
} from '../model';
import { ident, str } from './sql';

export interface MetricColumn {
  /** Column name in `metrics`: `<table>__<item>__<column>`. */
  name: string;
  table: TableKey;
  item: string;
  column: string;
  /** Money columns are converted to 万元 in `metrics` (facts keep the printed unit). */
  money: boolean;
}

/** Column name for a canonical (table, item, column). */
export function metricColumn(table: TableKey, item: string, column: string): string {
  return `${table}__${item}__${column}`;
}

function buildColumns(): MetricColumn[] {
  const out: MetricColumn[] = [];
  const seen = new Set<string>();
  const add = (table: TableKey, item: string, column: string) => {
    const name = metricColumn(table, item, column);
    if (seen.has(name)) return;
    seen.add(name);
    out.push({ name, table, item, column, money: table === 'active' && column === 'amount' });
  };
  const requestItems = [...REQUEST_ROWS.map((r) => r.key), ...DERIVED_REQUEST_ITEMS];
  for (const item of requestItems) for (const c of REQUEST_COLUMNS) add('requests', item, c.key);
  for (const item of APPEAL_ITEMS) for (const c of APPEAL_COLUMNS) add('appeals', item.key, c.key);
  for (const item of ACTIVE_ITEMS) for (const c of item.columns) add('active', item.key, c);
  for (const item of LEGACY_ITEMS) add('legacy', item, 'total');
  return out;
}

/** Every value column of `metrics`, in a stable order. */
export const METRIC_COLUMNS: readonly MetricColumn[] = buildColumns();
const COLUMN_NAMES = new Set(METRIC_COLUMNS.map((c) => c.name));

/** True when `name` is a value column of `metrics` (guards catalog expressions). */
export function isMetricColumn(name: string): boolean {
  return COLUMN_NAMES.has(name);
}

/**
 * Dimension columns copied from `reports`, in order, with their type and the expression over
 * `reports r`: the one declaration behind buildMetricsSql's SELECT and metricsTableColumns().
 */
const DIMENSIONS: readonly { name: string; type: 'VARCHAR' | 'INTEGER'; expr?: string }[] = [
  { name: 'report_id', type: 'VARCHAR' },
  // one agency, one name: every report of an agency_id under its label (src/dataset/identity.ts)
  { name: 'agency', type: 'VARCHAR', expr: 'coalesce(r.agency_label, r.agency)' },
  { name: 'year', type: 'INTEGER' }, { name: 'template', type: 'VARCHAR' }, { name: 'level', type: 'VARCHAR' },
  { name: 'region_code', type: 'VARCHAR' }, { name: 'province', type: 'VARCHAR' }, { name: 'city', type: 'VARCHAR' },
  { name: 'county', type: 'VARCHAR' }, { name: 'dataset', type: 'VARCHAR' }, { name: 'status', type: 'VARCHAR' },
  { name: 'checks_failed', type: 'INTEGER' }, { name: 'finding_count', type: 'INTEGER' }, { name: 'agency_id', type: 'VARCHAR' },
  { name: 'place', type: 'VARCHAR' }, { name: 'search_text', type: 'VARCHAR' },
];

/** Dimension columns copied from `reports`, in order. */
export const METRIC_DIMENSIONS: readonly string[] = DIMENSIONS.map((d) => d.name);

function qualified(name: string): string {
  return name.split('.').map(ident).join('.');
}

/**
 * `CREATE OR REPLACE TABLE <target> AS …` over `<source>.reports` and `<source>.facts`.
 * `source`: schema or attached database holding reports/facts (default: unqualified).
 * `target`: table name, may be qualified (`imp.metrics`); default `metrics`.
 */
export function buildMetricsSql(opts: { source?: string; target?: string } = {}): string {
  const src = (t: string) => (opts.source ? `${qualified(opts.source)}.${ident(t)}` : ident(t));
  const target = qualified(opts.target ?? 'metrics');
  const keys = METRIC_COLUMNS.map((c) => str(c.name)).join(', ');
  const dims = DIMENSIONS.map((d) => `  CAST(${d.expr ?? `r.${ident(d.name)}`} AS ${d.type}) AS ${ident(d.name)}`).join(',\n');
  // One value per cell: PIVOT collects the distinct values of a key and only a single one is kept —
  // two facts that disagree for the same cell (never written by the parser, but possible in an
  // imported CSV) give NULL rather than a guessed max or sum; the source view shows both facts.
  const picks = METRIC_COLUMNS.map((c) => {
    const q = `p.${ident(c.name)}`;
    return `  CASE WHEN len(${q}) = 1 THEN ${q}[1] END::DOUBLE AS ${ident(c.name)}`;
  }).join(',\n');
  // PIVOT with an explicit IN list: the column set is fixed by the list (a value with no facts still
  // gets its column), so this is not a dynamic PIVOT. Measured against the equivalent
  // `max(v) FILTER (WHERE k = …)` per column on 10k reports × 228 facts: 1.1 s with PIVOT … max(v)
  // (2.5 s on a busy machine, where list(DISTINCT v) took 4.2 s) instead of 35–38 s
  // (bench/data-queries.ts). Money: facts keep the printed unit ('万元' or '元', docs/dataset.md
  // "Money"); metrics holds 万元 so a column means one thing.
  return `CREATE OR REPLACE TABLE ${target} AS
WITH p AS (
  PIVOT (
    SELECT report_id,
           "table" || '__' || item || '__' || "column" AS k,
           CASE WHEN unit = '元' THEN value / 10000.0 ELSE value END::DOUBLE AS v
    FROM ${src('facts')}
  ) ON k IN (${keys}) USING list(DISTINCT v) GROUP BY report_id
)
SELECT
${dims},
${picks}
FROM ${src('reports')} r
LEFT JOIN p ON p.report_id = r.report_id
-- only counted reports are summed: a duplicate, a fragment or a report without a year is in no
-- total (reports keeps them, with set_aside saying why)
WHERE r.counted IS NOT FALSE`;
}

/** Column names and types of the `metrics` table, in order: the casts buildMetricsSql writes. */
export function metricsTableColumns(): [string, string][] {
  return [...DIMENSIONS.map((d): [string, string] => [d.name, d.type]), ...METRIC_COLUMNS.map((c): [string, string] => [c.name, 'DOUBLE'])];
}

/** An empty `metrics` table (for imported rows before any import: no PIVOT on the first chart's path). */
export function emptyMetricsSql(target: string): string {
  return `CREATE OR REPLACE TABLE ${qualified(target)} (${metricsTableColumns().map(([c, t]) => `${ident(c)} ${t}`).join(', ')})`;
}
