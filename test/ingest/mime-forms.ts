// MIME files as Word and old IE save a page ("Single File Web Page", .mht): built from a page's
// bytes for test/ingest/mhtml.test.ts and scripts/forms-sweep.ts, never hand-typed numbers.

export const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
export const concat = (...xs: Uint8Array[]) => { const out = new Uint8Array(xs.reduce((n, x) => n + x.length, 0)); let o = 0; for (const x of xs) { out.set(x, o); o += x.length; } return out; };

/** Quoted-printable as Word writes it: every byte that is not plain ASCII (and `=`) as =XX, lines
 * of at most 76 characters with soft breaks, CRLF line ends kept as hard breaks. */
export function qp(bytes: Uint8Array): string {
  const lines: string[] = [];
  let line = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 0x0d && bytes[i + 1] === 0x0a) { lines.push(line); line = ''; i++; continue; }
    if (b === 0x0a) { lines.push(line); line = ''; continue; }
    const tok = (b >= 0x21 && b <= 0x7e && b !== 0x3d) || b === 0x20 ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, '0')}`;
    if (line.length + tok.length > 75) { lines.push(`${line}=`); line = ''; }
    line += tok;
  }
  lines.push(line);
  // a space at a line's end would be eaten by transport: encode it
  return lines.map((l) => l.replace(/ $/, '=20').replace(/ =$/, '=20=')).join('\r\n');
}
export const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64').replace(/.{76}/g, '$&\r\n');

export interface MimePart { type: string; encoding: 'quoted-printable' | 'base64' | '8bit'; body: Uint8Array; id?: string; location?: string }
export function mime(parts: MimePart[], opts: { start?: string; close?: boolean } = {}): Uint8Array {
  const B = '----=_NextPart_01DB5C2A.6E1F3A40';
  const chunks: Uint8Array[] = [ascii(`MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="${B}"${opts.start ? `; start="<${opts.start}>"` : ''}; type="text/html"\r\n\r\nThis document is a Single File Web Page, also known as a Web Archive file.\r\n\r\n`)];
  for (const p of parts) {
    chunks.push(ascii(`--${B}\r\n${p.location ? `Content-Location: ${p.location}\r\n` : ''}${p.id ? `Content-ID: <${p.id}>\r\n` : ''}Content-Transfer-Encoding: ${p.encoding}\r\nContent-Type: ${p.type}\r\n\r\n`));
    chunks.push(p.encoding === 'quoted-printable' ? ascii(qp(p.body)) : p.encoding === 'base64' ? ascii(b64(p.body)) : p.body, ascii('\r\n'));
  }
  if (opts.close !== false) chunks.push(ascii(`--${B}--\r\n`));
  return concat(...chunks);
}
// a real image: the first 2 KB of a PNG of the repo would do as well; any bytes stand for one here
export const IMAGE: MimePart = { type: 'image/png', encoding: 'base64', body: Uint8Array.from({ length: 3000 }, (_, i) => (i * 37) & 0xff), location: 'report.files/image001.png' };
export const wordMht = (html: Uint8Array, charset: string) => mime([
  { type: `text/html; charset="${charset}"`, encoding: 'quoted-printable', body: html, location: 'file:///C:/report.htm' },
  { type: 'text/xml; charset="utf-8"', encoding: 'quoted-printable', body: ascii('<xml xmlns:o="urn:schemas-microsoft-com:office:office">\r\n <o:MainFile HRef="../report.htm"/>\r\n</xml>'), location: 'file:///C:/report.files/filelist.xml' },
  IMAGE,
]);
