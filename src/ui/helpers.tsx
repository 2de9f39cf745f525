// Glue between URL state, the metric catalog and the chart builders' option types.
import { useApp } from './context';
import { getMetric, METRICS } from '../data/metric-catalog';
import type { MetricInfo } from '../charts/types';
import { formatNumber, formatPercent, formatRate, isSmallN } from '../charts/format';
import type { Lang } from '../model/types';
import { STRINGS } from '../i18n/strings';

export { selectionOf } from '../state/selection';

/** A stable string for useQuery keys. */
export const keyOf = (...parts: unknown[]): string => JSON.stringify(parts);

export function metricInfo(id: string, lang: Lang): MetricInfo {
  const m = getMetric(id);
  return m ? { id, label: m[lang], kind: m.kind, unit: m.unit } : { id, label: id, kind: 'count' };
}

export const knownMetric = (id: string): boolean => METRICS.some((m) => m.id === id);

export function denominatorNote(id: string, lang: Lang): string | null {
  const m = getMetric(id);
  if (!m || m.kind !== 'rate') return null;
  const d = { zh: m.denominatorZh, en: m.denominatorEn }[lang];
  return d ? STRINGS[lang].denominatorNote(m[lang], d) : null;
}

export interface ValueLike { value: number | null; numerator?: number | null; denominator?: number | null }

/** A metric value as text: counts per locale; rates with numerator/denominator. Blank → "no data". */
export function valueText(id: string, r: ValueLike, lang: Lang): string {
  const m = getMetric(id);
  if (m?.kind === 'rate') return formatRate(r.value, r.numerator ?? null, r.denominator ?? null, lang);
  return formatNumber(r.value, lang);
}

export function isMutedRate(id: string, r: ValueLike): boolean {
  return getMetric(id)?.kind === 'rate' && isSmallN(r.denominator ?? null);
}

export { formatNumber, formatPercent };

/** An agency name as printed, with an "imported" mark when it came from the user's own files. */
export function AgencyName({ name, reportId }: { name: string | null; reportId?: string }) {
  const { imported, s } = useApp();
  const mark = (reportId && imported.reports.has(reportId)) || (name !== null && imported.agencies.has(name));
  return <>{name ?? reportId ?? ''}{mark ? <span className="badge-imported" data-testid="imported-mark">{s.importPanel.importedMark}</span> : null}</>;
}
