import { describe, expect, it } from 'vitest';
import { parseText } from './parse-text';
import { LineIndex, tokenise } from './tokens';

const toks = (text: string) => tokenise(text, 0, text.length, new LineIndex(text)).map((t) => `${t.kind}:${t.text}`);

describe('tokenise', () => {
  it('cuts a run-together row label number off the digits before it', () => {
    expect(toks('1.属于国家秘密40000042.其他法律行政法规禁止公开0000000')).toEqual([
      'label:1.属于国家秘密', 'num:4000004', 'label:2.其他法律行政法规禁止公开', 'num:0000000',
    ]);
  });
  it('cuts run-together labels before headings and row markers', () => {
    expect(toks('行政事业性收费18651.06三、收到和处理政府信息公开申请情况申请人情况其他一、本年新收政府信息公开申请数量21710000218')).toEqual([
      'label:行政事业性收费', 'num:18651.06', 'label:三、收到和处理政府信息公开申请情况申请人情况其他',
      'label:一、本年新收政府信息公开申请数量', 'num:21710000218',
    ]);
  });
  it('treats |, tabs and newlines as cell boundaries and skips markdown rules', () => {
    expect(toks('| 规章 | 0 | — |\n|---|---|---|\n\t行政许可\n\t5件')).toEqual(['label:规章', 'num:0', 'blank:—', 'label:行政许可', 'num:5件']);
  });
  it('skips PDF page-number lines between rows', () => {
    expect(toks('规章 0 0 0\n- 4 -\n第 5 页\n行政许可 3')).toEqual(['label:规章', 'num:0', 'num:0', 'num:0', 'label:行政许可', 'num:3']);
  });
  it('keeps digits of dates inside a label', () => {
    expect(toks('2024年度 | 3')).toEqual(['label:2024年度', 'num:3']);
  });
});

const table3 = (rows: string[][]) => rows.map((r) => r.join(' | ')).join('\n');
const zeros = ['0', '0', '0', '0', '0', '0', '0'];

describe('parseText layouts', () => {
  it('reads a markdown table with full-width digits and a thousands separator', () => {
    const md = ['# 某县2023年政府信息公开工作年度报告', '三、收到和处理政府信息公开申请情况',
      '| 项目 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |', '|---|---|---|---|---|---|---|---|',
      '| 一、本年新收政府信息公开申请数量 | １,２００ | 0 | 0 | 0 | 0 | 0 | 1,200 |', '| 二、上年结转政府信息公开申请数量 | / | 0 | 0 | 0 | 0 | 0 | 0 |'].join('\n');
    const p = parseText({ sourceFile: 'x.md', text: md, format: 'md' });
    const v = (item: string, col: string) => p.facts.find((f) => f.item === item && f.column === col);
    expect(v('new', 'natural')!.value).toBe(1200);
    expect(v('carried_over', 'natural')).toMatchObject({ value: null, raw: '/' });
    expect(p.report.year).toBe(2023);
  });
  it('reads pipe rows whose first row of a group carries the merged group label', () => {
    const text = table3([
      ['三、本年度办理结果', '(一)予以公开', '2', '1', '0', '0', '0', '0', '3'],
      ['(三)不予公开', '1.属于国家秘密', ...zeros],
      ['2.其他法律行政法规禁止公开', '1', '0', '0', '0', '0', '0', '1'],
    ]);
    const p = parseText({ sourceFile: 'x.txt', text: '一、本年新收政府信息公开申请数量 | ' + zeros.join(' | ') + '\n' + text });
    expect(p.facts.filter((f) => f.item === 'denied_prohibited').map((f) => f.value)).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(p.facts.filter((f) => f.item === 'granted').map((f) => f.value)).toEqual([2, 1, 0, 0, 0, 0, 3]);
  });
  it('reads on after a table-3 header repeated at a page break', () => {
    const header = '自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计';
    const text = ['三、收到和处理政府信息公开申请情况', header, '一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1',
      '- 2 -', '申请人情况', header, '(七)总计 | 1 | 0 | 0 | 0 | 0 | 0 | 1', '四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | 0'].join('\n');
    const p = parseText({ sourceFile: 'x.txt', text });
    expect(p.facts.filter((f) => f.item === 'outcome_total').map((f) => f.value)).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(p.findings.map((f) => f.code)).not.toContain('unknown-row');
  });
});

describe('tokenise: a year set apart by spaces', () => {
  // data/formats/more/2012_pingtanxian_rmzf_pdfcopy.txt (pdftotext spaces CJK from digits): the
  // header `计量单位 2012 年度历年` / `累计…` is a label, not a cell 2012 of a header row
  it('keeps `2012 年度` in the label and still reads a cell before other text', async () => {
    const { LineIndex, tokenise } = await import('./tokens');
    const t = '指标名称计量单位 2012 年度历年\n累计主动公开信息数条 20263542 其中：1.网站公开条 17953304';
    const toks = tokenise(t, 0, t.length, new LineIndex(t));
    expect(toks.filter((x) => x.kind === 'num').map((x) => x.text)).toEqual(['20263542', '17953304']);
    const u = '行政复议数条 2019 件';
    expect(tokenise(u, 0, u.length, new LineIndex(u)).filter((x) => x.kind === 'num').map((x) => x.text)).toEqual(['2019']);
  });
});
