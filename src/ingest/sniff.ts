// What a file is, by its first bytes (the extension only tells Markdown from text): PDF, a Word
// zip (OOXML with word/document.xml), a Word 97 compound file, a page saved as one file (a MIME
// header block, multipart with a boundary: .mht/.mhtml), HTML, text — or something that is
// not a report, named so the refusal can say what it is.
import { oleStreams } from './doc';
import { mimeBoundary } from './mhtml';

export type Sniffed =
  | { kind: 'pdf' | 'docx' | 'doc' | 'mhtml' | 'text' }
  | { kind: 'other'; what: string };

const starts = (b: Uint8Array, sig: number[], at = 0) => sig.every((x, i) => b[at + i] === x);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** True when an ASCII string occurs in the bytes (zip entry names are stored as plain bytes). */
function contains(b: Uint8Array, s: string): boolean {
  const sig = ascii(s);
  outer: for (let i = b.indexOf(sig[0]!); i !== -1 && i <= b.length - sig.length; i = b.indexOf(sig[0]!, i + 1)) {
    for (let k = 1; k < sig.length; k++) if (b[i + k] !== sig[k]) continue outer;
    return true;
  }
  return false;
}

export function sniff(b: Uint8Array): Sniffed {
  // %PDF may follow a few bytes of junk (the spec allows it within the first 1 KB)
  const head = String.fromCharCode(...b.subarray(0, 1024));
  if (head.includes('%PDF-')) return { kind: 'pdf' };
  if (starts(b, [0x50, 0x4b, 0x03, 0x04]) || starts(b, [0x50, 0x4b, 0x05, 0x06])) {
    if (contains(b, 'word/document.xml')) return { kind: 'docx' };
    if (contains(b, 'xl/workbook')) return { kind: 'other', what: 'xlsx' };
    if (contains(b, 'ppt/presentation')) return { kind: 'other', what: 'pptx' };
    if (contains(b, 'application/vnd.oasis.opendocument')) return { kind: 'other', what: 'odt' };
    return { kind: 'other', what: 'zip' };
  }
  if (starts(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    const streams = oleStreams(b);
    if (streams?.has('WORDDOCUMENT')) return { kind: 'doc' };
    if (streams?.has('WORKBOOK') || streams?.has('BOOK')) return { kind: 'other', what: 'xls' };
    if (streams?.has('POWERPOINT DOCUMENT')) return { kind: 'other', what: 'ppt' };
    if (streams && [...streams].some((s) => s.startsWith('WPS'))) return { kind: 'other', what: 'wps' };
    return { kind: 'other', what: 'ole' };
  }
  if (head.startsWith('{\\rtf')) return { kind: 'other', what: 'rtf' };
  const image = [[0x89, 0x50, 0x4e, 0x47], [0xff, 0xd8, 0xff], ascii('GIF8'), [0x49, 0x49, 0x2a, 0x00], [0x4d, 0x4d, 0x00, 0x2a], [0x00, 0x00, 0x01, 0x00]];
  if (image.some((s) => starts(b, s)) || (head.startsWith('RIFF') && head.slice(8, 12) === 'WEBP') || (head.startsWith('BM') && b.length > 26 && b[14]! >= 12 && b[15] === 0 && b[6] === 0 && b[7] === 0)) return { kind: 'other', what: 'image' };
  if (/^\s*<svg[\s>]/i.test(head) || /^\s*<\?xml[^>]*>\s*<svg/i.test(head)) return { kind: 'other', what: 'image' };
  const archive = [[0x1f, 0x8b], ascii('7z'), ascii('Rar!'), [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], [0x28, 0xb5, 0x2f, 0xfd]];
  if (archive.some((s) => starts(b, s)) || (head.startsWith('BZh') && /^BZh[1-9]1AY&SY/.test(head))) return { kind: 'other', what: 'archive' };
  if ((head.startsWith('RIFF') && /^(WAVE|AVI )/.test(head.slice(8, 12))) || head.slice(4, 8) === 'ftyp' || head.startsWith('ID3') || starts(b, [0x1a, 0x45, 0xdf, 0xa3]) || head.startsWith('OggS')) return { kind: 'other', what: 'media' };
  if (head.startsWith('MZ') || head.startsWith('\x7fELF')) return { kind: 'other', what: 'executable' };
  if (mimeBoundary(b)) return { kind: 'mhtml' };
  return { kind: 'text' };
}
