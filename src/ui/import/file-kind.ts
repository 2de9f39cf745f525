// Which dropped files go where, before any is read: a facts CSV to the CSV reader, an oversized
// file refused on its size, everything else to the report worker, where src/ingest decides by
// content what it is (and names it when it is not a report). Extensions, the size limit and the
// id rule are src/ingest's; this only maps them onto the import's queues. Pure; no DOM.
// (from the modules, not src/ingest's index: that one brings the parsers into the UI chunk)
import { extensionOf, MAX_FILE_BYTES, REPORT_EXTENSIONS } from '../../ingest/forms';
import { assignReportIds } from '../../ingest/ids';

export type ImportKind = 'report' | 'facts-csv' | 'unsupported' | 'too-large';

export { MAX_FILE_BYTES };
export const ACCEPT_ATTR = [...REPORT_EXTENSIONS, '.csv'].join(',');

export interface Classified {
  name: string;
  /** Lower-case extension without the dot. */
  ext: string;
  kind: ImportKind;
}

export function classifyFile(name: string, size: number): Classified {
  const ext = extensionOf(name).slice(1);
  if (size > MAX_FILE_BYTES) return { name, ext, kind: 'too-large' };
  if (ext === 'csv') return { name, ext, kind: 'facts-csv' };
  return { name, ext, kind: 'report' };
}

/** The id of an imported file: src/ingest/ids.ts's rule, against the ids already taken. */
export function uniqueReportId(name: string, taken: Set<string>): string {
  return assignReportIds([(name.split(/[\\/]/).pop() ?? name)], taken)[0]!;
}
