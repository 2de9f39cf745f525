// Definitions of every metric of ./metric-catalog.ts, declared once here beside it: what the metric
// counts and when it is not comparable across the 2019 / 2021 template change. The denominator
// (from the catalog) and the template rows (from the catalog's cells, labelled by the canonical
// keys of src/model/keys.ts) are derived, so they cannot drift from what is computed.
// test/data/glossary.test.ts fails on a catalog metric without an entry here.
import { ACTIVE_COLUMN_LABELS, ACTIVE_ITEMS, APPEAL_COLUMNS, APPEAL_ITEMS, REQUEST_COLUMNS, REQUEST_ROWS } from '../model/keys';
import type { Lang } from '../model/types';
import { METRICS, metricSources, requireMetric, type MetricDef } from './metric-catalog';

type Text = { zh: string; en: string };

export interface GlossaryEntry {
  /** What one report's value counts (the metric sums or divides these over the selection). */
  counts: Text;
  /** When figures of the 2019 template (reports for 2019–2020), the 2021 template (2021 on) or the
   * pre-2019 layouts do not mean the same; null when both templates print the same cells. */
  comparability: Text | null;
}

const SAME: null = null;
const OTHER_SPLIT: Text = {
  zh: '2019 年模板把（六）其他处理印为一行；2021 年模板分 3 个子项，本项为其合计（推算）。合计可比，子项只有 2021 年起才有。',
  en: 'The 2019 template prints (6) other handling as one row; the 2021 template splits it into 3 sub-rows, summed here (derived). The total compares; the sub-rows exist from 2021 only.',
};
const ACTIVE_2021: Text = {
  zh: '只有 2021 年模板有此栏（本年制发/本年收费金额）；2019 年模板的“本年新制作数量”等栏含义不同，不计入。2019–2020 年的报告在此无数据，跨越 2021 年的比较没有意义。',
  en: 'Only the 2021 template has this column (issued / amount this year); the 2019 template’s “newly made” etc. mean something else and are not counted. Reports for 2019–2020 have no value here: comparisons across 2021 are meaningless.',
};
const DECISIONS: Text = {
  zh: '两版模板都印处理决定数量（2019 年：“处理决定数量”，与“上一年项目数量”“本年增/减”同列一表；2021 年：“本年处理决定数量”），本指标取同一格。栏名略有不同：跨越 2021 年比较时请核对原文。',
  en: 'Both templates print the number of decisions (2019: beside last year’s items and the change; 2021: “decisions this year”), and this metric reads that cell in both. The labels differ slightly: check the source when comparing across 2021.',
};
const LEGACY: Text = {
  zh: '2019 年以前没有全国模板：各省自定指标表，“申请总数”等只是近似对应，不与 2019 年起的指标合并，也不一定在省与省之间可比。',
  en: 'Before 2019 there was no national template: each province set its own indicator table; these headline figures only roughly match, are kept apart from the template metrics, and may not compare between provinces.',
};

const c = (zh: string, en: string, comparability: Text | null = SAME): GlossaryEntry => ({ counts: { zh, en }, comparability });

