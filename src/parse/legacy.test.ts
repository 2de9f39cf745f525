import { describe, expect, it } from 'vitest';
import { splitAnnualCumulative } from './legacy';

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
  it('a total and its parts add up in both columns for one cut only: 12345 = 12|345 (11234 = 11|234, 1111 = 1|111)', async () => {
    const { legacyFacts } = await import('./legacy');
    const { FindingList } = await import('./findings');
    const { LineIndex, tokenise } = await import('./tokens');
    const text = '指标名称单位2018年度历年累计受理依申请公开信息总数条12345其中：1.当面申请数条112342.网上申请数条1111';
    const findings = new FindingList('t');
    const facts = legacyFacts(tokenise(text, 0, text.length, new LineIndex(text)), { reportId: 't', findings, page: () => undefined });
    expect(facts.find((f) => f.item === 'new')?.value).toBe(12);
    expect(findings.items.filter((f) => f.code === 'ambiguous-split')).toEqual([]);
  });
  it('without the parts the same run stays blank with its candidates', async () => {
    const { legacyFacts } = await import('./legacy');
    const { FindingList } = await import('./findings');
    const { LineIndex, tokenise } = await import('./tokens');
    const text = '指标名称单位2018年度历年累计受理依申请公开信息总数条12345';
    const findings = new FindingList('t');
    const facts = legacyFacts(tokenise(text, 0, text.length, new LineIndex(text)), { reportId: 't', findings, page: () => undefined });
    expect(facts.find((f) => f.item === 'new')?.value).toBeNull();
    expect(findings.items.map((f) => f.code)).toEqual(['ambiguous-split']);
  });
});
