// Stage — rows matched to keys: a printed label → canonical key, tolerant of the typos and breaks
// seen in real reports: `2.其他法律行政止公开` (2024_huaian_hongzequ_rmzf.pdf), `本年度办 理结果` and
// `社会公益 组织` (2024_pingtan_zhqsyq.txt), `行政法复议` (2022_pingtan_zhqsyq.txt). Matching is on
// distinctive phrases of the label, not on the sub-row number, because numbers repeat in every group.

import type { OutcomeGroup } from '../model';

/** Label with spaces removed and brackets unified (normalise() already made them ASCII). */
export function squash(label: string): string {
  return label.replace(/\s+/g, '');
}

export type Section = 'active' | 'requests' | 'appeals' | 'end';

/** Section headings (二、三、四、五、) — checked before row labels. */
export function sectionOf(label: string): Section | null {
  const s = squash(label);
  if (/^二、主动公开/.test(s)) return 'active';
  if (/^三、收到和处理/.test(s) || /^收到和处理政府信息公开申请情况/.test(s)) return 'requests';
  if (/^四、(因)?政府信息公开(工作)?(被)?(申请)?行政(法)?复议/.test(s)) return 'appeals';
  if (/^五、/.test(s) || /^(六、)?其他需要报告/.test(s)) return 'end';
  return null;
}

interface RowRule {
  key: string;
  test: RegExp;
}

// Order matters: the first rule that matches wins.
const REQUEST_RULES: RowRule[] = [
  { key: 'new', test: /本年新收/ },
  { key: 'carried_over', test: /上年结转/ },
  { key: 'carried_forward', test: /结转下年/ },
  { key: 'denied_state_secret', test: /国家秘密/ },
  { key: 'denied_prohibited', test: /法律.*(禁止|止)公开|禁止公开/ },
  { key: 'denied_security', test: /三安全|一稳定/ },
  { key: 'denied_third_party', test: /第三方/ },
  { key: 'denied_internal', test: /内部事务/ },
  { key: 'denied_deliberative', test: /过程性/ },
  { key: 'denied_enforcement_file', test: /执法案[卷件]/ },
  { key: 'denied_inquiry', test: /行政查询/ },
  { key: 'unavailable_not_held', test: /不掌握/ },
  { key: 'unavailable_needs_creation', test: /另行制作|没有现成/ },
  { key: 'unavailable_unclear', test: /仍不明确|补正后/ },
  { key: 'rejected_petition', test: /信访|举报投诉/ },
  { key: 'rejected_duplicate', test: /重复申请/ },
  { key: 'rejected_publication', test: /出版物/ },
  { key: 'rejected_excessive', test: /大量反复/ },
  { key: 'rejected_confirmation', test: /重新出具|确认或/ },
  { key: 'other_overdue_correction', test: /逾期不补正/ },
  { key: 'other_overdue_fee', test: /缴纳费用|收费通知/ },
  { key: 'partial', test: /部分公开/ },
  { key: 'granted', test: /予以公开/ },
];

export type RequestLabel =
  | { kind: 'row'; key: string }
  | { kind: 'group'; group: OutcomeGroup }
  | { kind: 'outcome_total' }
  | { kind: 'other_misc' } // `3.其他` — only a row inside （六）其他处理
  | { kind: 'header' }
  | { kind: 'unknown' };

