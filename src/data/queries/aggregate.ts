// Shared builder: catalog metrics aggregated over the selection, grouped by year and/or agency,
// returned long (one row per metric × group) so every row carries its own denominator and counts.
import { requireMetric } from '../metric-catalog';
import { aggregatorFor, oneScanSql } from '../cube';
import type { Selection } from '../filters';
import { str } from '../sql';
import { query, toNum, toStr, type Query, type QueryRunner } from '../query-runner';
import type { AggregateRow } from '../../model/rows';
export type { AggregateRow } from '../../model/rows';

export type GroupBy = 'year' | 'agency' | 'agency_year' | 'none';

export interface AggregateParams {
  selection?: Selection;
  metrics: string[];
  by: GroupBy;
  /** Force per-report `metrics` or the `cube` (default: the cube when the grouping and selection allow). */
  source?: 'metrics' | 'cube';
}

/** The output's agency and year columns, and what to group the scan by. */
function groupCols(by: GroupBy): { select: string; group: string[] } {
  switch (by) {
    case 'year': return { select: 'CAST(NULL AS VARCHAR) AS agency, year', group: ['year'] };
    case 'agency': return { select: 'agency, CAST(NULL AS INTEGER) AS year', group: ['agency'] };
    case 'agency_year': return { select: 'agency, year', group: ['agency', 'year'] };
    case 'none': return { select: 'CAST(NULL AS VARCHAR) AS agency, CAST(NULL AS INTEGER) AS year', group: [] };
  }
}

export function aggregateSql(p: AggregateParams): Query {
  if (p.metrics.length === 0) throw new Error('aggregateSql: no metrics');
  const g = groupCols(p.by);
  // Agency groups need per-report rows; year/total groups over a region selection sum cube cells.
  const byAgency = p.by === 'agency' || p.by === 'agency_year';
  if (byAgency && p.source === 'cube') throw new Error('aggregateSql: the cube has no agencies');
  const agg = aggregatorFor(p.selection, [], { source: byAgency ? 'metrics' : p.source });
  // Year-grouped output drops reports whose year is unknown (a failed parse) instead of a NULL bucket.
  const yearGuard = p.by === 'year' || p.by === 'agency_year' ? ' AND year IS NOT NULL' : '';
  const agencyGuard = byAgency ? ' AND agency IS NOT NULL' : '';
  // every metric in one scan (src/data/cube.ts oneScanSql)
  const entries = p.metrics.map((id) => {
    const a = agg.metric(requireMetric(id));
    return [['metric', str(id)], ['value', a.value], ['numerator', a.numerator], ['denominator', a.denominator], ['n_data', a.nData], ['n_reports', a.nReports]] as [string, string][];
  });
  const inner = oneScanSql({ table: agg.table, where: `${agg.where(p.selection)}${yearGuard}${agencyGuard}`, group: g.group, entries });
  return query(`SELECT metric, ${g.select}, value, numerator, denominator, n_data, n_reports FROM (${inner})
ORDER BY metric, agency NULLS FIRST, year NULLS FIRST`, agg.source);
}

export function castAggregateRow(r: Record<string, unknown>): AggregateRow {
  return {
    metric: String(r.metric),
    agency: toStr(r.agency),
    year: toNum(r.year),
    value: toNum(r.value),
    numerator: toNum(r.numerator),
    denominator: toNum(r.denominator),
    n_data: toNum(r.n_data) ?? 0,
    n_reports: toNum(r.n_reports) ?? 0,
  };
}

export async function runAggregate(runner: QueryRunner, p: AggregateParams): Promise<AggregateRow[]> {
  return (await runner.query(aggregateSql(p))).map(castAggregateRow);
}
