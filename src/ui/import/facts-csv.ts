// The facts-CSV reader is H3's (src/dataset/csv.ts): every problem by line (header = 1) and
// column; a bad row is listed and not loaded; valid rows load. Re-exported for the panel.
import { FACT_COLUMNS as COLUMNS } from '../../dataset/columns';
import type { Dataset, FactRow } from '../../model/dataset';
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
  const csvIds = [...new Set(rows.map((r) => r.report_id))];
  for (const id of (await existingIds?.(csvIds)) ?? []) taken.add(id);
  const ids = csvReportIds(csvIds, taken);
  for (const r of rows) r.report_id = ids.get(r.report_id)!;
  return factsCsvToDataset(rows, fileName);
}