const REQUEST_HEADERS = /^(申请人情况|自然人|法人或其他组织|商业企业|科研机构|社会公益组织|法律服务机构|其他|总计|三、本年度办理结果|本年度办理结果|\(本列数据的勾稽关系.*|.*[勾钩]稽关系.*|.*第三项加第四项之和.*)$/;

export function classifyRequestLabel(label: string): RequestLabel {
  const s = squash(label);
  if (/^\(七\)总计|^七、?总计/.test(s)) return { kind: 'outcome_total' };
  if (/^\d[.、]?其他$/.test(s)) return { kind: 'other_misc' }; // "3、其他" in 2024_huaian_szf.pdf
  for (const r of REQUEST_RULES) if (r.test.test(s)) return { kind: 'row', key: r.key };
  if (/^\(三\)不予公开$/.test(s)) return { kind: 'group', group: 'denied' };
  if (/^\(四\)无法提供$/.test(s)) return { kind: 'group', group: 'unavailable' };
  if (/^\(五\)不予处理$/.test(s)) return { kind: 'group', group: 'rejected' };
  if (/^\(六\)其他处理$/.test(s)) return { kind: 'group', group: 'other' };
  if (REQUEST_HEADERS.test(s)) return { kind: 'header' };
  return { kind: 'unknown' };
}

export interface ActiveLabel {
  /** The item this label names (the label may end with it after run-together headers). */
  item: string | null;
  /** Which template's column headers the label contains. */
  template: '2019' | '2021' | null;
}

const ACTIVE_ITEM_SUFFIX: [RegExp, string][] = [
  [/其他对外管理服务事项$/, 'other_services'],
  [/规范性文件$/, 'normative_documents'],
  [/规章$/, 'regulations'],
  [/行政许可$/, 'licensing'],
  [/行政处罚$/, 'penalty'],
  [/行政强制$/, 'coercion'],
  [/行政事业性收费$/, 'fees'],
  [/政府集中采购$/, 'procurement'],
];

const ACTIVE_ITEM_NAMES = ['其他对外管理服务事项', '规范性文件', '规章', '行政许可', '行政处罚', '行政强制', '行政事业性收费', '政府集中采购'];

export function classifyActiveLabel(label: string): ActiveLabel {
  const s = squash(label);
  let template: ActiveLabel['template'] = null;
  if (/制发件数|废止件数|废纸件数|现行有效件数|先行有效件数|本年处理决定数量|本年收费金额/.test(s)) template = '2021';
  else if (/新制作|新公开|本年新|对外公开总数|上一年项目数量|本年增\/?减|采购项目数量|采购总金额|第二十条第\(九\)项/.test(s)) template = '2019';
  let item: string | null = null;
  for (const [re, key] of ACTIVE_ITEM_SUFFIX) {
    if (re.test(s)) {
      item = key;
      break;
    }
  }
  // Two row names in one label (`规章行政规范性文件`): a row printed with no numbers gave its label
  // to the next (a PDF stacks a blank row's label onto its neighbour's); the numbers could be
  // either row's, so the label names no row (an unknown-row finding, never the neighbour's figures).
  if (item !== null && ACTIVE_ITEM_NAMES.filter((n) => s.includes(n)).length > 1) item = null;
  return { item, template };
}

/**
 * A whole label cell that names exactly one row of table 二 or 三 by itself (`规范性文件`,
 * `2.重复申请`): the PDF layout writes such a line as a row of empty cells when the row printed
 * no number at all, instead of gluing it onto a neighbour's label. Prose never reads as one: the
 * table-二 names must match whole, the table-三 labels must start with their row marker.
 */
export function namesOneRow(label: string): boolean {
  // PDF text is not normalised yet: its full-width brackets and stops made ASCII here
  const s = squash(label).replace(/（/g, '(').replace(/）/g, ')').replace(/．/g, '.');
  if (s.length === 0 || s.length > 60) return false;
  if (ACTIVE_ITEM_NAMES.includes(s) || s === '行政规范性文件') return true;
  if (!/^(?:\([一二三四五六七八九十]+\)|[一二三四五六七八九十]+、|\d{1,2}[.、])/.test(s)) return false;
  const r = classifyRequestLabel(s);
  return r.kind === 'row' || r.kind === 'outcome_total';
}

/** Labels of table 4 (appeals) — its header cells; the values follow them as one run of 15. */
export function isAppealsHeader(label: string): boolean {
  const s = squash(label);
  return /行政(法)?复议|行政诉讼|结果维持|结果纠正|其他结果|尚未审结|总计|未经复议直接起诉|复议后起诉/.test(s);
}
