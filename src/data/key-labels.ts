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
