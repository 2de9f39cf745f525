// Parses report files off the main thread through src/ingest — the same way in as the CLI, so a
// GBK page, a .docx, a .doc or a saved page gives the same numbers here as in `npm run parse` —
// one file at a time, posting progress per file. Messages are plain objects (structured clone).
import { ingest } from '../../ingest';
import { setPdfWorkerSrc } from '../../parse/pdf/pdfjs';
// pdf.js runs its own worker; self-hosted (same origin, CSP worker-src 'self'), never a CDN.
import pdfWorkerUrl from 'pdfjs-dist/legacy/build/pdf.worker.min.mjs?url';
import type { ParsedReport } from '../../model/types';

export interface WorkerRequest { id: number; files: { name: string; reportId: string; bytes: Uint8Array }[] }
export type WorkerMessage =
  | { id: number; type: 'start'; index: number }
  | { id: number; type: 'done'; index: number; report: ParsedReport; ms: number }
  | { id: number; type: 'finished' };

setPdfWorkerSrc(pdfWorkerUrl);

const ctx = self as unknown as { onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null; postMessage(m: WorkerMessage): void };

ctx.onmessage = async (e) => {
  const { id, files } = e.data;
  for (let i = 0; i < files.length; i++) {
    ctx.postMessage({ id, type: 'start', index: i });
    const t0 = performance.now();
    const f = files[i]!;
    // ingest never throws (a crash of a stage is a failed report with its reason)
    const report = await ingest({ name: f.name, bytes: f.bytes, reportId: f.reportId });
    ctx.postMessage({ id, type: 'done', index: i, report, ms: performance.now() - t0 });
  }
  ctx.postMessage({ id, type: 'finished' });
};
