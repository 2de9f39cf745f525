// File downloads from the browser: a Blob or data URL behind a temporary <a download>.
import Papa from 'papaparse';
import { csvCell } from '../dataset/csv-safe';

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
