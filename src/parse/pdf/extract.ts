import type { Finding } from '../../model';
import { layoutPdfText } from './layout';
import { readPdfText } from './pdfjs';

export interface PdfExtract {
  /** pipe rows + plain lines for parseText; '' when the PDF has no text layer */
  text: string;
  pageOfLine: (line: number) => number | undefined;
  pages: number;
  findings: Omit<Finding, 'reportId'>[];
}

/** Characters per page below which a page counts as having no text layer (scans, images). */
const MIN_PAGE_CHARS = 20;

/** PDF bytes → text rows + PDF findings. Throws only for a PDF pdf.js cannot open. */
export async function extractPdf(bytes: Uint8Array): Promise<PdfExtract> {
  const { pages, items } = await readPdfText(bytes);
  const findings: PdfExtract['findings'] = [];
  const chars = new Array<number>(pages + 1).fill(0);
  for (const it of items) chars[it.page] += it.str.replace(/\s/g, '').length;
  const textless = [];
  for (let p = 1; p <= pages; p++) if (chars[p] < MIN_PAGE_CHARS) textless.push(p);
  if (textless.length === pages) {
    findings.push({
      code: 'no-text-layer',
      severity: 'error',
      messageZh: `PDF 没有文字层（共 ${pages} 页，可能是扫描件）：无法读取数字，需要人工录入或 OCR`,
      messageEn: `The PDF has no text layer (${pages} pages, probably scanned): no numbers can be read without OCR`,
      location: { page: 1 },
      details: { pages },
    });
    return { text: '', pageOfLine: () => undefined, pages, findings };
  }
  const layout = layoutPdfText(items);
  for (const [page, raws] of rawsByPage(layout.unreadable)) {
    findings.push({
      code: 'unreadable-pdf-digits',
      severity: 'error',
      messageZh: `第 ${page} 页有 ${raws.length} 个单元格的数字字形没有 Unicode 映射，无法读取；这些单元格记为空白`,
      messageEn: `Unreadable digits in PDF font, page ${page}: ${raws.length} cells use glyphs without a Unicode mapping; they are left blank`,
      location: { page },
      details: { page, cells: raws.length, codes: raws.map((r) => [...r].map((c) => c.codePointAt(0)!.toString(16)).join(' ')) },
    });
  }
  for (const [page, raws] of rawsByPage(layout.broken)) {
    findings.push({
      code: 'unreadable-pdf-digits',
      severity: 'error',
      messageZh: `第 ${page} 页有 ${raws.length} 个单元格的数字在单元格内折行（${raws.slice(0, 5).join('、')}），无法确定它们是一个数：这些单元格记为空白，请对照原文核对`,
      messageEn: `Page ${page}: ${raws.length} cell(s) hold a number broken over lines inside the cell (${raws.slice(0, 5).join(', ')}) that cannot be read whole for sure; they are left blank — check them against the PDF`,
      location: { page },
      details: { page, cells: raws.length, wrapped: raws },
    });
  }
  if (layout.unplaced.length) {
    findings.push({
      code: 'rows-unplaced',
      severity: 'warning',
      messageZh: `${layout.unplaced.length} 个表格行的标签无法确定属于哪一行（换行的标签与相邻行同样接近，或一行吸收了多个行标签）：这些行记为空白，请对照原文核对`,
      messageEn: `${layout.unplaced.length} table row(s) could not be placed for sure (a wrapped label lies as close to a neighbouring row, or one row took several row labels): they are left blank; check them against the PDF`,
      location: { page: layout.unplaced[0]!.page, line: layout.unplaced[0]!.line },
      details: { rows: layout.unplaced.map((u) => ({ page: u.page, line: u.line, label: u.label })) },
    });
  }
  if (textless.length) {
    findings.push({
      code: 'no-text-layer',
      severity: 'warning',
      messageZh: `第 ${textless.join('、')} 页没有文字层（可能是扫描页），其中的内容未读取`,
      messageEn: `Page(s) ${textless.join(', ')} have no text layer (probably scanned); their content was not read`,
      location: { page: textless[0] },
      details: { pages: textless },
    });
  }
  return {
    text: layout.text,
    pageOfLine: (line) => layout.linePages[line - 1],
    pages,
    findings,
  };
}

/** The raw texts of cells, grouped by page (one finding per page). */
function rawsByPage(cells: readonly { page: number; raw: string }[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const c of cells) out.set(c.page, [...(out.get(c.page) ?? []), c.raw]);
  return out;
}
