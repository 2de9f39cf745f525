// The facts-CSV reader is H3's (src/dataset/csv.ts): every problem by line (header = 1) and
// column; a bad row is listed and not loaded; valid rows load. Re-exported for the panel.
import { FACT_COLUMNS as COLUMNS } from '../../dataset/columns';
export { readFactsCsv, type CsvError } from '../../dataset/csv';

export const FACT_COLUMNS: readonly string[] = COLUMNS.map((c) => c.name);
