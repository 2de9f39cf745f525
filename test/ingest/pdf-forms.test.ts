// PDFs of odd producers and layouts (test/fixtures/pdf-forms/, made by scripts/forms-sweep.ts) read
// back through src/ingest must give the original report's facts, value by value, blanks blank.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../src/ingest';
import type { ParsedReport } from '../../src/model';
import { blankRunningLines } from '../../src/parse/running-lines';

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

  it('text copied out of such a PDF: the running lines between rows are not the rows\' numbers', async () => {
    // pdftotext -raw of the sweep's pdf-headers of 2024_xiangtanxian_zfbgs: `12/1/26, 3:09 PM <title>`
    // and `about:blank 2/3` right under 四、结转下年度继续办理 (the row was left blank before)
    const [form, orig] = await Promise.all([read('test/fixtures/pdf-forms/2024_xiangtanxian_zfbgs_headers.txt'), read('data/reports/2024_xiangtanxian_zfbgs.txt')]);
    expect(facts(form)).toEqual(facts(orig));
    expect(facts(form)).toContain('requests.carried_forward.total = 2');
  }, 60_000);
});

describe('blankRunningLines', () => {
  it('blanks a page stamp or counter that recurs, keeps the line count, keeps look-alikes that do not recur', () => {
    const text = ['12/1/26, 3:09 PM 某某县2024年政府信息公开工作年度报告', 'about:blank 1/3', '（七）总计 26 7 0 0 0 0 33', '12/1/26, 3:09 PM 某某县2024年政府信息公开工作年度报告', 'about:blank 2/3', '四、结转下年度继续办理 2 0 0 0 0 0 2'].join('\n');
    expect(blankRunningLines(text).split('\n')).toEqual(['', '', '（七）总计 26 7 0 0 0 0 33', '', '', '四、结转下年度继续办理 2 0 0 0 0 0 2']);
    // once only (a date in the prose, a ratio), or a row: kept
    const once = '2024/3/1 10:00 召开会议\n占比 1/3\n行政复议 1 2 3 4 5';
    expect(blankRunningLines(once)).toBe(once);
    const rows = '规章 0 0 0\n行政规范性文件 0 0 0\n其他 1/2';
    expect(blankRunningLines(rows)).toBe(rows);
  });
});