export const GLOSSARY: Readonly<Record<string, GlossaryEntry>> = {
  received: c('本年新收申请加上年结转申请（两项都印出时才计）。', 'New requests plus those carried over from last year (only where both are printed).'),
  new: c('本年新收的政府信息公开申请件数。', 'Information disclosure requests received this year.'),
  carried_over: c('上一年未办结、结转到本年的申请件数。', 'Requests left open last year and carried into this one.'),
  outcome_total: c('本年作出办理结果的申请件数（三、本年度办理结果（七）总计）。', 'Requests decided this year (III, outcomes, (7) total).'),
  carried_forward: c('本年未办结、结转下年度继续办理的申请件数。', 'Requests still open at year end, carried into next year.'),
  natural_new: c('本年新收申请中申请人为自然人的件数。', 'New requests this year from natural persons.'),
  granted: c('办理结果为予以公开的件数。', 'Requests answered by disclosing the information.'),
  partial: c('办理结果为部分公开的件数（区分处理的，只计这一情形）。', 'Requests answered by disclosing part of the information.'),
  denied_total: c('不予公开的件数：8 类原因之和（推算，模板不印合计）。', 'Requests denied: the sum of the 8 reasons (derived; the template prints no total).'),
  unavailable_total: c('无法提供的件数：3 类原因之和（推算）。', 'Requests where the information cannot be provided: the sum of 3 reasons (derived).'),
  rejected_total: c('不予处理的件数：5 类原因之和（推算）。', 'Requests not processed: the sum of 5 reasons (derived).'),
  other_total: c('其他处理的件数（逾期不补正、逾期不缴费、其他）。', 'Requests handled otherwise (no correction or fee in time, other).', OTHER_SPLIT),
  review_total: c('就政府信息公开提起的行政复议总件数。', 'Administrative reconsiderations about information disclosure.'),
  review_upheld: c('行政复议结果维持的件数。', 'Reconsiderations whose decision was upheld.'),
  review_corrected: c('行政复议结果纠正的件数。', 'Reconsiderations whose decision was corrected.'),
  review_other: c('行政复议其他结果的件数。', 'Reconsiderations with another result.'),
  review_pending: c('行政复议尚未审结的件数。', 'Reconsiderations not yet decided.'),
  suit_direct_total: c('未经复议直接起诉的行政诉讼总件数。', 'Lawsuits filed without a reconsideration first.'),
  suit_direct_corrected: c('未经复议直接起诉、结果纠正的件数。', 'Direct lawsuits whose decision was corrected.'),
  suit_after_review_total: c('复议后起诉的行政诉讼总件数。', 'Lawsuits filed after a reconsideration.'),
  suit_after_review_corrected: c('复议后起诉、结果纠正的件数。', 'Lawsuits after reconsideration whose decision was corrected.'),
  suit_total: c('行政诉讼总件数：直接起诉加复议后起诉（两项都印出时才计）。', 'All lawsuits: direct plus after reconsideration (only where both are printed).'),
  regulations_issued: c('本年制发的规章件数。', 'Regulations issued this year.', ACTIVE_2021),
  normative_documents_issued: c('本年制发的行政规范性文件件数。', 'Normative documents issued this year.', ACTIVE_2021),
  licensing_decisions: c('本年作出的行政许可决定数量。', 'Licensing decisions made this year.', DECISIONS),
  penalty_decisions: c('本年作出的行政处罚决定数量。', 'Penalty decisions made this year.', DECISIONS),
  coercion_decisions: c('本年作出的行政强制决定数量。', 'Coercion decisions made this year.', DECISIONS),
  fees_amount: c('本年行政事业性收费金额（万元；以元印的换算为万元）。', 'Administrative fees collected this year (10,000 yuan; amounts printed in yuan are converted).', ACTIVE_2021),
  legacy_new: c('2019 年前指标表的申请总数。', 'Requests in a pre-2019 indicator table.', LEGACY),
  legacy_granted: c('2019 年前指标表的同意公开数。', 'Requests granted in a pre-2019 indicator table.', LEGACY),
  legacy_review: c('2019 年前指标表的行政复议数。', 'Reconsiderations in a pre-2019 indicator table.', LEGACY),
  legacy_suit: c('2019 年前指标表的行政诉讼数。', 'Lawsuits in a pre-2019 indicator table.', LEGACY),
  granted_rate: c('予以公开的件数占办理结果总计的比例。', 'Share of decided requests that were disclosed.'),
  partial_rate: c('部分公开的件数占办理结果总计的比例。', 'Share of decided requests partly disclosed.'),
  disclosed_rate: c('予以公开与部分公开之和占办理结果总计的比例。', 'Share of decided requests disclosed in full or in part.'),
  denied_rate: c('不予公开（8 类原因之和）占办理结果总计的比例。', 'Share of decided requests denied (the 8 reasons summed).'),
  unavailable_rate: c('无法提供（3 类原因之和）占办理结果总计的比例。', 'Share of decided requests where the information cannot be provided.'),
  rejected_rate: c('不予处理（5 类原因之和）占办理结果总计的比例。', 'Share of decided requests not processed.'),
  other_rate: c('其他处理占办理结果总计的比例。', 'Share of decided requests handled otherwise.', OTHER_SPLIT),
  natural_share: c('本年新收申请中自然人申请的比例。', 'Share of new requests from natural persons.'),
  review_rate: c('行政复议件数与办理结果总计之比（每件办理结果对应的复议数）。', 'Reconsiderations per decided request.'),
  correction_rate: c('已审结的行政复议中结果被纠正的比例。', 'Share of decided reconsiderations whose decision was corrected.'),
  suit_direct_correction_rate: c('已审结的直接起诉中结果被纠正的比例。', 'Share of decided direct lawsuits whose decision was corrected.'),
  suit_after_review_correction_rate: c('已审结的复议后起诉中结果被纠正的比例。', 'Share of decided lawsuits after reconsideration whose decision was corrected.'),
};

