// Word 97–2003 (.doc) → HTML the table pipeline reads (src/parse/html.ts).
//
// Why not word-extractor: it reads files through Node's fs/Buffer (the browser import worker has
// neither) and it turns every cell mark (\x07) into a tab, so a row's end cannot be told from an
// empty cell — table 三 would lose its columns. This reader, on SheetJS `cfb` (pure JS, runs in
// Node and browsers), reads what a report needs and nothing more ([MS-DOC]):
//   FIB → piece table (Clx) → the main document's characters;
//   FIB → PlcBtePapx → paragraph FKPs → for each paragraph mark, sprmPFTtp (a row-end mark).
// \r ends a paragraph, \x07 ends a cell, and a \x07 whose paragraph has fTtp ends a row.
// Not read: formatting, fields' results beyond their text, headers/footers, footnotes, text
// boxes, nested tables (their cells read as cells of the outer row), merged-cell geometry (a
// horizontally merged cell is one cell in the file; a vertically merged continuation is an empty
// cell, which the table pipeline drops at the start of a row as it does for pasted text).
import * as CFB from 'cfb';

const u16 = (b: Uint8Array, o: number) => b[o]! | (b[o + 1]! << 8);
const u32 = (b: Uint8Array, o: number) => (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;

interface Piece { cpStart: number; cpEnd: number; fc: number; compressed: boolean }

export class DocError extends Error {}

function bytesOf(entry: CFB.CFB$Entry | null): Uint8Array | null {
  if (!entry || !entry.content) return null;
  const c = entry.content as unknown;
  return c instanceof Uint8Array ? c : Uint8Array.from(c as ArrayLike<number>);
}

/** Streams of an OLE compound file (names upper-cased), or null when it is not one. */
export function oleStreams(bytes: Uint8Array): Set<string> | null {
  try {
    const cfb = CFB.read(bytes, { type: 'array' });
    return new Set(cfb.FileIndex.map((e) => e.name.toUpperCase()));
  } catch {
    return null;
  }
}

export function docToHtml(bytes: Uint8Array): string {
  let cfb: CFB.CFB$Container;
  try { cfb = CFB.read(bytes, { type: 'array' }); } catch (e) { throw new DocError(`not a compound file: ${(e as Error).message}`); }
  const word = bytesOf(CFB.find(cfb, 'WordDocument'));
  if (!word || word.length < 0x200) throw new DocError('no WordDocument stream');
  if (u16(word, 0) !== 0xa5ec) throw new DocError('not a Word 97–2003 document (wIdent)');
  const flags = u16(word, 0x0a);
  if (flags & 0x0100) throw new DocError('the document is encrypted');
  const table = bytesOf(CFB.find(cfb, flags & 0x0200 ? '1Table' : '0Table'));
  if (!table) throw new DocError('no table stream');
  const ccpText = u32(word, 0x4c);
  const pieces = readPieces(table, u32(word, 0x1a2), u32(word, 0x1a6));
  const marks = paragraphMarks(word, table, bytesOf(CFB.find(cfb, 'Data')), u32(word, 0x102), u32(word, 0x106));

  // characters of the main document with the file offset of each
  const chars: string[] = [];
  const fcs: number[] = []; // file offset just after each character

  for (const p of pieces) {
    for (let cp = p.cpStart; cp < p.cpEnd && cp < ccpText; cp++) {
      const k = cp - p.cpStart;
      if (p.compressed) {
        const fc = p.fc + k;
        chars.push(cp1252(word[fc] ?? 0));
        fcs.push(fc + 1);
      } else {
        const fc = p.fc + 2 * k;
        chars.push(String.fromCharCode(u16(word, fc)));
        fcs.push(fc + 2);
      }
    }
  }
  return toHtml(chars, fcs, marks);
}

function readPieces(table: Uint8Array, fcClx: number, lcbClx: number): Piece[] {
  let o = fcClx;
  const end = fcClx + lcbClx;
  if (lcbClx === 0 || end > table.length) throw new DocError('no piece table');
  while (o < end && table[o] === 0x01) o += 3 + u16(table, o + 1); // Prc: property modifiers, skipped
  if (table[o] !== 0x02) throw new DocError('bad piece table');
  const lcb = u32(table, o + 1);
  const base = o + 5;
  const n = (lcb - 4) / 12;
  if (!Number.isInteger(n) || n < 1 || base + lcb > table.length) throw new DocError('bad piece table size');
  const pieces: Piece[] = [];
  for (let i = 0; i < n; i++) {
    const pcd = base + 4 * (n + 1) + 8 * i;
    const raw = u32(table, pcd + 2);
    const compressed = (raw & 0x40000000) !== 0;
    pieces.push({ cpStart: u32(table, base + 4 * i), cpEnd: u32(table, base + 4 * (i + 1)), compressed, fc: compressed ? (raw & 0x3fffffff) / 2 : raw });
  }
  return pieces;
}

interface Marks { inTable: Set<number>; rowEnd: Set<number> }

/** End offsets of paragraphs in a table cell (sprmPFInTable) and of row ends (sprmPFTtp / sprmPFInnerTtp). */
function paragraphMarks(word: Uint8Array, table: Uint8Array, data: Uint8Array | null, fc: number, lcb: number): Marks {
  const out: Marks = { inTable: new Set(), rowEnd: new Set() };
  if (lcb < 8 || fc + lcb > table.length) return out;
  const n = (lcb - 4) / 8;
  for (let i = 0; i < n; i++) {
    const page = (u32(table, fc + 4 * (n + 1) + 4 * i) & 0x3fffff) * 512;
    if (page + 512 > word.length) continue;
    const crun = word[page + 511]!;
    for (let r = 0; r < crun; r++) {
      const bOffset = word[page + 4 * (crun + 1) + 13 * r]! * 2;
      if (bOffset === 0) continue;
      let cb = word[page + bOffset]!;
      let at = page + bOffset + 1;
      let size;
      if (cb === 0) { cb = word[at]!; at++; size = 2 * cb; } else size = 2 * cb - 1;
      // grpPrlAndIstd: istd (2 bytes) then sprms
      // keyed by the end offset of the paragraph's run: its mark is the character before it
      const flags = sprmFlags(word, at + 2, at + size, data);
      const end = u32(word, page + 4 * (r + 1));
      if (flags.inTable) out.inTable.add(end);
      if (flags.ttp) out.rowEnd.add(end);
    }
  }
  return out;
}

function sprmFlags(b: Uint8Array, start: number, end: number, data: Uint8Array | null, f = { inTable: false, ttp: false }): { inTable: boolean; ttp: boolean } {
  let o = start;
  while (o + 2 <= end) {
    const sprm = u16(b, o);
    o += 2;
    if ((sprm === 0x2417 || sprm === 0x244c) && b[o] === 1) f.ttp = true;
    if ((sprm === 0x2416 || sprm === 0x6649) && b[o]! >= 1) f.inTable = true; // sprmPFInTable, sprmPItap (table depth)
    // sprmPHugePapx: a paragraph with a long grpprl (a row end carries the row's cell widths)
    // keeps it in the Data stream: size (2 bytes) + sprms
    if (sprm === 0x6646 && data && b !== data) {
      const at = u32(b, o);
      if (at + 2 <= data.length) sprmFlags(data, at + 2, Math.min(data.length, at + 2 + u16(data, at)), null, f);
    }
    const spra = sprm >> 13;
    if (spra === 0 || spra === 1) o += 1;
    else if (spra === 2 || spra === 4 || spra === 5) o += 2;
    else if (spra === 3) o += 4;
    else if (spra === 7) o += 3;
    else o += sprm === 0xd608 ? 2 + u16(b, o) - 1 : 1 + b[o]!; // sprmTDefTable: 2-byte size, counted +1
  }
  return f;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function toHtml(chars: string[], fcs: number[], marks: Marks): string {
  const out: string[] = [];
  let para = '';
  let cells: string[] = [];
  let cell: string[] = [];
  let rows: string[][] = [];
  const flushTable = () => {
    if (!rows.length) return;
    out.push('<table>' + rows.map((r) => '<tr>' + r.map((c) => `<td>${c}</td>`).join('') + '</tr>').join('') + '</table>');
    rows = [];
  };
  let fieldDepth = 0;
  let fieldCode = false;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const code = ch.charCodeAt(0);
    // fields: \x13 code \x14 result \x15 — keep the result, drop the code
    if (code === 0x13) { fieldDepth++; fieldCode = true; continue; }
    if (code === 0x14) { fieldCode = false; continue; }
    if (code === 0x15) { fieldDepth = Math.max(0, fieldDepth - 1); fieldCode = false; continue; }
    if (fieldDepth > 0 && fieldCode) continue;
    if (code === 0x07) {
      if (marks.rowEnd.has(fcs[i]!)) {
        rows.push(cells);
        cells = [];
        cell = [];
        para = '';
      } else {
        cell.push(esc(para.trim()));
        cells.push(cell.filter(Boolean).map((p) => `<p>${p}</p>`).join(''));
        cell = [];
        para = '';
      }
      continue;
    }
    if (code === 0x0d) {
      // a paragraph inside a cell (the cell's own text may run over several)
      if (marks.inTable.has(fcs[i]!) || cells.length || cell.length) { cell.push(esc(para.trim())); para = ''; continue; }
      flushTable();
      if (para.trim()) out.push(`<p>${esc(para.trim())}</p>`);
      para = '';
      continue;
    }
    if (code === 0x0b || code === 0x0c) { para += ' '; continue; }
    if (code === 0x09) { para += ' '; continue; }
    if (code < 0x20 || code === 0xfffe || code === 0xffff) continue; // pictures, footnote refs, annotations
    para += ch;
  }
  if (cells.length) rows.push(cells);
  flushTable();
  if (para.trim()) out.push(`<p>${esc(para.trim())}</p>`);
  return `<html><body>${out.join('\n')}</body></html>`;
}

// Windows-1252 (compressed pieces hold 8-bit text; 0x80–0x9f differ from Latin-1)
const W1252: Record<number, number> = { 0x80: 0x20ac, 0x82: 0x201a, 0x83: 0x0192, 0x84: 0x201e, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021, 0x88: 0x02c6, 0x89: 0x2030, 0x8a: 0x0160, 0x8b: 0x2039, 0x8c: 0x0152, 0x8e: 0x017d, 0x91: 0x2018, 0x92: 0x2019, 0x93: 0x201c, 0x94: 0x201d, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014, 0x98: 0x02dc, 0x99: 0x2122, 0x9a: 0x0161, 0x9b: 0x203a, 0x9c: 0x0153, 0x9e: 0x017e, 0x9f: 0x0178 };
const cp1252 = (b: number) => String.fromCharCode(W1252[b] ?? b);
