// The metrics the dashboard offers. Each is a SQL expression over `metrics` columns, evaluated per
// report and then summed over the selection. Rates are ratio-of-sums (Σnumerator ÷ Σdenominator over
// reports where both are known), so every rate carries its denominator; a rate on fewer than
// MIN_RATE_DENOMINATOR cases is flagged, not hidden.
import type { Lang } from '../model/types';
import type { MetricInfo, MetricKind } from '../model/rows';
import { ident } from './sql';
import { isMetricColumn } from './metrics';

export type { MetricKind } from '../model/rows';

export interface MetricDef {
  id: string;
  zh: string;
  en: string;
  kind: MetricKind;
  /** count/money: per-report expression; rate: numerator expression. */
  expr: string;
  /** rate only: denominator expression. */
  denominator?: string;
  /** rate only: what the denominator counts (shown with the rate). */
  denominatorZh?: string;
  denominatorEn?: string;
  /** money unit after metrics' conversion. */
  unit?: '件' | '万元';
  /** UI grouping. */
  section: 'requests' | 'outcomes' | 'appeals' | 'active' | 'legacy';
}

/** Below this many cases a rate is flagged (the UI greys it and shows the count). */
export const MIN_RATE_DENOMINATOR = 10;

function col(name: string): string {
  // Catalog entries are code, not user input, but a typo must fail loudly, not silently give NULL.
  if (!isMetricColumn(name)) throw new Error(`unknown metrics column: ${name}`);
  return ident(name);
}
const rq = (item: string, column = 'total') => col(`requests__${item}__${column}`);
const ap = (item: string, column: string) => col(`appeals__${item}__${column}`);
const ac = (item: string, column: string) => col(`active__${item}__${column}`);

const count = (id: string, zh: string, en: string, expr: string, section: MetricDef['section']): MetricDef => ({
  id, zh, en, kind: 'count', expr, unit: '件', section,
});
const rate = (
  id: string, zh: string, en: string, expr: string, denominator: string,
  denominatorZh: string, denominatorEn: string, section: MetricDef['section'],
): MetricDef => ({ id, zh, en, kind: 'rate', expr, denominator, denominatorZh, denominatorEn, section });

// (total − pending): decided appeals; NULL when either side is blank.
const decided = (item: string) => `(${ap(item, 'total')} - ${ap(item, 'pending')})`;

