import { describe, expect, it } from 'vitest';
import { layoutPdfText, type PdfTextItem } from './layout';

// Items modelled on data/reports/2024_huaian_szf.pdf page 4–5 (x, baseline y in points).
const item = (str: string, x: number, y: number, page = 1, width = str.length * 7): PdfTextItem => ({ str, x, y, width, height: 7.5, page });
const values = (y: number, vs: string[], page = 1) => vs.map((v, i) => item(v, 260 + i * 40, y, page, 7));

describe('layoutPdfText', () => {
  it('joins a label wrapped above and below its numbers into one row', () => {
    const { text } = layoutPdfText([
      item('（二）部分公开（区分处理的，只计这一情', 101, 301),
      item('形，不计其他情形）', 101, 286),
      ...values(292, ['447', '7', '0', '0', '0', '0', '454']),
    ]);
    expect(text).toBe('（二）部分公开（区分处理的，只计这一情形，不计其他情形） | 447 | 7 | 0 | 0 | 0 | 0 | 454 |');
  });

  it('drops merged group labels and vertical labels left of the row label column', () => {
    const { text } = layoutPdfText([
      item('三、', 77, 251), item('本', 77, 236),
      item('1.属于国家秘密', 143, 263), ...values(260, ['2', '0', '0', '0', '0', '0', '2']),
      item('2.其他法律行政法规禁止公开', 143, 238), ...values(236, ['30', '1', '0', '0', '0', '0', '31']),
      item('（三）不', 101, 250),
      item('3.危及“三安全一稳定”', 143, 214), ...values(212, ['5', '0', '0', '0', '0', '0', '5']),
    ]);
    expect(text.split('\n')).toEqual([
      '1.属于国家秘密 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |',
      '2.其他法律行政法规禁止公开 | 30 | 1 | 0 | 0 | 0 | 0 | 31 |',
      '3.危及“三安全一稳定” | 5 | 0 | 0 | 0 | 0 | 0 | 5 |',
    ]);
  });

  it('splits a group label tail from the row label on the same baseline', () => {
    const { text } = layoutPdfText([
      item('法提供', 101, 750, 1, 22), item('2.没有现成信息需要另行制作', 143, 750), ...values(747, ['11', '0', '0', '0', '0', '0', '11']),
    ]);
    expect(text).toBe('2.没有现成信息需要另行制作 | 11 | 0 | 0 | 0 | 0 | 0 | 11 |');
  });

  it('keeps a wrapped continuation indented under the row number', () => {
    const { text } = layoutPdfText([
      item('5.', 181, 631, 1, 8), item('要求行政机关确认或重 新出具', 188, 631, 1, 121), item('已获取信息', 198, 618, 1, 45),
      ...values(624, ['0', '0', '0', '0', '0', '0', '0']).map((v) => ({ ...v, x: v.x + 62 })),
    ]);
    expect(text).toBe('5.要求行政机关确认或重 新出具已获取信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |');
  });

  it('leaves headers between two tables as plain lines', () => {
    const { text } = layoutPdfText([
      item('四、结转下年度继续办理', 77, 404), ...values(402, ['103', '0', '0', '0', '0', '0', '103']),
      item('行政复议', 74, 317), item('行政诉讼', 227, 317),
      ...values(168, ['72', '64', '178', '37', '351']),
    ]);
    expect(text.split('\n')).toEqual([
      '四、结转下年度继续办理 | 103 | 0 | 0 | 0 | 0 | 0 | 103 |',
      '行政复议 行政诉讼',
      ' | 72 | 64 | 178 | 37 | 351 |',
    ]);
  });

  it('reports cells whose glyphs have no Unicode mapping, with their page', () => {
    const { text, unreadable, linePages } = layoutPdfText([
      item('（七）总计', 101, 428, 5), ...values(426, ['\u0015\u0016', '0', '\ufffd', '0', '0', '0', '3050'], 5),
    ]);
    expect(unreadable.map((u) => u.page)).toEqual([5, 5]);
    expect(linePages).toEqual([5]);
    expect(text.startsWith('（七）总计 | ')).toBe(true);
  });

  // Word/LibreOffice exports (test/fixtures/pdf-word/): runs of a few glyphs, empty cells without items
  const run = (str: string, x: number, y: number) => item(str, x, y, 1, str.length * 5.4);
  it('merges touching runs into words: `2` `6` is 26, `1` `.` `本机关` one label', () => {
    const { text } = layoutPdfText([
      run('1', 100, 500), run('.', 105.4, 500), item('本机关不掌握', 108, 500, 1, 54),
      run('2', 260, 500), run('6', 265.4, 500), ...[300, 340, 380, 420, 460].map((x) => run('0', x, 500)), run('26', 500, 500),
    ]);
    expect(text).toBe('1.本机关不掌握 | 26 | 0 | 0 | 0 | 0 | 0 | 26 |');
  });

  it('gives a line starting with a row marker to the row below it, even when the row above is closer', () => {
    const { text } = layoutPdfText([
      item('（一）予以公开', 100, 520), ...values(520, ['9', '2', '0', '0', '0', '0', '11']),
      item('（二）部分公开', 100, 509), // 11 pt below （一）, 12 pt above its own numbers
      item('（区分处理的，只计这一情形，', 100, 497), ...values(497, ['10', '3', '0', '0', '0', '0', '13']),
      item('不计其他情形）', 100, 485),
    ]);
    expect(text.split('\n')).toEqual([
      '（一）予以公开 | 9 | 2 | 0 | 0 | 0 | 0 | 11 |',
      '（二）部分公开（区分处理的，只计这一情形，不计其他情形） | 10 | 3 | 0 | 0 | 0 | 0 | 13 |',
    ]);
  });

  it('puts each number of a row with empty cells in its header column; the empty ones stay empty', () => {
    const heads = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];
    const { text } = layoutPdfText([
      ...heads.map((h, i) => item(h, 263.5 + i * 40 - h.length * 2.5, 560, 1, h.length * 5)),
      item('一、本年新收政府信息公开申请数量', 100, 530), ...[0, 1, 6].map((i) => item(['26', '7', '', '', '', '', '33'][i]!, 260 + i * 40, 530, 1, 7)),
    ]);
    expect(text.split('\n').pop()).toBe('一、本年新收政府信息公开申请数量 | 26 | 7 | \uE000 | \uE000 | \uE000 | \uE000 | 33 |');
  });

  it('splits a label holding two row markers: the numbers stay with the label on their line', () => {
    const out = layoutPdfText([
      item('1.属于国家秘密', 143, 300),
      item('2.其他法律行政法规禁止公开', 143, 288), ...values(288, ['30', '1', '0', '0', '0', '0', '31']),
    ]);
    // `1.` lies a cell's step (12 pt, 1.6 font heights) above the row whose own label names `2.`: a row of its own, every cell empty
    expect(out.text.split('\n')).toEqual([`1.属于国家秘密${' | \uE000'.repeat(7)} |`, '2.其他法律行政法规禁止公开 | 30 | 1 | 0 | 0 | 0 | 0 | 31 |']);
    expect(out.unplaced).toEqual([]);
  });

  it('writes both rows blank and reports them when a wrapped label line lies as close to either', () => {
    const out = layoutPdfText([
      item('（一）予以公开', 101, 312), ...values(312, ['9', '2', '0', '0', '0', '0', '11']),
      item('只计这一情形', 101, 300),
      item('（二）部分公开', 101, 288), ...values(288, ['10', '3', '0', '0', '0', '0', '13']),
    ]);
    const empty = ' | \uE000'.repeat(7) + ' |';
    expect(out.text.split('\n')).toEqual([`（一）予以公开只计这一情形${empty}`, `（二）部分公开${empty}`]);
    expect(out.unplaced).toHaveLength(2);
  });

  // data/formats/more/2019_pingtan_zhqsyq.pdf page 3 (LibreOffice, Writer's HTML import): table 二's
  // first two sections; the cells the report's text leaves undecided are empty cells with no item
  it('writes a row printed with no number as a row of empty cells, next to a numbered row and far from any', () => {
    const at = (y: number, cells: [number, number, string][]) => cells.map(([x, w, str]) => ({ str, x, y, width: w, height: 9, page: 3 }));
    const { text } = layoutPdfText([
      ...at(415.7, [[58.2, 18, '第二'], [76.2, 9, '十'], [85.2, 9, '条'], [94.2, 9, '第'], [103.2, 36, '（一）项']]),
      ...at(400.7, [[58.2, 36, '信息内容'], [154.3, 54, '本年新制作数'], [208.3, 9, '量'], [222.6, 54, '本年新公开数'], [276.6, 9, '量'], [290.9, 9, '对'], [299.9, 9, '外'], [308.9, 36, '公开总数'], [344.9, 9, '量']]),
      ...at(385.8, [[58.2, 9, '规'], [67.2, 9, '章']]), ...at(385.9, [[154.3, 4.5, '0'], [222.6, 4.5, '0'], [290.9, 4.5, '0']]),
      ...at(370.8, [[58.2, 45, '规范性文件']]),
      ...at(355.9, [[58.2, 18, '第二'], [76.2, 9, '十'], [85.2, 9, '条'], [94.2, 9, '第'], [103.2, 9, '（'], [112.2, 9, '五'], [121.2, 18, '）项']]),
      ...at(340.9, [[58.2, 36, '信息内容'], [154.3, 9, '上'], [163.3, 45, '一年项目数'], [208.3, 9, '量'], [222.6, 18, '本年'], [240.6, 9, '增'], [249.6, 2.5, '/'], [252.1, 9, '减'], [290.9, 18, '处理'], [308.9, 9, '决'], [317.9, 18, '定数'], [335.9, 9, '量']]),
      ...at(326.0, [[58.2, 36, '行政许可']]),
      ...at(311.0, [[58.2, 27, '其他对'], [85.2, 9, '外'], [94.2, 18, '管理'], [112.2, 9, '服'], [121.2, 27, '务事项']]),
    ]);
    const empty = (n: number) => `${' | \uE000'.repeat(n)} |`;
    expect(text.split('\n')).toEqual([
      '第二十条第（一）项',
      '信息内容 本年新制作数量本年新公开数量对外公开总数量',
      '规章 | 0 | 0 | 0 |',
      `规范性文件${empty(3)}`, // was glued onto 规章's label: `规章规范性文件`, an unknown row
      '第二十条第（五）项',
      '信息内容 上一年项目数量本年增/减 处理决定数量',
      `行政许可${empty(3)}`, // were plain lines: missing rows
      `其他对外管理服务事项${empty(3)}`,
    ]);
  });

  // test/fixtures/pdf-word/2022_pingtan_zhqsyq.pdf page 1: narrow columns, labels and headers wrapped and centred
  it('takes a blank row\'s label wrapped over three centred lines as one row beside the numbered row', () => {
    const at = (x: number, y: number, w: number, str: string) => ({ str, x, y, width: w, height: 9, page: 1 });
    const { text } = layoutPdfText([
      at(68.9, 536.5, 81, '第二十条第（一）项'),
      at(59.9, 515.5, 27, '信息内'), at(68.9, 503.4, 9, '容'),
      ...[92.5, 115.8, 140.3].flatMap((x, i) => [at(x, 521.6, 18, '本年'), at(x, 509.4, 18, ['制发', '废止', '有效'][i]!), at(x, 497.3, 18, '件数')]),
      at(64.4, 482.3, 18, '规章'), at(98.8, 482.3, 5.4, '0'), at(122.1, 482.3, 5.4, '0'), at(146.6, 482.3, 5.4, '0'),
      at(59.9, 467.4, 27, '行政规'), at(59.9, 455.2, 27, '范性文'), at(68.9, 443.1, 9, '件'),
      at(68.9, 428.1, 81, '第二十条第（五）项'),
    ]);
    expect(text.split('\n').filter((l) => l.includes('|'))).toEqual(['规章 | 0 | 0 | 0 |', `行政规范性文件${' | \uE000'.repeat(3)} |`]);
  });

  it('returns empty text for no items', () => {
    expect(layoutPdfText([]).text).toBe('');
  });
});

