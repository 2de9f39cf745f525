// Running headers and footers in text copied out of a printed PDF: a browser's print to PDF puts
// `12/1/26, 3:09 PM <title>` above and `about:blank 1/3` below every page, and pdftotext or a PDF
// viewer's copy keeps them between a table's rows, where their digits read as the row's numbers.
// The PDF path drops them by position (src/parse/pdf/layout.ts dropRunningLines); text has no
// position, so a line goes when it is a page stamp — a date with a clock time, or ending in a page
// counter `n/m` — AND its shape (the digits masked) recurs on another line, as a running line does
// on every page. Blanked, not removed: line numbers (fact locations) stay those of the input.

const STAMP = /\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4},?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp][Mm])?(?!\d)/;
const PAGE_COUNTER = /(?:^|\s)\d{1,3}\s*\/\s*\d{1,3}$/;

export function blankRunningLines(text: string): string {
  const lines = text.split('\n');
  const shape = (l: string) => l.trim().replace(/\d+/g, '#');
  const candidate = (l: string) => /\d/.test(l) && (STAMP.test(l) || PAGE_COUNTER.test(l.trim()));
  const count = new Map<string, number>();
  for (const l of lines) if (candidate(l)) count.set(shape(l), (count.get(shape(l)) ?? 0) + 1);
  if (![...count.values()].some((n) => n >= 2)) return text;
  return lines.map((l) => (candidate(l) && (count.get(shape(l)) ?? 0) >= 2 ? '' : l)).join('\n');
}
