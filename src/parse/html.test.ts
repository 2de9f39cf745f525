import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlToText } from './html';
import { EMPTY_CELL } from './normalise';
import { parseText } from './parse-text';

const html = readFileSync(join(__dirname, '../../test/fixtures/html/xiangtan-table3-excerpt.html'), 'utf8');

describe('htmlToText', () => {
  it('turns each <tr> into one line of cells with colspan/rowspan expanded and <br> as a space', () => {
    const lines = htmlToText(html).split('\n');
    // a colspan is written once; the values keep their columns
    expect(lines).toContain('一、本年新收政府信息公开申请数量 | 26 | 7 | 0 | 0 | 0 | 0 | 33');
    // the rowspan label repeats on the rows it spans
    expect(lines.some((l) => l.startsWith('三、本年度办理结果 | （二）部分公开'))).toBe(true);
    expect(lines.some((l) => l.includes('商业 企业'))).toBe(true);
  });
  it('keeps an empty cell as an explicit empty marker so later cells keep their columns', () => {
    const line = htmlToText(html).split('\n').find((l) => l.startsWith('二、上年结转'))!;
    expect(line.split(' | ').slice(1)).toEqual(['2', '0', EMPTY_CELL, '0', '0', '0', '2']);
  });
  it('reads a layout cell that holds a table as blocks in place, not as one cell of the whole article', () => {
    // a page built with tables: the article (prose + report table) sits in a cell of a layout table
    const page = `<table><tr><td><a href="/">首页</a></td><td><p>三、收到和处理政府信息公开申请情况</p>${html}<p>四、行政复议</p></td></tr><tr><td colspan="2">版权所有</td></tr></table>`;
    const lines = htmlToText(page).split('\n');
    expect(lines).toContain('一、本年新收政府信息公开申请数量 | 26 | 7 | 0 | 0 | 0 | 0 | 33');
    const at = (s: string) => lines.findIndex((l) => l.startsWith(s));
    // document order kept: the heading before the table's rows, the prose after them
    expect(at('三、收到和处理')).toBeLessThan(at('一、本年新收'));
    expect(at('一、本年新收')).toBeLessThan(at('四、行政复议'));
    // no line holds the whole table's numbers run together
    expect(lines.every((l) => !(l.includes('本年新收') && l.includes('上年结转')))).toBe(true);
  });
  it('drops script contents and never returns markup', () => {
    const t = htmlToText(html);
    expect(t).not.toContain('alert');
    expect(t).not.toMatch(/<\/?(td|tr|table|script)/);
  });
});

describe('parseText on an HTML table', () => {
  const p = parseText({ sourceFile: 'excerpt.html', text: html });
  const v = (item: string, column: string) => p.facts.find((f) => f.table === 'requests' && f.item === item && f.column === column);
  it('reads the rows by column, with the empty cell blank (null, not 0) and "-" blank with raw kept', () => {
    expect(v('new', 'natural')!.value).toBe(26);
    expect(v('new', 'total')!.value).toBe(33);
    expect(v('carried_over', 'research')!.value).toBeNull();
    expect(v('carried_over', 'total')!.value).toBe(2);
    expect(v('granted', 'legal')).toMatchObject({ value: null, raw: '-' });
    expect(v('denied_state_secret', 'total')!.value).toBe(0);
  });
  it('reads table 4 after its multi-row header and finds title and year', () => {
    expect(p.facts.filter((f) => f.table === 'appeals').map((f) => f.value)).toEqual([0, 4, 4, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(p.report).toMatchObject({ year: 2024, agency: '湘潭县人民政府办公室', format: 'html' });
  });
});
