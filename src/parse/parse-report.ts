import type { ParsedReport, ReportInput } from '../model';
import { parseText } from './parse-text';

// Entry point for any input file: text/HTML/Markdown go straight to the text pipeline; PDF is
// first turned into text rows by src/parse/pdf/ (the PDF helper replaces the branch below).
export async function parseReport(input: ReportInput & { reportId?: string }): Promise<ParsedReport> {
  const ext = input.sourceFile.toLowerCase().split('.').pop() ?? '';
  if (ext === 'pdf') {
    // TEMPORARY until src/parse/pdf/ lands: a PDF is reported as not yet supported.
    return parseText({ sourceFile: input.sourceFile, reportId: input.reportId, text: '' });
  }
  const text = input.text ?? (input.bytes ? new TextDecoder('utf-8').decode(input.bytes) : '');
  const format = ext === 'html' || ext === 'htm' ? 'html' : ext === 'md' ? 'md' : 'txt';
  return parseText({ sourceFile: input.sourceFile, reportId: input.reportId, text, format });
}
