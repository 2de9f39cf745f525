import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, SankeyChart, TreemapChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { EChartsOption } from 'echarts';
import { smallDatasetRunner, type NodeRunner } from '../helpers/duckdb-node';
import { runAppeals, runApplicantTypes, runCompare, compareQuantilesSql, runOutcomeGroups, runReasons, runRegions, runSankey, runTrends } from '../../src/data/queries';
import { buildRegionsOption } from '../../src/charts/regions';
import { metricInfo } from '../../src/data/metric-catalog';
import {
  buildAppealsOption, buildApplicantTypesOption, buildCompareOption, buildOutcomesOption, buildReasonsOption,
  buildSankeyOption, buildSparklineOption, buildTrendsOption, type MetricInfo,
} from '../../src/charts';

const XT = '湘潭县人民政府办公室';
const PT = '平潭综合实验区';
const HOSTILE = 'SYNTHETIC<img src=x onerror=alert(1)>\'";\\局';

let db: NodeRunner;
beforeAll(async () => { db = await smallDatasetRunner(); });
afterAll(() => db?.close());

function info(id: string, lang: 'zh' | 'en' = 'zh'): MetricInfo {
  return metricInfo(id, lang); // the data layer's catalog entry fits the charts' MetricInfo
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

// Exactly the components src/charts/README.md tells the UI to register; ECharts skips a component
// that is not registered without a word, so the tests look for what it draws (labels, bands).
echarts.use([BarChart, LineChart, SankeyChart, TreemapChart, GridComponent, TooltipComponent, LegendComponent, MarkLineComponent, MarkAreaComponent, AriaComponent, SVGRenderer]);

/** Render with the real ECharts (SSR, SVG) to prove the option is accepted and draws, without warnings. */
function render(option: object): string {
  const warn = vi.spyOn(console, 'warn');
  const error = vi.spyOn(console, 'error');
  try {
    const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 800, height: 500 });
    chart.setOption(option as EChartsOption);
    const svg = chart.renderToSVGString();
    chart.dispose();
    expect(warn.mock.calls.concat(error.mock.calls)).toEqual([]);
    return svg;
  } finally {
    warn.mockRestore();
    error.mockRestore();
  }
}

