// One way in for a report file, shared by the CLI (src/cli/parse-file.ts) and the browser import
// worker (src/ui/import/import-worker.ts): name + bytes → ParsedReport. Never throws.
//
//   size / empty → kind by content (sniff.ts) → PDF: src/parse/parse-report.ts
//                                             → .docx (word.ts) / .doc (doc.ts) → HTML ┐
//                                             → text: decode (decode.ts) → HTML page? (page.ts) ┤→ parseText
//                                             → MHTML (mhtml.ts): the root page's bytes → decode → page.ts ┘
//                                             → anything else: a failed report naming what it is
import { failedReport } from '../dataset/to-dataset';
import type { ParsedReport } from '../model/types';
import { parsePdf } from '../parse/parse-report';
import { parseText } from '../parse/parse-text';
// the report's prose against its own table (a finding with both sides; needs the text)
import { withProseFindings } from '../dataset/prose';
import { decodeText } from './decode';
import { docToHtml } from './doc';
import { extensionOf, kindOfExtension, MAX_FILE_BYTES, PAGE_EXTENSIONS, refuseByName, refuseKind, REFUSALS, type Refusal } from './forms';
import { reportIdOf } from './ids';
import { readMhtml } from './mhtml';
import { readPage } from './page';
import { sniff } from './sniff';

export interface IngestInput {
  /** File name or path as recorded in reports.source_file. */
  name: string;
  bytes: Uint8Array;
  /** Default: the file name without its extension (ids.ts). */
  reportId?: string;
}

/** A failed report for a refused file: code unsupported-input, details.reason stable. */
export function refusedReport(name: string, reportId: string, r: Refusal): ParsedReport {
  const p = failedReport(name, reportId, 'unsupported-input', r.messageZh, r.messageEn);
  p.findings[0]!.details = { sourceFile: name, reason: r.reason, ...r.details };
  return p;
}

const LOOKS_HTML = /<(!doctype\s+html|html|head|body|meta|table|tr|td|p|div|article|section|h[1-6])[\s>]/i;

function readHtmlPage(name: string, reportId: string, text: string): ParsedReport {
  const page = readPage(text);
  return withProseFindings(parseText({ sourceFile: name, reportId, text: page.html, format: 'html', hints: page.hints }), page.html);
}

export async function ingest(input: IngestInput): Promise<ParsedReport> {
  const { name, bytes } = input;
  const reportId = input.reportId || reportIdOf(name);
  try {
    const byName = refuseByName(name);
    if (byName) return refusedReport(name, reportId, byName);
    if (bytes.length === 0) return refusedReport(name, reportId, REFUSALS.empty());
    if (bytes.length > MAX_FILE_BYTES) return refusedReport(name, reportId, REFUSALS.tooLarge(bytes.length));
    const kind = sniff(bytes);
    switch (kind.kind) {
      case 'other': return refusedReport(name, reportId, refuseKind(kind.what));
      case 'pdf': return await parsePdf({ sourceFile: name, reportId, bytes });
      case 'docx':
      case 'doc': {
        let html: string;
        // mammoth is loaded on the first .docx only (~70 ms per process or worker thread otherwise)
        try { html = kind.kind === 'docx' ? await (await import('./word')).docxToHtml(bytes) : docToHtml(bytes); } catch (e) {
          return refusedReport(name, reportId, REFUSALS.wordUnreadable(kind.kind === 'docx' ? '.docx' : '.doc', e instanceof Error ? e.message : String(e)));
        }
        if (!/[\p{L}\p{N}]/u.test(html.replace(/<[^>]*>/g, ''))) return refusedReport(name, reportId, REFUSALS.wordNoText());
        return withProseFindings(parseText({ sourceFile: name, reportId, text: html, format: 'html' }), html);
      }
      case 'mhtml': {
        const read = readMhtml(bytes);
        if (read.kind === 'refused') return refusedReport(name, reportId, REFUSALS.mhtml(read.why, read.detail));
        // the part's charset, else the page's own <meta>, as for a page saved as .html
        const decoded = decodeText(read.bytes, read.charset);
        if (decoded === null) return refusedReport(name, reportId, REFUSALS.binary());
        if (decoded.text.trim() === '') return refusedReport(name, reportId, REFUSALS.whitespace());
        return readHtmlPage(name, reportId, decoded.text);
      }
      case 'text': {
        const named = kindOfExtension(name);
        if (named) return refusedReport(name, reportId, refuseKind(named));
        const decoded = decodeText(bytes);
        if (decoded === null) return refusedReport(name, reportId, REFUSALS.binary());
        const text = decoded.text;
        if (text.trim() === '') return refusedReport(name, reportId, REFUSALS.whitespace());
        const ext = extensionOf(name);
        if (ext !== '.md' && (PAGE_EXTENSIONS.includes(ext) || LOOKS_HTML.test(text.slice(0, 5000)))) return readHtmlPage(name, reportId, text);
        return withProseFindings(parseText({ sourceFile: name, reportId, text, format: ext === '.md' ? 'md' : 'txt' }), text);
      }
    }
  } catch (e) {
    // every stage promises not to throw; if one does, this file fails and the run goes on
    return failedReport(name, reportId, 'parse-failed', `解析器出错：${e instanceof Error ? e.message : String(e)}`, `The parser crashed: ${e instanceof Error ? e.message : String(e)}`);
  }
}
