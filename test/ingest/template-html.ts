// The national template's layout as an HTML document, holding a parsed report's numbers: the input
// from which test/ingest/make-fixtures.ts (LibreOffice → .docx/.doc/.pdf) and scripts/forms-sweep.ts
// (every form users bring) make the other forms of a report. Merged cells (colspan/rowspan) as on
// the agencies' pages; a cell the text leaves undecided (an ambiguous split) is blank.
import { APPEAL_COLUMNS, APPEAL_ITEMS, REQUEST_COLUMNS, REQUEST_ROWS } from '../../src/model/keys';
import type { ParsedReport } from '../../src/model';

export interface RenderOptions {
  /** Table 三 printed as two `<table>` elements, as pages cut at a page break are: `before-outcomes`
   * cuts before 三、本年度办理结果; `mid-outcomes` after （二）部分公开, the second table opening with
   * 三、本年度办理结果 again over its remaining rows; `mid-outcomes-header` also repeats the three
   * header rows at the top of the second table (Word's repeated header rows). */
  splitRequests?: 'before-outcomes' | 'mid-outcomes' | 'mid-outcomes-header';
  /** The header rows of table 三 as `<thead>` with `<th>` cells. */
  thead?: boolean;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const td = (s: string | number | null, span = '') => `<td${span}>${s === null ? '' : esc(String(s))}</td>`;

/** `text`: the report's own text (its prose before table 二 and after table 四 is kept). */
export function renderTemplateHtml(p: ParsedReport, text: string, opts: RenderOptions = {}): string {
  const v = (table: string, item: string, column: string) => p.facts.find((f) => !f.derived && f.table === table && f.item === item && f.column === column)?.value ?? null;
  const t2021 = p.report.template === '2021';
  const rows: string[] = [];
  const row = (cells: string[]) => rows.push(`<tr>${cells.join('')}</tr>`);
  // 二
  const active: string[] = [];
  const arow = (cells: string[]) => active.push(`<tr>${cells.join('')}</tr>`);
  const sect = (s: string) => arow([td(s, ' colspan="4"')]);
  if (t2021) {
    sect('第二十条第（一）项'); arow([td('信息内容'), td('本年制发件数'), td('本年废止件数'), td('现行有效件数')]);
    for (const [k, zh] of [['regulations', '规章'], ['normative_documents', '行政规范性文件']]) arow([td(zh), ...['issued', 'repealed', 'in_force'].map((c) => td(v('active', k!, c)))]);
    sect('第二十条第（五）项'); arow([td('信息内容'), td('本年处理决定数量', ' colspan="3"')]); arow([td('行政许可'), td(v('active', 'licensing', 'decisions'), ' colspan="3"')]);
    sect('第二十条第（六）项'); arow([td('信息内容'), td('本年处理决定数量', ' colspan="3"')]);
    arow([td('行政处罚'), td(v('active', 'penalty', 'decisions'), ' colspan="3"')]); arow([td('行政强制'), td(v('active', 'coercion', 'decisions'), ' colspan="3"')]);
    sect('第二十条第（八）项'); arow([td('信息内容'), td('本年收费金额（单位：万元）', ' colspan="3"')]); arow([td('行政事业性收费'), td(v('active', 'fees', 'amount'), ' colspan="3"')]);
  } else {
    sect('第二十条第（一）项'); arow([td('信息内容'), td('本年新制作数量'), td('本年新公开数量'), td('对外公开总数量')]);
    for (const [k, zh] of [['regulations', '规章'], ['normative_documents', '规范性文件']]) arow([td(zh), ...['made', 'published', 'public_total'].map((c) => td(v('active', k!, c)))]);
    sect('第二十条第（五）项'); arow([td('信息内容'), td('上一年项目数量'), td('本年增/减'), td('处理决定数量')]);
    for (const [k, zh] of [['licensing', '行政许可'], ['other_services', '其他对外管理服务事项']]) arow([td(zh), ...['prior_count', 'change', 'decisions'].map((c) => td(v('active', k!, c)))]);
    sect('第二十条第（六）项'); arow([td('信息内容'), td('上一年项目数量'), td('本年增/减'), td('处理决定数量')]);
    for (const [k, zh] of [['penalty', '行政处罚'], ['coercion', '行政强制']]) arow([td(zh), ...['prior_count', 'change', 'decisions'].map((c) => td(v('active', k!, c)))]);
    sect('第二十条第（八）项'); arow([td('信息内容'), td('上一年项目数量'), td('本年增/减', ' colspan="2"')]);
    arow([td('行政事业性收费'), td(v('active', 'fees', 'prior_count')), td(v('active', 'fees', 'change'), ' colspan="2"')]);
    sect('第二十条第（九）项'); arow([td('信息内容'), td('采购项目数量'), td('采购总金额', ' colspan="2"')]);
    arow([td('政府集中采购'), td(v('active', 'procurement', 'projects')), td(v('active', 'procurement', 'amount'), ' colspan="2"')]);
  }
  // 三
  const vals = (item: string) => REQUEST_COLUMNS.map((c) => td(v('requests', item, c.key)));
  row([td('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', ' colspan="3" rowspan="3"'), td('申请人情况', ' colspan="7"')]);
  row([td('自然人', ' rowspan="2"'), td('法人或其他组织', ' colspan="5"'), td('总计', ' rowspan="2"')]);
  row(['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'].map((s) => td(s)));
  row([td('一、本年新收政府信息公开申请数量', ' colspan="3"'), ...vals('new')]);
  row([td('二、上年结转政府信息公开申请数量', ' colspan="3"'), ...vals('carried_over')]);
  const groups: [string, string[]][] = [
    ['（三）不予公开', REQUEST_ROWS.filter((r) => r.group === 'denied').map((r) => r.key)],
    ['（四）无法提供', REQUEST_ROWS.filter((r) => r.group === 'unavailable').map((r) => r.key)],
    ['（五）不予处理', REQUEST_ROWS.filter((r) => r.group === 'rejected').map((r) => r.key)],
  ];
  // a 2021 report that prints （六）其他处理 as one row (some do, e.g. 洪泽区's PDFs) keeps that one row
  const otherAsOneRow = t2021 && !p.facts.some((f) => !f.derived && f.table === 'requests' && f.item.startsWith('other_') && f.item !== 'other_total');
  if (t2021 && !otherAsOneRow) groups.push(['（六）其他处理', ['other_overdue_correction', 'other_overdue_fee', 'other_misc']]);
  const outcomeRows = 2 + groups.reduce((n, g) => n + g[1].length, 0) + (t2021 && !otherAsOneRow ? 0 : 1) + 1;
  const label = (key: string) => {
    const r = REQUEST_ROWS.find((x) => x.key === key)!;
    return key === 'other_overdue_correction' ? '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'
      : key === 'other_overdue_fee' ? '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请' : r.zh;
  };
  const mid = opts.splitRequests === 'mid-outcomes' || opts.splitRequests === 'mid-outcomes-header';
  row([td('三、本年度办理结果', ` rowspan="${mid ? 2 : outcomeRows}"`), td('（一）予以公开', ' colspan="2"'), ...vals('granted')]);
  row([td('（二）部分公开（区分处理的，只计这一情形，不计其他情形）', ' colspan="2"'), ...vals('partial')]);
  const cut = rows.length;
  for (const [head, keys] of groups) keys.forEach((k, i) => row([...(rows.length === cut && mid ? [td('三、本年度办理结果', ` rowspan="${outcomeRows - 2}"`)] : []), ...(i === 0 ? [td(head, ` rowspan="${keys.length}"`)] : []), td(label(k)), ...vals(k)]));
  if (!t2021 || otherAsOneRow) row([td('（六）其他处理', ' colspan="2"'), ...vals('other_total')]);
  row([td('（七）总计', ' colspan="2"'), ...vals('outcome_total')]);
  row([td('四、结转下年度继续办理', ' colspan="3"'), ...vals('carried_forward')]);
  if (opts.thead) for (let i = 0; i < 3; i++) rows[i] = rows[i]!.replace(/<(\/?)td/g, '<$1th');
  const head = opts.thead ? `<thead>${rows.slice(0, 3).join('')}</thead><tbody>` : rows.slice(0, 3).join('');
  const tail = opts.thead ? '</tbody>' : '';
  const split = opts.splitRequests === 'before-outcomes' ? 5 : mid ? cut : rows.length;
  const requests = split === rows.length ? `${head}${rows.slice(3).join('')}${tail}`
    : `${head}${rows.slice(3, split).join('')}${tail}</table>\n<p></p>\n<table>${opts.splitRequests === 'mid-outcomes-header' ? head : ''}${rows.slice(split).join('')}${opts.splitRequests === 'mid-outcomes-header' ? tail : ''}`;
  // 四
  const heads = APPEAL_COLUMNS.map((c) => c.zh);
  const appeals = [
    `<tr>${td('行政复议', ' colspan="5"')}${td('行政诉讼', ' colspan="10"')}</tr>`,
    `<tr>${heads.map((h) => td(h, ' rowspan="2"')).join('')}${td('未经复议直接起诉', ' colspan="5"')}${td('复议后起诉', ' colspan="5"')}</tr>`,
    `<tr>${[...heads, ...heads].map((h) => td(h)).join('')}</tr>`,
    `<tr>${APPEAL_ITEMS.flatMap((it) => APPEAL_COLUMNS.map((c) => td(v('appeals', it.key, c.key)))).join('')}</tr>`,
  ];
  // prose: the report's own text before table 二 and after table 四 (the crawl header dropped)
  const body = text.replace(/^[\s\S]*?={5,} 正文 ={5,}\n/, '');
  const before = body.split(/二、\s*主动公开政府信息情况/)[0]!.replace(/^[^\n]*?(?:年度?)?政府信息公开工作年度报告\s*/, '').trim();
  const afterM = /五、\s*存在的主要问题[\s\S]*$/.exec(body);
  const paras = (s: string) => s.split(/\n+/).map((l) => l.trim()).filter(Boolean).map((l) => `<p>${esc(l)}</p>`).join('\n');
  const css = 'table{border-collapse:collapse}td{border:1px solid #000;padding:2px 4px;font-size:9pt}';
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${esc(p.report.title ?? '')}</title><style>${css}</style></head><body>
<h1>${esc(p.report.title ?? '')}</h1>
${paras(before)}
<p>二、主动公开政府信息情况</p>
<table>${active.join('')}</table>
<p>三、收到和处理政府信息公开申请情况</p>
<table>${requests}</table>
<p>四、政府信息公开行政复议、行政诉讼情况</p>
<table>${appeals.join('')}</table>
${afterM ? paras(afterM[0]) : ''}
</body></html>`;
}

