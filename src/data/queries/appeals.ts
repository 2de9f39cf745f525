// Q5 Reconsideration & litigation: 维持/纠正/其他/尚未审结/总计 for 行政复议, 直接起诉, 复议后起诉,
// and the correction rate 纠错率 = 纠正 ÷ (总计 − 尚未审结) with its denominator, over reports where
// both are printed.
import { APPEAL_COLUMNS, APPEAL_ITEMS } from '../../model';
import { metricColumn } from '../metrics';
import { selectionPredicate, type Selection } from '../filters';
import { ident, str } from '../sql';
import { toNum, type QueryRunner } from '../query-runner';

export interface AppealsParams { selection?: Selection; by?: 'year' | 'total' }

export interface AppealsRow {
  item: 'review' | 'suit_direct' | 'suit_after_review';
  year: number | null;
  upheld: number | null;
  corrected: number | null;
  other: number | null;
  pending: number | null;
  total: number | null;
  /** Σcorrected and Σ(total − pending) over reports where corrected, total and pending are all printed. */
  correction_numerator: number | null;
  correction_denominator: number | null;
  correction_rate: number | null;
  n_data: number;
  n_reports: number;
}

export function appealsSql(p: AppealsParams = {}): string {
  const byYear = p.by === 'year';
  const where = selectionPredicate(p.selection) + (byYear ? ' AND year IS NOT NULL' : '');
  const parts = APPEAL_ITEMS.map((it, idx) => {
    const c = (col: string) => ident(metricColumn('appeals', it.key, col));
    const sums = APPEAL_COLUMNS.map((ac) => `sum(${c(ac.key)})::DOUBLE AS ${ident(ac.key)}`).join(', ');
    const known = `${c('corrected')} IS NOT NULL AND ${c('total')} IS NOT NULL AND ${c('pending')} IS NOT NULL`;
    const num = `sum(${c('corrected')}) FILTER (WHERE ${known})::DOUBLE`;
    const den = `sum(${c('total')} - ${c('pending')}) FILTER (WHERE ${known})::DOUBLE`;
    return `SELECT ${str(it.key)} AS item, ${idx} AS item_order, ${byYear ? 'year' : 'CAST(NULL AS INTEGER) AS year'}, ${sums},
  ${num} AS correction_numerator, ${den} AS correction_denominator, (${num} / NULLIF(${den}, 0))::DOUBLE AS correction_rate,
  count(${c('total')})::INTEGER AS n_data, count(*)::INTEGER AS n_reports
FROM metrics WHERE ${where} ${byYear ? 'GROUP BY year' : ''}`;
  });
  return `${parts.map((s) => `(${s})`).join('\nUNION ALL\n')}\nORDER BY year NULLS FIRST, item_order`;
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