export const METRICS: readonly MetricDef[] = [
  // 收到申请: NULL when either part is blank (a blank carried_over is "no data", not 0).
  count('received', '收到申请数（新收+上年结转）', 'Requests received (new + carried over)', `(${rq('new')} + ${rq('carried_over')})`, 'requests'),
  count('new', '本年新收申请', 'New requests', rq('new'), 'requests'),
  count('carried_over', '上年结转', 'Carried over', rq('carried_over'), 'requests'),
  count('outcome_total', '办理结果总计', 'Total decided', rq('outcome_total'), 'requests'),
  count('carried_forward', '结转下年度', 'Carried forward', rq('carried_forward'), 'requests'),
  count('natural_new', '自然人新收申请', 'New requests from natural persons', rq('new', 'natural'), 'requests'),
  count('granted', '予以公开', 'Disclosed', rq('granted'), 'outcomes'),
  count('partial', '部分公开', 'Partly disclosed', rq('partial'), 'outcomes'),
  count('denied_total', '不予公开', 'Denied', rq('denied_total'), 'outcomes'),
  count('unavailable_total', '无法提供', 'Cannot provide', rq('unavailable_total'), 'outcomes'),
  count('rejected_total', '不予处理', 'Not processed', rq('rejected_total'), 'outcomes'),
  count('other_total', '其他处理', 'Other handling', rq('other_total'), 'outcomes'),
  count('review_total', '行政复议总计', 'Reconsiderations', ap('review', 'total'), 'appeals'),
  count('review_upheld', '行政复议·维持', 'Reconsideration: upheld', ap('review', 'upheld'), 'appeals'),
  count('review_corrected', '行政复议·纠正', 'Reconsideration: corrected', ap('review', 'corrected'), 'appeals'),
  count('review_other', '行政复议·其他结果', 'Reconsideration: other result', ap('review', 'other'), 'appeals'),
  count('review_pending', '行政复议·尚未审结', 'Reconsideration: pending', ap('review', 'pending'), 'appeals'),
  count('suit_direct_total', '直接起诉总计', 'Lawsuits filed directly', ap('suit_direct', 'total'), 'appeals'),
  count('suit_direct_corrected', '直接起诉·纠正', 'Direct lawsuits: corrected', ap('suit_direct', 'corrected'), 'appeals'),
  count('suit_after_review_total', '复议后起诉总计', 'Lawsuits after reconsideration', ap('suit_after_review', 'total'), 'appeals'),
  count('suit_after_review_corrected', '复议后起诉·纠正', 'Lawsuits after reconsideration: corrected', ap('suit_after_review', 'corrected'), 'appeals'),
  count('suit_total', '行政诉讼总计', 'Lawsuits (all)', `(${ap('suit_direct', 'total')} + ${ap('suit_after_review', 'total')})`, 'appeals'),
  count('regulations_issued', '规章·本年制发', 'Regulations issued', ac('regulations', 'issued'), 'active'),
  count('normative_documents_issued', '行政规范性文件·本年制发', 'Normative documents issued', ac('normative_documents', 'issued'), 'active'),
  count('licensing_decisions', '行政许可决定', 'Licensing decisions', ac('licensing', 'decisions'), 'active'),
  count('penalty_decisions', '行政处罚决定', 'Penalty decisions', ac('penalty', 'decisions'), 'active'),
  count('coercion_decisions', '行政强制决定', 'Coercion decisions', ac('coercion', 'decisions'), 'active'),
  { id: 'fees_amount', zh: '行政事业性收费金额', en: 'Administrative fees collected', kind: 'money', expr: ac('fees', 'amount'), unit: '万元', section: 'active' },
  // Pre-2019 indicator tables: only headline figures, and their meaning is only close to the
  // template's (provincial layouts: src/parse/legacy.ts), so they stay separate metrics.
  count('legacy_new', '申请总数（2019年前）', 'Requests (pre-2019 layout)', col('legacy__new__total'), 'legacy'),
  count('legacy_granted', '同意公开（2019年前）', 'Disclosed (pre-2019 layout)', col('legacy__granted__total'), 'legacy'),
  count('legacy_review', '行政复议数（2019年前）', 'Reconsiderations (pre-2019 layout)', col('legacy__review__total'), 'legacy'),
  count('legacy_suit', '行政诉讼数（2019年前）', 'Lawsuits (pre-2019 layout)', col('legacy__suit__total'), 'legacy'),
  rate('granted_rate', '予以公开率', 'Disclosure rate', rq('granted'), rq('outcome_total'), '办理结果总计', 'total decided', 'outcomes'),
  rate('partial_rate', '部分公开率', 'Partial disclosure rate', rq('partial'), rq('outcome_total'), '办理结果总计', 'total decided', 'outcomes'),
  rate('disclosed_rate', '全部或部分公开率', 'Fully or partly disclosed', `(${rq('granted')} + ${rq('partial')})`, rq('outcome_total'), '办理结果总计', 'total decided', 'outcomes'),
  rate('denied_rate', '不予公开率', 'Denial rate', rq('denied_total'), rq('outcome_total'), '办理结果总计', 'total decided', 'outcomes'),
  rate('unavailable_rate', '无法提供率', 'Cannot-provide rate', rq('unavailable_total'), rq('outcome_total'), '办理结果总计', 'total decided', 'outcomes'),
  rate('rejected_rate', '不予处理率', 'Not-processed rate', rq('rejected_total'), rq('outcome_total'), '办理结果总计', 'total decided', 'outcomes'),
  rate('other_rate', '其他处理率', 'Other-handling rate', rq('other_total'), rq('outcome_total'), '办理结果总计', 'total decided', 'outcomes'),
  rate('natural_share', '自然人申请占比', 'Share from natural persons', rq('new', 'natural'), rq('new'), '本年新收申请', 'new requests', 'requests'),
  rate('review_rate', '复议率', 'Reconsiderations per decision', ap('review', 'total'), rq('outcome_total'), '办理结果总计', 'total decided', 'appeals'),
  rate('correction_rate', '行政复议纠错率', 'Reconsideration correction rate', ap('review', 'corrected'), decided('review'), '已审结复议（总计−尚未审结）', 'decided reconsiderations (total − pending)', 'appeals'),
  rate('suit_direct_correction_rate', '直接起诉纠错率', 'Direct lawsuit correction rate', ap('suit_direct', 'corrected'), decided('suit_direct'), '已审结（总计−尚未审结）', 'decided (total − pending)', 'appeals'),
  rate('suit_after_review_correction_rate', '复议后起诉纠错率', 'Lawsuit-after-review correction rate', ap('suit_after_review', 'corrected'), decided('suit_after_review'), '已审结（总计−尚未审结）', 'decided (total − pending)', 'appeals'),
];

