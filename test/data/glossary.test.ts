// Every catalog metric has a definition, and the derived parts (denominator, template rows) come
// from the catalog itself, so the glossary cannot describe a computation the dashboard does not do.
import { describe, expect, it } from 'vitest';
import { METRICS } from '../../src/data/metric-catalog';
import { GLOSSARY, glossaryFor, glossaryGaps } from '../../src/data/glossary';

describe('glossary', () => {
  it('has an entry for every catalog metric and none for a metric that does not exist', () => {
    expect(glossaryGaps()).toEqual({ missing: [], extra: [] });
    for (const m of METRICS) expect(GLOSSARY[m.id], m.id).toBeDefined();
  });

  it.each(METRICS.map((m) => [m.id]))('%s: counts, rows and (rates) denominator in both languages', (id) => {
    for (const lang of ['zh', 'en'] as const) {
      const g = glossaryFor(id, lang);
      expect(g.counts.length, `${id} ${lang}`).toBeGreaterThan(5);
      expect(g.rows.filter((r) => r.role === 'value').length, id).toBeGreaterThan(0);
      // every key has a printed label: no segment of the label is a bare canonical key
      for (const r of g.rows) for (const part of r.label.split(' · ')) expect(r.key.split(':'), `${r.key}: ${r.label}`).not.toContain(part);
      if (g.kind === 'rate') {
        expect(g.denominator, id).toBeTruthy();
        expect(g.rows.some((r) => r.role === 'denominator'), id).toBe(true);
      } else expect(g.denominator).toBeNull();
    }
  });

  it('names the template rows as printed and the template caveats where they apply', () => {
    const cr = glossaryFor('correction_rate', 'zh');
    expect(cr.rows.map((r) => r.label)).toEqual([
      '四、政府信息公开行政复议、行政诉讼情况 · 行政复议 · 结果纠正',
      '四、政府信息公开行政复议、行政诉讼情况 · 行政复议 · 总计',
      '四、政府信息公开行政复议、行政诉讼情况 · 行政复议 · 尚未审结',
    ]);
    expect(cr.comparability).toBeNull();
    expect(glossaryFor('new', 'zh').rows[0].label).toBe('三、收到和处理政府信息公开申请情况 · 一、本年新收政府信息公开申请数量 · 总计');
    expect(glossaryFor('denied_total', 'en').rows[0].label).toContain('rows 1–8 summed');
    expect(glossaryFor('regulations_issued', 'en').comparability).toMatch(/2021/);
    expect(glossaryFor('other_rate', 'zh').comparability).toMatch(/2019/);
    expect(glossaryFor('legacy_new', 'en').comparability).toMatch(/Before 2019/);
  });
});