const TABLES: Record<string, Text> = {
  requests: { zh: '三、收到和处理政府信息公开申请情况', en: 'III. Requests received and handled' },
  appeals: { zh: '四、政府信息公开行政复议、行政诉讼情况', en: 'IV. Reconsideration and litigation' },
  active: { zh: '二、主动公开政府信息情况', en: 'II. Proactive disclosure' },
  legacy: { zh: '2019 年前的指标表', en: 'Pre-2019 indicator table' },
};
const DERIVED_ROWS: Record<string, Text> = {
  denied_total: { zh: '（三）不予公开 1–8 项之和', en: '(3) denied, rows 1–8 summed' },
  unavailable_total: { zh: '（四）无法提供 1–3 项之和', en: '(4) cannot provide, rows 1–3 summed' },
  rejected_total: { zh: '（五）不予处理 1–5 项之和', en: '(5) not processed, rows 1–5 summed' },
  other_total: { zh: '（六）其他处理（一行，或 1–3 项之和）', en: '(6) other handling (one row, or rows 1–3 summed)' },
};
const LEGACY_ROWS: Record<string, Text> = {
  new: { zh: '申请总数', en: 'requests in all' }, granted: { zh: '同意公开', en: 'requests granted' },
  review: { zh: '行政复议数', en: 'reconsiderations' }, suit: { zh: '行政诉讼数', en: 'lawsuits' },
};

/** Per table: the row and the column label of a canonical cell, as the template prints them
 * (one lookup per table instead of one branch each; the pre-2019 tables have one column). */
const CELL_LABELS: Record<string, { row: (item: string) => Text | undefined; column: (column: string) => Text | undefined }> = {
  requests: { row: (k) => DERIVED_ROWS[k] ?? REQUEST_ROWS.find((r) => r.key === k), column: (k) => REQUEST_COLUMNS.find((x) => x.key === k) },
  appeals: { row: (k) => APPEAL_ITEMS.find((x) => x.key === k), column: (k) => APPEAL_COLUMNS.find((x) => x.key === k) },
  active: { row: (k) => ACTIVE_ITEMS.find((x) => x.key === k), column: (k) => ACTIVE_COLUMN_LABELS[k] },
  legacy: { row: (k) => LEGACY_ROWS[k], column: () => ({ zh: '', en: '' }) },
};

/** The printed cell a canonical key stands for, as the template labels it. */
export function cellLabel(table: string, item: string, column: string, lang: Lang): string {
  const pick = (t: Text | undefined, fallback: string) => (t ? t[lang] : fallback);
  const l = CELL_LABELS[table];
  return [pick(TABLES[table], table), pick(l?.row(item), item), pick(l?.column(column), column)].filter(Boolean).join(' · ');
}

export interface GlossaryView {
  id: string;
  label: string;
  kind: MetricDef['kind'];
  unit?: string;
  counts: string;
  /** Rates: what they are divided by; null for counts and amounts. */
  denominator: string | null;
  /** The template cells summed into the value and the denominator. */
  rows: { role: 'value' | 'denominator'; label: string; key: string }[];
  comparability: string | null;
}

/** A metric's definition in one language, for the glossary view. */
export function glossaryFor(id: string, lang: Lang): GlossaryView {
  const m = requireMetric(id);
  const g = GLOSSARY[id];
  if (!g) throw new Error(`no glossary entry for metric ${id}`);
  return {
    id, label: m[lang], kind: m.kind, unit: m.unit,
    counts: g.counts[lang],
    denominator: m.kind === 'rate' ? { zh: m.denominatorZh, en: m.denominatorEn }[lang] ?? null : null,
    rows: metricSources(m).map((s) => ({ role: s.role, label: cellLabel(s.table, s.item, s.column, lang), key: `${s.table}:${s.item}:${s.column}` })),
    comparability: g.comparability ? g.comparability[lang] : null,
  };
}

/** Catalog ids without an entry and entries without a catalog metric (both must be empty). */
export function glossaryGaps(): { missing: string[]; extra: string[] } {
  const ids = new Set(METRICS.map((m) => m.id));
  return { missing: [...ids].filter((id) => !GLOSSARY[id]), extra: Object.keys(GLOSSARY).filter((id) => !ids.has(id)) };
}
