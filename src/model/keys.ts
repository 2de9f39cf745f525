// Canonical keys: the contract between parser, dataset and dashboard (documented in docs/dataset.md).
// The parse CLI's output and the dashboard use exactly these strings. Keys added beyond the
// national template's cells are marked "added" and documented in docs/dataset.md.

export type TableKey = 'requests' | 'appeals' | 'active' | 'legacy';

/** Applicant-type columns of table "requests" (申请人情况). */
export const REQUEST_COLUMNS = [
  { key: 'natural', zh: '自然人', en: 'Natural persons' },
  { key: 'commercial', zh: '商业企业', en: 'Commercial enterprises' },
  { key: 'research', zh: '科研机构', en: 'Research institutions' },
  { key: 'nonprofit', zh: '社会公益组织', en: 'Non-profit organisations' },
  { key: 'legal', zh: '法律服务机构', en: 'Legal service organisations' },
  { key: 'other_org', zh: '其他', en: 'Other organisations' },
  { key: 'total', zh: '总计', en: 'Total' },
] as const;
export type RequestColumn = (typeof REQUEST_COLUMNS)[number]['key'];
/** The six applicant columns whose sum is `total` (identity 3). */
export const APPLICANT_COLUMNS: RequestColumn[] = ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other_org'];

export type OutcomeGroup = 'granted' | 'partial' | 'denied' | 'unavailable' | 'rejected' | 'other';

export interface RowDef {
  key: string;
  zh: string;
  en: string;
  /** Outcome group for rows of 三、本年度办理结果 (undefined for non-outcome rows). */
  group?: OutcomeGroup;
  /** Which templates print this row. */
  templates: Template[];
  /** Added beyond the spec's list. */
  added?: boolean;
}

export type Template = '2021' | '2019' | 'legacy';

/** Rows of table "requests", in printed order. */
export const REQUEST_ROWS: RowDef[] = [
  { key: 'new', zh: '一、本年新收政府信息公开申请数量', en: 'New requests this year', templates: ['2021', '2019'] },
  { key: 'carried_over', zh: '二、上年结转政府信息公开申请数量', en: 'Carried over from last year', templates: ['2021', '2019'] },
  { key: 'granted', zh: '（一）予以公开', en: 'Disclosed', group: 'granted', templates: ['2021', '2019'] },
  { key: 'partial', zh: '（二）部分公开', en: 'Partly disclosed', group: 'partial', templates: ['2021', '2019'] },
  { key: 'denied_state_secret', zh: '1.属于国家秘密', en: 'State secret', group: 'denied', templates: ['2021', '2019'] },
  { key: 'denied_prohibited', zh: '2.其他法律行政法规禁止公开', en: 'Prohibited by other laws', group: 'denied', templates: ['2021', '2019'] },
  { key: 'denied_security', zh: '3.危及“三安全一稳定”', en: 'Endangers security or stability', group: 'denied', templates: ['2021', '2019'] },
  { key: 'denied_third_party', zh: '4.保护第三方合法权益', en: 'Third-party rights', group: 'denied', templates: ['2021', '2019'] },
  { key: 'denied_internal', zh: '5.属于三类内部事务信息', en: 'Internal affairs', group: 'denied', templates: ['2021', '2019'] },
  { key: 'denied_deliberative', zh: '6.属于四类过程性信息', en: 'Deliberative (process) information', group: 'denied', templates: ['2021', '2019'] },
  { key: 'denied_enforcement_file', zh: '7.属于行政执法案卷', en: 'Enforcement case file', group: 'denied', templates: ['2021', '2019'] },
  { key: 'denied_inquiry', zh: '8.属于行政查询事项', en: 'Administrative inquiry matter', group: 'denied', templates: ['2021', '2019'] },
  { key: 'unavailable_not_held', zh: '1.本机关不掌握相关政府信息', en: 'Not held by this agency', group: 'unavailable', templates: ['2021', '2019'] },
  { key: 'unavailable_needs_creation', zh: '2.没有现成信息需要另行制作', en: 'Would need to be created', group: 'unavailable', templates: ['2021', '2019'] },
  { key: 'unavailable_unclear', zh: '3.补正后申请内容仍不明确', en: 'Still unclear after correction', group: 'unavailable', templates: ['2021', '2019'] },
  { key: 'rejected_petition', zh: '1.信访举报投诉类申请', en: 'Petition or complaint', group: 'rejected', templates: ['2021', '2019'] },
  { key: 'rejected_duplicate', zh: '2.重复申请', en: 'Duplicate request', group: 'rejected', templates: ['2021', '2019'] },
  { key: 'rejected_publication', zh: '3.要求提供公开出版物', en: 'Asks for a publication', group: 'rejected', templates: ['2021', '2019'] },
  { key: 'rejected_excessive', zh: '4.无正当理由大量反复申请', en: 'Excessive repeated requests', group: 'rejected', templates: ['2021', '2019'] },
  { key: 'rejected_confirmation', zh: '5.要求行政机关确认或重新出具已获取信息', en: 'Asks to confirm or re-issue obtained information', group: 'rejected', templates: ['2021', '2019'] },
  { key: 'other_overdue_correction', zh: '1.申请人无正当理由逾期不补正', en: 'Applicant did not correct in time', group: 'other', templates: ['2021'] },
  { key: 'other_overdue_fee', zh: '2.申请人逾期未按收费通知要求缴纳费用', en: 'Applicant did not pay the fee in time', group: 'other', templates: ['2021'] },
  { key: 'other_misc', zh: '3.其他', en: 'Other', group: 'other', templates: ['2021'] },
  // The 2019 template prints （六）其他处理 as one row (see fixtures 2020_pingtan_zhqsyq.txt); some
  // 2021-template reports do too (2024_huaian_hongzequ_rmzf.pdf).
  { key: 'other_total', zh: '（六）其他处理', en: 'Other handling (single row)', group: 'other', templates: ['2019', '2021'] },
  { key: 'outcome_total', zh: '（七）总计', en: 'Total decided', templates: ['2021', '2019'] },
  { key: 'carried_forward', zh: '四、结转下年度继续办理', en: 'Carried forward to next year', templates: ['2021', '2019'] },
];