describe('layoutPdfText: baselines of one table row scattered around its numbers', () => {
  // data/formats/more/2022_pingtan_zhqsyq_pagebreak.pdf page 2 (positions as printed): the merged
  // group label `予公开` 1.8 pt above the row's numbers, the row's own label 1.0 pt below them
  it('keeps the row label with its numbers, the group label dropped', () => {
    const nums = (y: number, vs: string[]) => vs.map((v, i) => ({ str: v, x: 327 + i * 36, y, width: 4.5, height: 9, page: 1 }));
    const lab = (str: string, x: number, y: number) => ({ str, x, y, width: str.length * 9, height: 9, page: 1 });
    const items: PdfTextItem[] = [
      lab('三、本年度', 58, 57.2), lab('（三）不', 114.6, 57.2), lab('1.属于国家秘密', 157.3, 57.2), ...nums(57.4, ['0', '0', '0', '0', '0', '0', '0']),
      lab('办理结果', 58, 45.1), lab('予公开', 114.6, 45.1), ...nums(43.3, ['1', '0', '0', '0', '0', '0', '1']), lab('2.其他法律行政法规禁止公开', 157.3, 42.3),
    ];
    const lines = layoutPdfText(items).text.split('\n');
    expect(lines).toContain('2.其他法律行政法规禁止公开 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |');
    expect(lines.some((l) => l.startsWith('予公开'))).toBe(false);
  });
});

