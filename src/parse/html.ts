// Stage 0 (HTML only) — HTML → text lines the text stages read. Each <tr> becomes one line of
// cells joined by " | "; colspan/rowspan are expanded into the grid (a merged row label repeats on
// every row it spans, a merged value would repeat too); an empty cell after the row's first
// non-empty cell is kept as EMPTY_CELL so the following cells keep their columns. &nbsp; and <br>
// become spaces. Text outside tables becomes lines at block boundaries. Nothing is rendered: the
// HTML is only read (it is hostile input).

import { parse } from 'parse5';
import { EMPTY_CELL } from './normalise';

/** The parse5 tree as these readers walk it (src/ingest/page.ts too). */
export interface Node {
  nodeName: string;
  tagName?: string;
  value?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Node[];
  content?: Node;
  parentNode?: Node | null;
}

const BLOCK = new Set(['p', 'div', 'br', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'tr', 'section', 'article', 'header', 'footer', 'title', 'dd', 'dt', 'blockquote', 'pre', 'hr']);
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'head']);
const MAX_SPAN = 50;
const MAX_NESTING = 40;

export function htmlToText(html: string): string {
  let doc: Node;
  try {
    doc = parse(html) as unknown as Node;
  } catch {
    return html.replace(/<[^>]*>/g, '\n');
  }
  return blockLines(doc).join('\n');
}

/** Lines of an element's content: text at block boundaries, each table as its rows. */
function blockLines(root: Node, level = 0): string[] {
  const out: string[] = [];
  let line = '';
  const flush = () => {
    const t = line.replace(/[ \t]+/g, ' ').trim();
    if (t) out.push(t);
    line = '';
  };
  const walk = (n: Node, depth: number): void => {
    if (depth > 400) return;
    if (n.nodeName === '#text') {
      line += n.value ?? '';
      return;
    }
    const tag = n.tagName ?? '';
    if (SKIP.has(tag)) return;
    if (tag === 'table') {
      flush();
      for (const row of tableRows(n, level)) out.push(row);
      return;
    }
    if (BLOCK.has(tag)) flush();
    for (const c of n.childNodes ?? []) walk(c, depth + 1);
    if (BLOCK.has(tag)) flush();
  };
  walk(root, 0);
  flush();
  return out;
}

function textOf(n: Node, depth = 0): string {
  if (depth > 200) return '';
  if (n.nodeName === '#text') return n.value ?? '';
  if (n.tagName && SKIP.has(n.tagName)) return '';
  if (n.tagName === 'br') return ' ';
  let s = '';
  for (const c of n.childNodes ?? []) s += textOf(c, depth + 1);
  if (n.tagName === 'p' || n.tagName === 'div') s = ' ' + s + ' ';
  return s;
}

function span(n: Node, name: string): number {
  const v = Number((n.attrs ?? []).find((a) => a.name === name)?.value ?? '1');
  return Number.isInteger(v) && v >= 1 ? Math.min(v, MAX_SPAN) : 1;
}

/** True when a table is somewhere inside the node (the cell is a layout cell, not a value). */
function holdsTable(n: Node, depth = 0): boolean {
  if (depth > 200) return false;
  for (const c of n.childNodes ?? []) if (c.tagName === 'table' || holdsTable(c, depth + 1)) return true;
  return false;
}

/**
 * The rows of a <table>, spans expanded. A row with a cell that holds a table is a layout row
 * (a page built with tables, or a table nested in a cell): its cells are read as blocks, in place —
 * their text and their tables' own rows, in document order — rather than as one cell holding the
 * whole article's text, whose numbers would run together on one line.
 */
// `level`: tables nested around this one; a hostile page may nest thousands (the stack is finite).
export function tableRows(table: Node, level = 0): string[] {
  if (level > MAX_NESTING) return [];
  const trs: Node[] = [];
  const nested: Node[] = [];
  const collect = (n: Node, depth: number) => {
    if (depth > 200) return;
    for (const c of n.childNodes ?? []) {
      if (c.tagName === 'tr') trs.push(c);
      else if (c.tagName === 'table') nested.push(c);
      else if (c.tagName === 'thead' || c.tagName === 'tbody' || c.tagName === 'tfoot') collect(c, depth + 1);
    }
  };
  collect(table, 0);
  // a grid slot holds its source cell, so a colspan is written once per row while a rowspan label
  // repeats on every row it covers
  const grid: ({ text: string; id: number } | undefined)[][] = [];
  const layout = new Map<number, string[]>();
  let nextId = 0;
  trs.forEach((tr, r) => {
    grid[r] = grid[r] ?? [];
    const cells = (tr.childNodes ?? []).filter((c) => c.tagName === 'td' || c.tagName === 'th');
    for (const c of tr.childNodes ?? []) if (c.tagName === 'table') nested.push(c);
    if (cells.some((c) => holdsTable(c))) {
      layout.set(r, cells.flatMap((c) => blockLines(c, level + 1)));
      return;
    }
    let col = 0;
    for (const cell of cells) {
      while (grid[r]![col] !== undefined) col++;
      const text = textOf(cell).replace(/\s+/g, ' ').replace(/\|/g, '¦').trim();
      const cs = span(cell, 'colspan');
      const rs = span(cell, 'rowspan');
      const slot = { text, id: nextId++ };
      for (let dr = 0; dr < rs && r + dr < trs.length; dr++) {
        grid[r + dr] = grid[r + dr] ?? [];
        for (let dc = 0; dc < cs; dc++) grid[r + dr]![col + dc] = slot;
      }
      col += cs;
    }
  });
  const lines: string[] = [];
  for (let r = 0; r < trs.length; r++) {
    const block = layout.get(r);
    if (block) { lines.push(...block); continue; }
    const cells = grid[r] ?? [];
    const filled = Array.from(cells, (c, i) => (c && i > 0 && cells[i - 1]?.id === c.id ? null : c?.text ?? ''))
      .filter((c): c is string => c !== null);
    const first = filled.findIndex((c) => c !== '');
    if (first === -1) continue;
    lines.push(filled.slice(first).map((c) => (c === '' ? EMPTY_CELL : c)).join(' | '));
  }
  // a table misplaced directly in <table>/<tr> (parse5 usually moves it out; kept for safety)
  for (const t of nested) lines.push(...tableRows(t, level + 1));
  return lines;
}