export const OUTCOME_GROUPS: { key: OutcomeGroup; zh: string; en: string; derivedItem: string }[] = [
  { key: 'granted', zh: '予以公开', en: 'Disclosed', derivedItem: 'granted' },
  { key: 'partial', zh: '部分公开', en: 'Partly disclosed', derivedItem: 'partial' },
  { key: 'denied', zh: '不予公开', en: 'Denied', derivedItem: 'denied_total' },
  { key: 'unavailable', zh: '无法提供', en: 'Cannot provide', derivedItem: 'unavailable_total' },
  { key: 'rejected', zh: '不予处理', en: 'Not processed', derivedItem: 'rejected_total' },
  { key: 'other', zh: '其他处理', en: 'Other handling', derivedItem: 'other_total' },
];

/**
 * Derived items (never printed by the template; `derived = true` in facts):
 * denied_total, unavailable_total, rejected_total = sums of their rows;
 * other_total when the 2021 sub-rows are printed (sum of other_*).
 * When a report prints （六）其他处理 as one row, other_total is a printed fact (derived = false).
 */
export const DERIVED_REQUEST_ITEMS = ['denied_total', 'unavailable_total', 'rejected_total', 'other_total'] as const;

/** Table "appeals" (行政复议、行政诉讼). */
export const APPEAL_ITEMS = [
  { key: 'review', zh: '行政复议', en: 'Administrative reconsideration' },
  { key: 'suit_direct', zh: '行政诉讼 · 未经复议直接起诉', en: 'Lawsuit, filed directly' },
  { key: 'suit_after_review', zh: '行政诉讼 · 复议后起诉', en: 'Lawsuit after reconsideration' },
] as const;
export const APPEAL_COLUMNS = [
  { key: 'upheld', zh: '结果维持', en: 'Upheld' },
  { key: 'corrected', zh: '结果纠正', en: 'Corrected' },
  { key: 'other', zh: '其他结果', en: 'Other result' },
  { key: 'pending', zh: '尚未审结', en: 'Pending' },
  { key: 'total', zh: '总计', en: 'Total' },
] as const;

