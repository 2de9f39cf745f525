import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { csvSafe, fileStem, labelledCsv, toCsv } from './download';
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

  it('labels CSV columns and metrics, keeps the id and unit, and states the filters first', () => {
    const csv = labelledCsv(['year', 'metric', 'value', 'n_data'], [{ year: 2024, metric: 'outcome_total', value: 315, n_data: 3 }, { year: 2024, metric: 'granted_rate', value: null, n_data: 0 }], st, t('zh'));
    const lines = Papa.parse<string[]>(csv).data;
    expect(lines[0]).toEqual(['筛选：已选机关：湘潭县人民政府办公室；2019–2024 年']);
    expect(lines[1]).toEqual(['年份', '指标', '单位', '指标代码', '数值', '有数据的报告数']);
    expect(lines[2][1]).not.toBe('outcome_total');
    expect(lines[2].slice(2)).toEqual(['件', 'outcome_total', '315', '3']);
    expect(lines[3].slice(2)).toEqual(['%', 'granted_rate', '', '0']); // blank stays blank
    const en = Papa.parse<string[]>(labelledCsv(['key', 'value'], [{ key: 'denied_state_secret', value: 1 }], { ...st, lang: 'en' }, t('en'))).data;
    expect(en[1]).toEqual(['Item', 'Value']);
    expect(en[2]).toEqual(['State secret', '1']);
  });

  it('keeps the filters line one text cell that starts with a word, never a formula (agency names are hostile)', () => {
    const csv = labelledCsv(['value'], [], { ...st, lang: 'en', agencies: ['=cmd|x', 'a,"b"\nc'] }, t('en'));
    const first = Papa.parse<string[]>(csv).data[0];
    expect(first).toHaveLength(1);
    expect(first[0]).toBe('Filters: Selected agencies: =cmd|x, a,"b"\nc; 2019–2024');
  });
});
