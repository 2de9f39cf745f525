// Layout that lets a chart stand alone: a legend that shows every series (wrapped in rows, never
// paged "1/3"), and for exports and embeds a title, a subtitle stating the filters and a source
// line inside the picture. Pure (tested in Node with ECharts' SSR renderer): text widths are
// estimated (CJK = 1 em, other characters ≈ 0.6 em), which errs on the side of more room.
import type { EChartsOption } from 'echarts';

/** Estimated width in px of one line of text. */
export function textWidth(text: string, fontSize = 12): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]/.test(ch) ? fontSize : fontSize * 0.6;
  return w;
}

const LEGEND_ROW = 22;
const LEGEND_ICON = 25 + 5; // itemWidth + the gap before the text
const LEGEND_GAP = 10;

type Obj = Record<string, unknown>;
const asObj = (v: unknown): Obj | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : null);

/** Names the legend shows: its own data, else the named series. */
export function legendNames(option: EChartsOption): string[] {
  const legend = asObj(option.legend);
  if (!legend) return [];
  if (Array.isArray(legend.data)) return legend.data.map((d) => (typeof d === 'string' ? d : String(asObj(d)?.name ?? '')));
  const series = Array.isArray(option.series) ? option.series : option.series ? [option.series] : [];
  return series.map((s) => asObj(s)?.name).filter((n): n is string => typeof n === 'string' && n !== '');
}

/** Rows a plain legend of these names needs in `width` px. */
export function legendRows(names: string[], width: number): number {
  if (!names.length) return 0;
  const avail = Math.max(80, width - 16);
  let rows = 1;
  let x = 0;
  for (const n of names) {
    const w = LEGEND_ICON + textWidth(n) + LEGEND_GAP;
    if (x > 0 && x + w > avail) { rows += 1; x = 0; }
    x += w;
  }
  return rows;
}

const px = (v: unknown, dflt: number): number => (typeof v === 'number' ? v : dflt);

/**
 * The option with a plain legend at `top` wrapped to `width`, and the plot area moved below it.
 * Returns the extra height the wrapped legend takes beyond one row (callers grow the chart by it).
 */
export function fitLegend(option: EChartsOption, width: number, top = 0): { option: EChartsOption; extra: number } {
  const legend = asObj(option.legend);
  if (!legend) return { option, extra: 0 };
  const rows = legendRows(legendNames(option), width);
  const extra = Math.max(0, rows - 1) * LEGEND_ROW;
  const grid = asObj(option.grid);
  const gridTop = px(grid?.top, 40);
  return {
    option: {
      ...option,
      legend: { ...legend, type: 'plain', top, left: 8, right: 8, itemGap: LEGEND_GAP },
      ...(grid ? { grid: { ...grid, top: gridTop + extra + top } } : {}),
    },
    extra,
  };
}

export interface StandaloneText {
  title: string;
  /** The filters, in words. */
  subtitle: string;
  /** Where the numbers come from, and the link back. */
  source: string;
}

const TITLE_SIZE = 16;
const SUB_SIZE = 12;
const SOURCE_H = 28;

/**
 * The option for an exported picture (PNG/SVG) `width` px wide: title, subtitle (wrapped), the
 * full legend, the chart, a source line. `height` is the chart's own height on screen; the result
 * says the picture's height.
 */
export function standaloneOption(option: EChartsOption, text: StandaloneText, width: number, height: number): { option: EChartsOption; height: number } {
  const inner = width - 24;
  const subLines = text.subtitle ? Math.max(1, Math.ceil(textWidth(text.subtitle, SUB_SIZE) / inner)) : 0;
  const head = 10 + TITLE_SIZE + 8 + subLines * (SUB_SIZE + 6) + 8;
  const fitted = fitLegend(option, width, head);
  const grid = asObj(fitted.option.grid);
  const series = (Array.isArray(option.series) ? option.series : option.series ? [option.series] : []).map((s) => {
    const o = asObj(s) ?? {};
    // treemap and sankey lay themselves out by top/bottom, not by the grid
    return o.type === 'treemap' || o.type === 'sankey' ? { ...o, top: head + px(o.top, 8), bottom: SOURCE_H + px(o.bottom, 8) } : o;
  });
  const out: EChartsOption = {
    ...fitted.option,
    animation: false,
    backgroundColor: '#fff',
    title: [
      { text: text.title, subtext: text.subtitle, left: 12, top: 10, itemGap: 6,
        textStyle: { fontSize: TITLE_SIZE, fontWeight: 'bold', color: '#1a1a1a', width: inner, overflow: 'break' },
        subtextStyle: { fontSize: SUB_SIZE, color: '#5f6368', width: inner, overflow: 'break', lineHeight: SUB_SIZE + 6 } },
      { text: text.source, left: 12, bottom: 8, textStyle: { fontSize: 11, fontWeight: 'normal', color: '#5f6368', width: inner, overflow: 'truncate' } },
    ],
    ...(grid ? { grid: { ...grid, top: px(grid.top, 40) + (asObj(option.legend) ? 0 : head), bottom: px(grid.bottom, 24) + SOURCE_H } } : {}),
    series: series as EChartsOption['series'],
  };
  return { option: out, height: height + head + fitted.extra + SOURCE_H };
}

