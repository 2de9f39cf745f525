// Trends: metrics by year as lines (or bars), one series per metric × agency. Missing years and
// blank values are gaps (connectNulls off), not zeros; template changes (2019, 2021) are marked.
import type { EChartsOption, SeriesOption } from 'echarts';
import { baseOption, MUTED, TEMPLATE_CHANGES, type ChartOptions } from './theme';
import { escapeHtml, formatNumber, formatPercent, isSmallN } from './format';
import { coverageText, line, valueText } from './tooltip';
import type { MetricInfo, ValueRow } from './types';

export interface TrendsChartOptions extends ChartOptions {
  metrics: MetricInfo[];
  type?: 'line' | 'bar';
}

export interface TrendPoint {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  n_data: number;
  n_reports: number;
  small: boolean;
  itemStyle?: { color: string };
}

/** Every year from the first to the last present (gaps included so a missing year shows as a gap). */
export function yearAxis(rows: { year: number | null }[]): number[] {
  const ys = rows.map((r) => r.year).filter((y): y is number => y !== null);
  if (ys.length === 0) return [];
  const out: number[] = [];
  for (let y = Math.min(...ys); y <= Math.max(...ys); y++) out.push(y);
  return out;
}

export function buildTrendsOption(rows: ValueRow[], o: TrendsChartOptions): EChartsOption {
  const info = new Map(o.metrics.map((m) => [m.id, m]));
  const years = yearAxis(rows);
  const keys: { metric: string; agency: string | null }[] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    const k = JSON.stringify([r.metric, r.agency]);
    if (!seen.has(k)) { seen.add(k); keys.push({ metric: r.metric, agency: r.agency }); }
  }
  const hasRate = keys.some((k) => info.get(k.metric)?.kind === 'rate');
  const hasCount = keys.some((k) => info.get(k.metric)?.kind !== 'rate');
  const rateAxis = hasRate && hasCount ? 1 : 0;
  const markLineData = TEMPLATE_CHANGES.filter((t) => years.includes(t.year)).map((t) => ({
    xAxis: String(t.year),
    label: { formatter: t[o.lang], position: 'insideEndTop' as const },
  }));

  const series = keys.map((k, i) => {
    const m = info.get(k.metric);
    const label = m?.label ?? k.metric;
    const name = k.agency ? `${k.agency} · ${label}` : label;
    const byYear = new Map(rows.filter((r) => r.metric === k.metric && r.agency === k.agency).map((r) => [r.year, r]));
    const data: TrendPoint[] = years.map((y) => {
      const r = byYear.get(y);
      const value = r?.value ?? null;
      const small = m?.kind === 'rate' && value !== null && isSmallN(r?.denominator);
      return {
        value, numerator: r?.numerator ?? null, denominator: r?.denominator ?? null,
        n_data: r?.n_data ?? 0, n_reports: r?.n_reports ?? 0, small,
        ...(small ? { itemStyle: { color: MUTED } } : {}),
      };
    });
    return {
      type: o.type ?? 'line',
      name,
      data,
      connectNulls: false,
      yAxisIndex: m?.kind === 'rate' ? rateAxis : 0,
      ...(i === 0 && markLineData.length
        ? { markLine: { silent: true, symbol: 'none', lineStyle: { type: 'dashed', color: '#666' }, data: markLineData } }
        : {}),
    } as SeriesOption;
  });

  const metricOf = (seriesIndex: number) => info.get(keys[seriesIndex]?.metric ?? '');
  const yAxis = [] as object[];
  if (hasCount || !hasRate) yAxis.push({ type: 'value', axisLabel: { formatter: (v: number) => formatNumber(v, o.lang) } });
  // 0–100% unless a rate is above 1 (possible with broken report numbers): never clip a value
  if (hasRate) yAxis.push({ type: 'value', min: 0, max: (e: { max: number }) => Math.max(1, e.max), axisLabel: { formatter: (v: number) => formatPercent(v, o.lang, 0) } });

  return {
    ...baseOption(o),
    legend: { type: 'scroll', top: 0 },
    grid: { left: 56, right: hasRate && hasCount ? 56 : 24, top: 40, bottom: 32 },
    xAxis: { type: 'category', data: years.map(String) },
    yAxis,
    tooltip: {
      trigger: 'axis',
      formatter: (params: unknown) => {
        const ps = (Array.isArray(params) ? params : [params]) as { seriesIndex: number; seriesName: string; color: unknown; name: string; data: TrendPoint }[];
        const head = ps[0] ? escapeHtml(ps[0].name) : '';
        const lines = ps.map((p) => {
          const m = metricOf(p.seriesIndex);
          const d = p.data;
          return line(p.color, p.seriesName, valueText({ ...d, kind: m?.kind, unit: m?.unit }, o.lang) + coverageText(d, o.lang));
        });
        return [head, ...lines].join('<br/>');
      },
    },
    series,
  };
}