// Items as pdf.js reads data/reports/2024_huaian_szf.pdf's template printed by Chromium 105 mm wide
// with `td{word-break:break-all}` (the forms sweep's pdf-narrow-break): 3001 / 447 broken in their cells.
describe('numbers broken over lines inside their cells', () => {
  const n = (str: string, x: number, y: number) => ({ str, x, y, width: str.length * 4.5, height: 9, page: 1 });
  const row = [
    n('一、本年新收政府信息公开申请数', 9.7, 319.9), n('量', 9.7, 307.2),
    n('30', 156.7, 319.2), n('01', 156.7, 307.9), n('53', 175.3, 313.9), n('0', 195.4, 313.9), n('0', 215.4, 313.9),
    n('61', 238.2, 313.9), n('4', 261.1, 313.9), n('31', 278.3, 319.2), n('19', 278.3, 307.9),
    n('（二）部分公开（区分处', 44.5, 235.2), n('理的，只计这一情形，不', 44.5, 222.4), n('计其他情形）', 44.5, 209.7),
    n('44', 156.7, 228.4), n('7', 156.7, 217.2), n('7', 175.3, 222.4), n('0', 195.4, 222.4), n('0', 215.4, 222.4),
    n('0', 238.2, 222.4), n('0', 261.1, 222.4), n('45', 278.3, 228.4), n('4', 278.3, 217.2),
  ];

  it('reads a number wrapped in a vertically centred cell whole, on its row', () => {
    const { text, broken } = layoutPdfText(row);
    expect(text.split('\n')).toEqual([
      '一、本年新收政府信息公开申请数量 | 3001 | 53 | 0 | 0 | 61 | 4 | 3119 |',
      '（二）部分公开（区分处理的，只计这一情形，不计其他情形） | 447 | 7 | 0 | 0 | 0 | 0 | 454 |',
    ]);
    expect(broken).toEqual([]);
  });

  it('reads a number wrapped in a top-aligned cell whole (18651. / 06, 1, / 234)', () => {
    const { text } = layoutPdfText([
      n('1.属于国家秘密', 44.5, 300), n('18651.', 150, 300), n('06', 150, 288.7), n('1,', 195, 300), n('234', 195, 288.7), n('5', 220, 300), n('0', 240, 300),
    ]);
    expect(text).toBe('1.属于国家秘密 | 18651.06 | 1,234 | 5 | 0 |');
  });

  it('keeps the rows of a compact table apart: a label beside the lower number starts a row', () => {
    const { text } = layoutPdfText([
      n('规章', 9.7, 300), n('1', 156.7, 300), n('0', 185, 300), n('11', 210, 300),
      n('行政规范性文件', 9.7, 288.7), n('8', 156.7, 288.7), n('26', 185, 288.7), n('66', 210, 288.7),
    ]);
    expect(text.split('\n')).toEqual(['规章 | 1 | 0 | 11 |', '行政规范性文件 | 8 | 26 | 66 |']);
  });

  it('leaves a wrapped number empty and reports it when no other number says where its row is', () => {
    const { text, broken } = layoutPdfText([
      n('（一）予以公开', 44.5, 300), n('12', 156.7, 300), n('88', 156.7, 288.7), n('13', 185, 300), n('62', 185, 288.7), n('件', 44.5, 288.7),
    ]);
    expect(text).not.toMatch(/12|88|13|62/);
    expect(broken.map((b) => b.raw)).toEqual(['1288', '1362']);
  });
});

