import { describe, expect, it } from 'vitest';
import { findIdentity } from './identity';

describe('findIdentity: a title a PDF wrapped', () => {
  // data/formats/more/2024_huaian_hongzequ_rmzf_chromium.pdf (the page printed by Chromium: the
  // heading's large type wraps inside 报告) — no year, no agency before
  it.each([
    ['inside the word', ['淮安市洪泽区人民政府2024年政府信息公开工作年度报', '告', '二、主动公开政府信息情况']],
    ['between words', ['淮安市洪泽区人民政府2024年政府信息公开工', '作年度报告', '二、主动公开政府信息情况']],
  ])('%s', (_, lines) => {
    const id = findIdentity(lines.join('\n'), lines);
    expect(id).toMatchObject({ title: '淮安市洪泽区人民政府2024年政府信息公开工作年度报告', agency: '淮安市洪泽区人民政府', year: 2024 });
  });
  it('does not join prose to a line that names a report', () => {
    const lines = ['根据2024年政府信息公开工作', '要点，现将有关情况报告如下：'];
    expect(findIdentity(lines.join('\n'), lines).title).toBeNull();
  });
});

describe('findIdentity: the year of the statistics period, spaced', () => {
  it('reads `统计期限为 2020 年 1 月 1 日` (pdftotext of 2020_weishan_liangchengzhen as a PDF)', () => {
    const text = '本报告中所列数据的统计期限为 2020 年 1 月 1 日至 2020 年 12 月 31 日。';
    expect(findIdentity(text, [text]).year).toBe(2020);
  });
});
