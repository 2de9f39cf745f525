// File downloads from the browser: a Blob or data URL behind a temporary <a download>.
import Papa from 'papaparse';
import { csvCell } from '../dataset/csv-safe';
import { getMetric } from '../data/metric-catalog';
import { APPEAL_ITEMS, OUTCOME_GROUPS, REQUEST_COLUMNS, REQUEST_ROWS } from '../model';
import type { State } from '../state/url';
import type { Strings } from '../i18n/strings';

export function downloadBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  downloadUrl(name, url);
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadUrl(name: string, url: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/** The project's one formula-escaping rule (src/dataset/csv-safe.ts). */
export const csvSafe = csvCell;

/** CSV text of rows (blank = empty cell, never 0), with a header row. */
export function toCsv(fields: string[], rows: Record<string, unknown>[]): string {
  return Papa.unparse({ fields, data: rows.map((r) => fields.map((f) => csvSafe(r[f]))) });
}

export function downloadCsv(name: string, fields: string[], rows: Record<string, unknown>[]): void {
  // BOM so that Excel opens the UTF-8 Chinese text correctly.
  downloadBlob(name, new Blob(['\ufeff', toCsv(fields, rows)], { type: 'text/csv;charset=utf-8' }));
}

// ---- Files that stand alone: the filters in words, names that carry the selection, labelled CSV.

/** The selection in words, for subtitles, CSV header lines and embeds. */
export function filterText(st: State, s: Strings): string {
  const { colon, list } = s.punct;
  const parts = [
    st.agencies.length ? `${s.agencies}${colon}${st.agencies.join(list)}` : s.exp.allAgencies,
    st.levels.length ? `${s.level}${colon}${st.levels.map((l) => s.filterLevels[l] ?? l).join(list)}` : null,
    st.region ? `${s.region}${colon}${st.region}` : null,
    st.years ? s.yearRange(st.years[0], st.years[1]) : s.exp.allYears,
    st.view === 'compare' && st.year !== null ? `${s.year}${colon}${st.year}` : null,
    st.excludeFailing ? s.exp.failingExcluded : null,
  ];
  return `${s.exp.filtersLabel}${colon}${parts.filter(Boolean).join(s.punct.clause)}`;
}

/** A file name (without extension) that says which figure and which selection: never two
 * different selections under one name. Characters file systems reject become '_'. */
export function fileStem(id: string, st: State): string {
  const parts = [
    'nianbao', st.view, id !== st.view ? id : null,
    st.view === 'trends' ? st.metrics.join('+') : null,
    st.view === 'compare' || st.view === 'regions' ? st.metric : null,
    ...st.agencies.slice(0, 3), st.agencies.length > 3 ? `+${st.agencies.length - 3}` : null,
    st.levels.length ? st.levels.join('+') : null,
    st.region ? `r${st.region}` : null,
    st.years ? `${st.years[0]}-${st.years[1]}` : null,
    st.year !== null && (st.view === 'compare' || st.view === 'regions') ? String(st.year) : null,
    st.mode === 'percent' && (st.view === 'trends' || st.view === 'outcomes') ? 'rates' : null,
    st.excludeFailing ? 'excl-failing' : null,
    st.lang,
  ];
  // eslint-disable-next-line no-control-regex -- control characters are not allowed in file names
  return parts.filter((p): p is string => !!p).join('_').replace(/[\\/:*?"<>|\s\u0000-\u001f]+/g, '_').replace(/_+/g, '_').slice(0, 150);
}

/** Labels for the item keys the views put in `key`/`group`/`item`/`source`/`target` columns. */
const ITEM_LABELS = new Map<string, { zh: string; en: string }>([
  ...REQUEST_ROWS.map((r) => [r.key, r] as const), ...REQUEST_COLUMNS.map((r) => [r.key, r] as const),
  ...OUTCOME_GROUPS.map((r) => [r.key, r] as const), ...APPEAL_ITEMS.map((r) => [r.key, r] as const),
]);
const ITEM_FIELDS = new Set(['key', 'group', 'item']);

/**
 * A chart's CSV as a reader needs it: a first line stating the filters, column names in the UI
 * language, metric ids as labels with their unit (the id kept in its own column), item keys as
 * printed labels. Values stay as they are: blanks empty, never 0.
 */
export function labelledCsv(fields: string[], rows: Record<string, unknown>[], st: State, s: Strings): string {
  const lang = st.lang;
  const hasMetric = fields.includes('metric');
  const out: string[] = [];
  for (const f of fields) {
    out.push(f);
    if (f === 'metric') out.push('unit', 'metric_id');
  }
  const label = (f: string) => (f === 'unit' ? s.exp.unit : f === 'metric_id' ? s.exp.metricId : s.exp.fields[f] ?? f);
  const data = rows.map((r) => {
    const o: Record<string, unknown> = { ...r };
    if (hasMetric) {
      const m = getMetric(String(r.metric ?? ''));
      o.metric = m ? m[lang] : r.metric;
      o.unit = m ? (m.kind === 'rate' ? '%' : m.unit ?? '') : '';
      o.metric_id = r.metric;
    }
    for (const f of fields) if (ITEM_FIELDS.has(f) && typeof r[f] === 'string') o[f] = ITEM_LABELS.get(r[f] as string)?.[lang] ?? r[f];
    return o;
  });
  const body = Papa.unparse({ fields: out.map(label), data: data.map((r) => out.map((f) => csvSafe(r[f]))) });
  return `${Papa.unparse([[csvSafe(filterText(st, s))]])}\r\n${body}`;
}

export function downloadLabelledCsv(name: string, fields: string[], rows: Record<string, unknown>[], st: State, s: Strings): void {
  downloadBlob(name, new Blob(['\ufeff', labelledCsv(fields, rows, st, s)], { type: 'text/csv;charset=utf-8' }));
}
