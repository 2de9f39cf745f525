// PDFs of odd producers and layouts (test/fixtures/pdf-forms/, made by scripts/forms-sweep.ts) read
// back through src/ingest must give the original report's facts, value by value, blanks blank.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../src/ingest';
import type { ParsedReport } from '../../src/model';

const ROOT = join(__dirname, '../..');
const read = (file: string) => ingest({ name: file.split('/').pop()!, bytes: new Uint8Array(readFileSync(join(ROOT, file))) });
const facts = (p: ParsedReport) => p.facts.filter((f) => !f.derived).map((f) => `${f.table}.${f.item}.${f.column} = ${f.value === null ? 'blank' : f.value}`).sort();

describe('PDFs of odd producers and layouts', () => {
  it('reads numbers broken inside their cells whole (Chromium, 105 mm, break-all)', async () => {
    const [form, orig] = await Promise.all([read('test/fixtures/pdf-forms/2024_huaian_szf_narrow-break.pdf'), read('data/reports/2024_huaian_szf.pdf')]);
    expect(facts(form)).toEqual(facts(orig));
    expect(form.report.year).toBe(2024);
    expect(form.findings.map((f) => f.code)).not.toContain('unreadable-pdf-digits');
  }, 60_000);

  it('drops the browser print header and footer (Chromium, displayHeaderFooter)', async () => {
    const [form, orig] = await Promise.all([read('test/fixtures/pdf-forms/2012_pingtanxian_rmzf_headers.pdf'), read('data/reports/2012_pingtanxian_rmzf.txt')]);
    expect(facts(form)).toEqual(facts(orig));
    expect(facts(form)).toContain('legacy.new.total = 21');
  }, 60_000);
});