describe('headings wrapped over lines', () => {
  const t = (str: string, x: number, y: number, height: number) => ({ str, x, y, width: str.length * height, height, page: 1 });
  const body = [t('一、总体情况', 8.4, 442.6, 16.8), t('本机关按照条例要求，认真做好政府信息公开工作，现将有关情况报告如下。', 8.4, 420, 9)];

  it('joins a title wrapped on a narrow page into one line (2024_huaian_szf printed on A5)', () => {
    const { text } = layoutPdfText([t('淮安市人民政府', 8.4, 540.3, 33.6), t('2024', 243.6, 540.3, 33.6), t('年政', 319.2, 540.3, 33.6), t('府信息公开工作年度报告', 8.4, 494.1, 33.6), ...body]);
    expect(text.split('\n')[0]).toBe('淮安市人民政府2024年政府信息公开工作年度报告');
  });

  it('keeps body-size lines and headings of another size apart', () => {
    const { text } = layoutPdfText([t('淮安市人民政府2024年政府信息公开工作年度报告', 8.4, 470, 33.6), ...body, t('现将有关情况报告如下。', 8.4, 408, 9)]);
    expect(text.split('\n')).toHaveLength(4);
  });
});

/** A 12.6 pt item on `page` (the A5 prints of the forms sweep). */
const onPage = (str: string, x: number, y: number, page: number) => ({ str, x, y, width: str.length * 12.6, height: 12.6, page });

