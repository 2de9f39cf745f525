// A web page saved as one file (MHTML: Chrome/Edge "Webpage, Single File" .mhtml, Word's "Single
// File Web Page" and old IE .mht): a MIME message, multipart/related, the page one text/html part
// (quoted-printable, base64 or 8bit), its images, styles and frames further parts. This finds the
// page's own part — the root — and gives its bytes and declared charset; decode.ts then decodes them
// as for any page, and page.ts reads it.
//
// Written here, not with an email parser: postal-mime (measured on data/formats/*.mhtml) joins every
// text/html part into one body — Chromium saves each iframe as its own text/html part, so the frames
// were read with the page — and decodes a part without a charset parameter as UTF-8, turning the
// GBK page Chromium saves (charset only in its <meta>) into U+FFFD; libqp needs Node's streams and
// Buffer. What is needed is small: headers, a boundary split, quoted-printable and base64.
//
// Exact or refused: a root part that the file's end cuts off (no closing boundary after it) is
// refused — a cut page can end inside a number — and so is a transfer encoding that is not known.

export type MhtmlRead =
  | { kind: 'page'; bytes: Uint8Array; charset: string | null; location: string | null }
  | { kind: 'refused'; why: 'no-boundary' | 'no-page' | 'truncated' | 'encoding'; detail?: string };

interface Part { headers: Map<string, string>; body: string; closed: boolean }

/** Bytes as a string of one char per byte (binary-safe; TextDecoder's latin1 is windows-1252). */
function byteString(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i += 0x8000) s += String.fromCharCode(...b.subarray(i, i + 0x8000));
  return s;
}
const stringBytes = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);

/** The header block (to the first empty line) → lower-case name → unfolded value; null when the
 * text does not start with header lines. */
function readHeaders(block: string): Map<string, string> | null {
  const out = new Map<string, string>();
  let last = '';
  for (const line of block.split(/\r?\n/)) {
    if (/^[ \t]/.test(line) && last) { out.set(last, `${out.get(last)!} ${line.trim()}`); continue; }
    const m = /^([!-9;-~]+):[ \t]*(.*)$/.exec(line);
    if (!m) return null;
    last = m[1]!.toLowerCase();
    if (!out.has(last)) out.set(last, m[2]!.trim());
  }
  return out;
}

/** `type/subtype; key=value; key="quoted value"` → the type (lower case) and its parameters. */
export function contentType(value: string | undefined): { type: string; params: Map<string, string> } {
  const params = new Map<string, string>();
  const v = value ?? '';
  const type = (/^[^;]*/.exec(v)?.[0] ?? '').trim().toLowerCase();
  const re = /;\s*([^=;\s]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]*))/g;
  for (let m = re.exec(v); m; m = re.exec(v)) params.set(m[1]!.toLowerCase(), m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : m[3]!);
  return { type, params };
}

function splitHead(s: string): { head: string; body: string } {
  const m = /\r?\n\r?\n/.exec(s);
  return m ? { head: s.slice(0, m.index), body: s.slice(m.index + m[0].length) } : { head: s, body: '' };
}

