// Worker: reads and checks facts CSVs off the main thread (a 45 MB file took the page's main
// thread for seconds). Posts progress while parsing, then the rows in slices of ROWS_PER_MESSAGE — structured-cloning
// 300k row objects in one message is itself a long task on the receiving side — and the errors.
// Messages are plain objects. The main-thread client is ./parse-csv.ts.
import { readFactsCsv, type CsvError } from '../../dataset/csv';
import type { FactRow } from '../../model/dataset';

export interface CsvWorkerRequest { id: number; file: Blob }
export type CsvWorkerMessage =
  | { id: number; type: 'progress'; fraction: number }
  | { id: number; type: 'rows'; rows: FactRow[] }
  | { id: number; type: 'done'; errors: CsvError[] }
  | { id: number; type: 'failed'; message: string };

/** Rows per message: receiving 5,000 took up to 200 ms on a loaded machine, 2,000 still one of
 * 203 ms (bench/import.ts). */
export const ROWS_PER_MESSAGE = 1_000;

const ctx = self as unknown as { onmessage: ((e: MessageEvent<CsvWorkerRequest>) => void) | null; postMessage(m: CsvWorkerMessage): void };

ctx.onmessage = async (e) => {
  const { id, file } = e.data;
  try {
    const text = await file.text();
    ctx.postMessage({ id, type: 'progress', fraction: 0.05 });
    let last = 0;
    const { rows, errors } = readFactsCsv(text, {
      onProgress: (f) => {
        if (f - last < 0.02) return;
        last = f;
        ctx.postMessage({ id, type: 'progress', fraction: 0.05 + 0.85 * f });
      },
    });
    for (let i = 0; i < rows.length; i += ROWS_PER_MESSAGE) ctx.postMessage({ id, type: 'rows', rows: rows.slice(i, i + ROWS_PER_MESSAGE) });
    ctx.postMessage({ id, type: 'done', errors });
  } catch (err) {
    ctx.postMessage({ id, type: 'failed', message: err instanceof Error ? err.message : String(err) });
  }
};
