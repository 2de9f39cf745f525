import { describe, expect, it } from 'vitest';
import * as echarts from 'echarts/core';
import { TreemapChart } from 'echarts/charts';
import { TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
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

describe('treemap tiles: a label where it fits, a tooltip on every tile', () => {
  // 2024 received by province in the bundled data (江苏 3,248, 福建 422, 广东 68, 湖南 35) and
  // 平潭's bureaus' spread of small counts under them
  const real: RegionChartRow[] = [['32', '江苏省', 3248], ['35', '福建省', 422], ['44', '广东省', 68], ['43', '湖南省', 35],
    ...[9, 5, 3, 2, 1, 1].map((v, i) => [`35${i}`, `平潭综合实验区<b>局${i}</b>`, v] as [string, string, number])]
    .map(([code, name, value]) => ({ code: String(code), name: String(name), value: Number(value), numerator: Number(value), denominator: null, n_reports: 1, n_data: 1 }));
  const texts = (width: number) => {
    echarts.use([TreemapChart, TooltipComponent, SVGRenderer]);
    const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height: 410 });
    chart.setOption(buildRegionsOption(real, { id: 'received', label: '收到申请', kind: 'count' }, { lang: 'zh', animation: false }) as never);
    const svg = chart.renderToSVGString();
    chart.dispose();
    return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
  };

  it('labels only tiles whose name fits, never a name cut to "江..."', () => {
    for (const w of [340, 1200]) {
      const t = texts(w);
      expect(t.filter((x) => /…|\.\.\./.test(x)), `${w}px`).toEqual([]);
      expect(t, `${w}px`).toEqual(expect.arrayContaining(['江苏省', '3,248', '福建省', '422']));
      // every label is a whole name or a whole value
      const whole = new Set(real.flatMap((r) => [r.name!.replace(/</g, '&lt;').replace(/>/g, '&gt;'), r.name!, r.value!.toLocaleString('en-US')]));
      for (const x of t) expect(whole.has(x), `${w}px: ${x}`).toBe(true);
    }
  });

  it('every tile has a tooltip with its name and value, escaped; the root none', () => {
    const o = buildRegionsOption(real, { id: 'received', label: '收到申请', kind: 'count' }, { lang: 'zh' });
    const fmt = (o.tooltip as { formatter: Fmt }).formatter;
    const data = (o.series as { data: { row: RegionChartRow }[] }[])[0].data;
    expect(data).toHaveLength(real.length);
    for (const d of data) {
      const html = fmt({ color: '#000', data: d });
      expect(html).toContain(d.row.value!.toLocaleString('en-US'));
      expect(html).not.toContain('<b>局');
      expect(html).toContain(d.row.name!.replace(/</g, '&lt;').replace(/>/g, '&gt;'));
    }
    expect(fmt({ color: '#000', data: undefined })).toBe('');
    // a place with no division code of its own (平潭综合实验区 under 福建省) is named, not given its internal id
    const pt = fmt({ color: '#000', data: { row: { ...real[1], code: '35~平潭综合实验区', name: '平潭综合实验区' } } });
    expect(pt).toContain('平潭综合实验区: ');
    expect(pt).not.toContain('~');
    expect(fmt({ color: '#000', data: { row: real[0] } })).toContain('江苏省 (32)');
  });
});
