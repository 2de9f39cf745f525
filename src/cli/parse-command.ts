// `nianbao parse <files or folders…> --out <dir> [--manifest manifest.csv] [--jobs N] [--quiet]`
//
//   collect inputs (recursing into folders) → parse each file (worker threads when many) →
//   append its rows to the CSVs in input order → build nianbao.duckdb → summary line.
//
// Every input file appears in reports.csv once (collect.ts): unreadable, empty, binary or
// unsupported files are rows with status failed and their reason. Exit 0 when the run completed
// (even with findings or failed files), 2 for usage errors, 1 when the output could not be written
// (one line saying why, never a stack trace). Output is swapped in whole (./atomic-dir.ts): a
// failed, interrupted (SIGINT/SIGTERM) or killed run leaves the previous dataset in --out as it was.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { readManifestCsv } from '../dataset';
import type { ManifestRow } from '../model/dataset';
import { intOption, readArgs } from './args';
import { collectJobs } from './collect';
import { defaultJobs, runInProcess, runInWorkers, type PoolChunk } from './pool';
import { describeOutputError, type OutputHook } from './atomic-dir';
import { DatasetWriter } from './write-dataset';

export const PARSE_USAGE = `usage: nianbao parse <files or folders…> --out <dir> [--manifest manifest.csv] [--jobs N] [--quiet]
       (in a checkout also: npm run parse -- …)

  Parses government information disclosure annual reports (PDF, Word .docx/.doc, web pages incl.
  saved ones, text in UTF-8/GBK/UTF-16; folders are searched recursively and every file in them is
  listed — one that is not a report as failed, with the reason) into <dir>: reports.csv, facts.csv, findings.csv, checks.csv,
  manifest.csv (with --manifest) and nianbao.duckdb.

  --out <dir>          output folder (created if missing)
  --manifest <csv>     corpus manifest (file,agency_name,…,source,…) recording each report's origin;
                       repeat it for several folders (paths in each are relative to its own folder)
  --jobs <N>           parallel parser threads (default: number of cores)
  --min-worker-files <N>  use worker threads only from this many files on (default 1000); a file
                       over 4 MB always goes to a worker. In-process a file that exhausts memory
                       aborts the run (the previous --out stays); in a worker it fails alone
  --quiet              no progress on stderr
`;

export interface ParseArgs {
  inputs: string[];
  out: string;
  manifest: string | null;
  /** Every --manifest given, in order (`manifest` is the first). */
  manifests: string[];
  jobs: number;
  minWorkerFiles: number;
  quiet: boolean;
}

/** Parses argv (after `parse`); returns an error message for bad usage. */
export function parseParseArgs(argv: string[]): ParseArgs | string {
  const r = readArgs(argv, { out: { type: 'string' }, manifest: { type: 'string', multiple: true }, jobs: { type: 'string' }, 'min-worker-files': { type: 'string' }, quiet: { type: 'boolean' } });
  if (typeof r === 'string') return r;
  if (r.values.help) return 'help';
  const jobs = intOption(r.values, 'jobs', 1, defaultJobs());
  if (typeof jobs === 'string') return jobs;
  const minWorkerFiles = intOption(r.values, 'min-worker-files', 1, 1000);
  if (typeof minWorkerFiles === 'string') return minWorkerFiles;
  const manifests = ((r.values.manifest as string[] | undefined) ?? []).filter((m) => m !== '');
  const a: ParseArgs = { inputs: r.positionals, out: String(r.values.out ?? ''), manifest: manifests[0] ?? null, manifests, jobs, minWorkerFiles, quiet: r.values.quiet === true };
  if (a.inputs.length === 0) return 'no input files or folders given';
  if (!a.out) return '--out <dir> is required';
  return a;
}


const slash = (p: string) => p.split(path.sep).join('/');