/** Table "active" (主动公开). Items and their columns per template. */
export const ACTIVE_ITEMS: { key: string; zh: string; en: string; columns: string[]; templates: Template[] }[] = [
  { key: 'regulations', zh: '规章', en: 'Regulations', columns: ['issued', 'repealed', 'in_force'], templates: ['2021'] },
  { key: 'normative_documents', zh: '行政规范性文件', en: 'Normative documents', columns: ['issued', 'repealed', 'in_force'], templates: ['2021'] },
  { key: 'licensing', zh: '行政许可', en: 'Licensing', columns: ['decisions'], templates: ['2021'] },
  { key: 'penalty', zh: '行政处罚', en: 'Penalties', columns: ['decisions'], templates: ['2021'] },
  { key: 'coercion', zh: '行政强制', en: 'Coercive measures', columns: ['decisions'], templates: ['2021'] },
  { key: 'fees', zh: '行政事业性收费', en: 'Administrative fees', columns: ['amount'], templates: ['2021'] },
  // 2019 template: same items, other columns (they do not mean the same; own keys)
  { key: 'regulations', zh: '规章', en: 'Regulations', columns: ['made', 'published', 'public_total'], templates: ['2019'] },
  { key: 'normative_documents', zh: '规范性文件', en: 'Normative documents', columns: ['made', 'published', 'public_total'], templates: ['2019'] },
  { key: 'licensing', zh: '行政许可', en: 'Licensing', columns: ['prior_count', 'change', 'decisions'], templates: ['2019'] },
  { key: 'other_services', zh: '其他对外管理服务事项', en: 'Other management services', columns: ['prior_count', 'change', 'decisions'], templates: ['2019'] },
  { key: 'penalty', zh: '行政处罚', en: 'Penalties', columns: ['prior_count', 'change', 'decisions'], templates: ['2019'] },
  { key: 'coercion', zh: '行政强制', en: 'Coercive measures', columns: ['prior_count', 'change', 'decisions'], templates: ['2019'] },
  { key: 'fees', zh: '行政事业性收费', en: 'Administrative fees', columns: ['prior_count', 'change'], templates: ['2019'] },
  { key: 'procurement', zh: '政府集中采购', en: 'Central government procurement', columns: ['projects', 'amount'], templates: ['2019'] },
];

export const ACTIVE_COLUMN_LABELS: Record<string, { zh: string; en: string; unit?: 'count' | 'wan_yuan' | 'yuan' }> = {
  issued: { zh: '本年制发件数', en: 'Issued this year', unit: 'count' },
  repealed: { zh: '本年废止件数', en: 'Repealed this year', unit: 'count' },
  in_force: { zh: '现行有效件数', en: 'In force', unit: 'count' },
  decisions: { zh: '本年处理决定数量', en: 'Decisions this year', unit: 'count' },
  amount: { zh: '本年收费金额（万元）/ 采购总金额', en: 'Amount', unit: 'wan_yuan' },
  made: { zh: '本年新制作数量', en: 'Newly made', unit: 'count' },
  published: { zh: '本年新公开数量', en: 'Newly published', unit: 'count' },
  public_total: { zh: '对外公开总数量', en: 'Total public', unit: 'count' },
  prior_count: { zh: '上一年项目数量', en: 'Items last year', unit: 'count' },
  change: { zh: '本年增/减', en: 'Change this year', unit: 'count' },
  projects: { zh: '采购项目数量', en: 'Procurement projects', unit: 'count' },
};

/**
 * Legacy (pre-2019) indicator tables: only the headline figures, table = 'legacy', column = 'total'.
 * new ≈ 申请总数, granted ≈ 同意公开, partial ≈ 同意部分公开, denied ≈ 否决/不予公开,
 * outcome_total ≈ 答复总数, review ≈ 行政复议数, suit ≈ 行政诉讼数, complaint ≈ 行政申诉数,
 * other ≈ 其他类型答复数 (added: printed in 2018_pingtan_zhqsyq.txt's table; truth.csv other_total).
 */
export const LEGACY_ITEMS = ['new', 'granted', 'partial', 'denied', 'outcome_total', 'review', 'suit', 'complaint', 'other'] as const;
