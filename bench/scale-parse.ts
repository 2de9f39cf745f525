// Parser throughput at national scale: the real .txt corpus (data/reports/*.txt) repeated to
// ≥ 100k files, parsed on one core and then on all cores (worker_threads, one share per worker).
// Prints files/s and MB/s of input text. Usage:
//   npx tsx bench/scale-parse.ts [--files 100000] [--jobs 1,2]
// Every file is parsed for real (parseReport from src/parse/); the facts and failed checks it
// returns are summed so a parser that silently does nothing shows up in the output.
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

interface Share { files: { name: string; text: string }[]; repeat: number; offset: number; count: number }
interface Result { files: number; bytes: number; facts: number; checksFailed: number; failed: number; ms: number }

const here = path.dirname(fileURLToPath(import.meta.url));

async function parseShare(share: Share): Promise<Result> {
  const { parseReport } = await import('../src/parse/parse-report');
  const enc = new TextEncoder();
  const sizes = share.files.map((f) => enc.encode(f.text).length);
  const r: Result = { files: 0, bytes: 0, facts: 0, checksFailed: 0, failed: 0, ms: 0 };
  const t0 = performance.now();
  for (let i = share.offset; i < share.offset + share.count; i++) {
    const k = i % share.files.length;
    const f = share.files[k];
    // a distinct name per copy, as 100k different files would have
    const parsed = await parseReport({ sourceFile: `copy${i}/${f.name}`, text: f.text });
    r.files++;
    r.bytes += sizes[k];
    r.facts += parsed.facts.length;
    r.checksFailed += parsed.checks.filter((c) => c.status === 'fail').length;
    if (parsed.status === 'failed') r.failed++;
  }
  r.ms = performance.now() - t0;
  return r;
}

async function run(files: Share['files'], total: number, jobs: number): Promise<Result & { wallMs: number }> {
  const t0 = performance.now();
  const per = Math.ceil(total / jobs);
  const shares = Array.from({ length: jobs }, (_, j) => ({ files, repeat: 0, offset: j * per, count: Math.max(0, Math.min(per, total - j * per)) }));
  const results = await Promise.all(shares.map((share) => new Promise<Result>((resolve, reject) => {
    // `--import tsx` in execArgv is not honoured by Node 20 workers; load this file through tsx's API
    const self = JSON.stringify(import.meta.url);
    const w = new Worker(`import('tsx/esm/api').then((m) => m.tsImport(${self}, ${self}))`, { eval: true, workerData: share });
    w.once('message', resolve);
    w.once('error', reject);
  })));
  const sum = results.reduce((a, b) => ({ files: a.files + b.files, bytes: a.bytes + b.bytes, facts: a.facts + b.facts, checksFailed: a.checksFailed + b.checksFailed, failed: a.failed + b.failed, ms: Math.max(a.ms, b.ms) }));
  return { ...sum, wallMs: performance.now() - t0 };
}

if (!isMainThread) {
  parseShare(workerData as Share).then((r) => parentPort!.postMessage(r));
} else {
  const arg = (name: string, dflt: string) => { const i = process.argv.indexOf(`--${name}`); return i >= 0 ? process.argv[i + 1] : dflt; };
  const total = Number(arg('files', '100000'));
  const jobsList = arg('jobs', `1,${os.availableParallelism()}`).split(',').map(Number);
  const dir = path.join(here, '..', 'data', 'reports');
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((name) => ({ name, text: readFileSync(path.join(dir, name), 'utf8') }));
  const corpusBytes = files.reduce((s, f) => s + Buffer.byteLength(f.text), 0);
  console.log(`corpus: ${files.length} .txt files, ${(corpusBytes / 1e6).toFixed(2)} MB; repeated to ${total} files; ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), node ${process.version}`);
  console.log('jobs | files | MB in | wall s | files/s | MB/s | facts | failed checks | failed parses');
  for (const jobs of jobsList) {
    const r = await run(files, total, jobs);
    const s = r.wallMs / 1000;
    console.log(`${jobs} | ${r.files} | ${(r.bytes / 1e6).toFixed(1)} | ${s.toFixed(1)} | ${(r.files / s).toFixed(0)} | ${(r.bytes / 1e6 / s).toFixed(2)} | ${r.facts} | ${r.checksFailed} | ${r.failed}`);
  }
}
