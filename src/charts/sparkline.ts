// Overview KPI sparkline: one metric over the years, no axes; gaps for missing years.
import type { EChartsOption } from 'echarts';
import { baseOption, PALETTE, type ChartOptions } from './theme';
import { escapeHtml } from './format';
import { valueText } from './tooltip';
import { yearAxis } from './trends';
import type { MetricInfo, ValueRow } from './types';

export function buildSparklineOption(rows: ValueRow[], o: ChartOptions & { metric: MetricInfo }): EChartsOption {
  const years = yearAxis(rows);
  const by = new Map(rows.map((r) => [r.year, r]));
  return {
    ...baseOption(o),
    grid: { left: 2, right: 2, top: 2, bottom: 2 },
    xAxis: { type: 'category', show: false, data: years.map(String) },
    yAxis: { type: 'value', show: false, scale: true },
    tooltip: {
      trigger: 'axis',
      formatter: (params: unknown) => {
        const [p] = params as { name: string; dataIndex: number }[];
        const r = by.get(years[p.dataIndex]);
        return `${escapeHtml(p.name)}: ${escapeHtml(valueText({ value: r?.value ?? null, numerator: r?.numerator, denominator: r?.denominator, kind: o.metric.kind, unit: o.metric.unit }, o.lang))}`;
      },
    },
    series: [{ type: 'line', data: years.map((y) => by.get(y)?.value ?? null), connectNulls: false, symbol: 'none', lineStyle: { width: 2, color: PALETTE[0] } }],
  };
}
