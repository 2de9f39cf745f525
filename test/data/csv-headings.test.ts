// Export headings in words: every field a view passes to a CSV export has a zh and an en heading
// (read from the views' own source, so a new field without one fails here), and the exported file
// carries those headings and the labels of keys, never the keys.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvHeading, labelledCsv, rateFieldsOnly } from '../../src/data/key-labels';
import { getMetric } from '../../src/data/metric-catalog';
import { toCsv } from '../../src/ui/download';

const VIEWS = join(__dirname, '../../src/ui/views');

function exportedFields(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const f of readdirSync(VIEWS).filter((n) => n.endsWith('.tsx'))) {
    const src = readFileSync(join(VIEWS, f), 'utf8');
    const consts = new Map([...src.matchAll(/const (\w+) = \[([^\]]*)\]/g)].map((m) => [m[1], m[2]]));
    const fields: string[] = [];
    for (const m of src.matchAll(/labelledCsv\((\[[^\]]*\]|\w+)/g)) {
      const list = m[1].startsWith('[') ? m[1] : `[${consts.get(m[1]) ?? ''}]`;
      fields.push(...[...list.matchAll(/'([^']+)'/g)].map((x) => x[1]));
    }
    // an export that bypasses labelledCsv would write field names as headings
    expect(src, `${f} passes raw fields to a CSV export`).not.toMatch(/csv=\{\{\s*fields:/);
    if (fields.length) out.set(f, fields);
  }
  return out;
}

describe('CSV export headings', () => {
  it('every exported field of every view has a heading in words in both languages', () => {
    const all = exportedFields();
    expect([...all.keys()].sort()).toEqual(expect.arrayContaining(['Appeals.tsx', 'Change.tsx', 'Compare.tsx', 'Outcomes.tsx', 'Overview.tsx', 'Quality.tsx', 'Regions.tsx', 'Trends.tsx']));
    for (const [view, fields] of all) {
      for (const f of fields) {
        for (const lang of ['zh', 'en'] as const) {
          const h = csvHeading(f, lang);
          expect(h, `${view}: ${f} (${lang})`).toBeTruthy();
          expect(h, `${view}: ${f} (${lang})`).not.toMatch(/^[a-z0-9_]+$/);
        }
      }
    }
  });

  it('the file has the headings and labelled keys; blanks stay empty, other fields kept for callers', () => {
    const rows = [{ metric: 'received', year: 2024, value: 33, n_data: 1 }, { metric: 'received', year: 2023, value: null, n_data: 0 }];
    const c = labelledCsv(['year', 'metric', 'value', 'n_data'], rows, 'zh', { metric: (v) => (v === 'received' ? '收到申请' : v) });
    const lines = toCsv(c.fields, c.rows).split(/\r?\n/);
    expect(lines[0]).toBe('年份,指标,数值（件；金额为万元；比率为小数，0.25 = 25%）,有数据的报告数（份）');
    expect(lines[1]).toBe('2024,收到申请,33,1');
    expect(lines[2]).toBe('2023,收到申请,,0');
    expect(c.rows[0].metric).toBe('received');
    expect(labelledCsv(['n_data'], rows, 'en').fields).toEqual(['Reports with data (count)']);
  });

  it('a count leaves the rate numerator and denominator blank; a rate keeps both', () => {
    // as runTrends gives them: a count's numerator is its value (metric-catalog), a rate has both
    const rows = [{ metric: 'received', year: 2024, value: 33, numerator: 33, denominator: null }, { metric: 'granted_rate', year: 2024, value: 0.25, numerator: 5, denominator: 20 }];
    const c = labelledCsv(['metric', 'value', 'numerator', 'denominator'], rateFieldsOnly(rows, (r) => getMetric(r.metric)?.kind === 'rate'), 'zh');
    const lines = toCsv(c.fields, c.rows).split(/\r?\n/);
    expect(lines[1]).toBe('received,33,,');
    expect(lines[2]).toBe('granted_rate,0.25,5,20');
    expect(rows[0].numerator).toBe(33); // the rows the chart draws are not changed
  });
});
