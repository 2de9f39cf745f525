// Sankey: applicant type → outcome group → （七）总计 → 行政复议 / 直接起诉 → results / 复议后起诉.
// Each link is the printed (or group-derived) cell for that stage; nothing is rescaled, so where a
// report's totals disagree the stages have visibly different widths. The tooltip of a node shows
// both its inflow and outflow so the disagreement can be read, not just seen.
import type { EChartsOption } from 'echarts';
import { APPEAL_COLUMNS, OUTCOME_GROUPS, REQUEST_COLUMNS, type Lang } from '../model';
import { baseOption, PALETTE, type ChartOptions } from './theme';
import { escapeHtml, formatNumber } from './format';
import { STRINGS } from '../i18n/strings';
import type { SankeyLinkRow } from '../model/rows';

export type SankeyChartLink = Pick<SankeyLinkRow, 'source' | 'target' | 'value'>;

export function sankeyNodeLabel(id: string, lang: Lang): string {
  const s = STRINGS[lang].charts.sankey;
  const [kind, key] = id.split(':');
  if (kind === 'applicant') {
    const c = REQUEST_COLUMNS.find((x) => x.key === key);
    return c ? c[lang] : id;
  }
  if (kind === 'group') {
    const g = OUTCOME_GROUPS.find((x) => x.key === key);
    return g ? g[lang] : id;
  }
  if (id === 'outcome_total') return s.outcomeTotal;
  if (id === 'appeal:review') return s.review;
  if (id === 'appeal:suit_direct') return s.suitDirect;
  if (id === 'appeal:suit_after_review') return s.suitAfterReview;
  if (kind === 'review') {
    const c = APPEAL_COLUMNS.find((x) => x.key === key);
    return c ? s.reviewResult(c[lang]) : id;
  }
  return id;
}

function depthOf(id: string): number {
  if (id.startsWith('applicant:')) return 0;
  if (id.startsWith('group:')) return 1;
  if (id === 'outcome_total') return 2;
  if (id === 'appeal:review' || id === 'appeal:suit_direct') return 3;
  return 4;
}

export function buildSankeyOption(links: SankeyChartLink[], o: ChartOptions): EChartsOption {
  // zero or blank links carry nothing to draw; blank ones are listed by the caller as "no data"
  const kept = links.filter((l) => l.value !== null && l.value > 0);
  const inflow = new Map<string, number>();
  const outflow = new Map<string, number>();
  for (const l of kept) {
    outflow.set(l.source, (outflow.get(l.source) ?? 0) + (l.value as number));
    inflow.set(l.target, (inflow.get(l.target) ?? 0) + (l.value as number));
  }
  const ids = [...new Set(kept.flatMap((l) => [l.source, l.target]))];
  const s = STRINGS[o.lang].charts.sankey;
  return {
    ...baseOption(o),
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const { dataType, data } = p as { dataType: string; data: { name?: string; source?: string; target?: string; value?: number } };
        if (dataType === 'edge') {
          return `${escapeHtml(sankeyNodeLabel(data.source ?? '', o.lang))} → ${escapeHtml(sankeyNodeLabel(data.target ?? '', o.lang))}: <b>${escapeHtml(formatNumber(data.value ?? null, o.lang))}</b>`;
        }
        const id = data.name ?? '';
        const parts = [`<b>${escapeHtml(sankeyNodeLabel(id, o.lang))}</b>`];
        if (inflow.has(id)) parts.push(escapeHtml(`${s.inflow}: ${formatNumber(inflow.get(id) ?? null, o.lang)}`));
        if (outflow.has(id)) parts.push(escapeHtml(`${s.outflow}: ${formatNumber(outflow.get(id) ?? null, o.lang)}`));
        return parts.join('<br/>');
      },
    },
    series: [{
      type: 'sankey',
      layoutIterations: 0, // keep nodes in stage order; stages come from `depth`
      nodeAlign: 'left',
      emphasis: { focus: 'adjacency' },
      label: { formatter: (p: { name: string }) => sankeyNodeLabel(p.name, o.lang) },
      data: ids.map((id) => ({ name: id, depth: depthOf(id), itemStyle: { color: PALETTE[depthOf(id) % PALETTE.length] } })),
      links: kept.map((l) => ({ source: l.source, target: l.target, value: l.value as number })),
      lineStyle: { color: 'gradient', opacity: 0.4 },
    }],
  };
}
