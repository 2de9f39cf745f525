// Exported pictures stand alone: valid SVG (parsed as XML), with title, the filters, every legend
// entry (no paged legend) and the source line — on the trends of the bundled test dataset.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as echarts from 'echarts';
import { DOMParser } from '@xmldom/xmldom';
import { readFileSync } from 'node:fs';
import { smallDatasetRunner, type NodeRunner } from '../helpers/duckdb-node';
import { runCompare, runTrends } from '../../src/data/queries';
import { metricInfo } from '../../src/data/metric-catalog';
import { buildCompareOption, buildTrendsOption, fitLegend, fitNarrow, legendRows, narrowExtra, standaloneOption } from '../../src/charts';

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

  it('makes a ranked chart at 390 px tall enough for its wrapped agency names', async () => {
    // 20 ranked rows named as real departments are (the Pingtan manifest: 2–3 lines each at 390 px)
    const names = [...new Set(readFileSync('data/pingtan-departments/manifest.csv', 'utf8').split('\n').slice(1).map((l) => l.split(',')[1]).filter((n) => n && n.length >= 12))].slice(0, 20);
    expect(names.length).toBe(20);
    const real = await runCompare(db, { metric: 'new', year: 2024, limit: 40 });
    const rows = names.map((agency, i) => ({ ...real.rows[i % real.rows.length], agency, rank: i + 1, highlighted: false }));
    const quantiles = real.quantiles;
    const option = buildCompareOption(rows, quantiles, { lang: 'zh', animation: false, metric: metricInfo('new', 'zh') });
    const width = 358; // a 390 px phone less the page's padding
    const height = Math.max(300, 28 * rows.length + 80); // src/ui/views/Compare.tsx
    /** Vertical extent of each agency label as ECharts wraps and places it (its lines, ±half a line). */
    const labelBoxes = (h: number) => {
      const { doc } = parseXml(render(fitLegend(fitNarrow(option, width), width).option, width, h));
      const rowsAt = new Map<number, { top: number; bottom: number; text: string }>();
      for (const t of Array.from(doc.getElementsByTagName('text'))) {
        const m = /translate\(([\d.]+) ([\d.]+)\)/.exec(t.getAttribute('transform') ?? '');
        if (!m || t.getAttribute('text-anchor') !== 'end') continue; // the category axis' labels
        const y = Number(m[2]) + Number(t.getAttribute('y') ?? 0);
        const r = rowsAt.get(Number(m[2])) ?? { top: Infinity, bottom: -Infinity, text: '' };
        rowsAt.set(Number(m[2]), { top: Math.min(r.top, y - 7), bottom: Math.max(r.bottom, y + 7), text: r.text + (t.textContent ?? '') });
      }
      return [...rowsAt.values()].sort((a, b) => a.top - b.top);
    };
    // two names closer than 4 px read as one (each box is its lines ± half a line)
    const overlaps = (boxes: { top: number; bottom: number }[]) => boxes.slice(1).filter((b, i) => b.top < boxes[i].bottom + 4).length;
    const extra = narrowExtra(option, width, height);
    expect(extra).toBeGreaterThan(0);
    const fitted = labelBoxes(height + extra);
    // every agency's whole name is drawn (wrapped, never cut), each in its own row
    expect(fitted.map((b) => b.text)).toEqual(rows.map((r) => (r.value === null ? `${r.agency}（无数据）` : r.agency)));
    expect(overlaps(fitted)).toBe(0);
    // the height the view asked for alone puts the names onto each other
    expect(overlaps(labelBoxes(height))).toBeGreaterThan(0);
    // wide screens keep one line per name and need nothing more
    expect(narrowExtra(option, 1200, height)).toBe(0);
  });
});
