import type { Finding, ParsedReport, ReportInput } from '../model';
import { parseText } from './parse-text';
import { textFormatOfName } from '../ingest/forms';

// The text / PDF back end of src/ingest (the one way in for a file, which decides the kind by
// content and decodes the bytes; call that for a file of unknown form). Text, HTML and Markdown go
// straight to the text pipeline (bytes given here are read as UTF-8); a PDF is first turned into
// rows by src/parse/pdf/ (positioned text → pipe rows) and then parsed the same way, with the
// PDF's own findings (no text layer, unreadable glyphs) added. Never throws.
export async function parseReport(input: ReportInput & { reportId?: string }): Promise<ParsedReport> {
  const ext = input.sourceFile.toLowerCase().split('.').pop() ?? '';
  if (ext === 'pdf') return parsePdf(input);
  const text = input.text ?? (input.bytes ? new TextDecoder('utf-8').decode(input.bytes) : '');
  return parseText({ sourceFile: input.sourceFile, reportId: input.reportId, text, format: textFormatOfName(input.sourceFile) });
}

/** A PDF's bytes → ParsedReport (src/ingest calls this once the content says PDF, whatever the name). */
export async function parsePdf(input: ReportInput & { reportId?: string }): Promise<ParsedReport> {
  const base = { sourceFile: input.sourceFile, reportId: input.reportId };
  let extract;
  try {
    if (!input.bytes) throw new Error('no PDF bytes given');
    const { extractPdf } = await import('./pdf/extract');
    extract = await extractPdf(input.bytes);
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    const parsed = parseText({ ...base, text: '' });
    parsed.report.format = 'pdf';
    parsed.findings = [finding(parsed.report.reportId, {
      code: 'parse-failed', severity: 'error',
      messageZh: `无法打开 PDF（损坏、加密或不是 PDF）：${msg}`,
      messageEn: `The PDF cannot be opened (corrupt, encrypted or not a PDF): ${msg}`,
      location: {}, details: { error: msg },
    })];
    parsed.status = 'failed';
    return parsed;
  }
  const parsed = parseText({ ...base, text: extract.text, format: 'txt', pageOfLine: extract.pageOfLine });
  parsed.report.format = 'pdf';
  const id = parsed.report.reportId;
  if (!extract.text) {
    // No text layer: the text pipeline's findings (no year, no tables…) would only repeat that.
    parsed.findings = extract.findings.map((f) => finding(id, f.code === 'no-text-layer' ? { ...f, ...SCANNED(extract.pages) } : f));
    parsed.status = 'failed';
    return parsed;
  }
  parsed.findings.push(...extract.findings.map((f) => finding(id, f)));
  if (parsed.status === 'ok' && extract.findings.some((f) => f.severity !== 'info')) parsed.status = 'findings';
  return parsed;
}

// what the user can do about it, in both languages (the import shows the UI's one)
const SCANNED = (pages: number) => ({
  messageZh: `这看起来是没有文字层的扫描版 PDF（共 ${pages} 页）：其中的数字无法读取。请找这份报告的网页、Word 文件或有文字层的 PDF，或先用 OCR（如 ocrmypdf）加上文字层再导入`,
  messageEn: `This looks like a scanned PDF with no text layer (${pages} page${pages === 1 ? '' : 's'}): its numbers cannot be read. Find the report's web page, Word file or a PDF with a text layer, or add a text layer with OCR (e.g. ocrmypdf) and import that`,
});

function finding(reportId: string, f: Omit<Finding, 'reportId'>): Finding {
  return { reportId, ...f };
}