/** The deepest folder containing every one of `dirs` (absolute paths). */
function commonDir(dirs: string[]): string {
  if (dirs.length === 0) return '';
  let parts = dirs[0].split(path.sep);
  for (const d of dirs.slice(1)) {
    const q = d.split(path.sep);
    let k = 0;
    while (k < parts.length && k < q.length && parts[k] === q[k]) k++;
    parts = parts.slice(0, k);
  }
  return parts.join(path.sep) || path.sep;
}

function version(): string {
  // src/cli/ under tsx, dist-cli/ when compiled
  for (const rel of ['../../package.json', '../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8'));
      if (pkg.name === 'nianbao') return pkg.version ?? 'unknown';
    } catch { /* the other place */ }
  }
  return 'unknown';
}

const fmtSecs = (ms: number) => (ms < 10_000 ? `${(ms / 1000).toFixed(1)}s` : `${Math.round(ms / 1000)}s`);

/** Test seams (test/faults/): a hook at each output step, and the worker module the pool runs. */
export interface ParseFaults { hook?: OutputHook; workerUrl?: URL; workerHeapMb?: number }

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/**
 * Largest file parsed in-process (10× the largest report in the corpus). In-process parsing has
 * no heap limit of its own: a smaller file that still exhausts memory aborts the run with V8's
 * message, leaving the previous output unchanged (./atomic-dir.ts).
 */
export const IN_PROCESS_MAX_BYTES = 4 * 2 ** 20;

const sizeOf = (p: string): number => { try { return statSync(p).size; } catch { return 0; } };

