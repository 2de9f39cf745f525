import type { Fact, ParsedReport, ReportIdentity } from '../model';
import { deriveRequestTotals, runChecks } from './checks';
import { completeness, reportChecks } from './completeness';
import { activeFacts, appealFacts, requestFacts, type FactContext } from './facts';
import { FindingList, safePage } from './findings';
import { reportIdOf } from '../ingest/ids'; // the one id rule (a module without imports)
import { textFormatOfName } from '../ingest/forms'; // (a module without imports)
import { htmlToText } from './html';
import { findIdentity, type IdentityGuess, type IdentityHints } from './identity';
import { legacyFacts } from './legacy';
import { locateTables, secondCopy, templateOfYear, type Located } from './locate';
import { normalise } from './normalise';
import { resolveRegion } from './region';
import { blankRunningLines } from './running-lines';
import type { Assembled } from './tables';
import { decideTemplate } from './template';
import { LineIndex } from './tokens';

export interface TextInput {
  sourceFile: string;
  text: string;
  format?: 'txt' | 'html' | 'md';
  /** Default: the file name without extension. */
  reportId?: string;
  /** Set by the PDF front end: the page of a line of `text`. */
  pageOfLine?: (line: number) => number | undefined;
  /** A page's metadata (src/ingest): title/agency/year used only when the text names none. */
  hints?: IdentityHints;
}

// parseText: text / HTML / Markdown of one report → ParsedReport. Stages (one file each), run in
// run() below: html (HTML only) → normalise → identity → locate tables (locate, tokens, tables)
// → decide the template once (template) → extract facts (facts, values, split, legacy)
// → derived totals + checks (checks, completeness) → status.
// Pure and synchronous; it never throws — anything unexpected becomes a `parse-failed` finding.
export function parseText(input: TextInput): ParsedReport {
  const sourceFile = typeof input?.sourceFile === 'string' ? input.sourceFile : '';
  const reportId = input?.reportId || reportIdOf(sourceFile);
  const format = input?.format ?? textFormatOfName(sourceFile);
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

const normaliseHints = (h: IdentityHints): IdentityHints => ({
  ...h, title: h.title && normalise(h.title).text.trim(), agency: h.agency && normalise(h.agency).text.trim(),
});


function run(raw: string, input: TextInput, report: ReportIdentity, findings: FindingList): ParsedReport {
  const looksHtml = input.format === 'html' || (input.format !== 'md' && /<(table|html|body|tr|td|p|div)[\s>]/i.test(raw.slice(0, 5000)));
  // (a printed PDF's running headers and footers only occur in text copied out of it)
  const { text } = normalise(looksHtml ? htmlToText(raw) : blankRunningLines(raw));
  const lineIndex = new LineIndex(text);
  const ctx: FactContext = { reportId: report.reportId, findings, page: (l) => safePage(input.pageOfLine, l) };

  const id = identify(text, report, findings, input.hints && normaliseHints(input.hints));
  const yearTemplate = templateOfYear(id.year);
  const located = locateTables(text, yearTemplate, lineIndex);
  const assembled = located.kind === 'tables' ? located.assembled : null;
  if (located.kind === 'tables') secondCopy(text, located.end, located.assembled, lineIndex, findings);
  const template = decideTemplate(yearTemplate, assembled, located.kind === 'legacy');
  report.template = template.report;
  if (template.yearTemplate && template.contentTemplate && template.yearTemplate !== template.contentTemplate) {
    findings.add('template-mismatch', `报告年度对应${template.yearTemplate}年模板，但表格按${template.contentTemplate}年模板印制`,
      `The report year implies the ${template.yearTemplate} template but the tables follow the ${template.contentTemplate} template`,
      undefined, { yearTemplate: template.yearTemplate, contentTemplate: template.contentTemplate });
  }
  if (template.singleOtherRow !== null) {
    findings.add('template-mismatch', '2021年模板的报告将（六）其他处理印为一行', 'A 2021-template report prints （六）其他处理 as a single row',
      template.singleOtherRow, { row: 'other_total' });
  }

  const facts = extractFacts(located, template.active, ctx, findings);
  facts.push(...deriveRequestTotals(facts, report.reportId));
  const checks = runChecks(facts, report.reportId);
  reportChecks(checks, findings);
  completeness(report, assembled, located.kind === 'legacy', facts, findings);
  identityFindings(report, id, findings);

  const nothing = facts.length === 0 && report.title === null && report.year === null;
  if (nothing) {
    findings.add('parse-failed', '未能从输入中读出任何内容', 'Nothing could be read from the input (no title, year or table)');
  }
  const status = nothing ? 'failed' : findings.items.some((f) => f.severity !== 'info') ? 'findings' : 'ok';
  return { report, facts, findings: findings.items, checks, status };
}

/** Stage — identity: title, agency, year, region into `report`. */
function identify(text: string, report: ReportIdentity, findings: FindingList, hints?: IdentityHints): IdentityGuess {
  const id = findIdentity(text, text.split('\n'), hints);
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
  return id;
}

/** Stage — extract facts: one Fact per printed cell of the located tables. */
function extractFacts(located: Located, activeTemplate: ReturnType<typeof decideTemplate>['active'], ctx: FactContext, findings: FindingList): Fact[] {
  if (located.kind === 'legacy') return located.tokens ? legacyFacts(located.tokens, ctx) : [];
  if (located.kind !== 'tables') return [];
  const a: Assembled = located.assembled;
  const facts = [...activeFacts(a.active, activeTemplate, ctx), ...requestFacts(a.requests, ctx)];
  if (a.appeals) facts.push(...appealFacts(a.appeals, ctx));
  for (const u of a.unknownRows) {
    findings.add('unknown-row', `未识别的表格行「${u.label}」`, `Unrecognised table row "${u.label}"`, u.line, { label: u.label, section: u.section });
  }
  for (const d of a.duplicateRows) {
    if (d.item === 'other_total') continue;
    findings.add('unknown-row', `表格行「${d.label}」重复出现，保留第一次`, `Row "${d.label}" appears twice; the first is kept`, d.line, { item: d.item, duplicate: true });
  }
  return facts;
}

/** Identity findings, after the tables' (their order in the output is part of the goldens). */
function identityFindings(report: ReportIdentity, id: IdentityGuess, findings: FindingList): void {
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
}
