// Tooltip HTML helpers. ECharts puts the formatter's string into innerHTML, so every piece of data
// (agency names above all) is escaped here; only our own fixed markup is unescaped. That markup has
// no style attribute: the app runs under a strict CSP (style-src 'self'), which blocks inline
// styles parsed from HTML. The colour marker is a tiny SVG circle — `fill` is a presentation
// attribute, not a style — laid out by the .nb-marker class in src/ui/styles.css.
import type { Lang } from '../model/types';
import { STRINGS } from '../i18n/strings';
import { escapeHtml, formatNumber, formatRate } from './format';
import type { MetricKind } from './types';

export function marker(color: unknown): string {
  const c = typeof color === 'string' && /^#[0-9a-fA-F]{3,8}$/.test(color) ? color : '#888';
  return `<svg class="nb-marker" width="10" height="10" viewBox="0 0 10 10" aria-hidden="true"><circle cx="5" cy="5" r="5" fill="${c}"/></svg>`;
}

export interface PointInfo {
  value: number | null;
  numerator?: number | null;
  denominator?: number | null;
  n_data?: number;
  n_reports?: number;
  kind?: MetricKind;
  unit?: string;
}

/** Plain text of a value: counts as numbers, rates with numerator/denominator and small-n flag. */
export function valueText(p: PointInfo, lang: Lang): string {
  if (p.kind === 'rate') return formatRate(p.value, p.numerator ?? null, p.denominator ?? null, lang);
  const unit = p.value !== null && p.unit && p.unit !== '件' ? ` ${p.unit}` : '';
  return `${formatNumber(p.value, lang)}${unit}`;
}

/** "n of m reports with data" when some reports lack it (blank is no data, not 0). */
export function coverageText(p: { n_data?: number; n_reports?: number }, lang: Lang): string {
  if (p.n_reports === undefined || p.n_data === undefined || p.n_data === p.n_reports) return '';
  return STRINGS[lang].charts.coverage(p.n_data, p.n_reports);
}

/** One tooltip line: marker, escaped name, escaped value text. */
export function line(color: unknown, name: string, text: string): string {
  return `${marker(color)}${escapeHtml(name)}: <b>${escapeHtml(text)}</b>`;
}
