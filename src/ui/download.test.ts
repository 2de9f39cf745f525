import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { csvSafe, toCsv } from './download';

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