/** The message's top header block, when the file is a MIME multipart (for sniff.ts). */
export function mimeBoundary(bytes: Uint8Array): string | null {
  // the header block of a saved page is well under 8 KB (Chromium's longest is a folded Subject)
  const head = splitHead(byteString(bytes.subarray(0, 8192)).replace(/^\s+/, '')).head;
  const headers = readHeaders(head);
  if (!headers) return null;
  const ct = contentType(headers.get('content-type'));
  return ct.type.startsWith('multipart/') ? ct.params.get('boundary') || null : null;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The body parts between `--boundary` lines; `closed` false for the part the file's end cuts
 * off (no delimiter after it). */
function splitParts(body: string, boundary: string): Part[] {
  const delim = new RegExp(`(?:^|\\r?\\n)--${escapeRe(boundary)}(--)?[ \\t]*(?=\\r?\\n|$)`, 'g');
  const marks: { at: number; end: number; close: boolean }[] = [];
  for (let m = delim.exec(body); m; m = delim.exec(body)) {
    marks.push({ at: m.index, end: m.index + m[0].length, close: !!m[1] });
    if (m[1]) break;
  }
  const parts: Part[] = [];
  for (let i = 0; i < marks.length; i++) {
    if (marks[i]!.close) break;
    const next = marks[i + 1];
    const raw = body.slice(marks[i]!.end, next ? next.at : body.length).replace(/^[ \t]*\r?\n/, '');
    const { head, body: partBody } = splitHead(raw);
    const headers = readHeaders(head) ?? new Map<string, string>();
    parts.push({ headers, body: partBody, closed: !!next });
  }
  return parts;
}

function quotedPrintable(s: string): string {
  // soft line breaks (`=` at a line's end, trailing blanks allowed) join lines; `=XX` is a byte;
  // an `=` not followed by two hex digits is kept as it is (RFC 2045 6.7's robust reading)
  return s.replace(/[ \t]+(?=\r?\n)/g, '').replace(/=\r?\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

function base64(s: string): string | null {
  const clean = s.replace(/[^A-Za-z0-9+/=]/g, '').replace(/=+$/, '');
  if (/=/.test(clean) || clean.length % 4 === 1) return null;
  try { return atob(clean + '='.repeat((4 - (clean.length % 4)) % 4)); } catch { return null; }
}

const cid = (s: string | undefined) => (s ?? '').trim().replace(/^cid:/i, '').replace(/^<|>$/g, '').trim();

function partsOf(body: string, boundary: string, depth: number): Part[] {
  const out: Part[] = [];
  for (const p of splitParts(body, boundary)) {
    const ct = contentType(p.headers.get('content-type'));
    const inner = ct.params.get('boundary');
    // a nested multipart (multipart/alternative in an .mht saved from an email client) is opened
    if (ct.type.startsWith('multipart/') && inner && depth < 4) out.push(...partsOf(p.body, inner, depth + 1).map((q) => ({ ...q, closed: q.closed && p.closed })));
    else out.push(p);
  }
  return out;
}

export function readMhtml(bytes: Uint8Array): MhtmlRead {
  const { head, body } = splitHead(byteString(bytes).replace(/^\s+/, ''));
  const headers = readHeaders(head);
  const top = contentType(headers?.get('content-type'));
  const boundary = top.params.get('boundary');
  if (!headers || !top.type.startsWith('multipart/') || !boundary) return { kind: 'refused', why: 'no-boundary' };
  const parts = partsOf(body, boundary, 0);
  const isHtml = (p: Part) => /^(text\/html|application\/xhtml\+xml)$/.test(contentType(p.headers.get('content-type')).type);
  // the root (RFC 2387): the part the `start` parameter names; else the page the snapshot says it
  // is of; else the first text/html part (the first part, in every writer seen)
  const start = cid(top.params.get('start'));
  const snapshot = headers.get('snapshot-content-location');
  const root = (start ? parts.find((p) => cid(p.headers.get('content-id')) === start || cid(p.headers.get('content-location')) === start) : undefined)
    ?? (snapshot ? parts.find((p) => isHtml(p) && p.headers.get('content-location') === snapshot) : undefined)
    ?? parts.find(isHtml);
  if (!root || !isHtml(root)) return { kind: 'refused', why: 'no-page', detail: [...new Set(parts.map((p) => contentType(p.headers.get('content-type')).type || 'text/plain'))].join(', ') };
  if (!root.closed) return { kind: 'refused', why: 'truncated' };
  const encoding = (root.headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  let raw: string | null;
  if (encoding === 'quoted-printable') raw = quotedPrintable(root.body);
  else if (encoding === 'base64') raw = base64(root.body);
  else if (/^(7bit|8bit|binary)$/.test(encoding)) raw = root.body;
  else return { kind: 'refused', why: 'encoding', detail: encoding };
  if (raw === null) return { kind: 'refused', why: 'encoding', detail: `${encoding} (invalid)` };
  return {
    kind: 'page',
    bytes: stringBytes(raw),
    charset: contentType(root.headers.get('content-type')).params.get('charset') ?? null,
    location: root.headers.get('content-location') ?? snapshot ?? null,
  };
}
