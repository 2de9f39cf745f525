// Which dropped files the import accepts, decided by extension only (a browser's MIME type for
// .md/.txt/.csv varies by OS and is often empty). Pure; no DOM.

export type ImportKind = 'report' | 'facts-csv' | 'unsupported' | 'too-large';

export const REPORT_EXTENSIONS = ['pdf', 'html', 'htm', 'txt', 'md'] as const;
export const ACCEPT_ATTR = '.pdf,.html,.htm,.txt,.md,.csv';
/** Largest file read into memory: the corpus's biggest PDF is a few MB; 50 MB stops a mistaken drop of a video. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

export interface Classified {
  name: string;
  ext: string;
  kind: ImportKind;
}

export function extensionOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot + 1).toLowerCase();
}

export function classifyFile(name: string, size: number): Classified {
  const ext = extensionOf(name);
  if (size > MAX_FILE_BYTES) return { name, ext, kind: 'too-large' };
  if ((REPORT_EXTENSIONS as readonly string[]).includes(ext)) return { name, ext, kind: 'report' };
  if (ext === 'csv') return { name, ext, kind: 'facts-csv' };
  return { name, ext, kind: 'unsupported' };
}

/**
 * Report ids must be unique within a dataset (docs/dataset.md). An imported file is named after
 * its file; a clash with an already imported (or bundled) id gets a numbered suffix rather than
 * silently replacing the other report.
 */
export function uniqueReportId(name: string, taken: Set<string>): string {
  const base = (name.split(/[\\/]/).pop() ?? name).replace(/\.[^.]+$/, '') || 'report';
  let id = base;
  for (let i = 2; taken.has(id); i++) id = `${base}~${i}`;
  taken.add(id);
  return id;
}
