// One input file → ParsedReport, never throwing: the file system part only. Reading the bytes is
// here; what they are and how they are parsed is src/ingest (shared with the browser import).
// A job the folder walk already refused (missing, special file, symlink loop, unreadable folder)
// is never opened. Runs in the main thread or in a worker (./parse-worker.ts).
import { open } from 'node:fs/promises';
import { ingest, MAX_FILE_BYTES, REFUSALS, refusedReport, type Refusal } from '../ingest';
import type { ParsedReport } from '../model';

export interface FileJob {
  /** Path to read. */
  path: string;
  /** Path as recorded in reports.source_file (relative to the folder given on the command line). */
  sourceFile: string;
  reportId: string;
  /** Set by the input collection (./collect.ts) when the file must not be opened. */
  refusal?: Refusal;
}

export function cannotRead(e: unknown): Refusal {
  const code = (e as NodeJS.ErrnoException).code ?? '';
  const msg = e instanceof Error ? e.message : String(e);
  if (code === 'ENOENT') return { reason: 'not-found', messageZh: '文件不存在（或是指向不存在位置的符号链接）', messageEn: 'The file does not exist (or is a symbolic link to nothing): ENOENT' };
  return { reason: 'unreadable', messageZh: `无法读取文件（${code || '错误'}）：请检查权限`, messageEn: `Cannot read the file (${code ? `${code}: ` : ''}${msg}): check its permissions` };
}

export async function parseFile(job: FileJob): Promise<ParsedReport> {
  const { sourceFile, reportId } = job;
  if (job.refusal) return refusedReport(sourceFile, reportId, job.refusal);
  let bytes: Uint8Array;
  try {
    // O_NONBLOCK-free open of a regular file (collect.ts refused FIFOs and devices); the size is
    // checked on the open handle so a file that grew past the limit is never read whole
    const fh = await open(job.path, 'r');
    try {
      const st = await fh.stat();
      if (!st.isFile()) return refusedReport(sourceFile, reportId, { reason: 'special-file', messageZh: '不是普通文件，未打开', messageEn: 'Not a regular file; not read' });
      if (st.size > MAX_FILE_BYTES) return refusedReport(sourceFile, reportId, REFUSALS.tooLarge(st.size));
      bytes = new Uint8Array(await fh.readFile());
    } finally {
      await fh.close();
    }
  } catch (e) {
    return refusedReport(sourceFile, reportId, cannotRead(e));
  }
  return ingest({ name: sourceFile, bytes, reportId });
}
