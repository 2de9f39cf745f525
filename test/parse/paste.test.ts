// Text copied from a browser (test/fixtures/paste/): tabs between cells, an empty cell as nothing
// between tabs or as empty lines. A blank cell stays blank and in its column; table 三 is not lost.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REQUEST_COLUMNS } from '../../src/model';
import { parseText } from '../../src/parse/parse-text';
import { readTruthCsv, truthFacts, TRUTH_COLUMNS } from './truth';

const dir = join(import.meta.dirname, '../fixtures/paste');
const parse = (name: string) => parseText({ sourceFile: name, text: readFileSync(join(dir, name), 'utf8') });
const original = parseText({ sourceFile: '2024_xiangtanxian_zfbgs.txt', text: readFileSync(join(import.meta.dirname, '../../data/reports/2024_xiangtanxian_zfbgs.txt'), 'utf8') });

describe('pasted text', () => {
  it('2024_pingtan_zhqsyq_paste.txt gives the truth.csv figures of the report', () => {
    const p = parse('2024_pingtan_zhqsyq_paste.txt');
    const truth = readTruthCsv(readFileSync(join(import.meta.dirname, '../fixtures/truth.csv'), 'utf8')).find((t) => t.file === 'reports/2024_pingtan_zhqsyq.txt')!;
    const got = truthFacts(p);
    for (const c of TRUTH_COLUMNS) expect(got[c], c).toBe(truth.values[c]);
    expect(p.status).toBe('ok');
  });

  for (const name of ['2024_xiangtanxian_zfbgs_blank_paste.txt', '2024_xiangtanxian_zfbgs_blank_paste_inline.txt']) {
    it(`${name}: every cell of table 三 in its column — the report's numbers, its zeros (printed empty) blank`, () => {
      const p = parse(name);
      const want = original.facts.filter((f) => f.table === 'requests' && !f.derived);
      expect(want.length).toBe(25 * REQUEST_COLUMNS.length);
      for (const w of want) {
        const got = p.facts.find((f) => f.table === 'requests' && f.item === w.item && f.column === w.column && !f.derived);
        expect(got, `${w.item}.${w.column}`).toBeDefined();
        expect(got!.value, `${w.item}.${w.column}`).toBe(w.value === 0 ? null : w.value);
      }
      // tables 二 and 四 (zeros kept there) are read as in the original
      for (const w of original.facts.filter((f) => f.table !== 'requests' && !f.derived)) {
        expect(p.facts.find((f) => f.table === w.table && f.item === w.item && f.column === w.column)?.value, `${w.table}.${w.item}.${w.column}`).toBe(w.value);
      }
      expect(p.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    });
  }
});
