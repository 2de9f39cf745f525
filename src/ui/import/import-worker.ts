// ADAPTER worker: H6's src/workers/parse-worker.ts was not in the tree when the import panel was
// written. Parses report files off the main thread with the same parseReport the CLI uses, one
// file at a time, posting progress per file. Messages are plain objects (structured clone).
import { parseReport } from '../../parse/parse-report';
import { setPdfWorkerSrc } from '../../parse/pdf/pdfjs';
// pdf.js runs its own worker; self-hosted (same origin, CSP worker-src 'self'), never a CDN.
import pdfWorkerUrl from 'pdfjs-dist/legacy/build/pdf.worker.min.mjs?url';
import type { ParsedReport } from '../../model/types';
import { failedReport } from '../../dataset/to-dataset';

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
    const f = files[i];
    const isPdf = f.name.toLowerCase().endsWith('.pdf');
    // parseReport never throws by contract; the catch is for a bug in it, turned into a failed report.
    let report: ParsedReport;
    try {
      report = await parseReport(isPdf ? { sourceFile: f.name, reportId: f.reportId, bytes: f.bytes }
        : { sourceFile: f.name, reportId: f.reportId, text: new TextDecoder('utf-8').decode(f.bytes) });
    } catch (err) {
      const msg = err instanceof Error ? err.message : String(err);
      report = failedReport(f.name, f.reportId, 'parse-failed', `解析失败：${msg}`, `Parsing failed: ${msg}`);
    }
    ctx.postMessage({ id, type: 'done', index: i, report, ms: performance.now() - t0 });
  }
  ctx.postMessage({ id, type: 'finished' });
};
