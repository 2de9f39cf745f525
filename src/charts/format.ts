// Locale formatting and HTML escaping for chart labels and tooltips. Tooltips are HTML (ECharts
// sets innerHTML), and agency names come from hostile report text: every data string goes through
// escapeHtml before it reaches a tooltip.
import type { Lang } from '../model/types';
import { numberLocale } from '../i18n/locale';
import { STRINGS } from '../i18n/strings';

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

/** Escape text for HTML element content and quoted attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"'`]/g, (c) => ESC[c]);
}

/** "no data" in the UI language — what a blank cell shows (never 0). */
export function noData(lang: Lang): string {
  return STRINGS[lang].charts.noData;
}

// One formatter per language and form: creating an Intl.NumberFormat costs far more than using one
// (it was ~18 ms of the first chart's path, one per card, tick and table cell).
const FORMATS = new Map<string, Intl.NumberFormat>();
function numberFormat(lang: Lang, form: 'number' | 'percent', minFractionDigits: number, maxFractionDigits: number): Intl.NumberFormat {
  const key = `${lang} ${form} ${minFractionDigits} ${maxFractionDigits}`;
  let f = FORMATS.get(key);
  if (!f) {
    f = new Intl.NumberFormat(numberLocale(lang), { style: form === 'percent' ? 'percent' : 'decimal', minimumFractionDigits: minFractionDigits, maximumFractionDigits: maxFractionDigits });
    FORMATS.set(key, f);
  }
  return f;
}

/** A count or amount; NULL → "no data". */
export function formatNumber(v: number | null | undefined, lang: Lang, maxFractionDigits = 2): string {
  if (v === null || v === undefined || Number.isNaN(v)) return noData(lang);
  return numberFormat(lang, 'number', 0, maxFractionDigits).format(v);
}

/** A number with exactly `digits` decimals (a change in percentage points: 2.0, −0.5). */
export function formatFixed(v: number, lang: Lang, digits: number): string {
  return numberFormat(lang, 'number', digits, digits).format(v);
}

/** A share 0..1 as a percent; NULL → "no data". */
export function formatPercent(v: number | null | undefined, lang: Lang, fractionDigits = 1): string {
  if (v === null || v === undefined || Number.isNaN(v)) return noData(lang);
  return numberFormat(lang, 'percent', fractionDigits, fractionDigits).format(v);
}

/** Below this many cases a rate is flagged (kept equal to data/metric-catalog MIN_RATE_DENOMINATOR). */
export const SMALL_N = 10;

/** True when a rate rests on fewer than SMALL_N cases (or on none). */
export function isSmallN(denominator: number | null | undefined): boolean {
  return denominator === null || denominator === undefined || denominator < SMALL_N;
}

/**
 * A rate with its numerator/denominator: "50.0%（4/8）" / "50.0% (4/8)", plus a flag when the
 * denominator is under SMALL_N. Plain text; escape before putting into HTML.
 */
export function formatRate(value: number | null, numerator: number | null, denominator: number | null, lang: Lang): string {
  if (value === null || denominator === null || denominator === 0) {
    return denominator === 0 ? `${noData(lang)} (0)` : noData(lang);
  }
  const frac = `${formatNumber(numerator, lang)}/${formatNumber(denominator, lang)}`;
  const s = STRINGS[lang].charts;
  const base = s.rate(formatPercent(value, lang), frac);
  return isSmallN(denominator) ? s.smallN(base, SMALL_N) : base;
}

/** Year-over-year change as a signed percent ("+12.3%"); NULL → "no data". */
export function formatChange(v: number | null | undefined, lang: Lang): string {
  if (v === null || v === undefined || Number.isNaN(v)) return noData(lang);
  const s = formatPercent(Math.abs(v), lang);
  return v > 0 ? `+${s}` : v < 0 ? `−${s}` : s;
}
