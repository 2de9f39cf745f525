// Overview: headline metrics for the selection per year, with the previous year's value
// (year-over-year). YoY compares to the immediately preceding year present in the data; `prev_year`
// says which year that was, so a gap (2021 vs 2019) is visible rather than hidden.
import { aggregateSql, castAggregateRow, type AggregateRow } from './aggregate';
import type { Selection } from '../filters';
import { query, toNum, type Query, type QueryRunner } from '../query-runner';

export const OVERVIEW_METRICS = [
  'received', 'new', 'carried_over', 'outcome_total',
  'granted_rate', 'partial_rate', 'denied_rate', 'unavailable_rate', 'rejected_rate', 'other_rate',
  'review_total', 'correction_rate', 'suit_direct_total', 'suit_after_review_total',
] as const;

/** The overview's headline cards, in their order, each with a like-for-like line (src/ui/views/
 * Overview.tsx; the first-view snapshot runs the same line query, src/state/snapshot.ts). */
export const OVERVIEW_CARDS = ['received', 'new', 'carried_over', 'outcome_total', 'granted_rate', 'denied_rate', 'review_total', 'correction_rate', 'suit_direct_total', 'suit_after_review_total'] as const;

export interface OverviewParams { selection?: Selection; metrics?: string[]; source?: 'metrics' | 'cube' }

export interface OverviewRow extends AggregateRow {
  prev_year: number | null;
  prev_value: number | null;
  /** (value − prev) / prev; NULL when either is unknown or prev is 0. */
  yoy: number | null;
}

export function overviewSql(p: OverviewParams = {}): Query {
  const inner = aggregateSql({ selection: p.selection, metrics: p.metrics ?? [...OVERVIEW_METRICS], by: 'year', source: p.source });
  return query(`WITH a AS (${inner.sql})
SELECT a.*,
  lag(year) OVER w AS prev_year,
  lag(value) OVER w AS prev_value,
  ((value - lag(value) OVER w) / NULLIF(lag(value) OVER w, 0))::DOUBLE AS yoy
FROM a
WINDOW w AS (PARTITION BY metric ORDER BY year)
ORDER BY metric, year`, ...inner.reads);
}

export async function runOverview(runner: QueryRunner, p: OverviewParams = {}): Promise<OverviewRow[]> {
  const rows = await runner.query(overviewSql(p));
  return rows.map((r) => ({ ...castAggregateRow(r), prev_year: toNum(r.prev_year), prev_value: toNum(r.prev_value), yoy: toNum(r.yoy) }));
}

/**
 * The overview cards: per metric, the row of the latest year that has any report in the selection
 * (value may still be NULL = no data for that metric in that year).
 */
export function latestOverview(rows: OverviewRow[]): Map<string, OverviewRow> {
  const latest = Math.max(...rows.filter((r) => r.n_reports > 0 && r.year !== null).map((r) => r.year as number));
  const out = new Map<string, OverviewRow>();
  for (const r of rows) if (r.year === latest) out.set(r.metric, r);
  return out;
}
