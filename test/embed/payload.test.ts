// The static embed's payload: a real chart option survives the URL hash (functions as markers,
// locale formatters back), and a hostile payload cannot smuggle HTML into the tooltip.
import { describe, expect, it } from 'vitest';
import { buildTrendsOption } from '../../src/charts';
import { decodePayload, encodePayload, PAYLOAD_VERSION, reviveOption, safeLink, serializeOption } from '../../src/embed/payload';

const rows = [2022, 2023, 2024].flatMap((year, i) => [
  { metric: 'received', agency: null, year, value: [75, 43, 315][i], numerator: null, denominator: null, n_data: 1, n_reports: 1 },
  { metric: 'granted_rate', agency: null, year, value: [0.2, 0.25, 0.333][i], numerator: [3, 4, 11][i], denominator: [15, 16, 33][i], n_data: 1, n_reports: 1 },
]);

describe('static embed payload', () => {
  const option = buildTrendsOption(rows, { lang: 'zh', metrics: [{ id: 'received', label: '收到申请数', kind: 'count' }, { id: 'granted_rate', label: '予以公开率', kind: 'rate' }] });
  it('round-trips through the URL hash and brings back percent axis labels and rate tooltips', async () => {
    const text = { title: '年度趋势', subtitle: '筛选：全部机关', source: '来源' };
    const hash = await encodePayload({ v: PAYLOAD_VERSION, lang: 'zh', text, link: 'https://example.org/?view=trends', option: serializeOption(option) });
    expect(hash).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(hash.length).toBeLessThan(8000);
    const p = await decodePayload(`#${hash}`);
    expect(p?.text).toEqual(text);
    const revived = reviveOption(p!.option, 'zh') as { yAxis: { axisLabel: { formatter: (v: number) => string } }[]; tooltip: { formatter: (p: unknown) => string; renderMode: string } };
    expect(revived.yAxis[1].axisLabel.formatter(0.5)).toBe('50%');
    expect(revived.yAxis[0].axisLabel.formatter(3396)).toBe('3,396');
    expect(revived.tooltip.renderMode).toBe('richText');
    expect(revived.tooltip.formatter([{ name: '2024', seriesName: '予以公开率', data: { value: 0.333, numerator: 11, denominator: 33 } }])).toBe('2024\n予以公开率: 33.3%（11/33）');
  });

  it('drops string formatters from a hostile payload and rejects junk', async () => {
    const evil = reviveOption({ tooltip: { formatter: '<img src=x onerror=alert(1)>', extraCssText: 'x' }, series: [{ type: 'bar', label: { formatter: '<b>{c}</b>' } }] }, 'en') as { tooltip: Record<string, unknown>; series: { label: Record<string, unknown> }[] };
    expect(typeof evil.tooltip.formatter).toBe('function');
    expect(evil.tooltip.extraCssText).toBeUndefined();
    expect(evil.series[0].label.formatter).toBeUndefined();
    await expect(decodePayload('#not-a-payload')).resolves.toBeNull();
    expect(safeLink('javascript:alert(1)')).toBeNull();
    expect(safeLink('https://example.org/x')).toBe('https://example.org/x');
  });
});
