import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REQUEST_COLUMNS } from '../../src/model';
import { parseText } from '../../src/parse';
import type { ParsedReport } from '../../src/model';

const dir = join(__dirname, '../../data/reports');
const parse = (name: string): ParsedReport => parseText({ sourceFile: name, text: readFileSync(join(dir, name), 'utf8') });
const value = (p: ParsedReport, table: string, item: string, column: string) =>
  p.facts.find((f) => f.table === table && f.item === item && f.column === column && !f.derived)?.value;
const rowOf = (p: ParsedReport, item: string) => REQUEST_COLUMNS.map((c) => value(p, 'requests', item, c.key));

describe('湘潭县 2024 (one cell per line, tab-indented, lone-tab label cells)', () => {
  const p = parse('2024_xiangtanxian_zfbgs.txt');

  it('reads all 175 cells of 表三 exactly as printed', () => {
    const zero = [0, 0, 0, 0, 0, 0, 0];
    const expected: Record<string, number[]> = {
      new: [26, 7, 0, 0, 0, 0, 33], carried_over: [2, 0, 0, 0, 0, 0, 2],
      granted: [9, 2, 0, 0, 0, 0, 11], partial: [10, 3, 0, 0, 0, 0, 13],
      denied_state_secret: zero, denied_prohibited: zero, denied_security: zero, denied_third_party: zero,
      denied_internal: [0, 2, 0, 0, 0, 0, 2], denied_deliberative: zero, denied_enforcement_file: zero, denied_inquiry: zero,
      unavailable_not_held: [7, 0, 0, 0, 0, 0, 7], unavailable_needs_creation: zero, unavailable_unclear: zero,
      rejected_petition: zero, rejected_duplicate: zero, rejected_publication: zero, rejected_excessive: zero,
      rejected_confirmation: zero, other_overdue_correction: zero, other_overdue_fee: zero, other_misc: zero,
      outcome_total: [26, 7, 0, 0, 0, 0, 33], carried_forward: [2, 0, 0, 0, 0, 0, 2],
    };
    expect(Object.keys(expected)).toHaveLength(25);
    for (const [item, row] of Object.entries(expected)) expect(rowOf(p, item), item).toEqual(row);
    expect(p.facts.filter((f) => f.table === 'requests' && !f.derived)).toHaveLength(175);
  });

  it('reads the 15 cells of 表四 and every cell of 表二', () => {
    const appeals = p.facts.filter((f) => f.table === 'appeals').map((f) => `${f.item}.${f.column}=${f.value}`);
    expect(appeals).toEqual([
      'review.upheld=0', 'review.corrected=4', 'review.other=4', 'review.pending=0', 'review.total=8',
      'suit_direct.upheld=0', 'suit_direct.corrected=0', 'suit_direct.other=0', 'suit_direct.pending=0', 'suit_direct.total=0',
      'suit_after_review.upheld=0', 'suit_after_review.corrected=0', 'suit_after_review.other=0', 'suit_after_review.pending=0', 'suit_after_review.total=0',
    ]);
    const active = p.facts.filter((f) => f.table === 'active').map((f) => `${f.item}.${f.column}=${f.value}${f.unit}`);
    expect(active).toEqual([
      'regulations.issued=0件', 'regulations.repealed=0件', 'regulations.in_force=0件',
      'normative_documents.issued=0件', 'normative_documents.repealed=0件', 'normative_documents.in_force=0件',
      'licensing.decisions=0件', 'penalty.decisions=0件', 'coercion.decisions=0件', 'fees.amount=0万元',
    ]);
  });

  it('balances: every check passes and no finding is a warning or error', () => {
    expect(p.checks.length).toBeGreaterThan(30);
    expect(p.checks.every((c) => c.status === 'pass')).toBe(true);
    expect(p.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(p.status).toBe('ok');
    expect(p.report).toMatchObject({ agency: '湘潭县人民政府办公室', year: 2024, template: '2021' });
  });

  it('derives the group totals the template does not print, marked derived', () => {
    const d = p.facts.filter((f) => f.derived && f.column === 'total').map((f) => `${f.item}=${f.value}`);
    expect(d).toEqual(['denied_total=2', 'unavailable_total=7', 'rejected_total=0', 'other_total=0']);
  });
});

describe('平潭 2020 (cells run together, 2019 template, broken identity)', () => {
  const p = parse('2020_pingtan_zhqsyq.txt');

  it('decodes the run-together rows from the row-total identity', () => {
    expect(rowOf(p, 'new')).toEqual([20, 0, 0, 0, 0, 1, 21]); // `200 000121`
    expect(rowOf(p, 'granted')).toEqual([6, 0, 0, 0, 0, 1, 7]);
    expect(rowOf(p, 'other_total')).toEqual([4, 0, 0, 0, 0, 0, 4]); // 2019 template: （六） as one row
  });

  it('keeps （七）总计 as printed (21) and reports the broken outcome sum (27) with both sides', () => {
    expect(value(p, 'requests', 'outcome_total', 'total')).toBe(21);
    const broken = p.findings.filter((f) => f.code === 'identity-broken' && f.details.subject === 'total');
    expect(broken).toHaveLength(1);
    expect(broken[0]!.details).toMatchObject({ checkId: 'requests.outcome_sum', lhsValue: 21, rhsValue: 27 });
    expect(p.checks.find((c) => c.checkId === 'requests.outcome_sum' && c.subject === 'total')).toMatchObject({ lhs: 21, rhs: 27, status: 'fail' });
  });

  it('reports active-table runs with several splits instead of guessing, and uses the unique ones', () => {
    const amb = p.findings.filter((f) => f.code === 'ambiguous-split').map((f) => f.details.raw);
    expect(amb).toContain('7777166');
    expect(amb).toContain('39573802895.90元');
    expect(value(p, 'active', 'normative_documents', 'made')).toBeNull();
    expect(p.facts.find((f) => f.item === 'normative_documents' && f.column === 'made')!.raw).toBe('7777166');
    expect([value(p, 'active', 'regulations', 'made'), value(p, 'active', 'regulations', 'published'), value(p, 'active', 'regulations', 'public_total')]).toEqual([0, 0, 7]);
    expect([value(p, 'active', 'fees', 'prior_count'), value(p, 'active', 'fees', 'change')]).toEqual([35, -15]); // `35-15`
  });
});

describe('平潭 2024 and 2022 (run-together cells, 2021 template)', () => {
  it('2024: table 4 `21317000001324019` is 2 1 3 1 7 / 0 0 0 0 0 / 13 2 4 0 19', () => {
    const p = parse('2024_pingtan_zhqsyq.txt');
    expect(p.facts.filter((f) => f.table === 'appeals').map((f) => f.value)).toEqual([2, 1, 3, 1, 7, 0, 0, 0, 0, 0, 13, 2, 4, 0, 19]);
    expect(rowOf(p, 'outcome_total')).toEqual([217, 1, 0, 0, 0, 0, 218]);
    expect(p.checks.filter((c) => c.status === 'fail')).toEqual([]);
  });
  it('2022: reads across the 行政法复议 heading typo', () => {
    const p = parse('2022_pingtan_zhqsyq.txt');
    expect(p.facts.filter((f) => f.table === 'appeals').map((f) => f.value)).toEqual([0, 1, 1, 0, 2, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0]);
    expect(rowOf(p, 'new')).toEqual([71, 3, 0, 0, 0, 0, 74]);
  });
});

describe('traditional-character mirror (prose only)', () => {
  const p = parse('2022_mirror_shareonl_longgangqu_trad.txt');
  it('still finds title, agency and year after conversion to simplified', () => {
    expect(p.report).toMatchObject({ agency: '深圳市龙岗区', year: 2022, title: '深圳市龙岗区2022年政府信息公开工作年度报告' });
  });
  it('reports the three missing tables instead of inventing facts', () => {
    expect(p.facts).toEqual([]);
    expect(p.findings.filter((f) => f.code === 'missing-table').map((f) => f.details.table)).toEqual(['active', 'requests', 'appeals']);
  });
});

describe('truncated excerpts keep what was read and say what is missing', () => {
  it('2024 深圳龙岗: the rows before the cut are read; the 6-value last row is reported', () => {
    const p = parse('2024_shenzhen_longgang_qzfgzbm.txt');
    expect(rowOf(p, 'new')).toEqual([58, 7, 0, 0, 1, 0, 66]);
    expect(rowOf(p, 'denied_internal')).toEqual([1, 0, 0, 0, 0, 0, 1]);
    const codes = p.findings.map((f) => f.code);
    expect(codes).toContain('truncated');
    expect(codes).toContain('missing-row');
    expect(codes).toContain('unsplittable-cells');
    expect(value(p, 'requests', 'denied_enforcement_file', 'total')).toBeUndefined();
  });
  it('2019 岳阳: rows whose empty cells lost their positions are reported, not placed', () => {
    const p = parse('2019_yueyang_nanhu_ju.txt');
    expect(p.facts.filter((f) => f.table === 'requests' && !f.derived)).toEqual([]);
    expect(p.findings.filter((f) => f.code === 'unsplittable-cells').length).toBe(4);
  });
});

describe('identity and small layouts of the township excerpts', () => {
  it('2020 中埠镇: year from the title, not confused by the 202020年12月31日 typo', () => {
    const p = parse('2020_zibo_zhongbuzhen.txt');
    expect(p.report).toMatchObject({ agency: '中埠镇人民政府', year: 2020, template: '2019' });
    expect(p.findings.map((f) => f.code)).not.toContain('year-not-found');
  });
  it('2020 中村乡: cells with leading spaces and a header split over lines (本年新/制作数量)', () => {
    const p = parse('2020_huichang_zhongcunxiang.txt');
    expect(p.facts.filter((f) => f.item === 'normative_documents').map((f) => `${f.column}=${f.value}`)).toEqual(['made=5', 'published=5', 'public_total=5']);
    expect(p.facts.filter((f) => f.item === 'procurement').map((f) => f.value)).toEqual([1, 8040]);
  });
  it('2023 尼勒克: cells each followed by a lone "|" line; no title → year and agency findings, template from the headers', () => {
    const p = parse('2023_xjnlk_zhen.txt');
    expect(p.report.template).toBe('2021');
    expect(p.facts.filter((f) => f.item === 'regulations').map((f) => f.value)).toEqual([0, 0, 6]);
    expect(p.findings.map((f) => f.code)).toEqual(expect.arrayContaining(['year-not-found', 'agency-not-found', 'truncated']));
  });
  it('legacy 2012 平潭县: only headline figures, annual column of the run-together pairs', () => {
    const p = parse('2012_pingtanxian_rmzf.txt');
    expect(p.report.template).toBe('legacy');
    expect(Object.fromEntries(p.facts.map((f) => [f.item, f.value]))).toMatchObject({ new: 21, granted: 17, partial: 2, denied: 2, outcome_total: 21, review: 0 });
    expect(p.findings.find((f) => f.code === 'legacy-layout')!.severity).toBe('info');
  });
});
