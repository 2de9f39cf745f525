// Positioned PDF text → text lines the text pipeline (parse-text.ts) reads. Pure; no pdf.js here.
//
// Stages: items → base lines (same baseline) → value rows (lines holding number cells) with the
// label fragments around them attached → one pipe row per table row ("label | 3 | 0 | … |"), other
// lines as plain text. Why value-anchored rows: in the 淮安 PDFs a wrapped row label sits on two
// baselines above and below its numbers ("（二）部分公开（区分处理的，只计这一情" at y 301, "形，不计
// 其他情形）" at y 286, the numbers at y 292 — data/reports/2024_huaian_szf.pdf page 4), and group
// labels of merged cells ("（三）不/予公开", the vertical "三、/本/年/度/办/理/结/果") are centred on a
// block of rows, so they would otherwise glue onto whichever row happens to be beside them.

export interface PdfTextItem {
  str: string;
  /** left x and baseline y in PDF points (y grows upwards), page 1-based */
  x: number;
  y: number;
  width: number;
  height: number;
  page: number;
  fontName?: string;
}

export interface PdfLayout {
  text: string;
  /** page of each output line (index 0 = line 1) */
  linePages: number[];
  /** value cells that hold characters we cannot read as a number, by page */
  unreadable: { page: number; line: number; raw: string }[];
}

const SAME_LINE = 2.5; // points: items whose baselines differ by less are one line
const ATTACH = 18; // points: a label line this close to a value row belongs to it
const ROW_BLOCK = 70; // points: two value rows at most this far apart are rows of one table
const CELL_GAP = 0.8; // × font height: a wider gap between label items on one line separates two label cells

/** A cell that is a printed number, blank marker or a number with a unit. */
const VALUE_RE = /^(?:[-−+]?\d[\d,，]*(?:\.\d+)?(?:万元|元|件|%)?|[-—–/／]|无)$/;
/** Characters a text layer yields for glyphs without a Unicode mapping. */
const UNREADABLE_RE = /[\u0000-\u0008\u000e-\u001f\ufffd\ue000-\uf8ff]/;

interface Line {
  y: number;
  page: number;
  items: PdfTextItem[];
}

function isValueItem(it: PdfTextItem): boolean {
  const s = it.str.trim();
  return VALUE_RE.test(s) || (UNREADABLE_RE.test(s) && s.length <= 12);
}

/** Items of one page → lines (top to bottom), items left to right, empty items dropped. */
export function groupLines(items: PdfTextItem[]): Line[] {
  const visible = items.filter((it) => it.str.trim() !== '');
  visible.sort((a, b) => a.page - b.page || b.y - a.y || a.x - b.x);
  const lines: Line[] = [];
  for (const it of visible) {
    const last = lines[lines.length - 1];
    if (last && last.page === it.page && Math.abs(last.y - it.y) < SAME_LINE) last.items.push(it);
    else lines.push({ y: it.y, page: it.page, items: [it] });
  }
  for (const l of lines) l.items.sort((a, b) => a.x - b.x);
  return lines;
}

/** Label text of a line's non-value items, joined left to right (gap → a space). */
function labelText(items: PdfTextItem[]): string {
  let out = '';
  let prevEnd = -Infinity;
  for (const it of items) {
    const gap = it.x - prevEnd;
    out += out && gap > Math.max(2, it.height * 0.8) ? ' ' + it.str.trim() : it.str.trim();
    prevEnd = it.x + it.width;
  }
  return out;
}

/** A label cell: its left and right edge, baseline and text. */
interface Fragment {
  x: number;
  xEnd: number;
  y: number;
  text: string;
}

interface Row {
  line: Line;
  values: PdfTextItem[];
  fragments: Fragment[];
  leadingLabel: PdfTextItem[];
}

/**
 * A value row: a line whose items right of its first number are all value cells, with at least
 * one value. Label items left of the first value become the row's own label fragment.
 */