describe('trends', () => {
  it('puts every year on the axis, leaves the missing 2023 as a gap and marks the 2021 template', async () => {
    const rows = await runTrends(db, { selection: { agencies: [PT] }, metrics: ['new'], mode: 'aggregate' });
    const opt: Any = buildTrendsOption(rows, { lang: 'zh', metrics: [info('new')] });
    expect(opt.xAxis.data).toEqual(['2022', '2023', '2024']);
    expect(opt.series[0].data.map((d: Any) => d.value)).toEqual([74, null, 218]);
    expect(opt.series[0].connectNulls).toBe(false);
    expect(opt.series[0].markLine).toBeUndefined(); // 2019/2021 not on a 2022–2024 axis
    const wide: Any = buildTrendsOption([...rows, { ...rows[0], year: 2019, value: 10 }], { lang: 'en', metrics: [info('new', 'en')] });
    expect(wide.series[0].markLine.data.map((d: Any) => [d.xAxis, d.label.formatter])).toEqual([['2019', '2019 template'], ['2021', '2021 template']]);
    expect(render(wide)).toContain('2021 template');
  });

  it('draws a blank year as a real gap in the line, not a dip to 0', () => {
    const mk = (year: number, value: number | null) => ({ metric: 'new', agency: null, year, value, numerator: value, denominator: null, n_data: value === null ? 0 : 1, n_reports: 1 });
    const segments = (values: (number | null)[]) => {
      const opt: Any = buildTrendsOption(values.map((v, i) => mk(2019 + i, v)), { lang: 'en', metrics: [info('new', 'en')], animation: false });
      opt.series[0].markLine = undefined;
      opt.series[0].symbol = 'none';
      const svg = render(opt);
      const line = [...svg.matchAll(/<path d="([^"]*)"[^>]*stroke="#0072B2"/g)].map((m) => m[1]).find((d) => d.includes('L'))!;
      return (line.match(/M/g) ?? []).length;
    };
    expect(segments([1, 2, 3, 4, 5])).toBe(1);
    expect(segments([1, 2, null, 4, 5])).toBe(2);
  });

  it('shows rates with numerator/denominator, flags small n and greys it', async () => {
    const rows = await runTrends(db, { selection: { agencies: [XT] }, metrics: ['correction_rate', 'review_total'], mode: 'aggregate' });
    const opt: Any = buildTrendsOption(rows, { lang: 'zh', metrics: [info('correction_rate'), info('review_total')] });
    expect(opt.yAxis).toHaveLength(2);
    expect([opt.yAxis[1].max({ max: 0.5 }), opt.yAxis[1].max({ max: 1.5 })]).toEqual([1, 1.5]); // never clips a broken rate
    const rateSeries = opt.series.find((s: Any) => s.name === '行政复议纠错率');
    expect(rateSeries.yAxisIndex).toBe(1);
    expect(rateSeries.data[0]).toMatchObject({ value: 0.5, numerator: 4, denominator: 8, small: true, itemStyle: { color: '#B0B0B0' } });
    const html = opt.tooltip.formatter(opt.series.map((s: Any, i: number) => ({ seriesIndex: i, seriesName: s.name, color: '#0072B2', name: '2024', data: s.data[0] })));
    expect(html).toContain('50.0%（4/8） 样本少于10件');
    expect(html).toContain('行政复议总计: <b>8</b>');
  });

  it('says "no data" for a blank, not 0, and how many reports had data', async () => {
    const rows = await runTrends(db, { selection: { years: [2024, 2024], agencies: [XT, 'SYNTHETIC空白局'] }, metrics: ['carried_over'], mode: 'agency' });
    const opt: Any = buildTrendsOption(rows, { lang: 'en', metrics: [info('carried_over', 'en')] });
    const blank = opt.series.find((s: Any) => s.name.startsWith('SYNTHETIC空白局'));
    expect(blank.data[0].value).toBeNull();
    const html = opt.tooltip.formatter([{ seriesIndex: opt.series.indexOf(blank), seriesName: blank.name, color: '#000', name: '2024', data: blank.data[0] }]);
    expect(html).toContain('no data');
    expect(html).toContain('0 of 1 reports have data');
  });

  it('escapes a hostile agency name in the tooltip', async () => {
    const rows = await runTrends(db, { selection: { agencies: [HOSTILE] }, metrics: ['new'], mode: 'agency' });
    const opt: Any = buildTrendsOption(rows, { lang: 'zh', metrics: [info('new')] });
    const s = opt.series[0];
    const html: string = opt.tooltip.formatter([{ seriesIndex: 0, seriesName: s.name, color: '#000', name: '2024', data: s.data[0] }]);
    expect(html).not.toContain('<img');
    expect(html).toContain('SYNTHETIC&lt;img src=x onerror=alert(1)&gt;&#39;&quot;;\\局');
    expect(render(opt)).not.toContain('<img');
  });
});

