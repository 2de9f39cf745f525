import type { Finding, ParsedReport, ReportInput } from '../model';
import { parseText } from './parse-text';

// Entry point for any input file. Text, HTML and Markdown go straight to the text pipeline; a PDF
// is first turned into rows by src/parse/pdf/ (positioned text → pipe rows) and then parsed the
// same way, with the PDF's own findings (no text layer, unreadable glyphs) added. Never throws.
export async function parseReport(input: ReportInput & { reportId?: string }): Promise<ParsedReport> {
  const ext = input.sourceFile.toLowerCase().split('.').pop() ?? '';
  if (ext === 'pdf') return parsePdf(input);
  const text = input.text ?? (input.bytes ? new TextDecoder('utf-8').decode(input.bytes) : '');
  const format = ext === 'html' || ext === 'htm' ? 'html' : ext === 'md' ? 'md' : 'txt';
  return parseText({ sourceFile: input.sourceFile, reportId: input.reportId, text, format });
}

async function parsePdf(input: ReportInput & { reportId?: string }): Promise<ParsedReport> {
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
    parsed.findings = extract.findings.map((f) => finding(id, f));
    parsed.status = 'failed';
    return parsed;
  }
  parsed.findings.push(...extract.findings.map((f) => finding(id, f)));
  if (parsed.status === 'ok' && extract.findings.some((f) => f.severity !== 'info')) parsed.status = 'findings';
  return parsed;
}

function finding(reportId: string, f: Omit<Finding, 'reportId'>): Finding {
  return { reportId, ...f };
}
