import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/parse';
import { parseReport } from '../../src/parse/parse-report';
import { toGolden } from './golden';

const reports = join(__dirname, '../../data/reports');
const expectedDir = join(__dirname, '../fixtures/expected');
const files = readdirSync(reports).filter((f) => f.endsWith('.txt')).sort();

describe('golden outputs (test/fixtures/expected, reviewed by eye; regenerate with test/parse/update-golden.ts)', () => {
  it('has a golden file for every .txt report', () => {
    expect(files.length).toBeGreaterThanOrEqual(15);
    for (const f of files) expect(existsSync(join(expectedDir, f.replace(/\.txt$/, '.json'))), f).toBe(true);
  });
  for (const f of files) {
    it(`${f} parses to its reviewed golden output`, () => {
      const parsed = parseText({ sourceFile: f, text: readFileSync(join(reports, f), 'utf8') });
      const expected = JSON.parse(readFileSync(join(expectedDir, f.replace(/\.txt$/, '.json')), 'utf8'));
      expect(JSON.parse(JSON.stringify(toGolden(parsed)))).toEqual(expected);
    });
  }
  const pdfs = readdirSync(reports).filter((f) => f.endsWith('.pdf')).sort();
  for (const f of pdfs) {
    it(`${f} (PDF) parses to its reviewed golden output`, async () => {
      const parsed = await parseReport({ sourceFile: f, bytes: new Uint8Array(readFileSync(join(reports, f))) });
      const expected = JSON.parse(readFileSync(join(expectedDir, f.replace(/\.pdf$/, '.json')), 'utf8'));
      expect(JSON.parse(JSON.stringify(toGolden(parsed)))).toEqual(expected);
    });
  }
});