const BY_ID = new Map(METRICS.map((m) => [m.id, m]));

/** The metric with this id, or undefined (ids from URLs are untrusted: check, never interpolate). */
export function getMetric(id: string): MetricDef | undefined {
  return BY_ID.get(id);
}

/** The metric with this id; throws a clear error for an unknown id. */
export function requireMetric(id: string): MetricDef {
  const m = BY_ID.get(id);
  if (!m) throw new Error(`unknown metric: ${id}`);
  return m;
}

/**
 * SQL aggregate expressions over a group of `metrics` rows (alias-free column references):
 * value, numerator, denominator, n_data (reports with data), n_reports.
 * count/money: value = Σexpr (NULL when every report is blank), numerator = value, denominator NULL.
 * rate: Σnum ÷ Σden over reports where both are known; NULL when Σden is 0 or nothing is known.
 */
export function metricAggregates(m: MetricDef): { value: string; numerator: string; denominator: string; nData: string; nReports: string } {
  if (m.kind !== 'rate') {
    const sum = `sum(${m.expr})::DOUBLE`;
    return { value: sum, numerator: sum, denominator: 'CAST(NULL AS DOUBLE)', nData: `count(${m.expr})::INTEGER`, nReports: 'count(*)::INTEGER' };
  }
  const both = `(${m.expr}) IS NOT NULL AND (${m.denominator}) IS NOT NULL`;
  const num = `sum(${m.expr}) FILTER (WHERE ${both})::DOUBLE`;
  const den = `sum(${m.denominator}) FILTER (WHERE ${both})::DOUBLE`;
  return {
    value: `(${num} / NULLIF(${den}, 0))::DOUBLE`,
    numerator: num,
    denominator: den,
    nData: `count(*) FILTER (WHERE ${both})::INTEGER`,
    nReports: 'count(*)::INTEGER',
  };
}

/**
 * The canonical cells a metric is computed from (numerator first, then denominator), so the UI can
 * trace any number to its printed cells (sourceSql / contributingFactsSql).
 */
export function metricSources(m: MetricDef): { table: string; item: string; column: string; role: 'value' | 'denominator' }[] {
  const out: { table: string; item: string; column: string; role: 'value' | 'denominator' }[] = [];
  const seen = new Set<string>();
  const scan = (expr: string | undefined, role: 'value' | 'denominator') => {
    for (const [, table, item, column] of (expr ?? '').matchAll(/"([a-z]+)__([a-z_]+?)__([a-z_]+)"/g)) {
      const k = `${role}:${table}:${item}:${column}`;
      if (!seen.has(k)) { seen.add(k); out.push({ table, item, column, role }); }
    }
  };
  scan(m.expr, 'value');
  scan(m.denominator, 'denominator');
  return out;
}

/** What the chart builders need about a metric. */
export function metricInfo(id: string, lang: Lang): MetricInfo {
  const m = requireMetric(id);
  return { id: m.id, label: m[lang], kind: m.kind, unit: m.unit };
}
