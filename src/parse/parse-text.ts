import type { Check, Fact, ParsedReport, ReportIdentity, Template } from '../model';
import { deriveRequestTotals, runChecks } from './checks';
import { activeFacts, appealFacts, requestFacts, type FactContext } from './facts';
import { FindingList, safePage } from './findings';
import { htmlToText } from './html';
import { findIdentity } from './identity';
import { legacyFacts } from './legacy';
import { normalise } from './normalise';
import { resolveRegion } from './region';
import { assembleTables, type Assembled } from './tables';
import { LineIndex, tokenise } from './tokens';

export interface TextInput {
  sourceFile: string;
  text: string;
  format?: 'txt' | 'html' | 'md';
  /** Default: the file name without extension. */
  reportId?: string;
  /** Set by the PDF front end: the page of a line of `text`. */
  pageOfLine?: (line: number) => number | undefined;
}

// parseText: text / HTML / Markdown of one report → ParsedReport. Stages (one file each):
//   html (HTML only) → normalise → identity → locate tables (tokens, tables) → values (split)
//   → facts (+ legacy) → derived totals + checks (checks) → findings → status.
// Pure and synchronous; it never throws — anything unexpected becomes a `parse-failed` finding.
export function parseText(input: TextInput): ParsedReport {
  const sourceFile = typeof input?.sourceFile === 'string' ? input.sourceFile : '';
  const reportId = input?.reportId || reportIdOf(sourceFile);
  const format = input?.format ?? formatOf(sourceFile);
  const findings = new FindingList(reportId, input?.pageOfLine);
  const report: ReportIdentity = {
    reportId, sourceFile, agency: null, year: null, template: null, title: null, level: 'unknown',
    region: { code: null, province: null, city: null, county: null, status: 'unresolved' }, format,
  };
  try {
    return run(typeof input?.text === 'string' ? input.text : '', input, report, findings);
  } catch (e) {
    findings.add('parse-failed', '解析失败：输入无法读取', `Parsing failed: ${e instanceof Error ? e.message : String(e)}`);
    return { report, facts: [], findings: findings.items, checks: [], status: 'failed' };
  }
}

function reportIdOf(sourceFile: string): string {
  const base = sourceFile.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return (dot > 0 ? base.slice(0, dot) : base) || 'report';
}

function formatOf(sourceFile: string): ReportIdentity['format'] {
  const ext = sourceFile.toLowerCase().split('.').pop() ?? '';
  return ext === 'html' || ext === 'htm' ? 'html' : ext === 'md' ? 'md' : 'txt';
}

const HEADING_ACTIVE = /二、\s*主动公开政府信息情况/;
const TABLE_ANCHORS = [/第二十条第/, /申请人情况/, /本年新收政府信息公开申请/];
const HEADING_APPEALS = /四、\s*(?:因)?政府信息公开\s*(?:工作)?\s*(?:被)?\s*(?:申请)?\s*行政\s*(?:法)?\s*复议/;

