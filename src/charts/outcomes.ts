// Outcomes: the six outcome groups stacked per year, absolute or 100%. Shares divide by the sum of
// the groups shown (not by the printed （七）总计); when the printed total differs from that sum,
// the tooltip says so — the report's disagreement is shown, not smoothed.
import type { EChartsOption, SeriesOption } from 'echarts';
import { OUTCOME_GROUPS, type Lang } from '../model';
import { baseOption, type ChartOptions } from './theme';
import { escapeHtml, formatNumber, formatPercent, noData } from './format';
import { coverageText, line } from './tooltip';
import type { LongRow } from './types';
import { STRINGS } from '../i18n/strings';

export interface OutcomeChartOptions extends ChartOptions {
  mode: 'absolute' | 'percent';
}

function categoryOf(year: number | null, lang: Lang): string {
  return year === null ? STRINGS[lang].charts.all : String(year);
}

export function buildOutcomesOption(rows: LongRow[], o: OutcomeChartOptions): EChartsOption {
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => (a ?? 0) - (b ?? 0));
  const get = (key: string, y: number | null) => rows.find((r) => r.key === key && r.year === y);
  const sums = new Map(years.map((y) => {
    const vals = OUTCOME_GROUPS.map((g) => get(g.key, y)?.value).filter((v): v is number => v !== null && v !== undefined);
    return [y, vals.length ? vals.reduce((a, b) => a + b, 0) : null] as const;
  }));
  const pct = o.mode === 'percent';
  const series = OUTCOME_GROUPS.map((g) => ({
    type: 'bar',
    stack: 'outcomes',
    name: g[o.lang],
    data: years.map((y) => {
      const r = get(g.key, y);
      const abs = r?.value ?? null;
      const sum = sums.get(y) ?? null;
      const share = abs !== null && sum ? abs / sum : null;
      return { value: pct ? share : abs, abs, share, n_data: r?.n_data ?? 0, n_reports: r?.n_reports ?? 0 };
    }),
  }) as SeriesOption);
  return {
    ...baseOption(o),
    legend: { top: 0 },
    grid: { left: 56, right: 24, top: 40, bottom: 32 },
    xAxis: { type: 'category', data: years.map((y) => categoryOf(y, o.lang)) },
    yAxis: pct
      ? { type: 'value', min: 0, max: 1, axisLabel: { formatter: (v: number) => formatPercent(v, o.lang, 0) } }
      : { type: 'value', axisLabel: { formatter: (v: number) => formatNumber(v, o.lang) } },
    tooltip: {
      trigger: 'axis',
      formatter: (params: unknown) => {
        const ps = params as { seriesName: string; color: unknown; name: string; dataIndex: number; data: { abs: number | null; share: number | null; n_data: number; n_reports: number } }[];
        if (!ps.length) return '';
        const y = years[ps[0].dataIndex] ?? null;
        const lines = ps.map((p) => line(p.color, p.seriesName,
          p.data.abs === null ? noData(o.lang) : `${formatNumber(p.data.abs, o.lang)} · ${formatPercent(p.data.share, o.lang)}${coverageText(p.data, o.lang)}`));
        const printed = get('outcome_total', y)?.value ?? null;
        const sum = sums.get(y) ?? null;
        let foot = '';
        if (printed !== null && sum !== null && printed !== sum) {
          foot = `<br/>${escapeHtml(STRINGS[o.lang].charts.totalMismatch(formatNumber(printed, o.lang), formatNumber(sum, o.lang)))}`;
        }
        return `${escapeHtml(ps[0].name)}<br/>${lines.join('<br/>')}${foot}`;
      },
    },
    series,
  };
}
