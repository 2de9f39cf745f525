// Runs FileJobs in worker threads (or in-process) and delivers results IN INPUT ORDER, so the
// output files do not depend on scheduling. Results that finish early wait in a small buffer.
//
// A worker that dies — an exception, process.exit, or running out of memory (each worker has its
// own heap limit, so one huge file cannot take the whole process down) — fails only the file it
// held — re-running them one at a time to find which (status failed, reason "the parser worker
// died: …", `crashed` set); a fresh worker takes over the rest and the run goes on.
import { availableParallelism, totalmem } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { failedReport } from '../dataset';
import type { ManifestRow } from '../model/dataset';
import { parseFile, type FileJob } from './parse-file';
import { reportChunk, type ReportChunk } from './report-chunk';

const DEPTH = 8;
/** Heap limit per worker: a quarter of the machine's memory, at least 512 MB, at most 4 GB. */
const WORKER_HEAP_MB = Math.max(512, Math.min(4096, Math.floor(totalmem() / 4 / 2 ** 20)));

/** A result, marked when its worker died instead of parsing it. */
export type PoolChunk = ReportChunk & { crashed?: boolean };
export interface PoolOptions {
  /** Worker module (tests inject one that crashes); default ./parse-worker. */
  workerUrl?: URL;
  heapMb?: number;
}

export const defaultJobs = (): number => availableParallelism();

/** In-process: one file at a time (few files: starting workers would cost more than it saves). */
export async function runInProcess(jobs: FileJob[], manifest: ManifestRow[] | undefined, onResult: (i: number, c: PoolChunk) => Promise<void>): Promise<void> {
  for (let i = 0; i < jobs.length; i++) await onResult(i, reportChunk(await parseFile(jobs[i]), manifest));
}

function startWorker(manifest: ManifestRow[] | undefined, opts: PoolOptions): Worker {
  const url = opts.workerUrl ?? new URL('./parse-worker' + (import.meta.url.endsWith('.ts') ? '.ts' : '.js'), import.meta.url);
  const resourceLimits = { maxOldGenerationSizeMb: opts.heapMb ?? WORKER_HEAP_MB };
  if (!url.pathname.endsWith('.ts')) return new Worker(url, { workerData: { manifest }, resourceLimits });
  // Run from source under tsx: workers do not inherit tsx's loader, so a tiny ESM bootstrap
  // registers it before importing the TypeScript worker.
  const api = import.meta.resolve('tsx/esm/api');
  const code = `import { register } from ${JSON.stringify(api)}; register(); await import(${JSON.stringify(pathToFileURL(url.pathname).href)});`;
  return new Worker(new URL('data:text/javascript,' + encodeURIComponent(code)), { workerData: { manifest }, resourceLimits });
}

/** Worker pool of `threads` workers; `onResult` is called in input order. */
export async function runInWorkers(
  jobs: FileJob[],
  threads: number,
  manifest: ManifestRow[] | undefined,
  onResult: (i: number, c: PoolChunk) => Promise<void>,
  opts: PoolOptions = {},
): Promise<void> {
  const done = new Map<number, PoolChunk>();
  let next = 0; // next job to hand out
  let emit = 0; // next index to deliver
  let delivering = Promise.resolve();
  const workers = new Set<Worker>();
  const suspects: number[] = [];
  try {
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
        const w = startWorker(manifest, opts);
        workers.add(w);
        live++;
        let died = false;
        // several jobs in flight per worker, so a worker never idles while the main thread is busy
        // writing (measured on 2 cores: one-at-a-time workers were slower than in-process)
        const held = new Set<number>();
        // Files a dead worker held are "suspects" (several were in flight, so which one killed it
        // is unknown): each is re-run alone on a worker holding nothing else; a file that kills a
        // worker while alone is the one that fails.
        let solo = false;
        const feed = () => {
          if (solo) return;
          if (suspects.length > 0) {
            if (held.size > 0) return;
            const i = suspects.shift()!;
            held.add(i);
            solo = true;
            w.postMessage({ index: i, job: jobs[i] });
            return;
          }
          while (held.size < DEPTH && next < jobs.length) {
            const i = next++;
            held.add(i);
            w.postMessage({ index: i, job: jobs[i] });
          }
          if (held.size === 0 && next >= jobs.length) void w.terminate();
        };
        w.on('message', (m: { index: number; chunk: ReportChunk }) => {
          held.delete(m.index);
          solo = false;
          done.set(m.index, m.chunk);
          drain();
          feed();
        });
        const die = (why: string) => {
          if (died) return;
          died = true;
          if (held.size === 1) {
            const [i] = held;
            const j = jobs[i];
            done.set(i, { ...reportChunk(failedReport(j.sourceFile, j.reportId, 'parse-failed', `解析进程异常退出：${why}`, `The parser worker died: ${why}`), manifest), crashed: true });
          } else {
            suspects.push(...held);
            suspects.sort((a, b) => a - b);
          }
          held.clear();
          drain();
          if (next < jobs.length || suspects.length > 0) spawn();
        };
        w.on('error', (e) => {
          const oom = (e as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
          die(oom ? `out of memory (limit ${opts.heapMb ?? WORKER_HEAP_MB} MB)` : e.message);
        });
        w.on('exit', (code) => {
          live--;
          workers.delete(w);
          if (held.size > 0) die(`exited with code ${code}`);
          else if (live === 0 && next >= jobs.length && suspects.length === 0) drain();
        });
        feed();
      };
      if (jobs.length === 0) { resolve(); return; }
      for (let k = 0; k < Math.min(threads, jobs.length); k++) spawn();
    });
    await delivering;
  } finally {
    // a failed delivery (the output could not be written) must not leave workers holding the process open
    await Promise.all([...workers].map((w) => w.terminate()));
  }
}
