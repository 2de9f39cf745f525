// Compare agencies: horizontal rank bars for one metric and year; the peer median as a markLine and
// p25–p75 / p10–p90 as markArea bands. Selected agencies are highlighted; rates on fewer than 10
// cases are greyed; agencies without data keep their row with "no data" and no bar.
import type { EChartsOption } from 'echarts';
import { baseOption, HIGHLIGHT, MUTED, PALETTE, type ChartOptions } from './theme';
import { escapeHtml, formatNumber, formatPercent, isSmallN, noData } from './format';
import { line, valueText } from './tooltip';
import { STRINGS } from '../i18n/strings';
import type { MetricInfo } from './types';
import type { CompareQuantiles, CompareRow } from '../model/rows';

/** The fields of a ranking row the chart draws. */
export type CompareChartRow = Pick<CompareRow, 'agency' | 'value' | 'numerator' | 'denominator' | 'n_data' | 'rank' | 'highlighted'>;

export type CompareChartQuantiles = Omit<CompareQuantiles, 'levels'>;

export interface CompareChartOptions extends ChartOptions {
  metric: MetricInfo;
}

export function buildCompareOption(rows: CompareChartRow[], q: CompareChartQuantiles, o: CompareChartOptions): EChartsOption {
  const isRate = o.metric.kind === 'rate';
  const fmt = (v: number) => (isRate ? formatPercent(v, o.lang, 0) : formatNumber(v, o.lang));
  const data = rows.map((r) => {
    const small = isRate && r.value !== null && isSmallN(r.denominator);
    const color = r.highlighted ? HIGHLIGHT : small ? MUTED : PALETTE[0];
    return { value: r.value, numerator: r.numerator, denominator: r.denominator, n_data: r.n_data, rank: r.rank, small, itemStyle: { color } };
  });
  const s = STRINGS[o.lang].charts;
  const bands: object[] = [];
  if (q.p10 !== null && q.p90 !== null) bands.push([{ xAxis: q.p10, name: 'p10–p90', itemStyle: { color: 'rgba(0,114,178,0.08)' } }, { xAxis: q.p90 }]);
  if (q.p25 !== null && q.p75 !== null) bands.push([{ xAxis: q.p25, name: 'p25–p75', itemStyle: { color: 'rgba(0,114,178,0.18)' } }, { xAxis: q.p75 }]);
  const noDataSet = new Set(rows.filter((r) => r.value === null).map((r) => r.agency));
  // The median and the bands are named in a key above the chart, not by labels on the line and the
  // areas: those sat on each other (and on the axis' 0) whenever the bands are narrow, i.e. on
  // skewed counts at any width and on every chart at 390 px. One empty line series per key entry
  // (drawn nowhere, no bar slot); the key is not clickable (hiding a key entry would hide nothing).
  const medianName = q.p50 !== null ? `${s.median} ${fmt(q.p50)}` : null;
  const keys = [
    ...(medianName ? [{ name: medianName, icon: 'path://M0,4h6v2h-6zM9,4h6v2h-6zM18,4h6v2h-6z', color: '#333' }] : []),
    ...(q.p25 !== null && q.p75 !== null ? [{ name: 'p25–p75', icon: 'rect', color: 'rgba(0,114,178,0.26)' }] : []),
    ...(q.p10 !== null && q.p90 !== null ? [{ name: 'p10–p90', icon: 'rect', color: 'rgba(0,114,178,0.1)' }] : []),
  ];
  return {
    ...baseOption(o),
    grid: { left: 8, right: 48, top: keys.length ? 32 : 24, bottom: 24, containLabel: true },
    ...(keys.length ? { legend: { top: 0, left: 8, selectedMode: false, itemWidth: 18, itemHeight: 10, data: keys.map((k) => ({ name: k.name, icon: k.icon, itemStyle: { color: k.color, decal: 'none' } })) } } : {}),
    xAxis: { type: 'value', axisLabel: { formatter: fmt } },
    yAxis: {
      type: 'category',
      inverse: true, // rank 1 on top
      data: rows.map((r) => r.agency),
      // canvas text, not HTML: names need no escaping here
      axisLabel: { formatter: (name: string) => (noDataSet.has(name) ? `${name}（${noData(o.lang)}）` : name) },
    },
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const { name, color, data: d } = p as { name: string; color: unknown; data: (typeof data)[number] };
        const rank = d.rank !== null ? s.rank(d.rank)
          : d.value === null ? noData(o.lang) : s.tooFewToRank;
        const median = q.p50 !== null ? `<br/>${escapeHtml(s.peerMedian)}: ${escapeHtml(fmt(q.p50))}` : '';
        return `${escapeHtml(name)}<br/>${line(color, o.metric.label, valueText({ ...d, kind: o.metric.kind, unit: o.metric.unit }, o.lang))}<br/>${escapeHtml(rank)}${median}`;
      },
    },
    series: [
      {
        type: 'bar',
        name: o.metric.label,
        data,
        markLine: q.p50 !== null ? {
          silent: true, symbol: 'none', lineStyle: { type: 'dashed', color: '#333' },
          data: [{ xAxis: q.p50, name: medianName ?? '', label: { show: false } }],
        } : undefined,
        markArea: bands.length ? { silent: true, label: { show: false }, data: bands as never } : undefined,
      },
      ...keys.map((k) => ({ type: 'line' as const, name: k.name, data: [], symbol: 'none', silent: true, itemStyle: { color: k.color }, lineStyle: { color: k.color } })),
    ],
  };
}
