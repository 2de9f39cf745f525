// Region drill-down chart: the child regions of one parent. Counts and money are a
// treemap (area = value: where the requests are); rates are ranked bars, because the area of a
// rate means nothing. Regions without data get no tile or bar — the table lists them as "no data".
import type { EChartsOption } from 'echarts';
import { baseOption, MUTED, PALETTE, type ChartOptions } from './theme';
import { formatNumber, isSmallN } from './format';
import { coverageText, line, valueText } from './tooltip';
import type { MetricInfo } from './types';
import type { RegionRow } from '../model/rows';

/** The fields of a region row the chart draws. */
export type RegionChartRow = Pick<RegionRow, 'code' | 'name' | 'value' | 'numerator' | 'denominator' | 'n_reports' | 'n_data'>;

const label = (r: RegionChartRow) => r.name ?? r.code;

// A tile's label only where it fits, judged on the smallest panel the dashboard draws (390 px
// screen: about 340 × 410 px), so a label shown fits at any width; a tile too small for its name
// keeps its tooltip. ECharts itself would cut a name to "平..." — a label that names nothing.
const REF_AREA = 340 * 410;
const textWidth = (s: string) => [...s].reduce((w, c) => w + (c.charCodeAt(0) >= 0x2e80 ? 12 : 7), 0) + 10;
export type TileLabel = 'name-value' | 'name' | null;
export function tileLabel(name: string, value: string, share: number): TileLabel {
  const side = Math.sqrt(Math.max(0, share) * REF_AREA);
  if (side >= Math.max(textWidth(name), textWidth(value)) && side >= 40) return 'name-value';
  if (side >= textWidth(name) && side >= 22) return 'name';
  return null;
}

export function buildRegionsOption(rows: RegionChartRow[], metric: MetricInfo, o: ChartOptions): EChartsOption {
  const withData = rows.filter((r) => r.value !== null);
  const tooltip = {
    trigger: 'item' as const,
    formatter: (p: unknown) => {
      const { color, data } = p as { color: unknown; data?: { row?: RegionChartRow } };
      const r = data?.row;
      if (!r) return ''; // the treemap's root: no region
      // a division code helps (3501); a place's internal id (35~平潭综合实验区) does not
      return line(color, /^\d+$/.test(r.code) ? `${label(r)} (${r.code})` : label(r), valueText({ ...r, kind: metric.kind, unit: metric.unit }, o.lang) + coverageText(r, o.lang));
    },
  };
  if (metric.kind === 'rate') {
    const ranked = [...withData].sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
    return {
      ...baseOption(o),
      grid: { left: 8, right: 56, top: 16, bottom: 24, containLabel: true },
      xAxis: { type: 'value', max: (v: { max: number }) => Math.max(1, v.max), axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } },
      yAxis: { type: 'category', inverse: true, data: ranked.map(label) },
      tooltip,
      series: [{
        type: 'bar',
        data: ranked.map((r) => ({ value: r.value, row: r, itemStyle: { color: isSmallN(r.denominator) ? MUTED : PALETTE[0] } })),
        label: { show: true, position: 'right', formatter: ((p: { data: { row: RegionChartRow } }) => valueText({ ...p.data.row, kind: 'rate' }, o.lang)) as unknown as string },
      }],
    };
  }
  const tiles = withData.filter((r) => (r.value ?? 0) > 0);
  const total = tiles.reduce((s, r) => s + (r.value ?? 0), 0);
  return {
    ...baseOption(o),
    tooltip,
    series: [{
      type: 'treemap',
      roam: false,
      nodeClick: false, // the UI drills down on click (it owns the state); ECharts must not zoom
      breadcrumb: { show: false },
      // fill the panel: ECharts' default offsets (left 20, top 50) with width 100% pushed the small
      // tiles off the canvas
      left: 4, right: 4, top: 4, bottom: 4,
      label: {
        show: true, overflow: 'truncate', ellipsis: '…',
        formatter: ((p: { data: { row: RegionChartRow; fit: TileLabel } }) => (p.data.fit === 'name' ? label(p.data.row) : `${label(p.data.row)}\n${formatNumber(p.data.row.value, o.lang)}`)) as unknown as string,
      },
      data: tiles.map((r, i) => {
        const fit = tileLabel(label(r), formatNumber(r.value, o.lang), (r.value ?? 0) / total);
        return { name: label(r), value: r.value, row: r, fit, itemStyle: { color: PALETTE[i % PALETTE.length] }, ...(fit ? {} : { label: { show: false } }) };
      }),
    }] as EChartsOption['series'],
  };
}
