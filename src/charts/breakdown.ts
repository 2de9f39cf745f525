// Horizontal bars for a breakdown: the reasons inside outcome groups (drill-down) and applicant
// types (自然人 vs the five kinds of organisations). Blank → no bar and "no data", never 0.
import type { EChartsOption } from 'echarts';
import { OUTCOME_GROUPS, REQUEST_COLUMNS, REQUEST_ROWS } from '../model';
import { baseOption, PALETTE, type ChartOptions } from './theme';
import { formatNumber, noData } from './format';
import { coverageText, line } from './tooltip';
import type { LongRow } from './types';
import { STRINGS } from '../i18n/strings';

function barOption(rows: LongRow[], labelOf: (r: LongRow) => string, colorOf: (r: LongRow) => string, o: ChartOptions): EChartsOption {
  const labels = rows.map(labelOf);
  const nodata = new Set(rows.filter((r) => r.value === null).map(labelOf));
  return {
    ...baseOption(o),
    grid: { left: 8, right: 48, top: 16, bottom: 24, containLabel: true },
    xAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatNumber(v, o.lang) } },
    yAxis: {
      type: 'category', inverse: true, data: labels,
      axisLabel: { formatter: (name: string) => (nodata.has(name) ? `${name}（${noData(o.lang)}）` : name) },
    },
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const { name, color, data } = p as { name: string; color: unknown; data: { value: number | null; n_data: number; n_reports: number } };
        return line(color, name, formatNumber(data.value, o.lang) + coverageText(data, o.lang));
      },
    },
    series: [{
      type: 'bar',
      data: rows.map((r) => ({ value: r.value, n_data: r.n_data, n_reports: r.n_reports, itemStyle: { color: colorOf(r) } })),
      label: { show: true, position: 'right', formatter: (p: { value: unknown }) => (p.value === null || p.value === undefined ? '' : formatNumber(p.value as number, o.lang)) },
    }],
  };
}

/** Reasons (rows of 不予公开/无法提供/不予处理/其他处理), coloured by their group. */
export function buildReasonsOption(rows: LongRow[], o: ChartOptions): EChartsOption {
  const rowDef = new Map(REQUEST_ROWS.map((r) => [r.key, r]));
  const groupIdx = new Map(OUTCOME_GROUPS.map((g, i) => [g.key as string, i]));
  return barOption(
    rows,
    (r) => {
      const d = rowDef.get(r.key);
      const g = OUTCOME_GROUPS.find((x) => x.key === (r.group ?? d?.group));
      const label = d ? d[o.lang] : r.key;
      return g ? `${g[o.lang]} · ${label}` : label;
    },
    (r) => PALETTE[groupIdx.get(r.group ?? rowDef.get(r.key)?.group ?? '') ?? 0] ?? PALETTE[0],
    o,
  );
}

/** Applicant types for one requests row. */
export function buildApplicantTypesOption(rows: LongRow[], o: ChartOptions): EChartsOption {
  const col = new Map(REQUEST_COLUMNS.map((c) => [c.key as string, c]));
  return barOption(
    rows,
    (r) => {
      const c = col.get(r.key);
      if (!c) return r.key;
      const org = r.key !== 'natural' && r.key !== 'total';
      return `${org ? STRINGS[o.lang].charts.organisation : ''}${c[o.lang]}`;
    },
    (r) => (r.key === 'natural' ? PALETTE[0] : PALETTE[1]),
    o,
  );
}

