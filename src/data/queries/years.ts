// Years present in the selection, with report counts and templates (2019/2021/legacy).
import type { Selection } from '../filters';
import { aggregatorFor } from '../cube';
import { query, toNum, toStr, type Query, type QueryRunner } from '../query-runner';

export interface YearRow { year: number; n_reports: number; templates: string[] }

export function yearsSql(p: { selection?: Selection; source?: 'metrics' | 'cube' } = {}): Query {
  const agg = aggregatorFor(p.selection, [], { source: p.source });
  return query(`SELECT year, ${agg.reports} AS n_reports,
  string_agg(DISTINCT coalesce(template, 'unknown'), ',' ORDER BY coalesce(template, 'unknown')) AS templates
FROM ${agg.table}
WHERE ${agg.where(p.selection, { ignore: ['years'] })} AND year IS NOT NULL
GROUP BY year ORDER BY year`, agg.source);
}

export async function runYears(runner: QueryRunner, p: { selection?: Selection } = {}): Promise<YearRow[]> {
  return yearRows(await runner.query(yearsSql(p)));
}

/** yearsSql's result rows as YearRow (also read straight from the first-view snapshot, App.tsx). */
export function yearRows(rows: readonly Record<string, unknown>[]): YearRow[] {
  return rows.map((r) => ({
    year: toNum(r.year) ?? 0,
    n_reports: toNum(r.n_reports) ?? 0,
    templates: (toStr(r.templates) ?? '').split(',').filter(Boolean),
  }));
}
