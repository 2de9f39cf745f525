// Positioned PDF text → text lines the text pipeline (parse-text.ts) reads. Pure; no pdf.js here.
//
// Stages: items → base lines (same baseline) → value rows (lines holding number cells) with the
// label fragments around them attached → one pipe row per table row ("label | 3 | 0 | … |"), other
// lines as plain text. Why value-anchored rows: in the 淮安 PDFs a wrapped row label sits on two
// baselines above and below its numbers ("（二）部分公开（区分处理的，只计这一情" at y 301, "形，不计
// 其他情形）" at y 286, the numbers at y 292 — data/reports/2024_huaian_szf.pdf page 4), and group
// labels of merged cells ("（三）不/予公开", the vertical "三、/本/年/度/办/理/结/果") are centred on a
// block of rows, so they would otherwise glue onto whichever row happens to be beside them.
//
// Word/LibreOffice-exported PDFs (test/fixtures/pdf-word/) add three things: text comes in runs of
// a few glyphs (`1` `.` `本机关不`, a number `26` as `2` `6`), so touching runs are first merged into
// words; a cell left empty has no item at all, so a row with fewer numbers than its table's columns
// places each number in its column's x-band (taken from the rows of the same table that fill every
// column) and writes the others as empty cells; and a wrapped label line that lies as close to one
// row as to the next cannot be given to either for sure: both rows are written with empty cells
// and reported (`unplaced`), never given the neighbour's numbers. A row printed with no number at
// all has no value line to anchor it: a label cell (one line, or wrapped at a line's pitch) that
// names one row by itself (labels.ts namesOneRow) a cell's step from a numbered row whose own label
// names another, or under a whole table header with only such rows between, is written as a row of
// empty cells (data/formats/more/2019_pingtan_zhqsyq.pdf:
// `规范性文件` under `规章 | 0 | 0 | 0`, and the all-blank sections of table 二).

import { namesOneRow, sectionOf } from '../labels';

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
  /** table rows written with empty cells because their label could not be placed for sure */
  unplaced: { page: number; line: number; label: string }[];
  /** value cells left empty: a number broken over lines inside its cell that cannot be read whole for sure */
  broken: { page: number; line: number; raw: string }[];
}

