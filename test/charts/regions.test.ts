import { describe, expect, it } from 'vitest';
import { buildRegionsOption, type RegionChartRow } from '../../src/charts/regions';

const rows: RegionChartRow[] = [
  { code: '43', name: '湖南省', value: 33, numerator: 33, denominator: null, n_reports: 1, n_data: 1 },
  { code: '35', name: '<img src=x onerror=alert(1)>', value: 218, numerator: 218, denominator: null, n_reports: 1, n_data: 1 },
  { code: '32', name: '江苏省', value: null, numerator: null, denominator: null, n_reports: 2, n_data: 0 },
];
type Series = { type: string; data: { value: number | null; name?: string }[] };
type Fmt = (p: unknown) => string;

describe('buildRegionsOption', () => {
  it('draws counts as a treemap without tiles for regions that have no data', () => {
    const o = buildRegionsOption(rows, { id: 'new', label: '新收', kind: 'count' }, { lang: 'zh' });
    const s = (o.series as Series[])[0]!;
    expect(s.type).toBe('treemap');
    expect(s.data.map((d) => d.value)).toEqual([33, 218]);
  });

  it('escapes region names in the tooltip', () => {
    const o = buildRegionsOption(rows, { id: 'new', label: 'new', kind: 'count' }, { lang: 'en' });
    const html = ((o.tooltip as { formatter: Fmt }).formatter)({ color: '#0072B2', data: { row: rows[1] } });
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
  });

  it('ranks rates as bars and greys those on fewer than 10 cases', () => {
    const rates: RegionChartRow[] = [
      { code: '43', name: '湖南省', value: 0.5, numerator: 4, denominator: 8, n_reports: 1, n_data: 1 },
      { code: '35', name: '福建省', value: 0.25, numerator: 5, denominator: 20, n_reports: 2, n_data: 2 },
    ];
    const o = buildRegionsOption(rates, { id: 'correction_rate', label: '纠错率', kind: 'rate' }, { lang: 'zh' });
    const s = (o.series as { type: string; data: { value: number; itemStyle: { color: string } }[] }[])[0]!;
    expect(s.type).toBe('bar');
    expect(s.data.map((d) => d.value)).toEqual([0.5, 0.25]);
    expect(s.data[0]!.itemStyle.color).toBe('#B0B0B0');
    expect(s.data[1]!.itemStyle.color).not.toBe('#B0B0B0');
  });
});
