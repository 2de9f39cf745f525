import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/parse';
import { readTruthCsv, truthFacts, TRUTH_COLUMNS } from './truth';

const data = join(__dirname, '../../data'); // truth.csv's file column is relative to data/
const truth = readTruthCsv(readFileSync(join(__dirname, '../fixtures/truth.csv'), 'utf8')).filter((r) => !r.file.endsWith('.pdf'));

describe('figures read by eye (test/fixtures/truth.csv) for the text reports', () => {
  it('covers every .txt row of truth.csv', () => {
    expect(truth.length).toBeGreaterThanOrEqual(7);
  });
  for (const row of truth) {
    it(`${row.file}: every truth figure equals the parsed fact, blanks stay blank`, () => {
      const text = readFileSync(join(data, row.file), 'utf8');
      const parsed = parseText({ sourceFile: row.file.split('/').pop()!, text });
      const got = truthFacts(parsed);
      for (const col of TRUTH_COLUMNS) {
        const want = row.values[col];
        if (want === null) expect([null, undefined], `${col} should be blank or absent`).toContain(got[col]);
        else expect(got[col], col).toBe(want);
      }
    });
  }
});