describe('a table cut by a page break', () => {
  const t = onPage;
  it('takes a label wrapped at the top of the next page around its numbers as its own row (2020_zibo_zhongbuzhen on A5)', () => {
    const { text } = layoutPdfText([
      t('行政许可', 13.6, 30, 2), t('0', 140.3, 30, 2), t('0', 232, 30, 2), t('0', 324, 30, 2),
      t('其他对外管理服务事', 13.6, 580.2, 3), t('项', 13.6, 562.3, 3), t('0', 140.3, 571.8, 3), t('0', 232, 571.8, 3), t('0', 324, 571.8, 3),
    ]);
    expect(text.split('\n')).toEqual(['行政许可 | 0 | 0 | 0 |', '其他对外管理服务事项 | 0 | 0 | 0 |']);
  });
});

describe('a heading at the top of a page', () => {
  const t = onPage;
  it('continues no label of the page before (2020_rongchang_hebaozhen on A5)', () => {
    const { text } = layoutPdfText([
      t('行政许可', 13.6, 57.3, 2), t('0', 140.3, 57.3, 2), t('0', 232, 57.3, 2), t('0', 324, 57.3, 2),
      t('其他对外管理服务事', 13.6, 34.2, 2), t('项', 13.6, 16.3, 2), t('0', 140.3, 24.7, 2), t('0', 232, 24.7, 2), t('0', 324, 24.7, 2),
      t('第二十条第（六）项', 13.6, 580, 3),
    ]);
    expect(text.split('\n')).toEqual(['行政许可 | 0 | 0 | 0 |', '其他对外管理服务事项 | 0 | 0 | 0 |', '第二十条第（六）项']);
  });
});

// 2022_pingtan_zhqsyq's template printed on A5 at scale 1.4 by Chromium: tall cells cut by a page break.
describe('tall label cells at a page break', () => {
  const t = (str: string, x: number, y: number, page: number) => ({ str, x, y, width: str.length * (/^[\d.]+$/.test(str) ? 6.3 : 12.6), height: 12.6, page });
  const zeros = (y: number, page: number, first = '0', last = '0') => [first, '0', '0', '0', '0', '0', last].map((v, i) => t(v, [220.9, 247, 275.1, 303.2, 335.4, 367.6, 391.6][i]!, y, page));
  it('keeps a label running on over the page with its row, and takes a first line far above its numbers', () => {
    const { text } = layoutPdfText([
      t('4.', 117.8, 65.7, 6), t('无正当理由大', 127.3, 65.7, 6), t('量反复申请', 117.8, 47.8, 6), ...zeros(57.3, 6),
      t('5.', 117.8, 24.7, 6), t('要求行政机关', 127.3, 24.7, 6), t('确认或重新出具', 117.8, 6.9, 6), ...zeros(25.8, 6),
      t('已获取信息', 117.8, 583.3, 7),
      t('1.', 117.8, 560.2, 7), t('申请人无正当', 127.3, 560.2, 7), t('理由逾期不补', 117.8, 542.4, 7), t('正、行政机关不', 117.8, 524.5, 7),
      t('再处理其政府信', 117.8, 506.7, 7), t('息公开申请', 117.8, 488.8, 7), ...zeros(524.5, 7, '2', '2'),
    ]);
    expect(text.split('\n')).toEqual([
      '4.无正当理由大量反复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
      '5.要求行政机关确认或重新出具已获取信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
      '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |',
    ]);
  });
});

