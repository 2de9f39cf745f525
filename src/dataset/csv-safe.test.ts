import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvCell, unescapeCsvText, writeCsv } from './csv-safe';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** Real CSVs of the repository: the corpus manifests and dataset-small's tables (hostile name included). */
const REAL = ['data/manifest.csv', 'data/pingtan-departments/manifest.csv', ...['reports', 'facts', 'findings', 'checks', 'meta'].map((t) => `test/fixtures/dataset-small/${t}.csv`)];

describe('the one CSV writer', () => {
  it('writes real rows byte for byte as Papa.unparse did (every file was written with it until now)', () => {
    for (const f of REAL) {
      const [header, ...rows] = Papa.parse<string[]>(readFileSync(path.join(ROOT, f), 'utf8'), { skipEmptyLines: true }).data;
      expect(rows.length, f).toBeGreaterThan(0);
      for (const newline of ['\n', '\r\n'] as const) {
        const papa = Papa.unparse({ fields: header, data: rows.map((r) => r.map(csvCell)) }, { newline });
        expect(writeCsv(header, rows, { newline }) === papa, `${f} ${JSON.stringify(newline)}`).toBe(true);
      }
    }
  });

  it('quotes what CSV needs quoted, as Papa did: comma, quote, CR, LF, BOM, a space at either end', () => {
    const cells = ['a,b', 'say "x"', 'one\rtwo', 'one\ntwo', '\ufeffBOM', ' lead', 'trail ', 'in side', '', '湘潭县'];
    expect(writeCsv(null, [cells])).toBe(Papa.unparse([cells]));
    expect(writeCsv(null, [cells])).toBe('"a,b","say ""x""","one\rtwo","one\ntwo","\ufeffBOM"," lead","trail ",in side,,湘潭县');
  });

  it('keeps blanks empty and numbers as numbers, escapes formulas, and reads back to the original text', () => {
    const text = writeCsv(['v'], [[null], [undefined], [0], [-3], ['-3'], ['-'], ['=1+1'], ['＝cmd'], [NaN], [true]], { finalNewline: true });
    expect(text).toBe("v\n\n\n0\n-3\n-3\n-\n'=1+1\n'＝cmd\n\ntrue\n");
    expect(Papa.parse<string[]>(text, { skipEmptyLines: false }).data.slice(7, 9).map((r) => unescapeCsvText(r[0]))).toEqual(['=1+1', '＝cmd']);
  });

  it('escapes a formula-like heading too (the SQL view writes the user\'s column aliases as headings)', () => {
    expect(writeCsv(['=HYPERLINK("x")', 'ok'], [])).toBe('"\'=HYPERLINK(""x"")",ok');
  });

  it('writes nothing for no header and no rows, and ends with a newline only when asked', () => {
    expect(writeCsv(null, [])).toBe('');
    expect(writeCsv(['a'], [[1], [2]])).toBe('a\n1\n2');
    expect(writeCsv(['a'], [[1]], { newline: '\r\n', finalNewline: true })).toBe('a\r\n1\r\n');
  });
});
