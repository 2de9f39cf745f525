// Stage — cells: the table region of the text → a flat stream of label / number / blank tokens.
// Every layout in the corpus reduces to the same stream: one cell per line (2024_xiangtanxian),
// lines ending in " |" (2019_yueyang), lone "|" lines (2023_xjnlk), pipe rows (2024_shenzhen_*),
// space-separated numbers after a label (PDF text, 2024_huaian_szf_pdfextract_fragment) and cells
// run together with no separator (the 平潭 crawls: `...数量21710000218二、上年结转...`).
// Newline, tab and "|" are hard cell boundaries; a space between digits is only a probable one.

import { parseCell } from './cells';
import { EMPTY_CELL } from './normalise';

export type Token =
  | { kind: 'label'; text: string; line: number }
  /** `soft`: separated from the previous number token by spaces only (may be one cell).
   * `cell`: the whole text of a cell bounded by `|` or a tab (a table's own cell, pipe rows of
   * HTML/Word/PDF or pasted text): one printed number, never cut into several cells. */
  | { kind: 'num'; text: string; line: number; soft: boolean; cell?: true }
  | { kind: 'blank'; text: string; line: number };

export class LineIndex {
  private starts: number[] = [0];
  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }
  /** 1-based line of a character offset. */
  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
}

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isSpace = (c: string | undefined) => c === ' ';
const LABEL_CUT = /[一二三四五六七]、|(?<!第)\([一二三四五六七]\)|第二十条/g;
const BLANK_ONLY = /^(-{1,2}|—{1,2}|–|\/|无|空|\\|\*|N\/A|n\/a)$/;
const PAGE_MARKER = /^\s*(?:[-—–]\s*\d{1,3}\s*[-—–]|第\s*\d{1,3}\s*页(?:\s*[,，]?\s*共\s*\d{1,3}\s*页)?)\s*$/;
const MARKDOWN_RULE = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;

/** Tokenises text[from, to). Markdown rule lines and PDF page-number lines are skipped. */
export function tokenise(text: string, from: number, to: number, lines: LineIndex): Token[] {
  const out: Token[] = [];
  let cellStart = from;
  let lineStart = from;
  // Text copied from a browser (`innerText`) separates cells with tabs. An empty cell is nothing
  // between two tabs of a row line (`26\t7\t\t\t\t\t33`), or — where cells hold paragraphs — a
  // line holding only a tab right after another one (`\t` / blank lines / `\t`,
  // formats/2024_pingtan_zhqsyq_paste.txt): both become blank cells so the row keeps its columns.
  let prevTab = false; // the last boundary on this line was a tab
  let lineHasCell = false; // a cell with text was seen on this line
  let lineHasTab = false;
  let tabLinePending = false; // the last non-empty line held only a tab
  let emptyLines = 0; // empty lines since that tab line: an empty paragraph cell leaves 3 or more
  for (let i = from; i <= to; i++) {
    const c = i < to ? text[i] : '\n';
    if (c === '\n' || c === '\t' || c === '|') {
      if (tabLinePending && emptyLines >= 3 && cellStart === lineStart && i > cellStart && !isBlankRange(text, cellStart, i)) {
        // the row's last cell was an empty paragraph: the next row's label follows it
        out.push({ kind: 'blank', text: '', line: lines.lineOf(lineStart) });
        tabLinePending = false;
      }
      const before = out.length;
      if (i > cellStart) tokeniseCell(text, cellStart, i, lines, out);
      if (out.length > before) lineHasCell = true;
      else if (prevTab && lineHasCell && (c === '\t' || c === '\n')) out.push({ kind: 'blank', text: '', line: lines.lineOf(cellStart) });
      prevTab = c === '\t';
      if (c === '\t') lineHasTab = true;
      if (c === '\n') {
        // a line that gave no token is empty or holds only tabs (content always gives a token)
        if (lineHasTab && !lineHasCell) {
          // (tab-only lines with no empty line between are merged header cells of the one-cell-per-
          // line layout, 2024_xiangtanxian_zfbgs.txt, not empty paragraph cells)
          if (tabLinePending && emptyLines >= 2) out.push({ kind: 'blank', text: '', line: lines.lineOf(lineStart) });
          tabLinePending = true;
          emptyLines = 0;
        } else if (!lineHasCell) emptyLines++;
        else tabLinePending = false;
        lineStart = i + 1;
        prevTab = false;
        lineHasCell = false;
        lineHasTab = false;
        // skip a markdown rule line as a whole
        const end = text.indexOf('\n', i + 1);
        const line = text.slice(i + 1, end === -1 || end > to ? to : end);
        // a markdown rule (|---|---|) or a PDF page marker (`- 4 -`, 2024_huaian_szf_pdfextract_fragment.txt)
        // is not a cell: a page number inside a table would otherwise join the row before it
        if ((line.includes('---') && MARKDOWN_RULE.test(line)) || (line.length < 16 && PAGE_MARKER.test(line))) {
          i = end === -1 || end > to ? to : end - 1;
          lineStart = i + 1;
        }
      }
      cellStart = i + 1;
    }
  }
  return out;
}