const SAME_LINE = 2.5; // points: items whose baselines differ by less are one line
const ATTACH = 18; // points: a label line this close to a value row belongs to it
const ROW_BLOCK = 70; // points: two value rows at most this far apart are rows of one table
const CELL_GAP = 0.5; // × font height: a wider gap between label items on one line separates two label cells
const WORD_GAP = 0.3; // × font height: runs closer than this (or overlapping) are one word
const TIE = 2;
/** A row label's own number: （一） (二) 一、 1. 2、 */
const ROW_MARKER = /^\s*(?:[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、|\d{1,2}\s*[.．、](?!\d))/; // points: a label line whose two nearest rows differ by less in distance is not placed
/** Sub-section headings of table 二 (`第二十条第（九）项`); the section titles are labels.ts's sectionOf. */
const SUBSECTION = /^第[一二三四五六七八九十]+条第[（(][一二三四五六七八九十]+[)）]项$/;
/** Marks an empty cell in the output rows (the text pipeline's EMPTY_CELL, src/parse/normalise.ts). */
const EMPTY = '\uE000';

/** A cell that is a printed number, blank marker or a number with a unit. */
const VALUE_RE = /^(?:[-−+]?\d[\d,，]*(?:\.\d+)?(?:万元|元|件|%)?|[-—–/／]|无)$/;
/** Characters a text layer yields for glyphs without a Unicode mapping. */
// eslint-disable-next-line no-control-regex -- control characters are what an unmapped glyph yields
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

const hasDigitOrGlyph = (it: PdfTextItem) => /\d/.test(it.str) || UNREADABLE_RE.test(it.str);

/** Runs of one line that touch (a word drawn in pieces) → one item. Items must be sorted by x. */
function mergeWords(items: PdfTextItem[]): PdfTextItem[] {
  const out: PdfTextItem[] = [];
  for (const it of items) {
    const last = out[out.length - 1];
    const h = Math.max(it.height, last?.height ?? 0, 6);
    if (last && it.x - (last.x + last.width) <= WORD_GAP * h && it.x >= last.x) {
      out[out.length - 1] = { ...last, str: last.str + it.str, width: Math.max(last.width, it.x + it.width - last.x), height: Math.max(last.height, it.height) };
    } else out.push({ ...it });
  }
  return out;
}

/** Items of one page → lines (top to bottom), items left to right, empty items dropped. */
export function groupLines(items: PdfTextItem[]): Line[] {
  const visible = items.filter((it) => it.str.trim() !== '');
  visible.sort((a, b) => a.page - b.page || b.y - a.y || a.x - b.x);
  const lines: Line[] = [];
  // Baselines chain: an item within SAME_LINE of the line's lowest item so far joins it. Cells of
  // one table row are centred in their cells and their baselines scatter by a point or two either
  // side of the numbers' (a merged group label `予公开` 1.8 pt above the numbers, the row's own
  // label `2.其他法律…` 1.0 pt below them: 2022_pingtan_zhqsyq with table 三 cut by a page break).
  let low = 0;
  for (const it of visible) {
    const last = lines[lines.length - 1];
    if (last && last.page === it.page && Math.abs(low - it.y) < SAME_LINE) last.items.push(it);
    else lines.push({ y: it.y, page: it.page, items: [it] });
    low = it.y;
  }
  // digits one space apart are one number only where the row's label is letter-spaced too: on the
  // line, or (a line of numbers only, centred between its label's lines) on the nearest lines with
  // Chinese above and below it, at most 3 font heights away
  const style = lines.map((l) => hanStyle(l.items));
  for (const [i, l] of lines.entries()) {
    l.items.sort((a, b) => a.x - b.x);
    let spacedLine = style[i] === 'spaced';
    if (style[i] === null) {
      const h = Math.max(6, ...l.items.map((it) => it.height));
      // the nearest lines with Chinese above and below (a row of table 四 has no label: its header's)
      const styled = (k: number) => k !== i && lines[k]!.page === l.page && style[k] !== null && Math.abs(lines[k]!.y - l.y) <= 3 * h;
      const near = [style.findLastIndex((_, k) => k < i && styled(k)), style.findIndex((_, k) => k > i && styled(k))].filter((k) => k >= 0).map((k) => style[k]);
      spacedLine = near.includes('spaced') && !near.includes('plain');
    }
    l.items = mergeWords(l.items.map((it) => despace(it, spacedLine)));
  }
  // a row label spread over its cell: left of the row's numbers, or — a row printed with no number —
  // left of the numbers of the table's rows nearest above and below (within ROW_BLOCK)
  const firstNumberX = lines.map((l) => { const v = l.items.find((it) => isValueItem(it) && /\d/.test(it.str)); return v ? v.x : null; });
  for (const [i, l] of lines.entries()) {
    let limit = firstNumberX[i];
    if (limit === null) {
      const near = (k: number) => k >= 0 && k < lines.length && lines[k]!.page === l.page && Math.abs(lines[k]!.y - l.y) <= ROW_BLOCK && firstNumberX[k] !== null;
      const k1 = firstNumberX.findLastIndex((_, k) => k < i && near(k));
      const k2 = firstNumberX.findIndex((_, k) => k > i && near(k));
      const xs = [k1, k2].filter((k) => k >= 0).map((k) => firstNumberX[k]!);
      limit = xs.length ? Math.min(...xs) : null;
    }
    if (limit !== null) l.items = mergeSpread(l.items, limit);
  }
  return lines;
}

/** Whether a line's Chinese is letter-spaced (`行 政 许 可`), plain (`行政许可`), or it has none. */
function hanStyle(items: PdfTextItem[]): 'spaced' | 'plain' | null {
  let style: 'spaced' | 'plain' | null = null;
  for (const it of items) {
    if (/\p{Script=Han}[\p{Script=Han}、，（）“”]|[、，（）“”]\p{Script=Han}/u.test(it.str)) return 'plain';
    if (/\p{Script=Han} [\p{Script=Han}、，（）“”]|[、，（）“”] \p{Script=Han}/u.test(it.str)) style = 'spaced';
  }
  return style;
}

/**
 * A run drawn letter-spaced (CSS `letter-spacing`, 分散对齐 within one run): pdf.js puts a space
 * between every two characters, `9 6 1 7 1 . 6` for 96171.6 (data/reports/2024_huaian_szf.pdf's
 * template printed with `letter-spacing: 0.3em` by Chromium). Chinese characters, digits and their
 * marks each one space apart are one word, the spaces dropped. Digits only on a line whose label is
 * spaced the same way (`行 政 事 业 性 收 费` beside `3 5` and `- 1 5`), and only at a letter-spacing's
 * gap: `2 0 0 0 0 0 2` after `1.属于国家秘密` in a paragraph (LibreOffice's PDF of the pdftotext
 * fragment) are seven numbers; a space's width alone cannot tell them from one.
 */
function despace(it: PdfTextItem, spacedLine: boolean): PdfTextItem {
  const s = it.str.trim();
  if (!/^(?:[\p{Script=Han}\p{P}\d%+−] )+[\p{Script=Han}\p{P}\d%]$/u.test(s)) return it;
  const chars = [...s.replace(/ /g, '')];
  const h = Math.max(it.height, 6);
  // Chinese text has no spaces between words: they go; among digits only at a letter-spacing's gap
  // (at most 0.5 font heights over a glyph's width, Han 1 height, the rest ½), not a cell's
  const natural = chars.reduce((w, c) => w + (/\p{Script=Han}|[\u3000-\u303f\uff00-\uffef“”]/u.test(c) ? h : h / 2), 0);
  const spaced = !/\d/.test(s) || (spacedLine && (it.width - natural) / (chars.length - 1) <= 0.5 * h);
  return spaced ? { ...it, str: chars.join('') } : it;
}

/** One Chinese character or full-width punctuation mark. */
const HAN_CHAR = /^[\p{Script=Han}（）、，：；“”《》]$/u;

/**
 * A label spread over its cell (Word's 分散对齐, CSS `text-align-last: justify`: Chromium writes each
 * character as an item of its own, `规` at x 9.7 and `章` at 63.7 in a 63 pt cell; the forms sweep's
 * pdf-distributed of 2024_pingtan_zhqsyq) → one item. A run
 * of single characters, each the same gap from the next (±1 pt, wider than a word's gap), is one
 * label; a first character at another gap (a merged group label's, left of the row label) is not of it.
 */
function mergeSpread(items: PdfTextItem[], limit: number): PdfTextItem[] {
  // only a row's label, left of the numbers (`limit`): column headers wrapped to a character per
  // line (`社` `法` over narrow columns) lie at even gaps too
  let firstNumber = items.findIndex((it) => it.x + it.width > limit);
  if (firstNumber < 0) firstNumber = items.length;
  if (firstNumber <= 1) return items;
  const out: PdfTextItem[] = [];
  for (let i = 0; i < firstNumber;) {
    let j = i;
    while (j + 1 < firstNumber && HAN_CHAR.test(items[j]!.str.trim()) && HAN_CHAR.test(items[j + 1]!.str.trim())) j++;
    if (j === i) { out.push(items[i]!); i++; continue; }
    // items i..j are single characters; take the longest tail of equal gaps, starting at i or i + 1
    const gap = (k: number) => items[k + 1]!.x - (items[k]!.x + items[k]!.width);
    const even = (from: number) => { for (let k = from + 1; k < j; k++) if (Math.abs(gap(k) - gap(from)) > 1) return false; return true; };
    const from = even(i) ? i : j - i >= 2 && even(i + 1) ? i + 1 : -1;
    if (from < 0) { out.push(...items.slice(i, j + 1)); i = j + 1; continue; }
    out.push(...items.slice(i, from));
    const run = items.slice(from, j + 1);
    // the row's marker (`2.`, `（一）`) spread the same way is its first part
    const before = out[out.length - 1];
    if (before && /^(?:\d{1,2}[.．、]|[（(][一二三四五六七八九十]+[)）])$/.test(before.str.trim()) && Math.abs(run[0]!.x - before.x - before.width - gap(from)) <= 1) run.unshift(out.pop()!);
    const last = run[run.length - 1]!;
    out.push({ ...run[0]!, str: run.map((it) => it.str.trim()).join(''), width: last.x + last.width - run[0]!.x, height: Math.max(...run.map((it) => it.height)) });
    i = j + 1;
  }
  return [...out, ...items.slice(firstNumber)];
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
  /** a single number alone on its line: a row only if a wrapped label is attached to it */
  lone: boolean;
  /** lines attached to this row that lie as close to another row */
  ties: { line: Line; other: Row }[];
}

/**
 * A value row: a line whose items right of its first number are all value cells, with at least
 * one value. Label items left of the first value become the row's own label fragment.
 */
function asValueRow(line: Line): Row | null {
  // the values are the line's trailing run of value cells; a vertical group label's `无` (of
  // （四）无法提供) left of the row label is not one
  let firstValue = line.items.length;
  while (firstValue > 0 && isValueItem(line.items[firstValue - 1]!)) firstValue--;
  if (firstValue === line.items.length) return null;
  const values = line.items.slice(firstValue);
  if (!values.some(hasDigitOrGlyph)) return null;
  const label = line.items.slice(0, firstValue);
  // A lone number after prose is not a table row (e.g. a page number "- 3 -" is not a value item,
  // but "共 12" could be); require a label that is not a sentence, or several values.
  if (values.length === 1 && labelText(label).length > 40) return null;
  return { line, values, fragments: labelCells(label, line.y), leadingLabel: label, lone: values.length === 1 && label.length === 0, ties: [] };
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

const WRAP_PITCH = 1.45; // × font height: the most a wrapped line lies below the one before in one cell
/** Stands for a value cell whose number is broken over lines and cannot be read whole: written empty. */
const BROKEN = '\uE001';
const PIECE_RE = /^[-−+]?[\d,，.]*\d[\d,，.]*(?:万元|元|件|%)?$/;

/**
 * Numbers broken over lines inside their cells (a narrow column: `30` / `01` for 3001, `44` / `7`
 * for 447 — data/reports/2024_huaian_szf.pdf's template printed 105 mm wide by Chromium with
 * `word-break: break-all`) → one number each, on the line of its row's other cells, so that a piece
 * is never read as a number of its own. The pieces of one cell: number items stacked at a wrapped
 * line's pitch (more than a baseline's jitter apart, at most WRAP_PITCH font heights), aligned at
 * their left, centre or right, at most 3 (a taller stack is a column of compact rows). Not a cell's
 * pieces when a label beside a lower piece starts a row of its own (`行政规范性文件` under `规章` in a
 * compact table). Where its row's other numbers are says which line the number is on: the pieces'
 * middle (cells centred vertically, as Chromium prints them) or the first piece's line (top-aligned,
 * nothing beside the lower pieces). Otherwise (no other number beside either) the cell cannot be
 * read whole for sure: it is left empty and reported. Pieces whose joined text is no number are left as they are.
 */
function joinWrappedNumbers(lines: Line[]): { lines: Line[]; broken: Map<PdfTextItem, string> } {
  const broken = new Map<PdfTextItem, string>();
  const lineOf = new Map<PdfTextItem, Line>();
  for (const l of lines) for (const it of l.items) lineOf.set(it, l);
  // a piece may end in a separator (`18651.` / `06`, `1,` / `234`): only the joined text must be a number
  // only in a line's trailing run of cells, as a row's numbers are: not a number inside prose
  // (`其中：1.` over `00` in a paragraph of 2018_pingtan_zhqsyq printed letter-spaced)
  const numbers = lines.flatMap((l) => {
    let k = l.items.length;
    while (k > 0 && (isValueItem(l.items[k - 1]!) || PIECE_RE.test(l.items[k - 1]!.str.trim()))) k--;
    return l.items.slice(k).filter((it) => PIECE_RE.test(it.str.trim()));
  });
  const next = new Map<PdfTextItem, PdfTextItem>();
  const prev = new Map<PdfTextItem, PdfTextItem>();
  const aligned = (a: PdfTextItem, b: PdfTextItem) => Math.abs(a.x - b.x) < 1.5 || Math.abs(centre(a) - centre(b)) < 1.5 || Math.abs(a.x + a.width - b.x - b.width) < 1.5;
  for (const a of numbers) {
    const h = Math.max(6, a.height);
    let best: PdfTextItem | null = null;
    for (const b of numbers) {
      const dy = a.y - b.y;
      if (b.page !== a.page || dy < SAME_LINE || dy > WRAP_PITCH * h || !aligned(a, b) || (best && best.y > b.y)) continue;
      best = b;
    }
    if (best && !prev.has(best)) { next.set(a, best); prev.set(best, a); }
  }
  const stacks: PdfTextItem[][] = [];
  for (const a of numbers) {
    if (prev.has(a) || !next.has(a)) continue;
    const stack = [a];
    for (let b = next.get(a); b; b = next.get(b)) stack.push(b);
    if (stack.length <= 3) stacks.push(stack);
  }
  if (stacks.length === 0) return { lines, broken };
  const inStack = new Set(stacks.flat());
  const columnNumbers = (page: number, y: number) => numbers.filter((it) => it.page === page && !inStack.has(it) && Math.abs(it.y - y) < SAME_LINE);
  const startsRow = (l: Line) => labelCells(l.items.filter((it) => !isValueItem(it)), l.y).some((c) => ROW_MARKER.test(c.text) || namesOneRow(c.text));
  const moved: PdfTextItem[] = [];
  for (const stack of stacks) {
    const lower = stack.slice(1);
    if (lower.some((it) => startsRow(lineOf.get(it)!))) continue;
    const top = stack[0]!;
    const mid = stack.reduce((s, it) => s + it.y, 0) / stack.length;
    const raw = stack.map((it) => it.str.trim()).join('');
    if (!VALUE_RE.test(raw)) continue; // `1.` over `2.`: row markers, not a number's pieces
    const y = columnNumbers(top.page, mid).length ? mid
      : columnNumbers(top.page, top.y).length && lower.every((it) => columnNumbers(it.page, it.y).length === 0) ? top.y
        : null;
    for (const it of stack) { const l = lineOf.get(it)!; l.items = l.items.filter((x) => x !== it); }
    const xEnd = Math.max(...stack.map((it) => it.x + it.width));
    const x = Math.min(...stack.map((it) => it.x));
    const joined: PdfTextItem = { ...top, str: y !== null ? raw : BROKEN, x, width: xEnd - x, y: y ?? mid };
    if (joined.str === BROKEN) broken.set(joined, raw);
    moved.push(joined);
  }
  for (const it of moved) {
    const l = lines.find((x) => x.page === it.page && Math.abs(x.y - it.y) < SAME_LINE);
    if (l) { l.items.push(it); l.items.sort((a, b) => a.x - b.x); }
    else lines.push({ y: it.y, page: it.page, items: [it] });
  }
  const kept = lines.filter((l) => l.items.length > 0);
  kept.sort((a, b) => a.page - b.page || b.y - a.y);
  return { lines: kept, broken };
}

/**
 * A running header or footer: the first or last line of its page, at the same baseline (±2 pt) as
 * the first / last line of another page with the same text but for its digits, holding a digit (a
 * date, a page number) and no row's numbers. The browser's print to PDF puts `12/1/26, 2:55 PM
 * <title>` above and `about:blank 1/2` below every page; their digits read as the table's numbers
 * (2012_pingtanxian_rmzf printed so: 受理…总数条2121 read as 2121, not 21 | 21). They go.
 */
function dropRunningLines(lines: Line[]): Line[] {
  const ends: { line: Line; key: string }[] = [];
  const pages = new Map<number, Line[]>();
  for (const l of lines) pages.set(l.page, [...(pages.get(l.page) ?? []), l]);
  if (pages.size < 2) return lines;
  for (const ls of pages.values()) {
    const top = ls[0]!;
    const bottom = ls[ls.length - 1]!;
    for (const [l, at] of [[top, 'top'], [bottom, 'bottom']] as const) {
      const text = labelText(l.items);
      if (/\d/.test(text) && !asValueRow(l)) ends.push({ line: l, key: `${at}|${text.replace(/\d+/g, '#')}` });
    }
  }
  const drop = new Set<Line>();
  for (const e of ends) if (ends.some((o) => o !== e && o.key === e.key && o.line.page !== e.line.page && Math.abs(o.line.y - e.line.y) <= 2)) drop.add(e.line);
  return drop.size ? lines.filter((l) => !drop.has(l)) : lines;
}

export function layoutPdfText(items: PdfTextItem[]): PdfLayout {
  const { lines, broken: brokenItems } = joinWrappedNumbers(dropRunningLines(groupLines(items)));
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
  const owner = new Map<Line, Row>();
  for (const r of rowList) owner.set(r.line, r);
  /** rows printed with no number: first line of the label → the label and the value row beside it */
  const blankRows = new Map<Line, { block: Block; next: Row | null; width?: number | null }>();
  const inBlank = new Set<Line>();
  const markBlank = (b: Block, next: Row | null, width?: number | null) => {
    blankRows.set(b.lines[0]!, { block: b, next, width });
    for (const x of b.lines) inBlank.add(x);
  };
  for (let li = 0; li < lines.length; li++) {
    const l = lines[li]!;
    if (rows.has(l) || inBlank.has(l)) continue;
    // A continuation line (no row marker) right under a line of the same label column belongs to
    // that line's row: the wrapped label of a row printed with no numbers must not join the row
    // below or above it (`1.属于国家` / `秘密` in 2024_xiangtanxian_zfbgs_blank.pdf).
    const follow = continuationOwner(lines, li, owner);
    if (follow && l.items.every((it) => it.x + it.width <= follow.values[0]!.x)) {
      // continued on the next page: placed (for the label's reading order) just under its last line
      const y = l.page === follow.line.page ? l.y : Math.min(...follow.fragments.map((f) => f.y), follow.line.y) - 1;
      follow.fragments.push(...labelCells(l.items, y));
      attached.add(l);
      owner.set(l, follow);
      continue;
    }
    let best: Row | null = null;
    let bestDy = Infinity;
    let second: Row | null = null;
    let secondDy = Infinity;
    let aboveRow: Row | null = null;
    let belowRow: Row | null = null;
    // A line whose label cell starts with a row marker (（二）, 1., 一、) is the first line of its
    // cell: its numbers are on it or below it, never above (the Word PDF of 2024_xiangtanxian_zfbgs:
    // `（二）部分公开` sits between （一）'s numbers and its own, closer to （一）'s).
    const cellsOfLine = labelCells(l.items, l.y);
    // a heading inside table 二 (`第二十条第（九）项`) or of the next table is no row's label
    if (cellsOfLine.length === 1 && (SUBSECTION.test(cellsOfLine[0]!.text.replace(/\s+/g, '')) || sectionOf(cellsOfLine[0]!.text) !== null)) continue;
    const starts = ROW_MARKER.test(cellsOfLine[cellsOfLine.length - 1]?.text ?? '');
    for (const r of rowList) {
      if (r.line.page !== l.page) continue;
      if (r.line.y > l.y) { if (!aboveRow || r.line.y < aboveRow.line.y) aboveRow = r; }
      else if (!belowRow || r.line.y > belowRow.line.y) belowRow = r;
      if (starts && r.line.y > l.y + SAME_LINE) continue;
      const dy = Math.abs(r.line.y - l.y);
      if (dy < bestDy) { second = best; secondDy = bestDy; bestDy = dy; best = r; }
      else if (dy < secondDy) { secondDy = dy; second = r; }
    }
    const insideTable = aboveRow !== null && belowRow !== null && sameTable(aboveRow, belowRow, lines);
    // A line that names a row by itself, in the column of the nearest row's own label and a cell's
    // step away from it (not a wrapped line's pitch), is a row printed with no number
    // (`规章 | 0 | 0 | 0` then `规范性文件` with three empty cells): its own row, never glued onto
    // the neighbour's label.
    const block = best && (bestDy <= ATTACH || insideTable) ? labelBlock(lines, li, rows) : null;
    if (block && isBlankRowNextTo(block, best!)) {
      markBlank(block, best);
      continue;
    }
    // Only lines left of the row's first value can be its label.
    if (best && (bestDy <= ATTACH || insideTable) && l.items.every((it) => it.x + it.width <= best!.values[0].x)) {
      best.fragments.push(...labelCells(l.items, l.y));
      attached.add(l);
      owner.set(l, best);
      if (second && secondDy - bestDy < TIE && l.items.every((it) => it.x + it.width <= second!.values[0].x)) best.ties.push({ line: l, other: second });
      continue;
    }
    // A row's first line too far above its numbers for the rules above: its cell's lines run on,
    // a wrapped line's pitch apart, down to the row's own line (a tall cell at a page's top).
    const down = starts ? rowDownTheCell(lines, li, rows) : null;
    if (down) {
      down.fragments.push(...labelCells(l.items, l.y));
      attached.add(l);
      owner.set(l, down);
    }
  }
  // A lone number with no label attached is not a row: it stays a plain line, as before.
  for (const [l, r] of rows) if (r.lone && r.fragments.length === 0) rows.delete(l);
  const bands = columnBands([...rows.values()], lines);
  // Rows whose label depends on a line that is as close to another row: neither can be placed.
  // A row whose label holds two row markers (`1.属于国家…2.其他法律…`: rows printed with no number
  // at all leave their labels to the next row) cannot say which label its numbers belong to.
  const unplacedRows = new Set<Row>();
  for (const r of rows.values()) {
    const col = labelColumn(r);
    const markers = r.fragments.filter((f) => f.xEnd > col - 2 && ROW_MARKER.test(f.text)).length;
    if (markers >= 2 && !splitLabels(r, col)) unplacedRows.add(r);
    for (const t of r.ties) {
      if (!rows.has(t.other.line)) continue;
      const kept = labelCells(t.line.items, t.line.y).some((f) => f.xEnd > Math.min(col, labelColumn(t.other)) - 2);
      if (kept) { unplacedRows.add(r); unplacedRows.add(t.other); }
    }
  }

  // Rows printed with no number far from any numbered row (a section of table 二 all blank): a line
  // that names a row by itself, under a header whose columns it can take.
  for (let li = 0; li < lines.length; li++) {
    const l = lines[li]!;
    if (rows.has(l) || attached.has(l) || inBlank.has(l)) continue;
    // under a numbered row of a table with known columns, only the row label column counts: merged
    // group labels left of it (`（五` / `）不` / `予处` / `理`) share lines with the row labels
    let above: Row | undefined;
    for (let k = li - 1; k >= 0 && lines[k]!.page === l.page && !above; k--) above = rows.get(lines[k]!);
    const colX = above && bands.has(above) ? Math.min(...above.fragments.filter((f) => f.xEnd > labelColumn(above!) - 2).map((f) => f.x)) : undefined;
    const block = labelBlock(lines, li, rows, colX);
    const width = block && namesOneRow(block.text) ? tableWidth(lines, li, block, rows, bands, inBlank, attached, colX) : null;
    if (block && width !== null) markBlank(block, null, width);
  }

  const out: string[] = [];
  const linePages: number[] = [];
  const unreadable: PdfLayout['unreadable'] = [];
  const unplaced: PdfLayout['unplaced'] = [];
  const broken: PdfLayout['broken'] = [];
  let lastPage = 0;
  const bodyHeight = typicalHeight(lines);
  let prevPlain: Line | null = null;
  for (const l of lines) {
    if (attached.has(l) || (inBlank.has(l) && !blankRows.has(l))) continue;
    if (l.page !== lastPage) {
      // A page marker line keeps pages apart without looking like a row.
      lastPage = l.page;
    }
    const r = rows.get(l);
    const blank = blankRows.get(l);
    if (blank) {
      prevPlain = null;
      const { block, next } = blank;
      const width = blank.width || (next && bands.get(next)?.length) || tableWidth(lines, lines.indexOf(l), block, rows, bands, inBlank, attached) || next?.values.length;
      out.push(`${block.text}${width ? ` | ${new Array<string>(width).fill(EMPTY).join(' | ')} |` : ''}`);
      linePages.push(l.page);
      continue;
    }
    if (!r) {
      const t = labelText(l.items).replaceAll(BROKEN, '');
      if (prevPlain && headingGoesOn(prevPlain, l, bodyHeight)) out[out.length - 1] += (/[A-Za-z0-9]$/.test(out[out.length - 1]!) && /^[A-Za-z]/.test(t) ? ' ' : '') + t;
      else { out.push(t); linePages.push(l.page); }
      prevPlain = l;
      continue;
    }
    prevPlain = null;
    // The row's label column starts at the rightmost start among its fragments; fragments that end
    // before it are merged group labels centred on a block of rows ("（三）不", the vertical
    // "三、本年度办理结果") — dropped here, because the row's own label ("1.属于国家秘密") names
    // it. A wrapped continuation indented under "5." still overlaps the column and is kept.
    const col = labelColumn(r);
    const split = unplacedRows.has(r) ? null : splitLabels(r, col);
    const label = (split ? split.own : r.fragments.filter((f) => f.xEnd > col - 2).sort((a, b) => b.y - a.y || a.x - b.x))
      .map((f) => f.text)
      .join('');
    const rowBands = bands.get(r) ?? null;
    // rows printed with no number at all: their own lines, every cell empty (when the columns are known)
    const emptyRow = (segment: Fragment[]) => {
      out.push(`${segment.map((f) => f.text).join('')}${rowBands ? ` | ${rowBands.map(() => EMPTY).join(' | ')} |` : ''}`);
      linePages.push(l.page);
    };
    split?.above.forEach(emptyRow);
    let cells = placeInBands(r, rowBands);
    if (unplacedRows.has(r)) {
      unplaced.push({ page: l.page, line: out.length + 1, label });
      cells = cells.map(() => EMPTY);
    }
    for (const [it, raw] of brokenItems) if (r.values.includes(it)) broken.push({ page: l.page, line: out.length + 1, raw });
    cells = cells.map((c) => (c === BROKEN ? EMPTY : c));
    out.push(`${label} | ${cells.join(' | ')} |`);
    linePages.push(l.page);
    split?.below.forEach(emptyRow);
    for (const c of cells) if (c !== EMPTY && UNREADABLE_RE.test(c)) unreadable.push({ page: l.page, line: out.length, raw: c });
  }
  return { text: out.join('\n'), linePages, unreadable, unplaced, broken };
}

/** The type size of most of the text (by characters): the body's, below a heading's. */
function typicalHeight(lines: Line[]): number {
  const count = new Map<number, number>();
  for (const l of lines) for (const it of l.items) { const h = Math.round(it.height * 2) / 2; count.set(h, (count.get(h) ?? 0) + it.str.length); }
  let best = 0;
  let n = -1;
  for (const [h, c] of count) if (c > n) { best = h; n = c; }
  return best;
}

/**
 * Line `l` goes on the heading of line `prev`: both printed larger than the body text in one type
 * size, on one page, `l` right under `prev` (at most 1.6 of their height). A title wrapped on a
 * narrow page (`淮安市人民政府2024年政` / `府信息公开工作年度报告`, data/reports/2024_huaian_szf.pdf
 * printed on A5 by Chromium) is one line, as the text pipeline reads a title.
 */
function headingGoesOn(prev: Line, l: Line, body: number): boolean {
  const h = prev.items[0]?.height ?? 0;
  // (heights within 12%: a PDF re-written by cairo gives each run its glyphs' height, 23.3–24.4 for 24 pt)
  const one = (x: Line) => x.items.every((it) => Math.abs(it.height - h) < Math.max(0.5, 0.12 * h));
  return h >= 1.2 * body && prev.page === l.page && one(prev) && one(l) && prev.y > l.y && prev.y - l.y <= 1.6 * h;
}

/**
 * The row of the label line just above line `li` in the same column (x ranges overlap, at most
 * 1.45 font heights above: one line pitch, less than the step between two cells, 1.65 in the
 * LibreOffice fixtures), when line `li` does not start a label of its own.
 */
function continuationOwner(lines: Line[], li: number, owner: Map<Line, Row>): Row | null {
  const l = lines[li]!;
  const cells = labelCells(l.items, l.y);
  const last = cells[cells.length - 1];
  if (!last || ROW_MARKER.test(last.text)) return null;
  // a heading of table 二 (`第二十条第（六）项` at the top of a page) or of the next table continues no label
  if (cells.length === 1 && (SUBSECTION.test(last.text.replace(/\s+/g, '')) || sectionOf(last.text) !== null)) return null;
  const h = Math.max(6, ...l.items.map((it) => it.height));
  // the first line of a page continues the label of the last line of the page before, in the same
  // column and type size (`5.要求行政机关确认或重新出具已` / page break / `获取信息`, the 2020 fixture
  // of test/fixtures/pdf-word) — unless it names a row by itself (a blank row at the page's top)
  const before = lines[li - 1];
  if (before && before.page === l.page - 1 && cells.length === 1 && !namesOneRow(last.text) && !namesOneRow(wrappedOn(lines, li, last, h))) {
    const r = owner.get(before);
    const frags = r ? (before === r.line ? r.fragments.filter((f) => f.y === before.y) : labelCells(before.items, before.y)) : [];
    const sameSize = before.items.every((it) => Math.abs(it.height - h) < 0.5);
    if (r && sameSize && frags.some((f) => f.x < last.xEnd && last.x < f.xEnd)) return r;
    return null;
  }
  for (let k = li - 1; k >= 0 && k >= li - 4; k--) {
    const p = lines[k]!;
    // a line's y is its first item's: the label's own baseline may lie a little lower (numbers
    // centred a point above the label: `5.要求行政机关` at 24.7, its numbers at 25.8)
    const labels = p.items.filter((it) => !isValueItem(it));
    const py = labels.length ? Math.min(...labels.map((it) => it.y)) : p.y;
    if (p.page !== l.page || py - l.y > 1.45 * h) return null;
    const r = owner.get(p);
    if (!r) continue;
    const frags = p === r.line ? r.fragments.filter((f) => f.y === p.y) : labelCells(p.items, p.y);
    if (frags.some((f) => f.x < last.xEnd && last.x < f.xEnd)) return r;
  }
  return null;
}

/**
 * The value row whose label cell begins at line `li` (a row marker's line) and runs down, line by
 * line at most a wrapped line's pitch apart and overlapping its x range, to the row's own baseline
 * (`1.申请人无正当` / `理由逾期不补` / `正、行政机关不 | 2 | 0 …` / …: 2022_pingtan_zhqsyq's template
 * printed on A5 at scale 1.4 by Chromium, the cell at the top of a page). Null when anything else
 * comes first: a line starting another row, a line of other cells, a page's end.
 */
function rowDownTheCell(lines: Line[], li: number, rows: Map<Line, Row>): Row | null {
  const first = lines[li]!;
  const cells = labelCells(first.items, first.y);
  const cell = cells[cells.length - 1];
  if (!cell) return null;
  const h = Math.max(6, ...first.items.map((it) => it.height));
  let y = first.y;
  for (let k = li + 1; k < lines.length && k <= li + 8; k++) {
    const q = lines[k]!;
    const own = q.items.filter((it) => !isValueItem(it) && it.x < cell.xEnd && cell.x < it.x + it.width);
    const ownY = own.length ? Math.max(...own.map((it) => it.y)) : q.y;
    if (q.page !== first.page || y - ownY > 1.45 * h) return null;
    if (own.length === 0) return null;
    if (ROW_MARKER.test(labelText(own))) return null;
    const r = rows.get(q);
    if (r) return r;
    if (q.items.some((it) => !own.includes(it))) return null;
    y = Math.min(...own.map((it) => it.y));
  }
  return null;
}

/**
 * Label cell `cell` of line `li` with the lines wrapped under it (same page, each at most a wrapped
 * line's pitch below the one before, overlapping its x range, starting no row; number-only lines
 * between are skipped): `其他对外管理服务事` / `项` at the top of a page, its numbers between the two
 * (2020_zibo_zhongbuzhen's template printed on A5 by Chromium, table 二 cut by the page break).
 */
function wrappedOn(lines: Line[], li: number, cell: Fragment, h: number): string {
  let text = cell.text;
  let y = lines[li]!.y;
  for (let k = li + 1, n = 0; k < lines.length && n < 3; k++) {
    const q = lines[k]!;
    if (q.page !== lines[li]!.page || y - q.y > 1.45 * h) break;
    const own = q.items.filter((it) => !isValueItem(it) && it.x < cell.xEnd && cell.x < it.x + it.width);
    if (own.length === 0) { if (q.items.every(isValueItem)) continue; break; }
    const t = labelText(own);
    if (ROW_MARKER.test(t)) break;
    text += t;
    y = q.y;
    n++;
  }
  return text;
}

/** A label cell printed with no number: its lines (one, or wrapped at a line's pitch), text and x range. */
interface Block {
  lines: Line[];
  text: string;
  x: number;
  xEnd: number;
}

/**
 * The label cell starting at line `li`: the line (one label cell, no number) and the lines right
 * under it at a wrapped line's pitch (at most 1.45 font heights) that overlap it and start no row
 * label of their own (`行政规` / `范性文` / `件`, centred, in test/fixtures/pdf-word/2022_pingtan_zhqsyq.pdf).
 */
function labelBlock(lines: Line[], li: number, rows: Map<Line, Row>, colX?: number): Block | null {
  const first = lines[li]!;
  const inColumn = (l: Line) => (colX === undefined ? l.items : l.items.filter((it) => it.x + it.width > colX + 1));
  const cells = labelCells(inColumn(first), first.y);
  if (cells.length !== 1) return null;
  const h = Math.max(6, ...first.items.map((it) => it.height));
  const block: Block = { lines: [first], text: cells[0]!.text, x: cells[0]!.x, xEnd: cells[0]!.xEnd };
  for (let k = li + 1; k < lines.length; k++) {
    const q = lines[k]!;
    const prev = block.lines[block.lines.length - 1]!;
    if (q.page !== first.page || rows.has(q) || prev.y - q.y > 1.45 * h) break;
    const own = inColumn(q);
    if (own.length === 0) continue; // a group label's line only
    const qc = labelCells(own, q.y);
    if (qc.length !== 1 || ROW_MARKER.test(qc[0]!.text) || qc[0]!.x >= block.xEnd || block.x >= qc[0]!.xEnd) break;
    block.lines.push(q);
    block.text += qc[0]!.text;
    block.x = Math.min(block.x, qc[0]!.x);
    block.xEnd = Math.max(block.xEnd, qc[0]!.xEnd);
  }
  return block;
}

/**
 * Label cell `b` (no number) is a row of its own beside value row `r`: it names one row by itself,
 * lies in the column of the label printed on `r`'s own baseline, which names another row, and more
 * than a wrapped line's pitch (1.45 font heights) from it.
 */
function isBlankRowNextTo(b: Block, r: Row): boolean {
  if (!namesOneRow(b.text)) return false;
  const own = r.fragments.filter((f) => f.y === r.line.y);
  const ownLabel = own[own.length - 1];
  if (!ownLabel || !namesOneRow(ownLabel.text) || ownLabel.x >= b.xEnd || b.x >= ownLabel.xEnd) return false;
  const h = Math.max(6, ...b.lines[0]!.items.map((it) => it.height));
  return b.lines.every((l) => Math.abs(r.line.y - l.y) > 1.45 * h) && b.xEnd <= r.values[0]!.x;
}

/**
 * The number of columns of the table that label cell `b` (a row printed with no number, starting at
 * line `li`) is in: the column bands of the numbered row nearest above it, else the header nearest
 * above — lines at a wrapped line's pitch with a label cell in `b`'s column (`信息内容`) and words
 * right of it, one column per group of word centres (`本年新制作数量 | 本年新公开数量 | 对外公开总数量`
 * → 3; wrapped `上一/年项/目数/量 | 本年/增//减 | 处理/决定/数量` → 3). Only rows (numbered or not)
 * may lie between, each less than 4 font heights from the next; anything else (prose, a heading)
 * means the cell is in no table: null.
 */
function tableWidth(lines: Line[], li: number, b: Block, rows: Map<Line, Row>, bands: Map<Row, number[]>, inBlank: Set<Line>, attached: Set<Line>, colX?: number): number | null {
  const l = lines[li]!;
  const h = Math.max(6, ...l.items.map((it) => it.height));
  let y = l.y;
  let atLeast = 0;
  for (let k = li - 1; k >= 0 && k >= li - 80; k--) {
    const p = lines[k]!;
    // a table continued at the top of the next page: its header is the last line of the page before
    const pageTurn = p.page === l.page - 1 && y === l.y && k === li - 1;
    if (!pageTurn && (p.page !== l.page || p.y - y > 4 * h)) return null;
    y = p.y;
    const row = rows.get(p);
    if (row) {
      const rb = bands.get(row);
      if (rb) return rb.length;
      atLeast = Math.max(atLeast, row.values.length);
      continue;
    }
    if (inBlank.has(p) || attached.has(p)) continue; // a row's own label lines
    if (colX !== undefined && p.items.every((it) => it.x + it.width <= colX + 1)) continue; // a group label's line
    // the header's lines, up to the line above it; a header begun at the foot of the page before
    // (2020_pingtan_zhqsyq.pdf of test/fixtures/pdf-word: 信息内 / 采购 采购总金额 on page 1, 容 /
    // 项目 / 数量 on page 2) is read on from there. A header with no line above it is not whole.
    const header: Line[] = [];
    let whole = false;
    let page = p.page;
    for (let j = k, top = p.y; j >= 0; j--) {
      const q = lines[j]!;
      if (q.page === page - 1 && page === p.page && header.every((x) => x.page === page)) { page = q.page; top = Infinity; }
      if (q.page !== page) break;
      if (rows.has(q) || inBlank.has(q) || q.y - top > 1.45 * h) { whole = true; break; }
      header.push(q);
      top = q.y;
    }
    if (!whole) return null;
    const items = header.flatMap((q) => q.items);
    // the label column's header: what starts at the label or over it (`信 息 内 容` spread over the cell)
    const labelItems = items.filter((it) => (it.x <= b.x + h || it.x + it.width <= b.xEnd + 1) && it.x + it.width > b.x - 2);
    if (labelItems.length === 0) return null;
    const labelEnd = Math.max(...labelItems.map((it) => it.x + it.width));
    const centres = items.filter((it) => it.x >= labelEnd - 1).map(centre).sort((m, n) => m - n);
    if (centres.length === 0) return null;
    let columns = 1;
    for (let i = 1; i < centres.length; i++) if (centres[i]! - centres[i - 1]! >= h) columns++;
    return Math.max(atLeast, columns);
  }
  return null;
}

/**
 * A row whose label holds several row markers, split into label cells at each marker: the row's
 * numbers belong to the cell holding its own line (or whose lines enclose it); the others are rows
 * printed with no number. Null when no cell can be said to be the row's.
 */
function splitLabels(r: Row, col: number): { own: Fragment[]; above: Fragment[][]; below: Fragment[][] } | null {
  const frags = r.fragments.filter((f) => f.xEnd > col - 2).sort((a, b) => b.y - a.y || a.x - b.x);
  const segments: Fragment[][] = [];
  for (const f of frags) {
    if (segments.length === 0 || ROW_MARKER.test(f.text)) segments.push([f]);
    else segments[segments.length - 1]!.push(f);
  }
  const y = r.line.y;
  const onLine = segments.filter((seg) => seg.some((f) => Math.abs(f.y - y) < SAME_LINE));
  const around = segments.filter((seg) => seg[0]!.y >= y - SAME_LINE && seg[seg.length - 1]!.y <= y + SAME_LINE);
  const own = onLine.length === 1 ? onLine[0]! : onLine.length === 0 && around.length === 1 ? around[0]! : null;
  if (!own || !ROW_MARKER.test(own[0]!.text)) return null;
  const i = segments.indexOf(own);
  return { own, above: segments.slice(0, i), below: segments.slice(i + 1) };
}

/** The row's label column: the rightmost start among its label fragments. */
function labelColumn(r: Row): number {
  return Math.max(...r.fragments.map((f) => f.x), -Infinity);
}

const centre = (it: PdfTextItem) => it.x + it.width / 2;

/**
 * Column x-bands per table: rows of one page closer than ROW_BLOCK form a table; the rows that
 * print the most values give the columns (their value centres). Only rows with as many values as
 * the widest rows and matching centres define the bands; tables whose widest rows disagree get none.
 */
function columnBands(rows: Row[], lines: Line[]): Map<Row, number[]> {
  const out = new Map<Row, number[]>();
  const sorted = [...rows].sort((a, b) => a.line.page - b.line.page || b.line.y - a.line.y);
  const rowLines = new Set(rows.map((r) => r.line));
  let block: Row[] = [];
  let prevTop = Infinity; // baseline of the row before the block (same page), a header lies below it
  let carried: number[] | null = null; // the last table's columns, for its continuation on the next page
  const flush = () => {
    if (block.length === 0) return;
    const width = Math.max(...block.map((r) => r.values.length));
    const full = block.filter((r) => r.values.length === width);
    const h = Math.max(6, ...block.flatMap((r) => r.values.map((v) => v.height)));
    const fits = (bands: number[]) => block.every((r) => r.values.every((v) => bands.some((b) => Math.abs(centre(v) - b) < h)));
    const fromHeader = headerBands(block, lines, rowLines, prevTop, h);
    if (fromHeader && width >= 2 && fromHeader.length > width && fits(fromHeader)) {
      for (const r of block) out.set(r, fromHeader);
      carried = fromHeader;
    } else if (!fromHeader && width >= 2 && carried && carried.length > width && fits(carried)) {
      // a table continued (on the next page, or after rows printed with no number) repeats no
      // header: its columns are the previous block's
      for (const r of block) out.set(r, carried);
    } else if (width >= 2) {
      // the widest rows give the columns only where a header (or the table's part on the page
      // before) confirms their count: rows that all have blanks must not define the columns
      const bands = full[0]!.values.map(centre);
      const confirmed = fromHeader?.length === width || (prevTop === Infinity && carried?.length === width);
      const agree = confirmed && full.every((r) => r.values.every((v, i) => Math.abs(centre(v) - bands[i]!) < h));
      if (agree) for (const r of block) out.set(r, bands);
      if (fromHeader || agree) carried = fromHeader && fromHeader.length === width && fits(fromHeader) ? fromHeader : agree ? bands : null;
    } else if (fromHeader) carried = null;
    const last = block[block.length - 1]!;
    block = [];
    prevTop = last.line.y;
  };
  for (const r of sorted) {
    const last = block[block.length - 1];
    if (last && !sameTable(last, r, lines)) {
      const samePage = last.line.page === r.line.page;
      flush();
      if (!samePage) prevTop = Infinity;
    }
    block.push(r);
  }
  flush();
  return out;
}

/**
 * Two neighbouring value rows belong to one table when they are close, or when everything printed
 * between them lies left of their numbers (a label wrapped over many lines in a Word table makes a
 * tall row; a header between two tables spans their value columns).
 */
function sameTable(upper: Row, lower: Row, lines: Line[]): boolean {
  if (upper.line.page !== lower.line.page) return false;
  const gap = upper.line.y - lower.line.y;
  if (gap <= ROW_BLOCK) return true;
  if (gap > 3 * ROW_BLOCK) return false;
  const right = Math.min(upper.values[0]!.x, lower.values[0]!.x);
  return lines.every((l) => l.page !== upper.line.page || l.y >= upper.line.y || l.y <= lower.line.y ||
    l.items.every((it) => it.x + it.width <= right));
}

const HEADER_DEPTH = 110; // points above a table's first row where its column headers may lie

/**
 * Column centres from the header cells above a table: the words right of the label column, grouped
 * by centre; a header spanning several columns (申请人情况, 法人或其他组织, 行政诉讼) has lower header
 * cells on both sides of it and is dropped. Null when there is no such header.
 */
function headerBands(block: Row[], lines: Line[], rowLines: Set<Line>, prevTop: number, h: number): number[] | null {
  const first = block[0]!;
  const left = Math.min(...block.map((r) => r.values[0]!.x)) - h;
  const words = lines
    .filter((l) => l.page === first.line.page && !rowLines.has(l) && l.y > first.line.y && l.y < Math.min(prevTop, first.line.y + HEADER_DEPTH))
    .flatMap((l) => l.items.filter((it) => it.x >= left && it.str.trim() !== '').map((it) => ({ c: centre(it), y: l.y })));
  if (words.length === 0) return null;
  words.sort((a, b) => a.c - b.c);
  const clusters: { c: number; low: number; n: number }[] = [];
  for (const w of words) {
    const last = clusters[clusters.length - 1];
    if (last && w.c - last.c / last.n < h) { last.c += w.c; last.n++; last.low = Math.min(last.low, w.y); }
    else clusters.push({ c: w.c, low: w.y, n: 1 });
  }
  const cs = clusters.map((k) => ({ c: k.c / k.n, low: k.low }));
  const leaves = cs.filter((k) => !(cs.some((a) => a.c < k.c && a.low < k.low - 1) && cs.some((b) => b.c > k.c && b.low < k.low - 1)));
  return leaves.length >= 2 ? leaves.map((k) => k.c) : null;
}

/** A row's cells: as printed, or — when it has fewer values than its table's bands — each value in its band. */
function placeInBands(r: Row, bands: number[] | null): string[] {
  const cells = r.values.map((v) => v.str.trim());
  if (!bands || r.values.length >= bands.length || r.values.length === 0) return cells;
  const h = Math.max(6, ...r.values.map((v) => v.height));
  const placed: string[] = bands.map(() => EMPTY);
  for (const v of r.values) {
    let bi = -1;
    let bd = Infinity;
    bands.forEach((b, i) => { const d = Math.abs(centre(v) - b); if (d < bd) { bd = d; bi = i; } });
    // a value between two bands, or two values in one band: the row is printed as it is
    if (bd >= h || placed[bi] !== EMPTY) return cells;
    placed[bi] = v.str.trim();
  }
  return placed;
}
