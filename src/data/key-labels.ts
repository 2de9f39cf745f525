// Canonical keys as the user reads them: every key of src/model/keys.ts (rows, columns, groups,
// appeal items, 表二 items, check ids) → its zh/en label, and any expression of keys (a check's
// side, "new + carried_over") → the same expression in labels. The labels themselves are declared
// once, in src/model/keys.ts; this only looks them up, so no internal key reaches a view, table,
// tooltip, check text or export heading.
import {
  ACTIVE_COLUMN_LABELS, ACTIVE_ITEMS, APPEAL_COLUMNS, APPEAL_ITEMS, OUTCOME_GROUPS, REQUEST_COLUMNS, REQUEST_ROWS,
} from '../model/keys';
import type { Lang } from '../model/types';

type Label = { zh: string; en: string };

// Row labels as printed carry their numbering ("（七）总计", "1.属于国家秘密"): shown without it.
const bare = (s: string) => s.replace(/^[（(][一二三四五六七八九十]+[）)]|^[一二三四五六七八九十]+、|^\d+\./, '');

const ROWS = new Map<string, Label>();
for (const r of REQUEST_ROWS) ROWS.set(r.key, { zh: bare(r.zh), en: r.en });
const DERIVED: Record<string, Label> = Object.fromEntries(OUTCOME_GROUPS.filter((g) => g.derivedItem !== g.key).map((g) => [g.derivedItem, { zh: `${g.zh}（合计）`, en: `${g.en} (sum)` }]));

const TABLES: Record<string, Label> = {
  requests: { zh: '表三（依申请公开）', en: 'Table 3 (requests)' },
  appeals: { zh: '表四（复议诉讼）', en: 'Table 4 (appeals)' },
  active: { zh: '表二（主动公开）', en: 'Table 2 (proactive)' },
  legacy: { zh: '2019 年前统计表', en: 'Pre-2019 table' },
};

const CHECKS: Record<string, Label> = {
  'requests.balance': { zh: '收到 = 办结 + 结转', en: 'received = decided + carried forward' },
  'requests.row_total': { zh: '行合计 = 各类申请人之和', en: 'row total = sum of applicant types' },
  'requests.outcome_sum': { zh: '办理结果总计 = 各项结果之和', en: 'total decided = sum of outcomes' },
  'appeals.group_total': { zh: '总计 = 维持 + 纠正 + 其他 + 尚未审结', en: 'total = upheld + corrected + other + pending' },
};

/** The label of one key in a context (a row, a column, an appeal item …); the key itself when unknown. */
export function keyLabel(key: string, lang: Lang, ctx: 'any' | 'column' | 'table' | 'check' = 'any'): string {
  const pick = (l: Label | undefined) => (l ? l[lang] : undefined);
  if (ctx === 'table') return pick(TABLES[key]) ?? key;
  if (ctx === 'check') return pick(CHECKS[key]) ?? key;
  if (ctx === 'column') {
    return pick(REQUEST_COLUMNS.find((c) => c.key === key)) ?? pick(APPEAL_COLUMNS.find((c) => c.key === key)) ?? pick(ACTIVE_COLUMN_LABELS[key]) ?? keyLabel(key, lang);
  }
  return pick(ROWS.get(key)) ?? pick(DERIVED[key]) ?? pick(OUTCOME_GROUPS.find((g) => g.key === key)) ?? pick(APPEAL_ITEMS.find((a) => a.key === key))
    ?? pick(ACTIVE_ITEMS.find((a) => a.key === key)) ?? pick(REQUEST_COLUMNS.find((c) => c.key === key)) ?? pick(APPEAL_COLUMNS.find((c) => c.key === key))
    ?? pick(ACTIVE_COLUMN_LABELS[key]) ?? key;
}

/** An expression of keys ("new + carried_over", "total") in labels; `column` reads bare keys as columns. */
export function keyExpression(expr: string, lang: Lang, ctx: 'any' | 'column' = 'any'): string {
  return expr.replace(/[a-z][a-z0-9]*(?:_[a-z0-9]+)*/g, (k) => keyLabel(k, lang, ctx));
}

/** True when a check's subject is a column (applicant type / appeal result), else a row. */
export function subjectLabel(subject: string, lang: Lang): string {
  return keyLabel(subject, lang, REQUEST_COLUMNS.some((c) => c.key === subject) ? 'column' : 'any');
}