export async function runParse(argv: string[], io: { out: (s: string) => void; err: (s: string) => void }, faults: ParseFaults = {}): Promise<number> {
  const args = parseParseArgs(argv);
  if (args === 'help') { io.out(PARSE_USAGE); return 0; }
  if (typeof args === 'string') { io.err(`parse: ${args}\n\n${PARSE_USAGE}`); return 2; }

  let manifest: ManifestRow[] | undefined;
  // Several manifests (one per corpus folder) merge into one: each row's file is re-based from its
  // manifest's folder to the folders' common parent, so the merged manifest.csv written with the
  // dataset still says where each file is, and the lookup (a path suffix) finds it.
  const common = commonDir(args.manifests.map((m) => path.dirname(path.resolve(m))));
  for (const file of args.manifests) {
    let text: string;
    try { text = readFileSync(file, 'utf8'); } catch (e) {
      io.err(`parse: cannot read the manifest ${file}: ${e instanceof Error ? e.message : String(e)}\n`);
      return 2;
    }
    const m = readManifestCsv(text);
    for (const e of m.errors) io.err(`parse: ${file} line ${e.line}${e.column ? ` column ${e.column}` : ''}: ${e.message}\n`);
    const rebase = args.manifests.length > 1 ? slash(path.relative(common, path.dirname(path.resolve(file)))) : '';
    manifest = [...(manifest ?? []), ...m.rows.map((r) => (rebase && r.file ? { ...r, file: `${rebase}/${r.file}` } : r))];
  }

  const t0 = performance.now();
  const jobs = collectJobs(args.inputs);
  // Workers pay a start-up (each loads the parser) and a message per file: bench/parse-cli.ts on
  // 2 loaded cores measured 1,700 files about even with in-process and 6,800 files 25% faster.
  // A file that exhausts memory in-process takes the whole process down (V8 aborts; no handler
  // runs, the previous output stays). A worker has its own heap limit and fails only that file, so
  // a file over IN_PROCESS_MAX_BYTES goes to a worker even in a small run.
  const big = jobs.filter((j) => !j.refusal && sizeOf(j.path) > IN_PROCESS_MAX_BYTES).length;
  const useWorkers = big > 0 || (args.jobs > 1 && jobs.length >= args.minWorkerFiles);
  const threads = Math.max(1, Math.min(args.jobs, big > 0 && jobs.length < args.minWorkerFiles ? 1 : args.jobs));
  let writer: DatasetWriter;
  try { writer = await DatasetWriter.open(args.out, faults.hook); } catch (e) {
    io.err(`parse: ${describeOutputError(args.out, e)}\n`);
    return 1;
  }
  // A signal stops the run at once: the staging folder goes, the previous output stays. Then the
  // signal is raised again with the default action: process.exit() would wait for libuv's thread
  // pool, and a thread blocked opening a FIFO (or a hung network mount) never returns.
  const onSignal = (sig: (typeof SIGNALS)[number]) => {
    writer.abort();
    io.err(`parse: stopped by ${sig}; ${args.out} is unchanged\n`);
    for (const s of SIGNALS) process.removeAllListeners(s);
    // after stderr (a pipe: asynchronous) has taken the message, or half a second at most
    const raise = () => process.kill(process.pid, sig);
    setTimeout(raise, 500).unref();
    process.stderr.write('', raise);
  };
  for (const sig of SIGNALS) process.on(sig, onSignal);
  const tally = { ok: 0, findings: 0, failed: 0, facts: 0, findingRows: 0, checksFailed: 0, crashed: [] as string[] };
  let lastProgress = 0;
  const onResult = async (i: number, c: PoolChunk) => {
    await writer.append(c.csv, c.counts);
    tally[c.status]++;
    tally.facts += c.counts.facts;
    tally.findingRows += c.counts.findings;
    tally.checksFailed += c.checksFailed;
    if (c.crashed) tally.crashed.push(jobs[i].sourceFile);
    const now = performance.now();
    if (!args.quiet && (jobs.length <= 200 || now - lastProgress > 250 || i === jobs.length - 1)) {
      lastProgress = now;
      const elapsed = now - t0;
      const eta = (elapsed / (i + 1)) * (jobs.length - i - 1);
      const note = c.status === 'failed' ? ` FAILED: ${c.error ?? ''}` : c.status === 'findings' ? ' (findings)' : '';
      io.err(`[${i + 1}/${jobs.length}] ${jobs[i].sourceFile}${note} ETA ${fmtSecs(eta)}\n`);
    }
  };
  if (!args.quiet) io.err(`parse: ${jobs.length} files, ${useWorkers ? `${Math.min(threads, jobs.length)} worker thread(s)${big > 0 && threads === 1 ? ` (${big} file(s) over ${IN_PROCESS_MAX_BYTES / 2 ** 20} MB)` : ''}` : 'in-process'}\n`);
  try {
    if (useWorkers) await runInWorkers(jobs, threads, manifest, onResult, { workerUrl: faults.workerUrl, heapMb: faults.workerHeapMb });
    else await runInProcess(jobs, manifest, onResult);
    const parseMs = performance.now() - t0;
    const meta = { dataset: 'real', generated_at: new Date().toISOString(), generator: 'nianbao parse', version: version(), files: String(jobs.length) };
    const res = await writer.finish(meta, manifest);
    if (tally.crashed.length) io.err(`parse: ${tally.crashed.length} file(s) failed because the parser worker died: ${tally.crashed.slice(0, 5).join(', ')}${tally.crashed.length > 5 ? ', …' : ''}\n`);
    const total = performance.now() - t0;
    io.out(
      `parse: ${jobs.length} files → ${tally.ok} ok, ${tally.findings} with findings, ${tally.failed} failed; ` +
        `${tally.facts} facts, ${tally.findingRows} findings, ${tally.checksFailed} failed checks; ` +
        `wrote ${args.out} (nianbao.duckdb ${(res.duckdbBytes / 1e6).toFixed(2)} MB) in ${fmtSecs(total)} ` +
        `(parse ${fmtSecs(parseMs)}, ${(jobs.length / Math.max(parseMs / 1000, 1e-3)).toFixed(0)} files/s; duckdb ${fmtSecs(res.duckdbMs)})\n`,
    );
    return 0;
  } catch (e) {
    writer.abort();
    io.err(`parse: ${describeOutputError(args.out, e)}\n`);
    return 1;
  } finally {
    for (const sig of SIGNALS) process.off(sig, onSignal);
  }
}