function run(raw: string, input: TextInput, report: ReportIdentity, findings: FindingList): ParsedReport {
  const looksHtml = input.format === 'html' || (input.format !== 'md' && /<(table|html|body|tr|td|p|div)[\s>]/i.test(raw.slice(0, 5000)));
  const { text } = normalise(looksHtml ? htmlToText(raw) : raw);
  const lines = text.split('\n');
  const lineIndex = new LineIndex(text);
  const ctx: FactContext = { reportId: report.reportId, findings, page: (l) => safePage(input.pageOfLine, l) };

  // identity
  const id = findIdentity(text, lines);
  report.title = id.title;
  report.agency = id.agency;
  report.year = id.year;
  if (id.bidiRemoved) {
    findings.add('bidi-control', '标题或机关名称含有双向文字控制字符（会在屏幕上颠倒文字顺序），已删除；原文保留',
      'The title or agency name held bidi control characters (they reorder text on screen); they were removed from the name, the raw text keeps them',
      id.titleLine ?? undefined, { title: id.title, agency: id.agency });
  }
  if (id.agency) {
    try {
      const r = resolveRegion(id.agency);
      report.region = r.region;
      report.level = r.level;
    } catch {
      // the resolver is another module; its failure leaves the region unresolved
    }
  }

  // locate the tables
  let start = -1;
  for (const re of TABLE_ANCHORS) {
    const m = re.exec(text);
    if (m && (start === -1 || m.index < start)) start = m.index;
  }
  const facts: Fact[] = [];
  let assembled: Assembled | null = null;
  let legacy = false;
  const yearTemplate: Template | null = id.year === null ? null : id.year >= 2021 ? '2021' : id.year >= 2019 ? '2019' : 'legacy';
  if (yearTemplate === 'legacy' || (start === -1 && /历年累计/.test(text))) {
    legacy = true;
    // the table starts at its header row; 统计表 alone also appears in the prose (2012_pingtanxian)
    const m = /指标名称/.exec(text) ?? /统计表\s*指标|统计表[^。，,]{0,20}$/m.exec(text);
    if (m) facts.push(...legacyFacts(tokenise(text, m.index, text.length, lineIndex), ctx));
  } else if (start !== -1) {
    const h = HEADING_ACTIVE.exec(text.slice(Math.max(0, start - 400), start));
    if (h) start = Math.max(0, start - 400) + h.index;
    const ap = HEADING_APPEALS.exec(text.slice(start));
    const endFrom = ap ? start + ap.index : start;
    const five = /五、/.exec(text.slice(endFrom));
    const end = five ? endFrom + five.index : text.length;
    assembled = assembleTables(tokenise(text, start, end, lineIndex));
    secondCopy(text, end, assembled, lineIndex, findings);
  }

  // template
  const contentTemplate = templateFromContent(assembled, legacy);
  report.template = yearTemplate ?? contentTemplate;
  if (yearTemplate && contentTemplate && yearTemplate !== contentTemplate) {
    findings.add('template-mismatch', `报告年度对应${yearTemplate}年模板，但表格按${contentTemplate}年模板印制`,
      `The report year implies the ${yearTemplate} template but the tables follow the ${contentTemplate} template`,
      undefined, { yearTemplate, contentTemplate });
  }
  if (assembled) {
    const activeTemplate: Template = assembled.activeTemplate['2019'] > assembled.activeTemplate['2021'] ? '2019'
      : assembled.activeTemplate['2021'] > 0 ? '2021' : report.template === '2019' ? '2019' : '2021';
    if (report.template === '2021' && assembled.requests.some((r) => r.item === 'other_total' && r.values.length > 0)) {
      findings.add('template-mismatch', '2021年模板的报告将（六）其他处理印为一行', 'A 2021-template report prints （六）其他处理 as a single row',
        assembled.requests.find((r) => r.item === 'other_total')!.line, { row: 'other_total' });
    }
    facts.push(...activeFacts(assembled.active, activeTemplate, ctx));
    facts.push(...requestFacts(assembled.requests, ctx));
    if (assembled.appeals) facts.push(...appealFacts(assembled.appeals, ctx));
    for (const u of assembled.unknownRows) {
      findings.add('unknown-row', `未识别的表格行「${u.label}」`, `Unrecognised table row "${u.label}"`, u.line, { label: u.label, section: u.section });
    }
    for (const d of assembled.duplicateRows) {
      if (d.item === 'other_total') continue;
      findings.add('unknown-row', `表格行「${d.label}」重复出现，保留第一次`, `Row "${d.label}" appears twice; the first is kept`, d.line, { item: d.item, duplicate: true });
    }
  }

  const derived = deriveRequestTotals(facts, report.reportId);
  facts.push(...derived);
  const checks = runChecks(facts, report.reportId);
  reportChecks(checks, findings);
  completeness(report, assembled, legacy, facts, findings);

  if (report.title === null && report.agency === null) {
    findings.add('agency-not-found', '未找到报告标题中的机关名称', 'No agency name found (no report title)');
  }
  if (report.year === null) findings.add('year-not-found', '未找到报告年度', 'No report year found');
  else if (id.periodYear !== null && id.year !== null && id.periodYear !== id.year) {
    findings.add('year-not-found', `标题年度 ${id.year} 与统计期限 ${id.periodYear} 不一致`,
      `Title year ${id.year} differs from the statistics period ${id.periodYear}`, id.titleLine ?? undefined,
      { titleYear: id.year, periodYear: id.periodYear });
  }
  if (report.agency && report.region.status === 'unresolved') {
    findings.add('region-unresolved', `未能确定「${report.agency}」的行政区划`, `Region of "${report.agency}" not resolved`, id.titleLine ?? undefined, { agency: report.agency });
  }

  const nothing = facts.length === 0 && report.title === null && report.year === null;
  if (nothing) {
    findings.add('parse-failed', '未能从输入中读出任何内容', 'Nothing could be read from the input (no title, year or table)');
  }
  const status = nothing ? 'failed' : findings.items.some((f) => f.severity !== 'info') ? 'findings' : 'ok';
  return { report, facts, findings: findings.items, checks, status };
}

const REQUESTS_FIRST_ROW = /本年新收\s*政府信息公开\s*申请/g;

// A file holding the report twice (a page saved with its print version, a copy pasted twice) is
// read once, from its first copy; the second copy is reported, with the rows whose numbers differ.
function secondCopy(text: string, end: number, first: Assembled, lineIndex: LineIndex, findings: FindingList): void {
  const at = text.indexOf('本年新收', end);
  if (at < 0) return;
  REQUESTS_FIRST_ROW.lastIndex = at;
  const m = REQUESTS_FIRST_ROW.exec(text);
  if (!m) return;
  const five = /五、/.exec(text.slice(m.index));
  const copy = assembleTables(tokenise(text, m.index, five ? m.index + five.index : text.length, lineIndex));
  if (copy.requests.filter((r) => r.values.length > 0).length < 3) return;
  const printed = (rows: Assembled['requests']) => new Map(rows.map((r) => [r.item, r.values.map((v) => v.text).join(' ')]));
  const a = printed(first.requests);
  const differs = [...printed(copy.requests)].filter(([k, v]) => a.has(k) && a.get(k) !== v).map(([k]) => k);
  const line = lineIndex.lineOf(m.index);
  findings.add('duplicate-table',
    `表三在文件中出现了第二次（第 ${line} 行）${differs.length ? `，其中 ${differs.length} 行的数字与第一次不同` : ''}：只读取第一次，请核对`,
    `Table 3 appears a second time in the file (line ${line})${differs.length ? `; ${differs.length} row(s) print different numbers` : ''}: only the first copy is read; check which is right`,
    line, { table: 'requests', line, differs });
}

