// Main-thread client of the import worker: one worker per import batch, files transferred (not
// copied), progress reported per file. Returns reports in input order with parse time per file.
// A worker that dies on a file (an uncaught error, e.g. out of memory) fails that file only: it
// becomes a failed report with the reason, and a new worker takes the files after it.
import { failedReport } from '../../dataset/to-dataset';
import type { ParsedReport } from '../../model/types';
import type { WorkerMessage, WorkerRequest } from './import-worker';

export interface ParsedFile { report: ParsedReport; ms: number }
type Input = { name: string; reportId: string; file: Blob };

/** Runs files[from…] in one worker; resolves with the index it died on, or -1 when all finished. */
async function runWorker(files: Input[], from: number, out: ParsedFile[], onProgress: (index: number, state: 'start' | 'done') => void): Promise<number> {
  const payload: WorkerRequest['files'] = [];
  for (const f of files.slice(from)) payload.push({ name: f.name, reportId: f.reportId, bytes: new Uint8Array(await f.file.arrayBuffer()) });
  const worker = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' });
  const id = 1;
  let current = -1;
  try {
    return await new Promise<number>((resolve, reject) => {
      worker.onerror = (e) => {
        e.preventDefault();
        // before any file started, the worker itself could not run: that is the batch's error
        if (current === -1) reject(new Error(`parse worker failed: ${e.message || 'blocked by the page (CSP worker-src?)'}`));
        else resolve(current);
      };
      worker.onmessage = (e: MessageEvent<WorkerMessage>) => {
        const m = e.data;
        if (m.id !== id) return;
        if (m.type === 'start') { current = from + m.index; onProgress(current, 'start'); }
        else if (m.type === 'done') { out[from + m.index] = { report: m.report, ms: m.ms }; onProgress(from + m.index, 'done'); }
        else resolve(-1);
      };
      const msg: WorkerRequest = { id, files: payload };
      worker.postMessage(msg, payload.map((p) => p.bytes.buffer as ArrayBuffer));
    });
  } finally {
    worker.terminate();
  }
}

export async function parseFilesInWorker(files: Input[], onProgress: (index: number, state: 'start' | 'done') => void): Promise<ParsedFile[]> {
  const out: ParsedFile[] = new Array(files.length);
  for (let from = 0; from < files.length;) {
    const died = await runWorker(files, from, out, onProgress);
    if (died === -1) break;
    const f = files[died]!;
    out[died] = {
      ms: 0,
      report: failedReport(f.name, f.reportId, 'parse-failed',
        '解析这个文件时解析线程停止了（可能是内存不足）：文件未读取；其他文件照常解析',
        'The parser stopped while reading this file (out of memory?): it was not read; the other files are parsed as usual'),
    };
    onProgress(died, 'done');
    from = died + 1;
  }
  return out;
}
