import { describe, expect, it } from 'vitest';
import { classifyActiveLabel, classifyRequestLabel, sectionOf } from './labels';

describe('row labels → canonical keys', () => {
  it('matches the template rows by their distinctive phrases', () => {
    expect(classifyRequestLabel('一、本年新收政府信息公开申请数量')).toEqual({ kind: 'row', key: 'new' });
    expect(classifyRequestLabel('(二)部分公开(区分处理的,只计这一情形,不计其他情形)')).toEqual({ kind: 'row', key: 'partial' });
    expect(classifyRequestLabel('5.要求行政机关确认或重新出具已获取信息')).toEqual({ kind: 'row', key: 'rejected_confirmation' });
    expect(classifyRequestLabel('(七)总计')).toEqual({ kind: 'outcome_total' });
  });
  it('tolerates typos and stray spaces seen in real reports', () => {
    expect(classifyRequestLabel('2.其他法律行政止公开')).toEqual({ kind: 'row', key: 'denied_prohibited' });
    expect(classifyRequestLabel('2.其他法律 行政法规禁止公开')).toEqual({ kind: 'row', key: 'denied_prohibited' });
    expect(classifyRequestLabel('三、本年度办 理结果')).toEqual({ kind: 'header' });
    expect(classifyRequestLabel('社会公益 组织')).toEqual({ kind: 'header' });
    expect(sectionOf('四、政府信息公开行政法复议、行政诉讼情况')).toBe('appeals');
  });
  it('keeps 不予公开 apart from 予以公开 and 3.其他 apart from the 其他 header', () => {
    expect(classifyRequestLabel('(三)不予公开')).toEqual({ kind: 'group', group: 'denied' });
    expect(classifyRequestLabel('(一)予以公开')).toEqual({ kind: 'row', key: 'granted' });
    expect(classifyRequestLabel('3.其他')).toEqual({ kind: 'other_misc' });
    expect(classifyRequestLabel('其他')).toEqual({ kind: 'header' });
  });
  it('reads active-table items at the end of run-together header labels, and the template of the headers', () => {
    expect(classifyActiveLabel('第二十条第(五)项信息内容上一年项目数量本年增/减处理决定数量行政许可')).toEqual({ item: 'licensing', template: '2019' });
    expect(classifyActiveLabel('行政规范性文件')).toEqual({ item: 'normative_documents', template: null });
    expect(classifyActiveLabel('本年制发件数')).toEqual({ item: null, template: '2021' });
  });
  it('maps the corpus label variants to their keys', () => {
    expect(classifyRequestLabel('7.属于行政执法案件')).toEqual({ kind: 'row', key: 'denied_enforcement_file' });
    expect(classifyRequestLabel('1.申请人无正当理由逾期不补正、行政机关不再受理其政府信息公开申请')).toEqual({ kind: 'row', key: 'other_overdue_correction' });
    expect(classifyRequestLabel('(本列数据的钩稽关系为:第一项加第二项之和,等于第三项加第四项之和)')).toEqual({ kind: 'header' });
    expect(classifyActiveLabel('本年废纸件数').template).toBe('2021');
    expect(classifyActiveLabel('先行有效件数').template).toBe('2021');
    expect(classifyActiveLabel('规范性文件')).toEqual({ item: 'normative_documents', template: null });
    expect(sectionOf('四、因政府信息公开工作被申请行政复议、提起行政诉讼情况')).toBe('appeals');
  });
  it('a label naming two rows (a blank row stacked onto its neighbour in a PDF) names neither', () => {
    expect(classifyActiveLabel('规章行政规范性文件').item).toBeNull();
    expect(classifyActiveLabel('行政处罚行政强制').item).toBeNull();
  });
});