// The forms sweep's pdf-spaced (`letter-spacing: 0.3em`) and pdf-distributed (分散对齐 row labels)
// Chromium prints: item coordinates as pdf.js reads them.
describe('letter-spaced and distributed text', () => {
  const t = (str: string, x: number, y: number, width: number) => ({ str, x, y, width, height: 9, page: 1 });
  it('reads digits one space apart as one number where the label is spaced the same way (2020_pingtan_zhqsyq)', () => {
    const { text } = layoutPdfText([t('行 政 事 业 性 收 费', 9.7, 230.1, 84.6), t('3 5', 142.5, 230.1, 12.6), t('- 1 5', 237.5, 230.1, 19.2)]);
    expect(text).toBe('行政事业性收费 | 35 | -15 |');
  });

  it('keeps digits one space apart after an unspaced label as separate numbers (a paragraph)', () => {
    const { text } = layoutPdfText([t('1.属于国家秘密', 56.7, 500, 63), t('2 0 0 0 0 0 2', 119.7, 500, 35)]);
    expect(text).toContain('2 0 0 0 0 0 2');
  });

  it('joins a row label spread over its cell, with its row marker (2024_pingtan_zhqsyq)', () => {
    const { text } = layoutPdfText([
      t('规', 9.7, 284.1, 9), t('章', 63.7, 284.1, 9), t('0', 79.5, 284.1, 4.5), t('0', 140.2, 284.1, 4.5), t('0', 201, 284.1, 4.5),
      t('2.', 134, 219.9, 6.7), ...'其他法律'.split('').map((c, i) => t(c, 149.5 + i * 17.75, 219.9, 9)), t('0', 360.4, 219.9, 4.5), t('0', 389.6, 219.9, 4.5),
    ]);
    expect(text.split('\n')).toEqual(['规章 | 0 | 0 | 0 |', '2.其他法律 | 0 | 0 |']);
  });

  it('leaves column headers of one character each apart (no number on their line)', () => {
    const { text } = layoutPdfText([t('社', 200, 600, 9), t('法', 230, 600, 9), t('其', 260, 600, 9)]);
    expect(text).toBe('社 法 其');
  });
});

describe('letter-spaced numbers on a line of their own', () => {
  const t = (str: string, x: number, y: number, width: number) => ({ str, x, y, width, height: 9, page: 1 });
  it('are one number each when the label lines around them are spaced (2024_huaian_szf, （二）部分公开)', () => {
    const { text } = layoutPdfText([
      t('（ 二 ） 部 分 公 开 （ 区 分 处 理 的 ， 只 计 这 一 情', 74.8, 309.6, 235.8), t('形 ， 不 计 其 他 情 形 ）', 74.8, 296.9, 109.8),
      t('4 4 7', 331.3, 303.6, 20.7), t('7', 372.5, 303.6, 4.5), t('0', 408.2, 303.6, 4.5), t('0', 441.8, 303.6, 4.5), t('0', 484.7, 303.6, 4.5), t('0', 530, 303.6, 4.5), t('4 5 4', 554.1, 303.6, 20.7),
    ]);
    expect(text).toBe('（二）部分公开（区分处理的，只计这一情形，不计其他情形） | 447 | 7 | 0 | 0 | 0 | 0 | 454 |');
  });
});