describe('compare', () => {
  it('draws the median line and both percentile bands from the quantiles', async () => {
    // every agency of the selection as peers; the bands as the quantiles give them (runCompare keeps
    // them only from MIN_BAND_PEERS peers on — this tests the drawing)
    const p = { metric: 'new', year: 2024, selection: { agencies: [XT] }, peers: 'selection' as const };
    const { rows } = await runCompare(db, p);
    const [q0] = await db.query<Record<string, number>>(compareQuantilesSql(p));
    const quantiles = { n: q0.n, p10: q0.p10, p25: q0.p25, p50: q0.p50, p75: q0.p75, p90: q0.p90 };
    const opt: Any = buildCompareOption(rows, quantiles, { lang: 'zh', metric: info('new') });
    expect(opt.yAxis.data[0]).toBe(PT);
    expect(opt.yAxis.inverse).toBe(true);
    const s = opt.series[0];
    expect(s.markLine.data[0].xAxis).toBe(33);
    expect(s.markArea.data.map((b: Any) => [b[0].xAxis, b[1].xAxis])).toEqual([[quantiles.p10, quantiles.p90], [12, 50]]);
    expect(s.data[opt.yAxis.data.indexOf(XT)].itemStyle.color).toBe('#D55E00');
    const svg = render(opt);
    expect(svg).toContain('中位数'); // the median is named (in the key)
    // named in a key above the chart, never by labels on the line and bands (they overlapped)
    expect(opt.legend.data.map((d: Any) => d.name)).toEqual(['中位数 33', 'p25–p75', 'p10–p90']);
    expect([s.markLine.data[0].label.show, s.markArea.label.show]).toEqual([false, false]);
    // both bands are drawn (ECharts silently skips markArea when its component is not registered)
    expect(svg).toContain('fill-opacity="0.08"');
    expect(svg).toContain('fill-opacity="0.18"');
    expect(svg).not.toContain('<img');
  });

  it('explains a listed but unranked small-sample rate', async () => {
    const { rows, quantiles } = await runCompare(db, { metric: 'correction_rate', year: 2024, minDenominator: 10 });
    const opt: Any = buildCompareOption(rows, quantiles, { lang: 'zh', metric: info('correction_rate') });
    const i = opt.yAxis.data.indexOf(XT);
    const html: string = opt.tooltip.formatter({ name: XT, color: '#000', data: opt.series[0].data[i] });
    expect(html).toContain('50.0%（4/8） 样本少于10件');
    expect(html).toContain('样本过少，不参与排名');
    expect(opt.series[0].markLine).toBeUndefined(); // no median over zero ranked agencies
  });

  it('keeps no-data agencies as labelled rows without a bar, and escapes names in tooltips', async () => {
    const { rows, quantiles } = await runCompare(db, { metric: 'granted_rate', year: 2024 });
    const opt: Any = buildCompareOption(rows, quantiles, { lang: 'en', metric: info('granted_rate', 'en') });
    const i = opt.yAxis.data.indexOf('SYNTHETIC空白局');
    expect(opt.series[0].data[i].value).toBeNull();
    expect(opt.yAxis.axisLabel.formatter('SYNTHETIC空白局')).toBe('SYNTHETIC空白局（no data）');
    const h = opt.yAxis.data.indexOf(HOSTILE);
    const html: string = opt.tooltip.formatter({ name: HOSTILE, color: '#000', data: opt.series[0].data[h] });
    expect(html).not.toMatch(/<img/);
    expect(html).toContain('50.0% (6/12)');
  });
});