function isBlankRange(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (text[k] !== ' ') return false;
  return true;
}

function tokeniseCell(text: string, from: number, to: number, lines: LineIndex, out: Token[]): void {
  let s = from;
  let e = to;
  while (s < e && isSpace(text[s])) s++;
  while (e > s && isSpace(text[e - 1])) e--;
  if (s === e) return; // an empty cell in a text layout carries no position: dropped
  const cell = text.slice(s, e);
  const line = lines.lineOf(s);
  if (cell === EMPTY_CELL) {
    out.push({ kind: 'blank', text: '', line });
    return;
  }
  if (!/\d/.test(cell)) {
    if (BLANK_ONLY.test(cell)) out.push({ kind: 'blank', text: cell, line });
    else pushLabels(text, s, e, lines, out);
    return;
  }
  // a whole cell that is a number or a blank marker (`减4`, `3件`, `—`, `无`)
  if (cell.length <= 40) {
    const v = parseCell(cell);
    if (v.kind === 'blank') {
      out.push({ kind: 'blank', text: cell, line });
      return;
    }
    if (v.kind === 'number' && !/\d\s+\d/.test(cell)) {
      const bounded = (ch: string | undefined) => ch === '|' || ch === '\t';
      if (bounded(text[from - 1]) || bounded(text[to])) out.push({ kind: 'num', text: cell, line, soft: false, cell: true });
      else out.push({ kind: 'num', text: cell, line, soft: false });
      return;
    }
  }
  scanMixed(text, s, e, lines, out);
}