const NARROW_LABEL_SHARE = 0.33;
const NARROW_LINE_HEIGHT = 14;
const NARROW_FONT = 11;
/** Space between two wrapped labels, so neighbouring rows never touch. */
const NARROW_ROW_GAP = 8;

/**
 * Narrow screens (a phone): category labels on a vertical axis (ranked bars) wrap within a third
 * of the width instead of squeezing the bars to a sliver, and crowded horizontal category labels
 * hide what would overlap instead of printing over each other.
 */
export function fitNarrow(option: EChartsOption, width: number): EChartsOption {
  if (width >= 600) return option;
  const fix = (axes: unknown, vertical: boolean) => {
    const list = Array.isArray(axes) ? axes : axes ? [axes] : [];
    const out = list.map((a) => {
      const o = asObj(a);
      const label = asObj(o?.axisLabel) ?? {};
      // a horizontal value axis (ranked bars): fewer ticks, never printed over each other
      if (o && o.type === 'value' && !vertical) return { ...o, splitNumber: 3, axisLabel: { ...label, hideOverlap: true, fontSize: 11 } };
      if (!o || o.type !== 'category') return a;
      return vertical
        ? { ...o, axisLabel: { ...label, width: Math.round(width * NARROW_LABEL_SHARE), overflow: 'break', lineHeight: NARROW_LINE_HEIGHT, fontSize: NARROW_FONT } }
        : { ...o, axisLabel: { hideOverlap: true, ...label, fontSize: 11 } };
    });
    return Array.isArray(axes) ? out : out[0];
  };
  return { ...option, ...(option.yAxis ? { yAxis: fix(option.yAxis, true) as EChartsOption['yAxis'] } : {}), ...(option.xAxis ? { xAxis: fix(option.xAxis, false) as EChartsOption['xAxis'] } : {}) };
}

/**
 * The extra height (px) a chart `height` px tall needs at `width` so that the category labels
 * fitNarrow wraps on a vertical axis fit their rows: every row is as tall as the label with the
 * most lines (bars are evenly spaced). 0 at wide widths or when the rows already fit. Labels are
 * never cut: a long agency name is shown whole, on as many lines as it needs.
 */
export function narrowExtra(option: EChartsOption, width: number, height: number): number {
  if (width >= 600) return 0;
  const y = asObj(Array.isArray(option.yAxis) ? option.yAxis[0] : option.yAxis);
  if (!y || y.type !== 'category' || !Array.isArray(y.data) || !y.data.length) return 0;
  const fmt = asObj(y.axisLabel)?.formatter;
  // ECharts breaks between whole characters: one character less per line than the width allows
  const per = Math.max(NARROW_FONT, Math.round(width * NARROW_LABEL_SHARE) - NARROW_FONT);
  let lines = 1;
  for (const d of y.data) {
    const name = typeof d === 'string' ? d : String(asObj(d)?.value ?? d);
    const text = typeof fmt === 'function' ? String((fmt as (v: string, i: number) => unknown)(name, 0)) : name;
    for (const part of text.split('\n')) lines = Math.max(lines, Math.ceil(textWidth(part, NARROW_FONT) / per));
  }
  const grid = asObj(Array.isArray(option.grid) ? option.grid[0] : option.grid);
  const plot = height - px(grid?.top, 60) - px(grid?.bottom, 60);
  const need = y.data.length * (lines * NARROW_LINE_HEIGHT + NARROW_ROW_GAP);
  return Math.max(0, Math.ceil(need - plot));
}