function templateFromContent(a: Assembled | null, legacy: boolean): Template | null {
  if (legacy) return 'legacy';
  if (!a) return null;
  if (a.activeTemplate['2021'] > a.activeTemplate['2019']) return '2021';
  if (a.activeTemplate['2019'] > 0) return '2019';
  if (a.requests.some((r) => r.item.startsWith('other_') && r.item !== 'other_total' && r.values.length > 0)) return '2021';
  if (a.requests.some((r) => r.item === 'other_total' && r.values.length > 0)) return '2019';
  return null;
}

function reportChecks(checks: Check[], findings: FindingList): void {
  for (const c of checks) {
    if (c.status !== 'fail') continue;
    findings.add('identity-broken',
      `勾稽关系不成立（${c.checkId}，${c.subject}）：${c.lhsLabel} = ${c.lhs}，${c.rhsLabel} = ${c.rhs}`,
      `Identity broken (${c.checkId}, ${c.subject}): ${c.lhsLabel} = ${c.lhs} but ${c.rhsLabel} = ${c.rhs}`,
      undefined, { checkId: c.checkId, table: c.table, subject: c.subject, lhs: c.lhsLabel, rhs: c.rhsLabel, lhsValue: c.lhs, rhsValue: c.rhs });
  }
}

const TABLE_NAMES = { active: '二、主动公开政府信息情况', requests: '三、收到和处理政府信息公开申请情况', appeals: '四、政府信息公开行政复议、行政诉讼情况' } as const;

function completeness(report: ReportIdentity, a: Assembled | null, legacy: boolean, facts: Fact[], findings: FindingList): void {
  if (legacy) {
    findings.add('legacy-layout', '2019年以前的报告格式：只读取了主要指标', 'Pre-2019 layout: only the headline figures were read', undefined,
      { items: facts.filter((f) => f.table === 'legacy').map((f) => f.item) });
    if (!facts.some((f) => f.table === 'legacy')) {
      findings.add('missing-table', '未找到政府信息公开情况统计表', 'The statistics table (统计表) was not found', undefined, { table: 'legacy' });
    }
    return;
  }
  const has = (t: string) => facts.some((f) => f.table === t && !f.derived) ||
    (t === 'requests' && (a?.requests.some((r) => r.values.length > 0) ?? false)) ||
    (t === 'active' && (a?.active.some((r) => r.values.length > 0) ?? false)) ||
    (t === 'appeals' && (a?.appeals?.values.length ?? 0) > 0);
  const missingTables = (['active', 'requests', 'appeals'] as const).filter((t) => !has(t));
  // the text stops before the tables end when table 4 is not complete and no later section follows
  const truncated = a !== null && a.endedInTable && facts.filter((f) => f.table === 'appeals' && f.value !== null).length < 15;
  if (truncated) {
    const last = facts.filter((f) => !f.derived).pop();
    findings.add('truncated', '文本在表格中途结束，之后的内容缺失', 'The text stops inside the tables; what follows is missing',
      last?.location.line, { lastTable: last?.table ?? null, lastItem: last?.item ?? null });
  }
  for (const t of missingTables) {
    findings.add('missing-table', `未找到表格「${TABLE_NAMES[t]}」`, `Table "${TABLE_NAMES[t]}" was not found`, undefined, { table: t });
  }
  if (a && has('requests')) {
    const present = new Set(facts.filter((f) => f.table === 'requests' && !f.derived).map((f) => f.item));
    const single = present.has('other_total');
    const expected = ['new', 'carried_over', 'granted', 'partial',
      'denied_state_secret', 'denied_prohibited', 'denied_security', 'denied_third_party', 'denied_internal',
      'denied_deliberative', 'denied_enforcement_file', 'denied_inquiry', 'unavailable_not_held',
      'unavailable_needs_creation', 'unavailable_unclear', 'rejected_petition', 'rejected_duplicate',
      'rejected_publication', 'rejected_excessive', 'rejected_confirmation',
      ...(single || report.template === '2019' ? ['other_total'] : ['other_overdue_correction', 'other_overdue_fee', 'other_misc']),
      'outcome_total', 'carried_forward'];
    const missing = expected.filter((k) => !present.has(k));
    if (missing.length > 0) {
      findings.add('missing-row', `表三缺少 ${missing.length} 行`, `Table 3 lacks ${missing.length} row(s)`, undefined, { table: 'requests', missing });
    }
  }
}
