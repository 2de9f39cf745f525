// Forms found by the sweep (scripts/forms-sweep.ts) that exposed a bug and are not a plain copy of
// the report, so the every-form golden test (formats.test.ts) cannot hold them to every cell.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../src/ingest';
import { parseText } from '../../src/parse';
import { htmlToText } from '../../src/parse/html';

const ROOT = join(__dirname, '../..');
const read = (rel: string) => ingest({ name: rel.split('/').pop()!, bytes: new Uint8Array(readFileSync(join(ROOT, rel))) });
const printed = (p: Awaited<ReturnType<typeof read>>) => new Map(p.facts.filter((f) => !f.derived).map((f) => [`${f.table}.${f.item}.${f.column}`, f.value]));

describe('a Word-made PDF whose tables run off the page (LibreOffice: .html → .docx → .pdf)', () => {
  // data/formats/more/2019_pingtan_zhqsyq_clipped.pdf: the 总计 column of table 三 lies beyond the
  // page edge, so each row prints 6 numbers for 7 columns. The parser used to cut a printed `23`
  // into 2 | 3 to make up the count (new.natural = 2, commercial = 3, total = 0: numbers the
  // report does not print); a table cell is one number, so the rows stay blank and are reported.
  it('shows no number that differs from the report, and reports the rows it cannot place', async () => {
    const p = await read('data/formats/more/2019_pingtan_zhqsyq_clipped.pdf');
    const o = parseText({ sourceFile: 'o.txt', text: readFileSync(join(ROOT, 'data/reports/2019_pingtan_zhqsyq.txt'), 'utf8') });
    const want = printed(o);
    const got = printed(p);
    const differs = [...got].filter(([k, v]) => v !== null && want.get(k) !== v);
    expect(differs).toEqual([]);
    expect(got.get('requests.new.natural') ?? null).toBeNull();
    expect(got.get('requests.new.total') ?? null).toBeNull();
    const unplaced = p.findings.filter((f) => f.code === 'unsplittable-cells' && f.details.table === 'requests');
    expect(unplaced.map((f) => f.details.item)).toContain('new');
    expect(unplaced.find((f) => f.details.item === 'new')!.details.raw).toBe('23 0 0 0 0 0');
    expect(p.report.year).toBe(2019);
  }, 60_000);
});

describe('a pipe row with fewer cells than the table has columns', () => {
  // the same rule on text: `|`- or tab-bounded cells are a table's own cells and are never cut.
  // 湘潭县 2024 as pipe rows (its HTML's rows) with the 总计 cell of 本年新收 cut off: `26 | 7 | 0 | 0 | 0 | 0`
  const rows = htmlToText(readFileSync(join(ROOT, 'data/formats/more/2024_xiangtanxian_zfbgs.html'), 'utf8'));
  const full = rows.split('\n').find((l) => l.startsWith('一、本年新收'))!;
  const cut = rows.replace(full, full.replace(/ \| 33$/, ''));
  for (const [name, text] of [['pipes', cut], ['tabs', cut.replace(/ \| /g, '\t')]] as const) {
    it(`leaves the row blank with a finding (${name})`, () => {
      expect(full).toMatch(/ \| 33$/);
      const p = parseText({ sourceFile: 't.txt', text });
      expect(p.facts.filter((f) => !f.derived && f.table === 'requests' && f.item === 'new' && f.value !== null)).toEqual([]);
      const f = p.findings.find((x) => x.code === 'unsplittable-cells' && x.details.item === 'new');
      expect(f?.details.raw).toBe('26 7 0 0 0 0');
      // the other rows keep their numbers
      expect(p.facts.find((x) => x.table === 'requests' && x.item === 'granted' && x.column === 'total')?.value).toBe(11);
    });
  }
  it('still cuts digits run together in crawled text, where no cell boundary is printed', () => {
    // 2019_pingtan_zhqsyq.txt prints `一、本年新收政府信息公开申请数量2300000023`
    const p = parseText({ sourceFile: 'o.txt', text: readFileSync(join(ROOT, 'data/reports/2019_pingtan_zhqsyq.txt'), 'utf8') });
    expect(p.facts.find((f) => f.table === 'requests' && f.item === 'new' && f.column === 'total')?.value).toBe(23);
  });
});

describe('text copied out of a PDF viewer, of a report with no title line', () => {
  // data/formats/more/2020_weishan_liangchengzhen_untitled.txt: `pdftotext -raw` of the report as a
  // LibreOffice PDF; the year is only in 统计期限为 2020 年 1 月 1 日 (digits spaced from CJK)
  it('finds the year in the spaced statistics period, and the facts of the report', async () => {
    const p = await read('data/formats/more/2020_weishan_liangchengzhen_untitled.txt');
    const o = parseText({ sourceFile: 'o.txt', text: readFileSync(join(ROOT, 'data/reports/2020_weishan_liangchengzhen.txt'), 'utf8') });
    expect(p.report.year).toBe(2020);
    expect(p.report.year).toBe(o.report.year);
    expect(printed(p)).toEqual(printed(o));
  });
});
