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
  return {
    ...baseOption(o),
    grid: { left: 8, right: 48, top: 24, bottom: 24, containLabel: true },
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
          data: [{ xAxis: q.p50, label: { formatter: `${s.median} ${fmt(q.p50)}` } }],
        } : undefined,
        markArea: bands.length ? { silent: true, data: bands as never } : undefined,
      },
    ],
  };
}
