// `nianbao parse <files or folders…> --out <dir> [--manifest manifest.csv] [--jobs N] [--quiet]`
//
//   collect inputs (recursing into folders) → parse each file (worker threads when many) →
//   append its rows to the CSVs in input order → build nianbao.duckdb → summary line.
//
// Every input file appears in reports.csv: unreadable, empty, binary or unknown-extension files
// are rows with status failed and their reason. Exit 0 when the run completed (even with
// findings or failed files), 2 for usage errors, 1 when the output could not be written.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { readManifestCsv } from '../dataset';
import type { ManifestRow } from '../model/dataset';
import { extensionOf, SUPPORTED_EXTENSIONS, type FileJob } from './parse-file';
import { defaultJobs, runInProcess, runInWorkers } from './pool';
import type { ReportChunk } from './report-chunk';
import { DatasetWriter } from './write-dataset';

export const PARSE_USAGE = `usage: npm run parse -- <files or folders…> --out <dir> [--manifest manifest.csv] [--jobs N] [--quiet]

  Parses government information disclosure annual reports (.txt .html .htm .md .pdf; folders are
  searched recursively) into <dir>: reports.csv, facts.csv, findings.csv, checks.csv,
  manifest.csv (with --manifest) and nianbao.duckdb.

  --out <dir>          output folder (created if missing)
  --manifest <csv>     corpus manifest (file,agency_name,…,source,…) recording each report's origin;
                       repeat it for several folders (paths in each are relative to its own folder)
  --jobs <N>           parallel parser threads (default: number of cores)
  --min-worker-files <N>  use worker threads only from this many files on (default 1000)
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
  const a: ParseArgs = { inputs: [], out: '', manifest: null, manifests: [], jobs: defaultJobs(), minWorkerFiles: 1000, quiet: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string | null => {
      if (inline !== undefined) return inline;
      const v = argv[i + 1];
      if (v === undefined || v.startsWith('--')) return null;
      i++;
      return v;
    };
    const int = (name: string, min: number): number | string => {
      const v = value();
      const n = Number(v);
      return v !== null && Number.isInteger(n) && n >= min ? n : `${name} needs an integer ≥ ${min} (got ${v ?? 'nothing'})`;
    };
    if (flag === '--out') { const v = value(); if (!v) return '--out needs a folder'; a.out = v; }
    else if (flag === '--manifest') { const v = value(); if (!v) return '--manifest needs a CSV file'; a.manifest ??= v; a.manifests.push(v); }
    else if (flag === '--jobs') { const n = int('--jobs', 1); if (typeof n === 'string') return n; a.jobs = n; }
    else if (flag === '--min-worker-files') { const n = int('--min-worker-files', 1); if (typeof n === 'string') return n; a.minWorkerFiles = n; }
    else if (flag === '--quiet') a.quiet = true;
    else if (flag === '--help' || flag === '-h') return 'help';
    else if (flag.startsWith('-')) return `unknown option ${flag}`;
    else a.inputs.push(arg);
  }
  if (a.inputs.length === 0) return 'no input files or folders given';
  if (!a.out) return '--out <dir> is required';
  return a;
}

const slash = (p: string) => p.split(path.sep).join('/');

/**
 * Expands inputs to FileJobs in a stable order. Folders: supported extensions only, recursively,
 * skipping hidden entries; source_file is relative to the folder. Files named explicitly are
 * always taken (an unknown extension or a missing file becomes a failed report).
 */
export function collectJobs(inputs: string[]): FileJob[] {
  const found: { path: string; sourceFile: string }[] = [];
  const walk = (root: string, dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true }).sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
    } catch (e) {
      // an unreadable sub-folder is listed as a failed input instead of vanishing
      found.push({ path: dir, sourceFile: slash(path.relative(root, dir)) || path.basename(dir) });
      void e;
      return;
    }
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const full = path.join(dir, e.name);
      let isDir = e.isDirectory();
      if (e.isSymbolicLink()) { try { isDir = statSync(full).isDirectory(); } catch { isDir = false; } }
      if (isDir) walk(root, full);
      else if ((SUPPORTED_EXTENSIONS as readonly string[]).includes(extensionOf(e.name))) found.push({ path: full, sourceFile: slash(path.relative(root, full)) });
    }
  };
  for (const input of inputs) {
    let isDir = false;
    try { isDir = statSync(input).isDirectory(); } catch { /* missing: a failed row below */ }
    if (isDir) walk(input, input);
    else found.push({ path: input, sourceFile: slash(path.normalize(input)) });
  }
  // report_id = file name without extension; when two inputs share it, the relative path keeps
  // ids unique (docs/dataset.md: unique within a dataset)
  const stem = (s: string) => (s.split('/').pop() ?? s).replace(/\.[^.]*$/, '') || s;
  const count = new Map<string, number>();
  for (const f of found) count.set(stem(f.sourceFile), (count.get(stem(f.sourceFile)) ?? 0) + 1);
  const used = new Set<string>();
  return found.map((f) => {
    let id = count.get(stem(f.sourceFile))! > 1 ? f.sourceFile.replace(/\.[^./]*$/, '') : stem(f.sourceFile);
    for (let k = 2; used.has(id); k++) id = `${id}~${k}`;
    used.add(id);
    return { ...f, reportId: id };
  });
}

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
  try {
    return JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

const fmtSecs = (ms: number) => (ms < 10_000 ? `${(ms / 1000).toFixed(1)}s` : `${Math.round(ms / 1000)}s`);

export async function runParse(argv: string[], io: { out: (s: string) => void; err: (s: string) => void }): Promise<number> {
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
  const useWorkers = args.jobs > 1 && jobs.length >= args.minWorkerFiles;
  let writer: DatasetWriter;
  try { writer = await DatasetWriter.open(args.out); } catch (e) {
    io.err(`parse: cannot write to ${args.out}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
  const tally = { ok: 0, findings: 0, failed: 0, facts: 0, findingRows: 0, checksFailed: 0 };
  let lastProgress = 0;
  const onResult = async (i: number, c: ReportChunk) => {
    await writer.append(c.csv, c.counts);
    tally[c.status]++;
    tally.facts += c.counts.facts;
    tally.findingRows += c.counts.findings;
    tally.checksFailed += c.checksFailed;
    const now = performance.now();
    if (!args.quiet && (jobs.length <= 200 || now - lastProgress > 250 || i === jobs.length - 1)) {
      lastProgress = now;
      const elapsed = now - t0;
      const eta = (elapsed / (i + 1)) * (jobs.length - i - 1);
      const note = c.status === 'failed' ? ` FAILED: ${c.error ?? ''}` : c.status === 'findings' ? ' (findings)' : '';
      io.err(`[${i + 1}/${jobs.length}] ${jobs[i].sourceFile}${note} ETA ${fmtSecs(eta)}\n`);
    }
  };
  if (!args.quiet) io.err(`parse: ${jobs.length} files, ${useWorkers ? `${Math.min(args.jobs, jobs.length)} worker threads` : 'in-process'}\n`);
  try {
    if (useWorkers) await runInWorkers(jobs, args.jobs, manifest, onResult);
    else await runInProcess(jobs, manifest, onResult);
    const parseMs = performance.now() - t0;
    const meta = { dataset: 'real', generated_at: new Date().toISOString(), generator: 'nianbao parse', version: version(), files: String(jobs.length) };
    const res = await writer.finish(meta, manifest);
    const total = performance.now() - t0;
    io.out(
      `parse: ${jobs.length} files → ${tally.ok} ok, ${tally.findings} with findings, ${tally.failed} failed; ` +
        `${tally.facts} facts, ${tally.findingRows} findings, ${tally.checksFailed} failed checks; ` +
        `wrote ${args.out} (nianbao.duckdb ${(res.duckdbBytes / 1e6).toFixed(2)} MB) in ${fmtSecs(total)} ` +
        `(parse ${fmtSecs(parseMs)}, ${(jobs.length / Math.max(parseMs / 1000, 1e-3)).toFixed(0)} files/s; duckdb ${fmtSecs(res.duckdbMs)})\n`,
    );
    return 0;
  } catch (e) {
    io.err(`parse: failed to write the dataset: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
    return 1;
  }
}
