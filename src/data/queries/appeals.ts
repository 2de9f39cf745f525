// Reconsideration & litigation: 维持/纠正/其他/尚未审结/总计 for 行政复议, 直接起诉, 复议后起诉,
// and the correction rate 纠错率 = 纠正 ÷ (总计 − 尚未审结) with its denominator, over reports where
// both are printed.
import { APPEAL_COLUMNS, APPEAL_ITEMS } from '../../model';
import { metricColumn } from '../metrics';
import type { Selection } from '../filters';
import { aggregatorFor, oneScanSql } from '../cube';
import { requireMetric } from '../metric-catalog';
import { ident, str } from '../sql';
import { query, toNum, type Query, type QueryRunner } from '../query-runner';
import type { AppealsRow } from '../../model/rows';
export type { AppealsRow } from '../../model/rows';

export interface AppealsParams { selection?: Selection; by?: 'year' | 'total'; source?: 'metrics' | 'cube' }

/** The catalog's correction-rate metric per appeal item (same definition: 纠正 ÷ (总计 − 尚未审结), both known). */
const CORRECTION_METRIC = { review: 'correction_rate', suit_direct: 'suit_direct_correction_rate', suit_after_review: 'suit_after_review_correction_rate' } as const;

export function appealsSql(p: AppealsParams = {}): Query {
  const byYear = p.by === 'year';
  const columns = APPEAL_ITEMS.flatMap((it) => APPEAL_COLUMNS.map((ac) => metricColumn('appeals', it.key, ac.key)));
  const agg = aggregatorFor(p.selection, columns, { source: p.source });
  const where = agg.where(p.selection) + (byYear ? ' AND year IS NOT NULL' : '');
  // one scan for the three appeal items
  const inner = oneScanSql({
    table: agg.table, where, group: byYear ? ['year'] : [],
    entries: APPEAL_ITEMS.map((it, idx) => {
      const c = (col: string) => metricColumn('appeals', it.key, col);
      const rate = agg.metric(requireMetric(CORRECTION_METRIC[it.key as keyof typeof CORRECTION_METRIC]));
      return [['item', str(it.key)], ['item_order', String(idx)], ...APPEAL_COLUMNS.map((ac) => [ac.key, agg.sum(c(ac.key))]),
        ['correction_numerator', rate.numerator], ['correction_denominator', rate.denominator], ['correction_rate', rate.value],
        ['n_data', agg.count(c('total'))], ['n_reports', agg.reports]] as [string, string][];
    }),
  });
  return query(`SELECT item, item_order, ${byYear ? 'year' : 'CAST(NULL AS INTEGER) AS year'}, ${APPEAL_COLUMNS.map((ac) => ident(ac.key)).join(', ')}, correction_numerator, correction_denominator, correction_rate, n_data, n_reports FROM (${inner})
ORDER BY year NULLS FIRST, item_order`, agg.source);
}

export async function runAppeals(runner: QueryRunner, p: AppealsParams = {}): Promise<AppealsRow[]> {
  return (await runner.query(appealsSql(p))).map((r) => ({
    item: String(r.item) as AppealsRow['item'],
    year: toNum(r.year),
    upheld: toNum(r.upheld),
    corrected: toNum(r.corrected),
    other: toNum(r.other),
    pending: toNum(r.pending),
    total: toNum(r.total),
    correction_numerator: toNum(r.correction_numerator),
    correction_denominator: toNum(r.correction_denominator),
    correction_rate: toNum(r.correction_rate),
    n_data: toNum(r.n_data) ?? 0,
    n_reports: toNum(r.n_reports) ?? 0,
  }));
}
