import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ParsedReport } from '../../src/model';
import { parseReport } from '../../src/parse/parse-report';
import { readTruthCsv, truthFacts, TRUTH_COLUMNS } from '../parse/truth';

const reports = join(__dirname, '../../data/reports');
const truth = readTruthCsv(readFileSync(join(__dirname, '../fixtures/truth.csv'), 'utf8')).filter((t) => t.file.endsWith('.pdf'));
const parsePdf = (name: string) => parseReport({ sourceFile: name, bytes: new Uint8Array(readFileSync(join(reports, name))) });
const fact = (p: ParsedReport, t: string, i: string, c: string) => p.facts.find((f) => f.table === t && f.item === i && f.column === c);

/** A valid one-page PDF whose page draws a filled rectangle and no text (like a scan). */
function textlessPdf(): Uint8Array {
  const content = '0 0 1 rg 10 10 100 100 re f';
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => { offsets.push(pdf.length); pdf += `${i + 1} 0 obj\n${o}\nendobj\n`; });
  const xref = pdf.length;
  pdf += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n` + offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(pdf);
}

describe('PDF reports (pdf.js text layer → rows → the text pipeline)', () => {
  it('covers the three real PDFs of truth.csv', () => expect(truth.map((t) => t.file).sort()).toEqual([
    'reports/2023_huaian_hongzequ_rmzf.pdf', 'reports/2024_huaian_hongzequ_rmzf.pdf', 'reports/2024_huaian_szf.pdf',
  ]));

  for (const row of truth) {
    it(`${row.file}: every truth.csv figure equals the parsed fact`, async () => {
      const parsed = await parsePdf(row.file.replace('reports/', ''));
      expect(parsed.report.format).toBe('pdf');
      const got = truthFacts(parsed);
      for (const col of TRUTH_COLUMNS) expect(got[col], col).toBe(row.values[col]);
    });
  }

  it('淮安市 2024: title on two lines gives the agency; page 5 figures carry page numbers; all identities hold', async () => {
    const p = await parsePdf('2024_huaian_szf.pdf');
    expect(p.report.agency).toBe('淮安市人民政府');
    expect(p.report.region.code).toBe('320800');
    const total = fact(p, 'requests', 'outcome_total', 'total')!;
    expect(total.value).toBe(3050);
    expect(total.location.page).toBe(5);
    expect(fact(p, 'requests', 'new', 'total')!.location.page).toBe(4);
    expect(p.checks.filter((c) => c.status === 'fail')).toEqual([]);
    expect(p.checks.length).toBeGreaterThan(40);
    expect(p.status).toBe('ok');
  });

  it('洪泽区 2023: the printed table-4 totals of 0 are kept and reported as broken identities', async () => {
    const p = await parsePdf('2023_huaian_hongzequ_rmzf.pdf');
    expect(fact(p, 'appeals', 'review', 'total')!.value).toBe(0);
    expect(fact(p, 'appeals', 'review', 'upheld')!.value).toBe(10);
    const broken = p.findings.filter((f) => f.code === 'identity-broken').map((f) => f.details.subject);
    expect(broken.sort()).toEqual(['review', 'suit_after_review']);
  });

  it('洪泽区 2024: （六）其他处理 printed as one row is kept as other_total (printed, not derived)', async () => {
    const p = await parsePdf('2024_huaian_hongzequ_rmzf.pdf');
    const other = fact(p, 'requests', 'other_total', 'total')!;
    expect(other).toMatchObject({ value: 0, derived: false });
    expect(p.findings.map((f) => f.code)).toContain('template-mismatch');
  });

  it('a PDF without a text layer is reported as no-text-layer and failed, with no numbers', async () => {
    const p = await parseReport({ sourceFile: 'scan.pdf', bytes: textlessPdf() });
    expect(p.status).toBe('failed');
    expect(p.facts).toEqual([]);
    expect(p.findings.map((f) => f.code)).toEqual(['no-text-layer']);
  });

  it('a corrupt PDF is a failed report with its reason, not an exception', async () => {
    const p = await parseReport({ sourceFile: 'broken.pdf', bytes: new TextEncoder().encode('%PDF-1.4\nthis is not a pdf') });
    expect(p.status).toBe('failed');
    expect(p.findings[0]!.code).toBe('parse-failed');
    expect(p.findings[0]!.messageEn).toMatch(/cannot be opened/);
  });

  it('keeps the caller’s bytes intact (pdf.js would detach the buffer it is given)', async () => {
    const bytes = new Uint8Array(readFileSync(join(reports, '2024_huaian_hongzequ_rmzf.pdf')));
    await parseReport({ sourceFile: 'x.pdf', bytes });
    expect(bytes.byteLength).toBeGreaterThan(1000);
  });
});
