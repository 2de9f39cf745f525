// File downloads from the browser: a Blob or data URL behind a temporary <a download>.
import { writeCsv } from '../dataset/csv-safe';
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

/** CSV text of rows (blank = empty cell, never 0), with a header row, through the project's one
 * writer (src/dataset/csv-safe.ts); CRLF line ends, as spreadsheet programs write them. */
export function toCsv(fields: string[], rows: Record<string, unknown>[]): string {
  return writeCsv(fields, rows.map((r) => fields.map((f) => r[f])), { newline: '\r\n' });
}

/** A downloaded CSV file: a BOM first, so that Excel opens the UTF-8 Chinese text correctly. */
export const csvFileText = (csv: string): string => `\ufeff${csv}`;

function downloadCsvText(name: string, csv: string): void {
  downloadBlob(name, new Blob([csvFileText(csv)], { type: 'text/csv;charset=utf-8' }));
}

export function downloadCsv(name: string, fields: string[], rows: Record<string, unknown>[]): void {
  downloadCsvText(name, toCsv(fields, rows));
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

/**
 * A chart's CSV as it stands alone: a first line stating the filters, then its rows as the view
 * labelled them (src/data/key-labels.ts labelledCsv: headings, metric and item keys in words —
 * the one labelling layer). Values stay as they are: blanks empty, never 0.
 */
export function chartCsv(fields: string[], rows: Record<string, unknown>[], st: State, s: Strings): string {
  return `${writeCsv(null, [[filterText(st, s)]])}\r\n${toCsv(fields, rows)}`;
}

export function downloadChartCsv(name: string, fields: string[], rows: Record<string, unknown>[], st: State, s: Strings): void {
  downloadCsvText(name, chartCsv(fields, rows, st, s));
}