describe('numbers inside prose', () => {
  const t = (str: string, x: number, y: number, width: number) => ({ str, x, y, width, height: 12, page: 1 });
  it('are no pieces of a wrapped number (2018_pingtan_zhqsyq letter-spaced: `其中：1.` over `00`)', () => {
    const { text } = layoutPdfText([
      t('受 理 依 申 请 公 开 信 息 总 数 条', 121, 28.4, 187), t('0 0', 311.9, 28.4, 15.6), t('其 中 ：', 331.5, 28.4, 43.8), t('1 .', 379.2, 28.4, 12.6), t('当 面 申 请 数 条', 395.7, 28.4, 91.6),
      t('对 申 请 的 答 复 总 数 条', 236.3, 12.6, 139.3), t('0 0', 379.5, 12.6, 15.6), t('其 中 ：', 399, 12.6, 43.8),
    ]);
    expect(text.split('\n')).toEqual(['受理依申请公开信息总数条00其中：1.当面申请数条', '对申请的答复总数条00其中：']);
  });
});

describe('a row printed with no number, its label spread over the cell', () => {
  const t = (str: string, x: number, y: number, width: number) => ({ str, x, y, width, height: 9, page: 2 });
  it('is a row of empty cells, not the tail of the row above (2019_pingtan_zhqsyq distributed)', () => {
    const { text } = layoutPdfText([
      t('信息内容', 9.7, 192.6, 36), t('本年新制作数量', 120, 192.6, 63), t('本年新公开数量', 200, 192.6, 63), t('对外公开总数量', 280, 192.6, 63),
      t('规', 9.7, 176.1, 9), t('章', 90.7, 176.1, 9), t('0', 120, 176.1, 4.5), t('0', 200, 176.1, 4.5), t('0', 280, 176.1, 4.5),
      ...'规范性文件'.split('').map((c, i) => t(c, 9.7 + i * 20.25, 159.6, 9)),
    ]);
    expect(text.split('\n').slice(1)).toEqual(['规章 | 0 | 0 | 0 |', '规范性文件 | \uE000 | \uE000 | \uE000 |']);
  });
});

describe('running headers and footers', () => {
  const t = (str: string, x: number, y: number, page: number) => ({ str, x, y, width: str.length * 6, height: 12, page });
  it('drops the browser print header and footer on every page (2012_pingtanxian_rmzf printed with them)', () => {
    const { text } = layoutPdfText([
      t('12/1/26, 2:55 PM', 20, 820, 1), t('平潭县人民政府2012年政府信息公开工作年度报告', 200, 820, 1), t('正文第一页', 30, 700, 1), t('about:blank', 20, 15, 1), t('1/2', 540, 15, 1),
      t('12/1/26, 2:55 PM', 20, 820, 2), t('平潭县人民政府2012年政府信息公开工作年度报告', 200, 820, 2), t('受理依申请公开信息总数条2121', 30, 700, 2), t('about:blank', 20, 15, 2), t('2/2', 540, 15, 2),
    ]);
    expect(text.split('\n')).toEqual(['正文第一页', '受理依申请公开信息总数条2121']);
  });

  it('keeps a last line that differs from page to page', () => {
    const { text } = layoutPdfText([t('第一页', 30, 700, 1), t('共21条', 30, 15, 1), t('第二页', 30, 700, 2), t('合计3件', 30, 15, 2)]);
    expect(text.split('\n')).toHaveLength(4);
  });
});

describe('a title wrapped over three lines in a PDF re-written by cairo', () => {
  it('is one line though its runs differ a little in height (2022_pingtan_zhqsyq, pdf-cairo-break)', () => {
    const t = (str: string, x: number, y: number, height: number) => ({ str, x, y, width: str.length * height, height, page: 1 });
    const { text } = layoutPdfText([
      t('平潭综合实验区', 6, 801, 24.4), t('2022', 173.5, 801, 23.9), t('年度', 221.3, 801, 24.4), t('政府信息公开工作年度报', 6, 768.1, 23.3), t('告', 6, 735.2, 24.1),
      t('格式', 6, 698.6, 12), t('本报告根据条例编制，现将有关情况报告如下，请予审阅。', 40, 698.6, 12),
    ]);
    expect(text.split('\n')[0]).toBe('平潭综合实验区2022年度政府信息公开工作年度报告');
  });
});
