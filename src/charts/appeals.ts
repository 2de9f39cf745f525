// Reconsideration & litigation: 维持/纠正/其他/尚未审结 stacked per group (行政复议, 直接起诉,
// 复议后起诉); the tooltip gives the printed 总计 (flagged when it differs from the parts) and the
// correction rate 纠正 ÷ (总计 − 尚未审结) with its denominator.
import type { EChartsOption, SeriesOption } from 'echarts';
import { APPEAL_COLUMNS, APPEAL_ITEMS } from '../model';
import { baseOption, type ChartOptions } from './theme';
import { escapeHtml, formatNumber, formatRate, noData } from './format';
import { line } from './tooltip';
import { STRINGS } from '../i18n/strings';
import type { AppealsRow } from '../model/rows';

export type AppealsChartRow = Omit<AppealsRow, 'n_data' | 'n_reports'>;

const PARTS = ['upheld', 'corrected', 'other', 'pending'] as const;

export function buildAppealsOption(rows: AppealsChartRow[], o: ChartOptions): EChartsOption {
  const s = STRINGS[o.lang].charts;
  const itemLabel = (k: string) => {
    const it = APPEAL_ITEMS.find((x) => x.key === k);
    return it ? it[o.lang] : k;
  };
  const cats = rows.map((r) => (r.year === null ? itemLabel(r.item) : `${r.year} ${itemLabel(r.item)}`));
  const series = PARTS.map((part) => {
    const c = APPEAL_COLUMNS.find((x) => x.key === part)!;
    return { type: 'bar', stack: 'appeals', name: c[o.lang], data: rows.map((r) => r[part]) } as SeriesOption;
  });
  return {
    ...baseOption(o),
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 40, bottom: 24, containLabel: true },
    xAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatNumber(v, o.lang) } },
    yAxis: { type: 'category', inverse: true, data: cats },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const ps = params as { seriesName: string; color: unknown; dataIndex: number; value: number | null }[];
        if (!ps.length) return '';
        const r = rows[ps[0].dataIndex];
        const lines = ps.map((p) => line(p.color, p.seriesName, formatNumber(p.value, o.lang)));
        const parts = PARTS.map((k) => r[k]);
        const sum = parts.every((v) => v !== null) ? (parts as number[]).reduce((a, b) => a + b, 0) : null;
        let total = `${s.total}: ${formatNumber(r.total, o.lang)}`;
        if (r.total !== null && sum !== null && sum !== r.total) {
          total += s.partsSum(formatNumber(sum, o.lang));
        }
        const rate = `${s.correctionRate}: ${r.correction_denominator === null ? noData(o.lang) : formatRate(r.correction_rate, r.correction_numerator, r.correction_denominator, o.lang)}`;
        return [escapeHtml(cats[ps[0].dataIndex]), ...lines, escapeHtml(total), escapeHtml(rate)].join('<br/>');
      },
    },
    series,
  };
}
