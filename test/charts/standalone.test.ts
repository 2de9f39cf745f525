// Exported pictures stand alone: valid SVG (parsed as XML), with title, the filters, every legend
// entry (no paged legend) and the source line — on the trends of the bundled test dataset.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as echarts from 'echarts';
import { DOMParser } from '@xmldom/xmldom';
import { smallDatasetRunner, type NodeRunner } from '../helpers/duckdb-node';
import { runTrends } from '../../src/data/queries';
import { metricInfo } from '../../src/data/metric-catalog';
import { buildTrendsOption, fitLegend, legendRows, standaloneOption } from '../../src/charts';

let db: NodeRunner;
beforeAll(async () => { db = await smallDatasetRunner(); });
afterAll(() => db.close());

const METRICS = ['received', 'new', 'carried_over', 'outcome_total', 'review_total', 'suit_direct_total', 'suit_after_review_total', 'granted'];

/** Parse strictly: any XML error or warning fails. */
function parseXml(svg: string) {
  const problems: string[] = [];
  const note = (level: string) => (msg: string) => { problems.push(`${level}: ${msg}`); };
  const doc = new DOMParser({ errorHandler: { warning: note('warning'), error: note('error'), fatalError: note('fatal') } }).parseFromString(svg, 'image/svg+xml');
  return { doc, problems };
}

function render(option: echarts.EChartsCoreOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try { chart.setOption(option); return chart.renderToSVGString(); } finally { chart.dispose(); }
}

describe('standalone exports', () => {
  it('renders valid SVG with title, filters, all 8 legend entries and the source', async () => {
    const metrics = METRICS.filter((m) => metricInfo(m, 'zh'));
    const rows = await runTrends(db, { metrics, mode: 'aggregate' });
    expect(rows.length).toBeGreaterThan(0);
    const option = buildTrendsOption(rows, { lang: 'zh', animation: false, metrics: metrics.map((m) => metricInfo(m, 'zh')) });
    const text = { title: '年度趋势', subtitle: '筛选：全部机关 · 全部年份', source: '来源：政府信息公开工作年度报告 · Nianbao https://example.org/?view=trends' };
    const out = standaloneOption(option, text, 800, 420);
    expect(out.height).toBeGreaterThan(420);
    const svg = render(out.option, 800, out.height);
    const { doc, problems } = parseXml(svg);
    expect(problems).toEqual([]);
    const texts = [...Array.from(doc.getElementsByTagName('text'))].map((t) => t.textContent ?? '');
    expect(texts).toContain('年度趋势');
    expect(texts.join('|')).toContain('全部机关');
    expect(texts.join('|')).toContain('来源：政府信息公开工作年度报告');
    for (const m of metrics) expect(texts).toContain(metricInfo(m, 'zh').label);
    expect(texts.some((t) => /^\d+\/\d+$/.test(t))).toBe(false); // no "1/3" page counter
  });

  it('keeps the font family valid inside the SVG style attribute', () => {
    // the theme's old double quotes broke the attribute: the check catches it
    expect(parseXml(render({ textStyle: { fontFamily: 'system-ui, "PingFang SC", sans-serif' }, title: { text: 'x' } }, 100, 50)).problems).not.toEqual([]);
    const svg = render({ textStyle: { fontFamily: "system-ui, 'PingFang SC', sans-serif" }, title: { text: 'x' } }, 100, 50);
    expect(parseXml(svg).problems).toEqual([]);
  });

  it('wraps a long legend in rows and moves the plot below it', () => {
    const names = METRICS.map((m) => metricInfo(m, 'zh').label);
    expect(legendRows(names, 1200)).toBeLessThan(legendRows(names, 390));
    const option = { legend: { type: 'scroll' as const, top: 0 }, grid: { top: 40 }, series: names.map((name) => ({ type: 'line' as const, name, data: [1] })) };
    const narrow = fitLegend(option, 390);
    expect((narrow.option.legend as { type: string }).type).toBe('plain');
    expect(narrow.extra).toBeGreaterThan(0);
    expect((narrow.option.grid as { top: number }).top).toBe(40 + narrow.extra);
  });
});