function asValueRow(line: Line): Row | null {
  const firstValue = line.items.findIndex(isValueItem);
  if (firstValue < 0) return null;
  const values = line.items.slice(firstValue);
  if (!values.every(isValueItem)) return null;
  const label = line.items.slice(0, firstValue);
  // A lone number after prose is not a table row (e.g. a page number "- 3 -" is not a value item,
  // but "共 12" could be); require a label that is not a sentence, or several values.
  if (values.length === 1 && label.length === 0) return null;
  if (values.length === 1 && labelText(label).length > 40) return null;
  return { line, values, fragments: labelCells(label, line.y), leadingLabel: label };
}

/**
 * Label items of one line → label cells, split where the gap is wider than CELL_GAP font heights:
 * "法提供" + "2.没有现成信息需要另行制作" on one baseline are a merged group label's tail and the
 * row's own label (2024_huaian_szf.pdf page 5), two cells, not one label.
 */
function labelCells(items: PdfTextItem[], y: number): Fragment[] {
  const cells: PdfTextItem[][] = [];
  let prevEnd = -Infinity;
  for (const it of items) {
    if (!cells.length || it.x - prevEnd > CELL_GAP * Math.max(it.height, 6)) cells.push([it]);
    else cells[cells.length - 1].push(it);
    prevEnd = it.x + it.width;
  }
  return cells.map((c) => ({ x: c[0].x, xEnd: Math.max(...c.map((i) => i.x + i.width)), y, text: labelText(c) }));
}

export function layoutPdfText(items: PdfTextItem[]): PdfLayout {
  const lines = groupLines(items);
  const rows = new Map<Line, Row>();
  for (const l of lines) {
    const r = asValueRow(l);
    if (r) rows.set(l, r);
  }
  // Attach label-only lines to the nearest value row on the same page: always when the line lies
  // between two neighbouring rows of one table (wrapped labels, merged group labels), within ATTACH
  // points otherwise. Headers between two tables are neither, and stay plain lines.
  const attached = new Set<Line>();
  const rowList = [...rows.values()];
  for (const l of lines) {
    if (rows.has(l)) continue;
    let best: Row | null = null;
    let bestDy = Infinity;
    let above = Infinity;
    let below = -Infinity;
    for (const r of rowList) {
      if (r.line.page !== l.page) continue;
      if (r.line.y > l.y) above = Math.min(above, r.line.y);
      else below = Math.max(below, r.line.y);
      const dy = Math.abs(r.line.y - l.y);
      if (dy < bestDy) { bestDy = dy; best = r; }
    }
    const insideTable = above - below <= ROW_BLOCK;
    // Only lines left of the row's first value can be its label.
    if (best && (bestDy <= ATTACH || insideTable) && l.items.every((it) => it.x + it.width <= best!.values[0].x)) {
      best.fragments.push(...labelCells(l.items, l.y));
      attached.add(l);
    }
  }

  const out: string[] = [];
  const linePages: number[] = [];
  const unreadable: PdfLayout['unreadable'] = [];
  let lastPage = 0;
  for (const l of lines) {
    if (attached.has(l)) continue;
    if (l.page !== lastPage) {
      // A page marker line keeps pages apart without looking like a row.
      lastPage = l.page;
    }
    const r = rows.get(l);
    if (!r) {
      out.push(labelText(l.items));
      linePages.push(l.page);
      continue;
    }
    // The row's label column starts at the rightmost start among its fragments; fragments that end
    // before it are merged group labels centred on a block of rows ("（三）不", the vertical
    // "三、本年度办理结果") — dropped here, because the row's own label ("1.属于国家秘密") names
    // it. A wrapped continuation indented under "5." still overlaps the column and is kept.
    const col = Math.max(...r.fragments.map((f) => f.x), -Infinity);
    const label = r.fragments
      .filter((f) => f.xEnd > col - 2)
      .sort((a, b) => b.y - a.y || a.x - b.x)
      .map((f) => f.text)
      .join('');
    const cells = r.values.map((v) => v.str.trim());
    out.push(`${label} | ${cells.join(' | ')} |`);
    linePages.push(l.page);
    for (const c of cells) if (UNREADABLE_RE.test(c)) unreadable.push({ page: l.page, line: out.length, raw: c });
  }
  return { text: out.join('\n'), linePages, unreadable };
}
