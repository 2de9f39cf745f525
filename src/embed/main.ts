// Static embed (embed.html): draws the chart carried in the URL hash (src/embed/payload.ts) with
// ECharts alone — no DuckDB, no wasm, no data download — sized to the frame and redrawn when the
// frame resizes. Sets body[data-chart=ready] when drawn, like the dashboard (tests wait on it).
import * as echarts from 'echarts/core';
import { BarChart, LineChart, SankeyChart, TreemapChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { fitLegend } from '../charts/standalone';
import { decodePayload, reviveOption, safeLink } from './payload';
import { htmlLang } from '../i18n/locale';
import { STRINGS } from '../i18n/strings';
import './embed.css';

echarts.use([BarChart, LineChart, SankeyChart, TreemapChart, GridComponent, TooltipComponent, LegendComponent, MarkLineComponent,
  MarkAreaComponent, AriaComponent, SVGRenderer]);

const $ = (id: string) => document.getElementById(id) as HTMLElement;

async function main(): Promise<void> {
  const p = await decodePayload(window.location.hash);
  if (!p) {
    $('title').textContent = '无法显示此图表 · This chart cannot be shown';
    $('subtitle').textContent = '嵌入链接不完整。The embed link is incomplete.';
    return;
  }
  document.documentElement.lang = htmlLang(p.lang);
  document.title = p.text.title;
  $('title').textContent = p.text.title;
  $('subtitle').textContent = p.text.subtitle;
  $('source').textContent = p.text.source.split(' · ')[0];
  $('chart').setAttribute('aria-label', p.text.title);
  const link = safeLink(p.link);
  const a = $('link') as HTMLAnchorElement;
  if (link) { a.href = link; a.textContent = STRINGS[p.lang].embedOpen; } else a.remove();
  const option = reviveOption(p.option, p.lang);
  const el = $('chart');
  const chart = echarts.init(el, null, { renderer: 'svg' });
  chart.on('finished', () => { document.body.dataset.chart = 'ready'; });
  let width = 0;
  const draw = () => {
    const w = el.clientWidth;
    if (w !== width) { width = w; chart.setOption({ ...fitLegend(option, w).option, animation: false }, true); }
    chart.resize();
  };
  draw();
  new ResizeObserver(draw).observe(el);
}

void main();