// Export headings: every column a view writes to CSV, in words with its unit. Declared here once so
// a view passes field names and gets headings; a field missing here is a test failure, not a key in
// a spreadsheet. Rates are exported as fractions (0.25 = 25 %), as the dataset stores them.
const CSV_FIELDS: Record<string, Label> = {
  year: { zh: '年份', en: 'Year' },
  start_year: { zh: '起始年份', en: 'Start year' },
  end_year: { zh: '结束年份', en: 'End year' },
  metric: { zh: '指标', en: 'Measure' },
  metric_label: { zh: '指标名称', en: 'Measure name' },
  agency: { zh: '机关', en: 'Agency' },
  item: { zh: '项目', en: 'Item' },
  key: { zh: '项目', en: 'Item' },
  group: { zh: '类别', en: 'Group' },
  level: { zh: '行政层级', en: 'Level' },
  code: { zh: '行政区划代码', en: 'Division code' },
  region_code: { zh: '行政区划代码', en: 'Division code' },
  name: { zh: '地区', en: 'Region' },
  rank: { zh: '排名', en: 'Rank' },
  highlighted: { zh: '所选机关（是/否）', en: 'Selected agency (true/false)' },
  value: { zh: '数值（件；金额为万元；比率为小数，0.25 = 25%）', en: 'Value (cases; money in 10,000 yuan; rates as fractions, 0.25 = 25%)' },
  numerator: { zh: '比率分子（件）', en: 'Rate numerator (cases)' },
  denominator: { zh: '比率分母（件）', en: 'Rate denominator (cases)' },
  n_data: { zh: '有数据的报告数（份）', en: 'Reports with data (count)' },
  n_reports: { zh: '报告数（份）', en: 'Reports (count)' },
  agencies: { zh: '两年都有数据的机关数（个）', en: 'Agencies with data in both years (count)' },
  start_value: { zh: '起始年数值（件；比率为小数）', en: 'Start value (cases; rates as fractions)' },
  end_value: { zh: '结束年数值（件；比率为小数）', en: 'End value (cases; rates as fractions)' },
  change: { zh: '变化（件；比率为小数之差，0.05 = 5 个百分点）', en: 'Change (cases; rates as a difference of fractions, 0.05 = 5 percentage points)' },
  relative: { zh: '相对变化（小数，0.1 = +10%）', en: 'Relative change (fraction, 0.1 = +10%)' },
  start_numerator: { zh: '起始年分子（件）', en: 'Start numerator (cases)' },
  start_denominator: { zh: '起始年分母（件）', en: 'Start denominator (cases)' },
  end_numerator: { zh: '结束年分子（件）', en: 'End numerator (cases)' },
  end_denominator: { zh: '结束年分母（件）', en: 'End denominator (cases)' },
  upheld: { zh: '结果维持（件）', en: 'Upheld (cases)' },
  corrected: { zh: '结果纠正（件）', en: 'Corrected (cases)' },
  other: { zh: '其他结果（件）', en: 'Other result (cases)' },
  pending: { zh: '尚未审结（件）', en: 'Pending (cases)' },
  total: { zh: '总计（件）', en: 'Total (cases)' },
  correction_numerator: { zh: '纠错率分子：纠正（件）', en: 'Correction rate numerator: corrected (cases)' },
  correction_denominator: { zh: '纠错率分母：总计 − 尚未审结（件）', en: 'Correction rate denominator: total − pending (cases)' },
  correction_rate: { zh: '纠错率（小数，0.25 = 25%）', en: 'Correction rate (fraction, 0.25 = 25%)' },
  source: { zh: '从', en: 'From' },
  target: { zh: '到', en: 'To' },
  stage: { zh: '阶段', en: 'Stage' },
  report_id: { zh: '报告编号', en: 'Report id' },
  status: { zh: '状态', en: 'Status' },
  checks_total: { zh: '校验数（项）', en: 'Checks (count)' },
  checks_passed: { zh: '校验通过（项）', en: 'Checks passed (count)' },
  checks_failed: { zh: '校验未通过（项）', en: 'Checks failed (count)' },
  checks_skipped: { zh: '校验无法进行（项）', en: 'Checks skipped (count)' },
  finding_count: { zh: '问题数（条）', en: 'Findings (count)' },
  blank_cells: { zh: '空白单元格（个）', en: 'Blank cells (count)' },
  fact_count: { zh: '数字数（个）', en: 'Numbers (count)' },
};

/**
 * Rows for a CSV whose numerator and denominator columns belong to rates: a count's numerator is its
 * value and it has no denominator (metric-catalog.ts), so for a count both stay blank rather than
 * repeat the value under "rate numerator".
 */
export function rateFieldsOnly<T extends object>(rows: readonly T[], isRate: (r: T) => boolean): Record<string, unknown>[] {
  return rows.map((r): Record<string, unknown> => (isRate(r) ? { ...(r as Record<string, unknown>) } : { ...(r as Record<string, unknown>), numerator: null, denominator: null }));
}

/** The export heading of one CSV field; undefined when none is declared (a test fails on it). */
export function csvHeading(field: string, lang: Lang): string | undefined {
  return CSV_FIELDS[field]?.[lang];
}

/**
 * A view's CSV as the user reads it: headings in words and, in the columns that hold keys, the
 * keys' labels (`cell` maps a field's value, e.g. a metric id to its name). The original fields
 * stay on each row (unlisted, so not exported) for callers that read them, e.g. the glossary link.
 */
export function labelledCsv(fields: string[], rows: Record<string, unknown>[], lang: Lang, cell: Record<string, (v: unknown) => unknown> = {}): { fields: string[]; rows: Record<string, unknown>[] } {
  const heads = fields.map((f) => csvHeading(f, lang) ?? f);
  return {
    fields: heads,
    rows: rows.map((r) => {
      const out: Record<string, unknown> = { ...r };
      fields.forEach((f, i) => { out[heads[i]] = cell[f] && r[f] !== null && r[f] !== undefined ? cell[f](r[f]) : r[f]; });
      return out;
    }),
  };
}
