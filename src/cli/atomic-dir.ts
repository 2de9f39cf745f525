// Atomic replacement of an output folder, and output faults as one-line messages.
//
// A dataset is a set of files that must agree (reports.csv ↔ nianbao.duckdb ↔ index.duckdb ↔
// detail/). It is written in full into a sibling folder, then swapped in by renames:
//
//   <out>.nianbao-partial-<pid>   being written; never read; removed by the next run
//     → rename → <out>.nianbao-next      complete (the rename is the "complete" mark)
//   <out> → rename → <out>.nianbao-prev  the old dataset, complete
//   <out>.nianbao-next → rename → <out>  the new dataset, complete
//   rm <out>.nianbao-prev
//
// A kill at any point leaves <out> holding the old dataset or the new one, never a mix. One window
// (between the two renames of the swap, microseconds) leaves <out> absent and both complete
// siblings beside it; recoverDir, which every run and `dashboard-files` call first, puts the newer
// complete one back. Two folders cannot be exchanged by one rename (rename(2) refuses a non-empty
// target, and Node has no RENAME_EXCHANGE), hence this sequence.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

/** Named points of the write, for fault injection in tests (test/faults/): throw or kill there. */
export type OutputStep =
  | 'staging-created' | 'csv-written' | 'duckdb-built' | 'dashboard-files-written'
  | 'staged' | 'old-moved' | 'new-moved' | 'done';
export type OutputHook = (step: OutputStep) => void;

const PARTIAL = '.nianbao-partial-';
const NEXT = '.nianbao-next';
const PREV = '.nianbao-prev';

/** Files a dataset folder holds; a non-empty --out holding none of them is not ours to replace. */
const DATASET_MARKERS = ['reports.csv', 'nianbao.duckdb', 'index.duckdb', 'meta.csv'];

/** An output problem the user can act on: printed as one line, exit code 1, no stack trace. */
export class OutputError extends Error {}

/** One line saying what went wrong with writing `target`, from an fs / DuckDB error. */
export function describeOutputError(target: string, e: unknown): string {
  if (e instanceof OutputError) return e.message;
  const err = e as NodeJS.ErrnoException;
  const where = err?.path ? ` (${err.path})` : '';
  switch (err?.code) {
    case 'EACCES': case 'EPERM': return `cannot write to ${target}: permission denied${where} — the folder or its parent is read-only; choose another --out`;
    case 'EROFS': return `cannot write to ${target}: read-only file system${where}`;
    case 'ENOSPC': case 'EDQUOT': return `cannot write to ${target}: the disk is full${where}; the previous output is unchanged`;
    case 'ENOTDIR': case 'EEXIST': return `cannot write to ${target}: a file is in the way${where}; --out must be a folder`;
    case 'ENAMETOOLONG': return `cannot write to ${target}: the path is too long`;
    case 'EMFILE': case 'ENFILE': return `cannot write to ${target}: too many open files`;
  }
  const msg = (e instanceof Error ? e.message : String(e)).split('\n')[0];
  if (/No space left|disk is full|ENOSPC/i.test(msg)) return `cannot write to ${target}: the disk is full; the previous output is unchanged`;
  return `cannot write to ${target}: ${msg}`;
}

const exists = (p: string) => { try { statSync(p); return true; } catch { return false; } };

/**
 * Brings `dir` back to a consistent state after an interrupted run: a complete `next` or `prev`
 * sibling is moved back when `dir` is missing; leftovers (partial folders, a `prev` that was
 * replaced) are removed. Safe to call any time no other run writes to `dir`.
 */
export function recoverDir(dir: string): void {
  const abs = path.resolve(dir);
  const parent = path.dirname(abs);
  const base = path.basename(abs);
  if (!exists(parent)) return;
  const next = `${abs}${NEXT}`;
  const prev = `${abs}${PREV}`;
  if (!exists(abs)) {
    if (exists(next)) renameSync(next, abs);
    else if (exists(prev)) renameSync(prev, abs);
  }
  rmSync(next, { recursive: true, force: true });
  rmSync(prev, { recursive: true, force: true });
  for (const name of readdirSync(parent)) {
    if (name.startsWith(`${base}${PARTIAL}`)) rmSync(path.join(parent, name), { recursive: true, force: true });
  }
}

/** Checks that `dir` can be replaced: absent, an empty folder, or a dataset folder. */
export function checkTarget(dir: string): void {
  if (!exists(dir)) return;
  if (!statSync(dir).isDirectory()) throw new OutputError(`cannot write to ${dir}: a file is in the way; --out must be a folder`);
  const names = readdirSync(dir);
  if (names.length > 0 && !DATASET_MARKERS.some((m) => names.includes(m))) {
    throw new OutputError(`cannot write to ${dir}: it holds other files (${names.slice(0, 3).join(', ')}${names.length > 3 ? ', …' : ''}) and no dataset; choose an empty or new folder`);
  }
}

/** A fresh staging folder beside `dir` (same file system, so the final renames are atomic). */
export function createStaging(dir: string): string {
  const abs = path.resolve(dir);
  mkdirSync(path.dirname(abs), { recursive: true });
  const staging = `${abs}${PARTIAL}${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging);
  return staging;
}

/** Swaps a complete staging folder in as `dir` (sequence in the header). */
export function swapIn(staging: string, dir: string, hook: OutputHook = () => {}): void {
  const abs = path.resolve(dir);
  const next = `${abs}${NEXT}`;
  rmSync(next, { recursive: true, force: true });
  renameSync(staging, next);
  hook('staged');
  const prev = `${abs}${PREV}`;
  const hadOld = existsSync(abs);
  if (hadOld) {
    rmSync(prev, { recursive: true, force: true });
    renameSync(abs, prev);
  }
  try {
    hook('old-moved');
    renameSync(next, abs);
  } catch (e) {
    // an error (not a kill) between the two renames: the old dataset goes back, the new one goes
    if (hadOld && !existsSync(abs)) renameSync(prev, abs);
    rmSync(next, { recursive: true, force: true });
    throw e;
  }
  hook('new-moved');
  rmSync(prev, { recursive: true, force: true });
  hook('done');
}

/** Removes a staging folder after a failure (the previous output stays as it was). */
export function discardStaging(staging: string): void {
  try { rmSync(staging, { recursive: true, force: true }); } catch { /* best effort: recoverDir removes it next time */ }
}
