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
const original = (file: string) => parseText({ sourceFile: file, text: readFileSync(join(ROOT, 'data/reports', file), 'utf8') });
const read = (rel: string) => ingest({ name: rel.split('/').pop()!, bytes: new Uint8Array(readFileSync(join(FORMATS, rel))) });

/**
 * Known failures for a parser-accuracy reason outside src/ingest (Word-made PDF layout, the
 * parser-accuracy part of the formats issue): `it.fails` until that lands, so the fix shows up as
 * a test to switch back.
 */
const KNOWN_FACTS: Record<string, string> = {
  // A row whose cells are blank is dropped from the LibreOffice PDF's rows altogether (the .docx,
  // .doc and .html of the same file keep it, blank in its columns): PDF row placement
  'more/2019_pingtan_zhqsyq.pdf': 'rows with blank cells dropped by the PDF layout',
  'more/2020_pingtan_zhqsyq.pdf': 'rows with blank cells dropped by the PDF layout',
  'more/2022_pingtan_zhqsyq.pdf': 'rows with blank cells dropped by the PDF layout',
};
// LibreOffice wraps the long title over two lines mid-word (`…工作年` / `度报告`): no title line,
// so no agency (agency-not-found). Identity of wrapped PDF titles is src/parse.
const KNOWN_IDENTITY: Record<string, string> = Object.fromEntries(
  ['more/2019_pingtan_zhqsyq.pdf', 'more/2020_pingtan_zhqsyq.pdf', 'more/2022_pingtan_zhqsyq.pdf'].map((f) => [f, 'PDF title wrapped mid-word, agency not found']),
);

const cases: { rel: string; source: string }[] = [];
for (const f of readdirSync(FORMATS).filter((f) => /^\d{4}_/.test(f)).sort()) cases.push({ rel: f, source: f.replace(/(_page|_gbk|_paste)?\.[a-z]+$/, '.txt') });
for (const f of readdirSync(join(FORMATS, 'more')).sort()) cases.push({ rel: `more/${f}`, source: f.replace(/\.[a-z]+$/, '.txt') });

describe('every form of a report gives the original report\'s facts and the truth.csv figures', () => {
  it('has a truth.csv row for every file', () => {
    expect(cases.length).toBeGreaterThanOrEqual(6 + 3 * 4);
    for (const c of cases) expect(truth.has(`formats/${c.rel}`), c.rel).toBe(true);
  });
  for (const c of cases) {
    const factsTest = KNOWN_FACTS[c.rel] ? it.fails : it;
    factsTest(`${c.rel}: the facts of ${c.source} and the truth figures${KNOWN_FACTS[c.rel] ? ` (known: ${KNOWN_FACTS[c.rel]})` : ''}`, async () => {
      const p = await read(c.rel);
      const o = original(c.source);
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
    const idTest = KNOWN_IDENTITY[c.rel] ? it.fails : it;
    idTest(`${c.rel}: the agency and year of ${c.source}${KNOWN_IDENTITY[c.rel] ? ` (known: ${KNOWN_IDENTITY[c.rel]})` : ''}`, async () => {
      const p = await read(c.rel);
      const o = original(c.source);
      expect(o.report.agency).not.toBeNull();
      expect(p.report.year).toBe(o.report.year);
      expect(p.report.agency).toBe(o.report.agency);
      expect(p.findings.filter((f) => f.code === 'agency-not-found')).toEqual([]);
    }, 60_000);
  }
});
