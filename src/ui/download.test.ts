import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { chartCsv, fileStem, toCsv } from './download';
import { csvCell as csvSafe } from '../dataset/csv-safe';
import { labelledCsv } from '../data/key-labels';
import { DEFAULT_STATE } from '../state/url';
import { t } from '../i18n/strings';

describe('CSV export of a chart\'s data', () => {
  it('writes blanks as empty cells, never 0, and keeps zeros as 0', () => {
    const csv = toCsv(['agency', 'value', 'rate'], [{ agency: '湘潭县', value: 0, rate: null }, { agency: 'x', value: undefined, rate: 0.5 }]);
    expect(csv.split(/\r?\n/)).toEqual(['agency,value,rate', '湘潭县,0,', 'x,,0.5']);
  });

  it('neutralises spreadsheet formulas but keeps "-" cells and negative numbers', () => {
    expect(csvSafe('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")');
    expect(csvSafe('+1')).toBe("'+1");
    expect(csvSafe('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvSafe('-cmd')).toBe("'-cmd");
    expect(csvSafe('-')).toBe('-');
    expect(csvSafe(-3)).toBe('-3');
    expect(csvSafe('-2.5')).toBe('-2.5');
  });

  it('quotes commas, quotes and newlines in hostile agency names so the CSV parses back to the same text', () => {
    const name = 'SYNTHETIC<img src=x onerror=alert(1)>\'";\\局, "x"\nnext';
    const csv = toCsv(['agency'], [{ agency: name }]);
    expect(Papa.parse<string[]>(csv).data[1]).toEqual([name]);
  });
});

describe('files that stand alone', () => {
  const st = { ...DEFAULT_STATE, view: 'appeals' as const, agencies: ['湘潭县人民政府办公室'], years: [2019, 2024] as [number, number] };
  it('names the file after the view and selection', () => {
    expect(fileStem('appeals', st)).toBe('nianbao_appeals_湘潭县人民政府办公室_2019-2024_zh');
    expect(fileStem('reasons', { ...DEFAULT_STATE, view: 'outcomes', region: '43', lang: 'en' })).toBe('nianbao_outcomes_reasons_r43_en');
    expect(fileStem('x', { ...DEFAULT_STATE, agencies: ['a/b:c*?'] })).toBe('nianbao_overview_x_a_b_c_zh');
  });

  it('states the filters first, then the view\'s labelled headings and cells (one labelling layer)', () => {
    const rows = [{ year: 2024, metric: 'outcome_total', value: 315, n_data: 3 }, { year: 2024, metric: 'granted_rate', value: null, n_data: 0 }];
    const c = labelledCsv(['year', 'metric', 'value', 'n_data'], rows, 'zh', { metric: (v) => (v === 'outcome_total' ? '办理结果总计' : v) });
    const lines = Papa.parse<string[]>(chartCsv(c.fields, c.rows, st, t('zh'))).data;
    expect(lines[0]).toEqual(['筛选：已选机关：湘潭县人民政府办公室；2019–2024 年']);
    expect(lines[1]).toEqual(['年份', '指标', '数值（件；金额为万元；比率为小数，0.25 = 25%）', '有数据的报告数（份）']);
    expect(lines[2]).toEqual(['2024', '办理结果总计', '315', '3']);
    expect(lines[3]).toEqual(['2024', 'granted_rate', '', '0']); // blank stays blank
    const en = labelledCsv(['key', 'value'], [{ key: 'denied_state_secret', value: 1 }], 'en', { key: (v) => (v === 'denied_state_secret' ? 'State secret' : v) });
    expect(Papa.parse<string[]>(chartCsv(en.fields, en.rows, { ...st, lang: 'en' }, t('en')), { delimiter: ',' }).data.slice(1))
      .toEqual([['Item', 'Value (cases; money in 10,000 yuan; rates as fractions, 0.25 = 25%)'], ['State secret', '1']]);
  });

  it('keeps the filters line one text cell that starts with a word, never a formula (agency names are hostile)', () => {
    const csv = chartCsv(['value'], [], { ...st, lang: 'en', agencies: ['=cmd|x', 'a,"b"\nc'] }, t('en'));
    const first = Papa.parse<string[]>(csv).data[0];
    expect(first).toHaveLength(1);
    expect(first[0]).toBe('Filters: Selected agencies: =cmd|x, a,"b"\nc; 2019–2024');
  });
});
