// Main-thread client of the facts-CSV worker (./csv-worker.ts): one worker per file, progress
// as a fraction, rows collected slice by slice (each message is its own short task).
import type { FactRow } from '../../model/dataset';
import type { CsvError } from './facts-csv';
import type { CsvWorkerMessage, CsvWorkerRequest } from './csv-worker';

export async function parseCsvInWorker(file: Blob, onProgress: (fraction: number) => void): Promise<{ rows: FactRow[]; errors: CsvError[] }> {
  const worker = new Worker(new URL('./csv-worker.ts', import.meta.url), { type: 'module' });
  const id = 1;
  const rows: FactRow[] = [];
  try {
    return await new Promise((resolve, reject) => {
      worker.onerror = (e) => reject(new Error(`CSV worker failed: ${e.message || 'blocked by the page (CSP worker-src?)'}`));
      worker.onmessage = (e: MessageEvent<CsvWorkerMessage>) => {
        const m = e.data;
        if (m.id !== id) return;
        if (m.type === 'progress') onProgress(m.fraction);
        else if (m.type === 'rows') { for (const r of m.rows) rows.push(r); }
        else if (m.type === 'done') resolve({ rows, errors: m.errors });
        else reject(new Error(m.message));
      };
      const msg: CsvWorkerRequest = { id, file };
      worker.postMessage(msg);
    });
  } finally {
    worker.terminate();
  }
}
