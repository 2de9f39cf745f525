// Trends: metrics by year, either for the selection's aggregate or per agency.
import { aggregateSql, runAggregate, type AggregateRow } from './aggregate';
import type { Selection } from '../filters';
import type { Query, QueryRunner } from '../query-runner';

export interface TrendsParams {
  selection?: Selection;
  metrics: string[];
  /** 'aggregate': one line per metric; 'agency': one line per metric × selected agency. */
  mode: 'aggregate' | 'agency';
}
export type TrendRow = AggregateRow;

/** Per-agency lines need a chosen set of agencies: at national scale "all" would be 150k lines. */
function check(p: TrendsParams): void {
  if (p.mode === 'agency' && !p.selection?.agencies?.length) throw new Error('trends: agency mode needs at least one selected agency');
}

export function trendsSql(p: TrendsParams): Query {
  check(p);
  return aggregateSql({ selection: p.selection, metrics: p.metrics, by: p.mode === 'agency' ? 'agency_year' : 'year' });
}

export function runTrends(runner: QueryRunner, p: TrendsParams): Promise<TrendRow[]> {
  check(p);
  return runAggregate(runner, { selection: p.selection, metrics: p.metrics, by: p.mode === 'agency' ? 'agency_year' : 'year' });
}
