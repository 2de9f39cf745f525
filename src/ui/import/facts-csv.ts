// The facts-CSV reader is the dataset's own (src/dataset/csv.ts): every problem by line (header = 1) and
// column; a bad row is listed and not loaded; valid rows load. Re-exported for the panel.
import { FACT_COLUMNS as COLUMNS } from '../../dataset/columns';
import type { Dataset, FactRow } from '../../model/dataset';
import { nextTask } from './slices';
import { factsCsvToDataset } from './to-dataset';
export { readFactsCsv, type CsvError } from '../../dataset/csv';

export const FACT_COLUMNS: readonly string[] = COLUMNS.map((c) => c.name);

/**
 * The id scheme for reports imported from a facts CSV, in one place: the CSV's own report_id is
 * kept unless the database (bundled or earlier imports) or this import already has it; then it
 * gets a numbered suffix (id~2, id~3 …, like report files in ./file-kind.ts), so a CSV row can
 * never merge into a bundled report. Whether an import that IS a bundled report replaces it or is
 * refused is decided elsewhere (the duplicate-import rule); this only keeps ids apart.
 */
export function csvReportIds(ids: Iterable<string>, taken: Set<string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const id of ids) {
    if (out.has(id)) continue;
    let next = id;
    for (let i = 2; taken.has(next); i++) next = `${id}~${i}`;
    taken.add(next);
    out.set(id, next);
  }
  return out;
}

/** Rows read from one facts CSV → the Dataset to import, with ids kept apart by csvReportIds.
 * The rows' report_id is rewritten in place (they are fresh from the reader; copying 300k rows
 * cost the main thread most of a second). */
export async function csvImportDataset(
  rows: FactRow[], fileName: string, taken: Set<string>, existingIds?: (ids: string[]) => Promise<string[]>,
): Promise<Dataset | null> {
  if (rows.length === 0) return null;
  // Each pass over 300k rows is cut into tasks (bench/import.ts: ids + rename + grouping in one
  // task were ~200 ms of the 45 MB CSV's main thread).
  const distinct = new Set<string>();
  await inChunks(rows, (r) => { distinct.add(r.report_id); });
  const csvIds = [...distinct];
  for (const id of (await existingIds?.(csvIds)) ?? []) taken.add(id);
  const ids = csvReportIds(csvIds, taken);
  await inChunks(rows, (r) => { r.report_id = ids.get(r.report_id)!; });
  return factsCsvToDataset(rows, fileName);
}

/** fn over every row, a task break after each CHUNK rows. */
async function inChunks<T>(rows: T[], fn: (row: T) => void, chunk = 25_000): Promise<void> {
  for (let i = 0; i < rows.length; i += chunk) {
    const end = Math.min(rows.length, i + chunk);
    for (let j = i; j < end; j++) fn(rows[j]);
    if (end < rows.length) await nextTask();
  }
}
