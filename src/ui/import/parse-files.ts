// Main-thread client of the import worker: one worker per import batch, files transferred (not
// copied), progress reported per file. Returns reports in input order with parse time per file.
import type { ParsedReport } from '../../model/types';
import type { WorkerMessage, WorkerRequest } from './import-worker';

export interface ParsedFile { report: ParsedReport; ms: number }

export async function parseFilesInWorker(
  files: { name: string; reportId: string; file: Blob }[],
  onProgress: (index: number, state: 'start' | 'done') => void,
): Promise<ParsedFile[]> {
  const payload: WorkerRequest['files'] = [];
  for (const f of files) payload.push({ name: f.name, reportId: f.reportId, bytes: new Uint8Array(await f.file.arrayBuffer()) });
  const worker = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' });
  const id = 1;
  const out: ParsedFile[] = new Array(files.length);
  try {
    await new Promise<void>((resolve, reject) => {
      worker.onerror = (e) => reject(new Error(`parse worker failed: ${e.message || 'blocked by the page (CSP worker-src?)'}`));
      worker.onmessage = (e: MessageEvent<WorkerMessage>) => {
        const m = e.data;
        if (m.id !== id) return;
        if (m.type === 'start') onProgress(m.index, 'start');
        else if (m.type === 'done') { out[m.index] = { report: m.report, ms: m.ms }; onProgress(m.index, 'done'); }
        else resolve();
      };
      const msg: WorkerRequest = { id, files: payload };
      worker.postMessage(msg, payload.map((p) => p.bytes.buffer as ArrayBuffer));
    });
  } finally {
    worker.terminate();
  }
  return out;
}
