// Runs FileJobs in worker threads (or in-process) and delivers results IN INPUT ORDER, so the
// output files do not depend on scheduling. Results that finish early wait in a small buffer.
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { failedReport } from '../dataset';
import type { ManifestRow } from '../model/dataset';
import { parseFile, type FileJob } from './parse-file';
import { reportChunk, type ReportChunk } from './report-chunk';

const DEPTH = 8;

export const defaultJobs = (): number => availableParallelism();

/** In-process: one file at a time (few files: starting workers would cost more than it saves). */
export async function runInProcess(jobs: FileJob[], manifest: ManifestRow[] | undefined, onResult: (i: number, c: ReportChunk) => Promise<void>): Promise<void> {
  for (let i = 0; i < jobs.length; i++) await onResult(i, reportChunk(await parseFile(jobs[i]), manifest));
}

function startWorker(manifest: ManifestRow[] | undefined): Worker {
  const url = new URL('./parse-worker' + (import.meta.url.endsWith('.ts') ? '.ts' : '.js'), import.meta.url);
  if (!url.pathname.endsWith('.ts')) return new Worker(url, { workerData: { manifest } });
  // Run from source under tsx: workers do not inherit tsx's loader, so a tiny ESM bootstrap
  // registers it before importing the TypeScript worker.
  const api = import.meta.resolve('tsx/esm/api');
  const code = `import { register } from ${JSON.stringify(api)}; register(); await import(${JSON.stringify(pathToFileURL(url.pathname).href)});`;
  return new Worker(new URL('data:text/javascript,' + encodeURIComponent(code)), { workerData: { manifest } });
}

/** Worker pool of `threads` workers; `onResult` is called in input order. */
export async function runInWorkers(
  jobs: FileJob[],
  threads: number,
  manifest: ManifestRow[] | undefined,
  onResult: (i: number, c: ReportChunk) => Promise<void>,
): Promise<void> {
  const done = new Map<number, ReportChunk>();
  let next = 0; // next job to hand out
  let emit = 0; // next index to deliver
  let delivering = Promise.resolve();
  await new Promise<void>((resolve, reject) => {
    let live = 0;
    const drain = () => {
      delivering = delivering.then(async () => {
        while (done.has(emit)) {
          const c = done.get(emit)!;
          done.delete(emit);
          await onResult(emit, c);
          emit++;
        }
        if (emit === jobs.length) resolve();
      }).catch(reject);
    };
    const spawn = () => {
      const w = startWorker(manifest);
      live++;
      // several jobs in flight per worker, so a worker never idles while the main thread is busy
      // writing (measured on 2 cores: one-at-a-time workers were slower than in-process)
      const held = new Set<number>();
      const feed = () => {
        while (held.size < DEPTH && next < jobs.length) {
          const i = next++;
          held.add(i);
          w.postMessage({ index: i, job: jobs[i] });
        }
        if (held.size === 0 && next >= jobs.length) void w.terminate();
      };
      w.on('message', (m: { index: number; chunk: ReportChunk }) => {
        held.delete(m.index);
        done.set(m.index, m.chunk);
        drain();
        feed();
      });
      w.on('error', (e) => {
        // a crashed worker fails only the files it held; a fresh worker takes over the rest
        for (const i of held) {
          const j = jobs[i];
          done.set(i, reportChunk(failedReport(j.sourceFile, j.reportId, 'parse-failed', '解析进程崩溃', `The parser worker crashed: ${e.message}`), manifest));
        }
        held.clear();
        drain();
        if (next < jobs.length) spawn();
      });
      w.on('exit', () => { live--; if (live === 0 && next >= jobs.length) drain(); });
      feed();
    };
    if (jobs.length === 0) { resolve(); return; }
    for (let k = 0; k < Math.min(threads, jobs.length); k++) spawn();
  });
  await delivering;
}
