// Word/LibreOffice-exported PDFs (test/fixtures/pdf-word/, made as its README says): narrow
// columns, labels wrapped over 2–6 lines, text in runs of a few glyphs, empty cells with no text at
// all. Each is checked against the same report's text in data/reports: a number the PDF gives must
// be the report's number (a row shifted onto its neighbour's figures is the worst bug), and where
// the layout is fully readable every cell must come out.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Fact, ParsedReport } from '../../src/model';
import { parseReport } from '../../src/parse/parse-report';
import { parseText } from '../../src/parse/parse-text';
import { truthFacts, TRUTH_COLUMNS, readTruthCsv } from '../parse/truth';

const dir = join(import.meta.dirname, '../fixtures/pdf-word');
const pdf = (name: string) => parseReport({ sourceFile: name, bytes: new Uint8Array(readFileSync(join(dir, name))) });
const txt = (name: string) => parseText({ sourceFile: name, text: readFileSync(join(import.meta.dirname, '../../data/reports', name), 'utf8') });
const key = (f: Fact) => `${f.table}.${f.item}.${f.column}`;
const printed = (p: ParsedReport) => new Map(p.facts.filter((f) => !f.derived).map((f) => [key(f), f.value]));

/**
 * Every number the PDF gives equals the text's where the text has one (the text of a run-together
 * crawl leaves some cells blank that the PDF prints); `same` counts the text's numbers the PDF gives.
 */
function compare(fromPdf: ParsedReport, fromTxt: ParsedReport, zerosBlank = false) {
  const want = printed(fromTxt);
  const got = printed(fromPdf);
  const wrong: string[] = [];
  for (const [k, v] of got) {
    const w = want.get(k);
    if (v !== null && w !== null && w !== undefined && w !== v) wrong.push(`${k}: pdf ${v}, text ${w}`);
  }
  const numbers = [...want].filter(([k, w]) => w !== null && !(zerosBlank && k.startsWith('requests.') && w === 0));
  const same = numbers.filter(([k, w]) => got.get(k) === w).length;
  return { same, wrong, total: numbers.length };
}

describe('Word-exported PDFs', () => {
  it('formats/2024_pingtan_zhqsyq.pdf (LibreOffice export of the 平潭 2024 page): the truth.csv figures, title and agency', async () => {
    const p = await pdf('2024_pingtan_zhqsyq.pdf');
    const truth = readTruthCsv(readFileSync(join(import.meta.dirname, '../fixtures/truth.csv'), 'utf8')).find((t) => t.file === 'reports/2024_pingtan_zhqsyq.txt')!;
    const got = truthFacts(p);
    for (const c of TRUTH_COLUMNS) expect(got[c], c).toBe(truth.values[c]);
    expect(p.report.title).toBe('平潭综合实验区2024年度政府信息公开工作年度报告'); // wrapped `…工作年` / `度报告`
    expect(p.report.agency).toBe('平潭综合实验区');
    // 行政事业性收费 wrapped around its number (`行政事业性收` / 18651.06 / `费`)
    expect(p.facts.find((f) => f.table === 'active' && f.item === 'fees')?.value).toBe(18651.06);
    expect(compare(p, txt('2024_pingtan_zhqsyq.txt')).wrong).toEqual([]);
    expect(p.status).toBe('ok');
  });

  it('2024_xiangtanxian_zfbgs.pdf: every cell of the three tables equals the text report, no finding', async () => {
    const p = await pdf('2024_xiangtanxian_zfbgs.pdf');
    const t = txt('2024_xiangtanxian_zfbgs.txt');
    const c = compare(p, t);
    expect(c.wrong).toEqual([]);
    expect(c.same).toBe(c.total);
    expect(p.report.agency).toBe('湘潭县人民政府办公室');
    // `（二）部分公开` printed between （一）'s numbers and its own keeps its own figures
    expect(p.facts.find((f) => f.item === 'partial' && f.column === 'total')?.value).toBe(13);
    expect(p.facts.find((f) => f.item === 'granted' && f.column === 'total')?.value).toBe(11);
    expect(p.status).toBe('ok');
  });

  it('2024_xiangtanxian_zfbgs_blank.pdf (zeros of table 三 printed as empty cells): blanks stay blank and in their column, no number shifted', async () => {
    const p = await pdf('2024_xiangtanxian_zfbgs_blank.pdf');
    const c = compare(p, txt('2024_xiangtanxian_zfbgs.txt'), true);
    expect(c.wrong).toEqual([]);
    const f = (item: string, col: string) => p.facts.find((x) => x.table === 'requests' && x.item === item && x.column === col && !x.derived);
    // `26 | 7 | | | | | 33`: each number in its column, the four empty cells blank (not 0)
    expect(['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other_org', 'total'].map((col) => f('new', col)?.value)).toEqual([26, 7, null, null, null, null, 33]);
    expect(f('granted', 'total')?.value).toBe(11);
    expect(f('partial', 'total')?.value).toBe(13);
    expect(f('partial', 'natural')?.value).toBe(10);
    // rows printed with no number at all (1.–4. of （三）) stack their labels onto 5.: split at the
    // row markers, 5. keeps its own numbers and 1.–4. are rows of empty cells
    const row = (item: string) => ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other_org', 'total'].map((col) => f(item, col)?.value);
    expect(row('denied_internal')).toEqual([null, 2, null, null, null, null, 2]);
    for (const item of ['denied_state_secret', 'denied_prohibited', 'denied_security', 'denied_third_party']) expect(row(item), item).toEqual(new Array(7).fill(null));
    expect(p.findings.map((x) => x.code)).not.toContain('rows-unplaced');
    // rows printed with no number far from any numbered row — labels wrapped over up to 7 lines,
    // sharing lines with the merged group labels `（五` / `）不` / `予处` / `理` — are rows of empty
    // cells in their columns, not missing rows
    for (const item of ['denied_deliberative', 'unavailable_needs_creation', 'rejected_petition', 'rejected_excessive', 'rejected_confirmation', 'other_overdue_correction', 'other_overdue_fee']) expect(row(item), item).toEqual(new Array(7).fill(null));
    expect(p.findings.map((x) => x.code)).not.toContain('missing-row');
    expect(p.status).toBe('ok');
  });

  for (const [name, text] of [['2020_pingtan_zhqsyq.pdf', '2020_pingtan_zhqsyq.txt'], ['2022_pingtan_zhqsyq.pdf', '2022_pingtan_zhqsyq.txt']] as const) {
    it(`${name}: no number differs from the text report; at least 90% of its cells read`, async () => {
      const p = await pdf(name);
      const c = compare(p, txt(text));
      expect(c.wrong).toEqual([]);
      expect(c.same / c.total).toBeGreaterThan(0.9);
      expect(p.report.year).toBe(Number(name.slice(0, 4)));
      // every cell of the text is there, blank ones blank: a row printed with no number is its own
      // row (it used to take 规章's label, `规章规范性文件`, or be missing), a label continued over a
      // page break (`…重新出具已` / `获取信息`) and a header begun at a page's foot are read whole
      const want = printed(txt(text));
      const got = printed(p);
      expect([...want.keys()].filter((k) => !got.has(k) || got.get(k) !== want.get(k))).toEqual([]);
      expect(p.findings.filter((f) => f.code === 'unknown-row')).toEqual([]);
    });
  }
});
