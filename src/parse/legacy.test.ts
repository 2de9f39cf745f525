import { describe, expect, it } from 'vitest';
import { FindingList } from './findings';
import { legacyFacts, splitAnnualCumulative } from './legacy';
import { LineIndex, tokenise } from './tokens';

describe('splitAnnualCumulative (pre-2019 年度|历年累计 run together)', () => {
  it('takes equal halves: 2121 = 21|21', () => {
    expect(splitAnnualCumulative('2121')).toEqual({ annual: '21', cumulative: '21' });
    expect(splitAnnualCumulative('00')).toEqual({ annual: '0', cumulative: '0' });
  });
  it('reports an odd-length run with several cuts (206912106) instead of guessing', () => {
    const r = splitAnnualCumulative('206912106');
    expect('candidates' in r && r.candidates).toContainEqual(['2069', '12106']);
    expect('annual' in r).toBe(false);
  });
  it('takes the only cut where the cumulative is at least the annual value', () => {
    expect(splitAnnualCumulative('910')).toEqual({ annual: '9', cumulative: '10' });
  });
});

describe('legacyFacts: the table decides glued pairs', () => {
  it('a total and its parts add up in both columns for one cut only: 12345 = 12|345 (11234 = 11|234, 1111 = 1|111)', () => {
    const text = '指标名称单位2018年度历年累计受理依申请公开信息总数条12345其中：1.当面申请数条112342.网上申请数条1111';
    const findings = new FindingList('t');
    const facts = legacyFacts(tokenise(text, 0, text.length, new LineIndex(text)), { reportId: 't', findings, page: () => undefined });
    expect(facts.find((f) => f.item === 'new')?.value).toBe(12);
    expect(findings.items.filter((f) => f.code === 'ambiguous-split')).toEqual([]);
  });
  it('without the parts the same run stays blank with its candidates', () => {
    const text = '指标名称单位2018年度历年累计受理依申请公开信息总数条12345';
    const findings = new FindingList('t');
    const facts = legacyFacts(tokenise(text, 0, text.length, new LineIndex(text)), { reportId: 't', findings, page: () => undefined });
    expect(facts.find((f) => f.item === 'new')?.value).toBeNull();
    expect(findings.items.map((f) => f.code)).toEqual(['ambiguous-split']);
  });
});

describe('legacyFacts: a table whose lines a PDF wrapped', () => {
  // 2012_pingtanxian_rmzf as a PDF (data/formats/more/2012_pingtanxian_rmzf_wrapped.pdf): the
  // header's 历年累计 and two row labels are cut by line ends. Read unwrapped, `条2121` was taken
  // whole as 2121 (the report: 21 | 21) and 受理…总数 was lost.
  const text = '统计表指标名称计量单位2012年度历年\n累计主动公开信息数条20263542受理依申请公\n开信息总数条2121对申请的答复数条2121其中：1.同意公开答复\n数条17172.同意部分公开答复数条22行政复议数条00';
  it('joins a wrapped header and wrapped labels, and cuts the pairs as the text reads unwrapped', () => {
    const facts = legacyFacts(tokenise(text, 0, text.length, new LineIndex(text)), { reportId: 't', findings: new FindingList('t'), page: () => undefined });
    const v = (item: string) => facts.find((f) => f.item === item)?.value;
    expect([v('new'), v('outcome_total'), v('granted'), v('partial'), v('review')]).toEqual([21, 21, 17, 2, 0]);
  });
  it('does not join a row printed with no value to the next row', () => {
    const t = '指标名称计量单位2012年度历年累计行政复议数条\n行政诉讼数条33';
    const facts = legacyFacts(tokenise(t, 0, t.length, new LineIndex(t)), { reportId: 't', findings: new FindingList('t'), page: () => undefined });
    expect(facts.find((f) => f.item === 'review')).toBeUndefined();
    expect(facts.find((f) => f.item === 'suit')?.value).toBe(3);
  });
});

describe('legacyFacts: page furniture after the table', () => {
  it('a browser print footer (about:blank, 2/2) does not make a two-column table one-column: 2121 = 21|21', () => {
    // the end of data/reports/2012_pingtanxian_rmzf.txt's table as pdftotext gives it from Chromium's
    // print to PDF with its header and footer (scripts/forms-sweep.ts pdf-headers)
    const text = '指标名称计量单位2012年度\n历年累计主动公开信息数条20263542其中：1.网站公开条179533042.政府公报公开条07受理依申请公\n开信息总数条2121其中：1.当面申请数条18182.传真申请数条00\n对申请的答复数条2121行政复议数条00\n\nabout:blank\n\n2/2\n';
    const facts = legacyFacts(tokenise(text, 0, text.length, new LineIndex(text)), { reportId: 't', findings: new FindingList('t'), page: () => undefined });
    expect(facts.find((f) => f.item === 'new')?.value).toBe(21);
    expect(facts.find((f) => f.item === 'outcome_total')?.value).toBe(21);
    expect(facts.find((f) => f.item === 'review')?.value).toBe(0);
  });
});
