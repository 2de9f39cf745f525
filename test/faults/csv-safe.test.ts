// The one formula-escaping rule (src/dataset/csv-safe.ts) on the OWASP list of leading characters
// (= + - @ tab CR) and their full-width forms, applied by every CSV writer: the CLI's dataset
// files, the browser's downloads and the import's exports. Repro cells: test/fixtures/hostile/.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvCell, escapeCsvText, unescapeCsvText } from '../../src/dataset/csv-safe';
import { datasetToCsv, readFactsCsv, toDataset } from '../../src/dataset';
import { importedFactsCsv, findingsReportCsv } from '../../src/ui/import/export';
import { toCsv } from '../../src/ui/download';
import { parseText } from '../../src/parse/parse-text';

const HOSTILE = readFileSync(path.resolve(__dirname, '../fixtures/hostile/formula-names.txt'), 'utf8').split('\n').filter((l) => l !== '');
// What a spreadsheet would run: the first character after optional apostrophes is one of these.
// A plain number ("-3") or a lone "-" is data, not a formula, and is written as printed.
const FORMULA = /^[=+\-@\t\r＝＋－＠]/;
const RUNS = { test: (f: string) => FORMULA.test(f) && !/^-?\d+(\.\d+)?$/.test(f) && f !== '-' };

const fields = (csv: string) => Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data.flat();

describe('escapeCsvText on the OWASP list', () => {
  it('has every leading character in the fixture (= + - @ tab CR ＝ ＋ － ＠)', () => {
    expect(new Set(HOSTILE.map((s) => s[0]))).toEqual(new Set(['=', '@', '-', '+', '\t', '\r', '＝', '＋', '－', '＠']));
  });
  for (const s of HOSTILE) {
    it(`escapes ${JSON.stringify(s)}`, () => {
      const e = escapeCsvText(s);
      expect(e).toBe(`'${s}`);
      expect(RUNS.test(e)).toBe(false);
      expect(unescapeCsvText(e)).toBe(s);
    });
  }
  it('keeps numbers as numbers and plain numeric text as printed; a lone "-" stays', () => {
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(-2.5)).toBe('-2.5');
    expect(csvCell('-3')).toBe('-3');
    expect(csvCell('-2.5')).toBe('-2.5');
    expect(csvCell('-')).toBe('-');
    expect(csvCell('—')).toBe('—');
    expect(csvCell(null)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell('湘潭县人民政府办公室')).toBe('湘潭县人民政府办公室');
  });
  it('is reversible also for text that already starts with apostrophes', () => {
    for (const s of ["'=1+1", "''-x", "'plain", "'", '']) expect(unescapeCsvText(escapeCsvText(s))).toBe(s);
  });
});

describe('every CSV writer applies it', () => {
  const parsed = parseText({ sourceFile: 'x.txt', text: readFileSync(path.resolve(__dirname, '../../data/reports/2024_xiangtanxian_zfbgs.txt'), 'utf8') });
  const ds = toDataset([parsed], { kind: 'real' });
  ds.reports[0] = { ...ds.reports[0], agency: HOSTILE[0], source_file: HOSTILE[1], title: HOSTILE[2] };
  ds.facts = ds.facts.map((f, i) => ({ ...f, row_label: HOSTILE[i % HOSTILE.length], raw: i === 0 ? '-1+1+cmd|\' /C calc\'!A0' : f.raw }));

  it('the CLI dataset CSVs (reports.csv, facts.csv …): no field a spreadsheet would run, negatives kept', () => {
    const csv = datasetToCsv({ ...ds, facts: [...ds.facts, { ...ds.facts[1], item: 'new', value: -3, raw: '-3' }] });
    for (const [name, text] of Object.entries(csv)) for (const f of fields(text)) expect(RUNS.test(f), `${name}: ${JSON.stringify(f)}`).toBe(false);
    expect(csv['facts.csv']).toMatch(/,-3,-3,/);
    // and readFactsCsv gets the original text back
    const back = readFactsCsv(csv['facts.csv']).rows;
    expect(back[0].row_label).toBe(HOSTILE[0]);
    expect(back[0].raw).toBe('-1+1+cmd|\' /C calc\'!A0');
  });
  it('the import exports (facts, my findings) and the chart/table download', () => {
    for (const text of [importedFactsCsv(ds), findingsReportCsv(ds, [{ file: HOSTILE[3], errors: [{ line: 2, column: 'value', message: HOSTILE[4] }] }]),
      toCsv(['agency', 'value'], HOSTILE.map((agency, i) => ({ agency, value: -i })))]) {
      for (const f of fields(text)) expect(RUNS.test(f), JSON.stringify(f)).toBe(false);
    }
    expect(toCsv(['v'], [{ v: -7 }, { v: '-7' }])).toBe('v\r\n-7\r\n-7');
  });
});

describe('the synthetic dataset writer (src/cli/synth.ts) uses the same rule', () => {
  it('escapes every hostile name, keeps blanks blank and numbers as numbers, and reads back', async () => {
    const { csvLine } = await import('../../src/cli/synth');
    const line = csvLine([...HOSTILE, null, -3, 0, 'a,b']);
    const got = fields(line);
    expect(got.slice(0, HOSTILE.length).some((f) => RUNS.test(f))).toBe(false);
    expect(got.slice(0, HOSTILE.length).map(unescapeCsvText)).toEqual(HOSTILE);
    expect(got.slice(HOSTILE.length)).toEqual(['', '-3', '0', 'a,b']);
  });
});
