import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/parse';
import type { ParsedReport } from '../../src/model';

// A 平潭-style crawl (cells run together), built so that `110000011` splits two ways under the row
// identity: 11|0|0|0|0|0|11 and 1|10|0|0|0|0|11. Only the column identities can decide.
function crawl(granted: string, outcomeTotal: string, newRow: string): string {
  const zero = '0000000';
  return [
    '标题: 某区2022年度政府信息公开工作年度报告',
    '正文 三、收到和处理政府信息公开申请情况申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他',
    `一、本年新收政府信息公开申请数量${newRow}二、上年结转政府信息公开申请数量${zero}三、本年度办理结果（一）予以公开${granted}`,
    `（二）部分公开（区分处理的，只计这一情形，不计其他情形）${zero}（三）不予公开1.属于国家秘密${zero}2.其他法律行政法规禁止公开${zero}`,
    `3.危及“三安全一稳定”${zero}4.保护第三方合法权益${zero}5.属于三类内部事务信息${zero}6.属于四类过程性信息${zero}7.属于行政执法案卷${zero}8.属于行政查询事项${zero}`,
    `（四）无法提供1.本机关不掌握相关政府信息${zero}2.没有现成信息需要另行制作${zero}3.补正后申请内容仍不明确${zero}`,
    `（五）不予处理1.信访举报投诉类申请${zero}2.重复申请${zero}3.要求提供公开出版物${zero}4.无正当理由大量反复申请${zero}5.要求行政机关确认或重新出具已获取信息${zero}`,
    `（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请${zero}2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请${zero}3.其他${zero}`,
    `（七）总计${outcomeTotal}四、结转下年度继续办理${zero}`,
    '四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计000000000000000 五、存在的主要问题',
  ].join('');
}
const row = (p: ParsedReport, item: string) => p.facts.filter((f) => f.table === 'requests' && f.item === item && !f.derived).map((f) => f.value);

describe('run-together rows decided by the whole table', () => {
  it('uses the column identities to pick the one split of an ambiguous row', () => {
    // （七）总计 and 一、 are printed with spaces, so they read unambiguously as 11 0 0 0 0 0 11
    const p = parseText({ sourceFile: 'x.txt', text: crawl('110000011', '11 0 0 0 0 0 11', '11 0 0 0 0 0 11') });
    expect(row(p, 'granted')).toEqual([11, 0, 0, 0, 0, 0, 11]);
    expect(p.findings.map((f) => f.code)).not.toContain('ambiguous-split');
    expect(p.checks.filter((c) => c.status === 'fail')).toEqual([]);
  });

  it('reports ambiguous-split with the candidates and leaves the cells blank when the table cannot decide', () => {
    // every row that could decide is itself ambiguous in the same way
    const p = parseText({ sourceFile: 'x.txt', text: crawl('110000011', '110000011', '110000011') });
    const amb = p.findings.filter((f) => f.code === 'ambiguous-split');
    expect(amb.length).toBe(3);
    expect(amb[0]!.details.candidates).toEqual(expect.arrayContaining([
      ['11', '0', '0', '0', '0', '0', '11'], ['1', '10', '0', '0', '0', '0', '11'],
    ]));
    const granted = p.facts.filter((f) => f.item === 'granted');
    expect(granted.every((f) => f.value === null && f.raw === '110000011')).toBe(true);
  });
});

describe('provenance and template signals', () => {
  it('gives facts and findings the page of their line when the PDF front end says it', () => {
    const text = '某县2024年政府信息公开工作年度报告\n一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 2';
    const p = parseText({ sourceFile: 'x.pdf.txt', text, pageOfLine: (l) => (l >= 2 ? 5 : 1) });
    expect(p.facts.find((f) => f.item === 'new')!.location).toEqual({ line: 2, page: 5 });
    expect(p.findings.find((f) => f.code === 'identity-broken')!.details).toMatchObject({ checkId: 'requests.row_total', lhsValue: 2, rhsValue: 1 });
  });

  it('reports a 2019-template table inside a 2021 report as template-mismatch (info)', () => {
    const text = ['某县2022年政府信息公开工作年度报告', '二、主动公开政府信息情况', '第二十条第（一）项', '信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量', '规章 | 1 | 2 | 3'].join('\n');
    const p = parseText({ sourceFile: 'x.txt', text });
    expect(p.findings.find((f) => f.code === 'template-mismatch')).toMatchObject({ severity: 'info', details: { yearTemplate: '2021', contentTemplate: '2019' } });
    expect(p.report.template).toBe('2021');
    expect(p.facts.filter((f) => f.item === 'regulations').map((f) => `${f.column}=${f.value}`)).toEqual(['made=1', 'published=2', 'public_total=3']);
  });
});
