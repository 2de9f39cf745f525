// One input file → ParsedReport, never throwing: a file that cannot be read, is empty, is binary
// junk, has an unknown extension or crashes the parser becomes a failed report with its reason.
// Runs in the main thread or in a worker (./parse-worker.ts).
import { readFile } from 'node:fs/promises';
import { failedReport } from '../dataset';
import type { ParsedReport } from '../model';
import { parseReport } from '../parse/parse-report';
import { withProseFindings } from '../dataset/prose';

export const SUPPORTED_EXTENSIONS = ['.txt', '.html', '.htm', '.md', '.pdf'] as const;

export interface FileJob {
  /** Path to read. */
  path: string;
  /** Path as recorded in reports.source_file (relative to the folder given on the command line). */
  sourceFile: string;
  reportId: string;
}

export function extensionOf(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

/**
 * Decodes text: UTF-8 first; files that are not valid UTF-8 are tried as GB18030 (the national
 * encoding, a superset of GBK, which older government sites still serve). Returns null for binary
 * content (NUL bytes or mostly control characters), which no decoding makes into a report.
 */
export function decodeText(bytes: Uint8Array): string | null {
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) return null;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    try {
      text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    } catch {
      return null;
    }
  }
  const sample = text.slice(0, 4096);
  // eslint-disable-next-line no-control-regex
  const control = (sample.match(/[\u0000-\u0008\u000b\u000e-\u001f\u007f\ufffd]/g) ?? []).length;
  return control > sample.length * 0.05 ? null : text;
}

export async function parseFile(job: FileJob): Promise<ParsedReport> {
  const { sourceFile, reportId } = job;
  const ext = extensionOf(sourceFile);
  if (!(SUPPORTED_EXTENSIONS as readonly string[]).includes(ext)) {
    return failedReport(sourceFile, reportId, 'unsupported-input',
      `不支持的文件类型"${ext || '（无扩展名）'}"；支持 ${SUPPORTED_EXTENSIONS.join(' ')}`,
      `Unsupported file type "${ext || '(no extension)'}"; supported: ${SUPPORTED_EXTENSIONS.join(' ')}`);
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(job.path));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    return failedReport(sourceFile, reportId, 'unsupported-input', `无法读取文件（${code || '错误'}）`,
      `Cannot read the file (${code ? `${code}: ` : ''}${e instanceof Error ? e.message : String(e)})`);
  }
  if (bytes.length === 0) return failedReport(sourceFile, reportId, 'unsupported-input', '文件为空', 'The file is empty');
  try {
    if (ext === '.pdf') return await parseReport({ sourceFile, reportId, bytes });
    const text = decodeText(bytes);
    if (text === null) {
      return failedReport(sourceFile, reportId, 'unsupported-input', '文件不是文本（二进制内容或未知编码）',
        'The file is not text (binary content or an unknown encoding)');
    }
    if (text.trim() === '') return failedReport(sourceFile, reportId, 'unsupported-input', '文件只有空白', 'The file holds only whitespace');
    // the report's prose against its table (src/dataset/prose.ts): needs the text, which only this stage has
    return withProseFindings(await parseReport({ sourceFile, reportId, text }), text);
  } catch (e) {
    // parseReport promises not to throw; if it does, this report fails and the run goes on
    return failedReport(sourceFile, reportId, 'parse-failed', '解析器出错', `The parser crashed: ${e instanceof Error ? e.message : String(e)}`);
  }
}
