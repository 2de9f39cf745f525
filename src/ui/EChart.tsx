// The ONLY module touching the ECharts runtime: per-component registration (never the full bundle —
// 371 kB vs 166 kB gzip when measured), init/setOption/resize/dispose via echarts-for-react's
// core build, and the PNG/SVG exports. Sets document.body.dataset.chart = 'ready' when a render
// finishes, which the e2e tests and bench/first-chart.ts wait on.
// Registered here: what the landing views draw (bar, line) on the canvas renderer. The sankey and
// treemap charts and the SVG renderer come from a chunk of their own (echarts-extras.ts), loaded
// when an option needs one or an SVG is exported: off the first chart's path.
import { memo, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState, type Ref } from 'react';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { EChartsOption } from 'echarts';
import { fitLegend, fitNarrow, narrowExtra, standaloneOption, type StandaloneText } from '../charts/standalone';

echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, MarkLineComponent,
  MarkAreaComponent, AriaComponent, TitleComponent, CanvasRenderer]);

/** Series types registered above; any other one waits for the extras chunk. */
const BASE_SERIES = new Set(['bar', 'line']);
let extras: Promise<void> | null = null;
let extrasReady = false;
/** Loads and registers the extras once (idempotent). */
function loadExtras(): Promise<void> {
  extras ??= import('./echarts-extras').then((m) => { m.registerExtras(); extrasReady = true; });
  return extras;
}
/** Whether drawing `option` needs the extras chunk (a series type not registered above). */
function needsExtras(option: EChartsOption): boolean {
  const series = Array.isArray(option.series) ? option.series : option.series ? [option.series] : [];
  return series.some((x) => typeof x?.type === 'string' && !BASE_SERIES.has(x.type));
}

export interface EChartHandle {
  /** PNG data URL of the chart with its title, filters, full legend and source drawn in. */
  png(text: StandaloneText): string | null;
  /** The same picture as standalone SVG, rendered server-side style (no DOM); waits for the SVG
   * renderer's chunk the first time. */
  svg(text: StandaloneText): Promise<string | null>;
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

function onFinished(): void {
  if (!firstChartMarked) {
    firstChartMarked = true;
    performance.mark('nb:first-chart');
  }
  document.body.dataset.chart = 'ready';
}

type PointClick = NonNullable<Props['onPointClick']>;

function EChartView({ option, animation, height = 420, label, handle, onPointClick }: Props) {
  const ref = useRef<ReactEChartsCore>(null);
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
  // Views memoise their option on its rows and language, so an unchanged chart reaches here as the
  // same object; what is drawn is derived from it with useMemo, a new object only when the option,
  // the width step or the animation switch changes. echarts-for-react compares the option by
  // identity first, so a render that changes nothing here (e.g. the one marking a new query as
  // loading) calls no setOption and draws nothing.
  // On a phone the chart also grows so that wrapped category labels (ranked agencies) fit their rows.
  // an option drawing a sankey or treemap waits for their chunk (the first time only)
  const [, setExtrasLoaded] = useState(extrasReady);
  const waitExtras = !extrasReady && needsExtras(option);
  useEffect(() => {
    if (!waitExtras) return;
    let on = true;
    void loadExtras().then(() => { if (on) setExtrasLoaded(true); });
    return () => { on = false; };
  }, [waitExtras]);
  const fitted = useMemo(() => {
    if (!width) return { option, extra: 0 };
    const f = fitLegend(fitNarrow(option, width), width);
    return { option: f.option, extra: f.extra + (typeof height === 'number' ? narrowExtra(option, width, height) : 0) };
  }, [option, width, height]);
  const opt = useMemo(() => ({ ...fitted.option, animation }), [fitted, animation]);
  const extra = fitted.extra;
  const style = useMemo(() => ({ height: typeof height === 'number' ? height + extra : height, width: '100%' }), [height, extra]);
  // Events bound once: a new handler object per render made echarts-for-react unbind and rebind
  // them on every render. The click calls the view's latest handler (it closes over its rows).
  const click = useRef<PointClick | undefined>(onPointClick);
  useEffect(() => { click.current = onPointClick; }, [onPointClick]);
  const clickable = onPointClick !== undefined;
  const onEvents = useMemo((): Record<string, (p: Parameters<PointClick>[0]) => void> => (clickable
    ? { finished: onFinished, click: (p) => click.current?.(p) }
    : { finished: onFinished }), [clickable]);

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
    svg: async (text) => {
      await loadExtras();
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
      {width && !waitExtras ? <ReactEChartsCore
        ref={ref}
        echarts={echarts}
        option={opt}
        notMerge
        lazyUpdate
        style={style}
        onEvents={onEvents}
      /> : null}
    </div>
  );
}

/** Memoised: a parent's render with the same option, label and size (a filter typed elsewhere, a
 * query marked loading) does not render the chart at all. */
export const EChart = memo(EChartView);
