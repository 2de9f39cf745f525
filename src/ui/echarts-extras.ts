// The ECharts parts no landing view draws, in a chunk of their own (src/ui/EChart.tsx loads it on
// demand): the sankey (outcomes) and treemap (regions) charts, and the SVG renderer, which only the
// SVG export uses. Kept off the first chart's path: less JS to fetch, parse and run before it.
import * as echarts from 'echarts/core';
import { SankeyChart, TreemapChart } from 'echarts/charts';
import { SVGRenderer } from 'echarts/renderers';

/** The series types this chunk adds (EChart.tsx waits for it when an option has one). */
export const EXTRA_SERIES = ['sankey', 'treemap'] as const;

export function registerExtras(): void {
  echarts.use([SankeyChart, TreemapChart, SVGRenderer]);
}