describe('outcomes and breakdowns', () => {
  it('stacks the six groups absolute and as 100% shares', async () => {
    const rows = await runOutcomeGroups(db, { selection: { agencies: [XT] }, by: 'year' });
    const abs: Any = buildOutcomesOption(rows, { lang: 'zh', mode: 'absolute' });
    expect(abs.series.map((s: Any) => s.name)).toEqual(['予以公开', '部分公开', '不予公开', '无法提供', '不予处理', '其他处理']);
    expect(abs.series.map((s: Any) => s.data[0].value)).toEqual([11, 13, 2, 7, 0, 0]);
    expect(abs.series.every((s: Any) => s.stack === 'outcomes')).toBe(true);
    const pct: Any = buildOutcomesOption(rows, { lang: 'zh', mode: 'percent' });
    expect(pct.series[0].data[0].value).toBeCloseTo(11 / 33, 12);
    expect(pct.yAxis.max).toBe(1);
    // decal patterns on the bars: colour is not the only cue (aria.decal)
    expect(render(pct)).toContain('<pattern');
  });

  it('shows a blank group as no data and notes a printed total that differs from the groups', async () => {
    const rows = await runOutcomeGroups(db, { selection: { agencies: ['SYNTHETIC空白局'] }, by: 'year' });
    const opt: Any = buildOutcomesOption(rows, { lang: 'en', mode: 'absolute' });
    expect(opt.series[0].data[0].value).toBeNull();
    const html: string = opt.tooltip.formatter(opt.series.map((s: Any) => ({ seriesName: s.name, color: '#000', name: '2024', dataIndex: 0, data: s.data[0] })));
    expect(html).toContain('Disclosed: <b>no data</b>');
    expect(html).toContain('the printed total is 6; the groups sum to 1');
  });

  it('labels reasons with their group and applicant types with their kind', async () => {
    const reasons: Any = buildReasonsOption(await runReasons(db, { selection: { agencies: [XT] }, group: 'denied' }), { lang: 'zh' });
    expect(reasons.yAxis.data[4]).toBe('不予公开 · 5.属于三类内部事务信息');
    expect(reasons.series[0].data[4].value).toBe(2);
    const app: Any = buildApplicantTypesOption(await runApplicantTypes(db, { selection: { agencies: [XT] } }), { lang: 'zh' });
    expect(app.yAxis.data.slice(0, 2)).toEqual(['自然人', '法人或其他组织 · 商业企业']);
    expect(app.series[0].data.map((d: Any) => d.value)).toEqual([26, 7, 0, 0, 0, 0]);
    render(reasons); render(app);
  });
});

describe('sankey and appeals', () => {
  it('builds staged nodes and unscaled links; node tooltips show inflow and outflow', async () => {
    const opt: Any = buildSankeyOption(await runSankey(db, { selection: { agencies: [XT] } }), { lang: 'zh' });
    const s = opt.series[0];
    const link = (a: string, b: string) => s.links.find((l: Any) => l.source === a && l.target === b)?.value;
    expect(link('applicant:natural', 'group:granted')).toBe(9);
    expect(link('appeal:review', 'review:corrected')).toBe(4);
    expect(link('group:rejected', 'outcome_total')).toBeUndefined(); // 0 draws nothing
    expect(s.data.find((n: Any) => n.name === 'outcome_total').depth).toBe(2);
    const html: string = opt.tooltip.formatter({ dataType: 'node', data: { name: 'outcome_total' } });
    expect(html).toContain('流入: 33');
    expect(html).toContain('流出: 8');
    expect(render(opt)).toContain('行政复议');
  });

  it('stacks appeal results and gives the correction rate with its denominator', async () => {
    const rows = await runAppeals(db, { selection: { agencies: [XT] } });
    const opt: Any = buildAppealsOption(rows, { lang: 'zh' });
    expect(opt.yAxis.data).toEqual(['行政复议', '行政诉讼 · 未经复议直接起诉', '行政诉讼 · 复议后起诉']);
    expect(opt.series.map((s: Any) => s.data[0])).toEqual([0, 4, 4, 0]);
    const html: string = opt.tooltip.formatter(opt.series.map((s: Any) => ({ seriesName: s.name, color: '#000', dataIndex: 0, value: s.data[0] })));
    expect(html).toContain('纠错率: 50.0%（4/8） 样本少于10件');
    render(opt);
  });

  it('renders a sparkline with a gap for a missing year', async () => {
    const rows = await runTrends(db, { selection: { agencies: [PT] }, metrics: ['new'], mode: 'aggregate' });
    const opt: Any = buildSparklineOption(rows, { lang: 'zh', metric: info('new') });
    expect(opt.series[0].data).toEqual([74, null, 218]);
    render(opt);
  });
});

describe('regions chart renders', () => {
  it('draws the provinces of 2024 as treemap tiles named by region', async () => {
    const { rows } = await runRegions(db, { metric: 'new', year: 2024, parent: '' });
    const svg = render(buildRegionsOption(rows, info('new'), { lang: 'zh', animation: false }));
    expect(svg).toContain('湖南省');
  });
});