// Splits a cell holding labels and numbers run together. A digit directly followed by "." or "、"
// and a non-digit is the number of the next row label (`00000002.其他法律…` = 0000000 | 2.其他法律…,
// 2024_pingtan_zhqsyq.txt); the template numbers sub-rows 1–8, so it is one digit.
function scanMixed(text: string, s: number, e: number, lines: LineIndex, out: Token[]): void {
  let i = s;
  let labelStart = -1;
  let firstNum = true;
  while (i < e) {
    const c = text[i]!;
    // `减12` / `增3` in 本年增/减 cells: the character is the number's sign (2019_pingtan_nyn_80562.txt)
    const signWord = (c === '减' || c === '增') && isDigit(text[i + 1]) && (i === s || isDigit(text[i - 1]) || isSpace(text[i - 1]));
    const startsNumber = isDigit(c) || ((c === '-' || c === '+') && isDigit(text[i + 1])) || signWord;
    if (!startsNumber) {
      if (labelStart < 0 && !isSpace(c)) labelStart = i;
      i++;
      continue;
    }
    let j = i + (isDigit(c) ? 0 : 1);
    while (j < e && isDigit(text[j])) j++;
    const next = text[j];
    const after = text[j + 1];
    if ((next === '.' || next === '、') && !isDigit(after) && j < e - 1) {
      // label number: the last digit starts a label
      if (j - 1 > i) {
        if (labelStart >= 0) {
          pushLabels(text, labelStart, i, lines, out);
          labelStart = -1;
          firstNum = true;
        }
        pushNum(text, i, j - 1, lines, out, firstNum);
        firstNum = false;
      }
      if (labelStart >= 0) {
        pushLabels(text, labelStart, j - 1, lines, out);
        firstNum = true;
      }
      labelStart = j - 1;
      i = j + 1;
      continue;
    }
    if (next === '年' && j - i > 4 && /^(?:19|20)\d\d$/.test(text.slice(j - 4, j)) && !signWord) {
      // cells run into the prose after the table: `结转下年度继续办理20000022025年，我局…`
      // (2025_pingtan_scjgj.txt) — the year is the last four digits, the rest are cells
      if (labelStart >= 0) {
        pushLabels(text, labelStart, i, lines, out);
        firstNum = true;
      }
      pushNum(text, i, j - 4, lines, out, firstNum);
      firstNum = false;
      labelStart = j - 4;
      i = j;
      continue;
    }
    const dateContext = isLabelDigitContext(text, i, j);
    if (dateContext && (labelStart < 0 || !isSpace(text[i - 1]) || dateContext === 'spaced-year')) {
      // digits of a label such as `2018年度` or `第2项`: keep them in the label
      if (labelStart < 0) labelStart = i;
      i = j;
      continue;
    }
    if (labelStart >= 0) {
      pushLabels(text, labelStart, i, lines, out);
      labelStart = -1;
      firstNum = true;
    }
    // decimal part and a unit directly after the digits
    if (next === '.' && isDigit(after)) {
      j++;
      while (j < e && isDigit(text[j])) j++;
    }
    if (text.startsWith('万元', j)) j += 2;
    else if (text[j] === '元' || text[j] === '件' || text[j] === '笔' || text[j] === '个') j++;
    pushNum(text, i, j, lines, out, firstNum);
    firstNum = false;
    i = j;
  }
  if (labelStart >= 0) pushLabels(text, labelStart, e, lines, out);
}

function pushNum(text: string, from: number, to: number, lines: LineIndex, out: Token[], first: boolean): void {
  out.push({ kind: 'num', text: text.slice(from, to), line: lines.lineOf(from), soft: !first && isSpace(text[from - 1]) });
}

// Labels run together in the crawls (`…其他一、本年新收…`, `…情况第二十条第(一)项…`): cut before
// every heading or row marker so each row label stands alone.
function pushLabels(text: string, from: number, to: number, lines: LineIndex, out: Token[]): void {
  const t = text.slice(from, to);
  let last = 0;
  LABEL_CUT.lastIndex = 0;
  for (let m = LABEL_CUT.exec(t); m; m = LABEL_CUT.exec(t)) {
    if (m.index > last) pushLabel(t.slice(last, m.index), from + last, lines, out);
    last = m.index;
  }
  pushLabel(t.slice(last), from + last, lines, out);
}

function pushLabel(t: string, at: number, lines: LineIndex, out: Token[]): void {
  const x = t.trim();
  if (x) out.push({ kind: 'label', text: x, line: lines.lineOf(at) });
}

// Digits glued inside a label: followed by 年/月/日/项/条 (a date or a paragraph number), not a value.
// A year set apart by spaces (`2012 年度`: text copied out of a PDF viewer, pages that space CJK
// from digits) is a date too; only a four-digit 19xx/20xx, so a cell before a label is never taken.
function isLabelDigitContext(text: string, i: number, j: number): 'date' | 'spaced-year' | false {
  const n = text[j];
  if (n === '年' || n === '月' || n === '日' || n === '项' || n === '%') return 'date';
  if (n !== ' ' || j - i !== 4 || !/^(?:19|20)\d\d$/.test(text.slice(i, j))) return false;
  let k = j;
  while (text[k] === ' ') k++;
  return text[k] === '年' ? 'spaced-year' : false;
}
