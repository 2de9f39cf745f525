// Golden tests for every form of the same report: each file in data/formats/ (copies of the
// corpus's formats/ folder) and the fixtures made from other reports (data/formats/more/) must give
// the facts of the original report's text — value by value, blanks blank — and the truth.csv
// figures read by eye.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../src/ingest';
import type { ParsedReport } from '../../src/model';
import { parseText } from '../../src/parse';
import { readTruthCsv, truthFacts, TRUTH_COLUMNS } from '../parse/truth';

const ROOT = join(__dirname, '../..');
const FORMATS = join(ROOT, 'data/formats');
const truth = new Map(readTruthCsv(readFileSync(join(FORMATS, 'truth.csv'), 'utf8')).map((r) => [r.file, r.values]));

/** `table.item.column = value` of every printed (not derived) fact: what must not differ between forms. */
const factSet = (p: ParsedReport) => p.facts.filter((f) => !f.derived).map((f) => `${f.table}.${f.item}.${f.column} = ${f.value === null ? 'blank' : f.value}`).sort();

/**
 * The form's facts against the original's. Where the original text glued a row's digits so that
 * several splits fit (an ambiguous-split finding, the cells blank), a form with real cell
 * boundaries may print the cells: then its values must be one of the listed candidates. Every
 * other fact is equal, value for value, blank for blank.
 */
function expectSameFacts(form: ParsedReport, orig: ParsedReport) {
  const ambiguous = new Map<string, string[][]>();
  for (const f of orig.findings) if (f.code === 'ambiguous-split') ambiguous.set(`${String(f.details.table)}.${String(f.details.item)}`, f.details.candidates as string[][]);
  const printed = (p: ParsedReport) => p.facts.filter((f) => !f.derived);
  const isDecided = (f: ParsedReport['facts'][number]) => ambiguous.has(`${f.table}.${f.item}`);
  const rest = (p: ParsedReport) => factSet({ ...p, facts: printed(p).filter((f) => !isDecided(f)) });
  expect(rest(form)).toEqual(rest(orig));
  for (const [row, candidates] of ambiguous) {
    const cells = (p: ParsedReport) => printed(p).filter((f) => `${f.table}.${f.item}` === row);
    // the row's cells are there, in the same columns, even when blank
    expect(cells(form).map((f) => f.column), row).toEqual(cells(orig).map((f) => f.column));
    const values = cells(form).map((f) => f.value);
    if (values.every((v) => v === null)) continue;
    expect(candidates.map((c) => c.map(Number)), row).toContainEqual(values);
  }
}
/** The original report: its crawled text, or the agency's own PDF (data/reports/). */
const original = async (file: string) => file.endsWith('.pdf')
  ? ingest({ name: file, bytes: new Uint8Array(readFileSync(join(ROOT, 'data/reports', file))) })
  : parseText({ sourceFile: file, text: readFileSync(join(ROOT, 'data/reports', file), 'utf8') });
const read = (rel: string) => ingest({ name: rel.split('/').pop()!, bytes: new Uint8Array(readFileSync(join(FORMATS, rel))) });
const sourceOf = (stem: string) => readdirSync(join(ROOT, 'data/reports')).find((f) => f === `${stem}.txt`) ?? `${stem}.pdf`;

const cases: { rel: string; source: string }[] = [];
for (const f of readdirSync(FORMATS).filter((f) => /^\d{4}_/.test(f)).sort()) cases.push({ rel: f, source: f.replace(/(_page|_gbk|_paste)?\.[a-z]+$/, '.txt') });
// more/: `<report>.<ext>` and forms found by the sweep (scripts/forms-sweep.ts) as `<report>_<form>.<ext>`;
// a `_clipped` form does not print every cell, an `_untitled` one has no title (own tests: sweep-forms.test.ts)
for (const f of readdirSync(join(FORMATS, 'more')).filter((f) => !/_(clipped|untitled)\./.test(f) && f !== 'README.md').sort()) cases.push({ rel: `more/${f}`, source: sourceOf(f.replace(/(_nested|_wrapped|_chromium|_pagebreak|_pdfcopy)?\.[a-z]+$/, '')) });

describe('every form of a report gives the original report\'s facts and the truth.csv figures', () => {
  it('has a truth.csv row for every file', () => {
    expect(cases.length).toBeGreaterThanOrEqual(6 + 3 * 4);
    for (const c of cases) expect(truth.has(`formats/${c.rel}`), c.rel).toBe(true);
  });
  for (const c of cases) {
    it(`${c.rel}: the facts of ${c.source} and the truth figures`, async () => {
      const p = await read(c.rel);
      const o = await original(c.source);
      expect(p.status).not.toBe('failed');
      expect(p.report.template).toBe(o.report.template);
      expectSameFacts(p, o);
      const got = truthFacts(p);
      const want = truth.get(`formats/${c.rel}`)!;
      for (const col of TRUTH_COLUMNS) {
        if (want[col] === null) expect([null, undefined], col).toContain(got[col]);
        else expect(got[col], col).toBe(want[col]);
      }
    }, 60_000);
    it(`${c.rel}: the agency and year of ${c.source}`, async () => {
      const p = await read(c.rel);
      const o = await original(c.source);
      expect(o.report.agency).not.toBeNull();
      expect(p.report.year).toBe(o.report.year);
      expect(p.report.agency).toBe(o.report.agency);
      expect(p.findings.filter((f) => f.code === 'agency-not-found')).toEqual([]);
    }, 60_000);
  }
});
