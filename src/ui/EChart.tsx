// The ONLY module touching the ECharts runtime: per-component registration (never the full bundle —
// 371 kB vs 166 kB gzip, stack-probe.md §3), init/setOption/resize/dispose via echarts-for-react's
// core build, and the PNG/SVG exports. Sets document.body.dataset.chart = 'ready' when a render
// finishes, which the e2e tests and bench/first-chart.ts wait on.
import { useCallback, useImperativeHandle, useRef, type Ref } from 'react';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, SankeyChart, TreemapChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';
import type { EChartsOption } from 'echarts';

echarts.use([BarChart, LineChart, SankeyChart, TreemapChart, GridComponent, TooltipComponent, LegendComponent, MarkLineComponent,
  MarkAreaComponent, AriaComponent, CanvasRenderer, SVGRenderer]);

export interface EChartHandle {
  /** PNG data URL of the chart as shown. */
  png(): string | null;
  /** Standalone SVG of the same option, rendered server-side style (no DOM). */
  svg(): string | null;
}

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
  const last = useRef<{ sig: string; opt: EChartsOption } | null>(null);
  let sig: string;
  try { sig = `${animation}|${JSON.stringify(option)}`; } catch { sig = `unique:${Math.random()}`; } // a cycle: never reuse
  if (!last.current || last.current.sig !== sig) last.current = { sig, opt: { ...option, animation } };
  const opt = last.current.opt;

  const onFinished = useCallback(() => {
    if (!firstChartMarked) {
      firstChartMarked = true;
      performance.mark('nb:first-chart');
    }
    document.body.dataset.chart = 'ready';
  }, []);

  useImperativeHandle(handle, () => ({
    png: () => ref.current?.getEchartsInstance().getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' }) ?? null,
    svg: () => {
      const inst = ref.current?.getEchartsInstance();
      const width = inst?.getWidth() || 800;
      const h = inst?.getHeight() || 420;
      const ssr = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height: h });
      try {
        ssr.setOption({ ...opt, animation: false });
        return ssr.renderToSVGString();
      } finally {
        ssr.dispose();
      }
    },
  }));

  return (
    <div className="chart" role="img" aria-label={label}>
      <ReactEChartsCore
        ref={ref}
        echarts={echarts}
        option={opt}
        notMerge
        lazyUpdate
        style={{ height, width: '100%' }}
        onEvents={onPointClick ? { finished: onFinished, click: (p: { name: string; seriesName?: string; dataIndex: number }) => onPointClick(p) } : { finished: onFinished }}
      />
    </div>
  );
}
