// Shared look: a colour-blind-safe palette (Okabe & Ito 2008) and ARIA with decal patterns so
// colour is never the only cue; the template-change markers for time axes.
import type { Lang } from '../model/types';

export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'] as const;
/** Greyed-out colour for rates on fewer than 10 cases and for peers in rankings. */
export const MUTED = '#B0B0B0';
export const HIGHLIGHT = '#D55E00';

export interface ChartOptions {
  lang: Lang;
  animation?: boolean;
}

/** Options every chart starts from. */
export function baseOption(o: ChartOptions) {
  return {
    color: [...PALETTE],
    animation: o.animation ?? true,
    // decal patterns for colour-blind readers; no generated description: it is always Chinese and
    // names the series by their ids ("applicant:natural的数据是NaN") — the chart's wrapper carries
    // the label (src/ui/EChart.tsx) and every chart has its table
    aria: { enabled: true, decal: { show: true }, label: { enabled: false } },
    // single quotes: the SVG renderer copies this into a double-quoted style="…" attribute as is
    textStyle: { fontFamily: "system-ui, 'PingFang SC', 'Microsoft YaHei', sans-serif" },
  };
}

/**
 * National template changes: 国办公开办函〔2019〕60号 (reports from 2019) and 〔2021〕30号 (from 2021);
 * before 2019 each province had its own layout (src/parse/legacy.ts reads their headline figures).
 */
export const TEMPLATE_CHANGES: { year: number; zh: string; en: string }[] = [
  { year: 2019, zh: '2019年模板', en: '2019 template' },
  { year: 2021, zh: '2021年模板', en: '2021 template' },
];
