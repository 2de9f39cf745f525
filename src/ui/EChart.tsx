// The ONLY module touching the ECharts runtime: per-component registration (never the full bundle —
// 371 kB vs 166 kB gzip, stack-probe.md §3), init/setOption/resize/dispose via echarts-for-react's
// core build, and the PNG/SVG exports. Sets document.body.dataset.chart = 'ready' when a render
// finishes, which the e2e tests and bench/first-chart.ts wait on.
import { useCallback, useImperativeHandle, useLayoutEffect, useRef, useState, type Ref } from 'react';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, SankeyChart, TreemapChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';
import type { EChartsOption } from 'echarts';
import { fitLegend, fitNarrow, standaloneOption, type StandaloneText } from '../charts/standalone';

echarts.use([BarChart, LineChart, SankeyChart, TreemapChart, GridComponent, TooltipComponent, LegendComponent, MarkLineComponent,
  MarkAreaComponent, AriaComponent, TitleComponent, CanvasRenderer, SVGRenderer]);

export interface EChartHandle {
  /** PNG data URL of the chart with its title, filters, full legend and source drawn in. */
  png(text: StandaloneText): string | null;
  /** The same picture as standalone SVG, rendered server-side style (no DOM). */
  svg(text: StandaloneText): string | null;
}

/** Width of exported pictures when the chart is narrower (a phone): a readable picture either way. */
const MIN_EXPORT_WIDTH = 800;

interface Props {
  option: EChartsOption;
  /** false for tests and benchmarks (?anim=0): 'finished' fires ~1 s earlier. */
  animation: boolean;
  height?: number | string;
  label: string;
  handle?: Ref<EChartHandle>;
  /** Click on a data point: the category/series name and data index (e.g. to open its source). */
  onPointClick?: (p: { name: string; seriesName?: string; dataIndex: number }) => void;
}

let firstChartMarked = false;

export function EChart({ option, animation, height = 420, label, handle, onPointClick }: Props) {
  const ref = useRef<ReactEChartsCore>(null);
  // Views rebuild their option on every render, with new formatter closures, so echarts-for-react's
  // deep compare sees a change and ECharts redraws the same chart — e.g. on the render that only
  // marks a new query as loading, which then delays the new data's render. Same content (functions
  // aside: they derive from the same data and language) → same object → no redraw.
  const last = useRef<{ sig: string; opt: EChartsOption; extra: number } | null>(null);
  let sig: string;
  try { sig = `${animation}|${JSON.stringify(option)}`; } catch { sig = `unique:${Math.random()}`; } // a cycle: never reuse
  // The legend shows every series, wrapped to the chart's width (never paged "1/3"): the width is
  // measured, and the chart grows by the extra legend rows.
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  // measured before the first paint, and the chart is created only then: one render with the
  // fitted option instead of a render and a redraw (the first chart's path, bench/first-chart.ts)
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const step = (w: number) => Math.max(16, Math.round(w / 16) * 16); // 16 px steps: no redraw per pixel
    setWidth(step(el.getBoundingClientRect().width));
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(([e]) => setWidth(step(e.contentRect.width)));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  sig += `|${width}`;
  if (!last.current || last.current.sig !== sig) {
    const fitted = width ? fitLegend(fitNarrow(option, width), width) : { option, extra: 0 };
    last.current = { sig, opt: { ...fitted.option, animation }, extra: fitted.extra };
  }
  const { opt, extra } = last.current;

  const onFinished = useCallback(() => {
    if (!firstChartMarked) {
      firstChartMarked = true;
      performance.mark('nb:first-chart');
    }
    document.body.dataset.chart = 'ready';
  }, []);

  // Exports are drawn from the option (not the screen): an offscreen chart with title, filters and
  // source, at least MIN_EXPORT_WIDTH wide.
  const picture = (text: StandaloneText) => {
    const inst = ref.current?.getEchartsInstance();
    const w = Math.max(MIN_EXPORT_WIDTH, inst?.getWidth() || 0);
    const h = Math.max(360, (inst?.getHeight() || 420) - extra);
    return { w, ...standaloneOption(option, text, w, h) };
  };
  useImperativeHandle(handle, () => ({
    png: (text) => {
      const p = picture(text);
      const el = document.createElement('div');
      const off = echarts.init(el, null, { renderer: 'canvas', width: p.w, height: p.height, devicePixelRatio: 2 });
      try {
        off.setOption(p.option);
        return off.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
      } finally {
        off.dispose();
      }
    },
    svg: (text) => {
      const p = picture(text);
      const ssr = echarts.init(null, null, { renderer: 'svg', ssr: true, width: p.w, height: p.height });
      try {
        ssr.setOption(p.option);
        return ssr.renderToSVGString();
      } finally {
        ssr.dispose();
      }
    },
  }));

  return (
    <div className="chart" role="img" aria-label={label} ref={box}>
      {width ? <ReactEChartsCore
        ref={ref}
        echarts={echarts}
        option={opt}
        notMerge
        lazyUpdate
        style={{ height: typeof height === 'number' ? height + extra : height, width: '100%' }}
        onEvents={onPointClick ? { finished: onFinished, click: (p: { name: string; seriesName?: string; dataIndex: number }) => onPointClick(p) } : { finished: onFinished }}
      /> : null}
    </div>
  );
}
