// Bytes → text. Order: a byte-order mark; UTF-16 without one (told by its NUL pattern); valid
// UTF-8; the charset declared (an MHTML part's header, else the page's `<meta charset>`,
// http-equiv); else GB18030, the national
// encoding and a superset of GBK/GB2312, which older government sites still serve.
// Valid UTF-8 wins over a declared legacy charset: pages re-saved by an editor or browser often
// keep `<meta charset="gb2312">` over UTF-8 bytes, while real GBK Chinese text is practically never
// valid UTF-8 — so the bytes decide, the declaration is for the rest (big5, shift_jis…).
// Returns null for binary content (NUL bytes that are not UTF-16, mostly control characters).

export interface Decoded { text: string; encoding: string }

const decode = (label: string, bytes: Uint8Array): string | null => {
  try { return new TextDecoder(label, { fatal: true }).decode(bytes); } catch { return null; }
};

/** The charset a page declares in its first 4 KB, read as ASCII. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = String.fromCharCode(...bytes.subarray(0, 4096)).toLowerCase();
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_:.-]+)/.exec(head);
  if (!m) return null;
  return charsetLabel(m[1]!);
}

/** A declared charset label as TextDecoder should take it: the GBK family (gb2312, gbk, cp936…)
 * → GB18030, its superset (pages labelled gb2312 hold GBK characters). The one such table. */
export function charsetLabel(label: string): string {
  const l = label.trim().toLowerCase();
  return /^(gb2312|gbk|gb_2312|x-gbk|gb18030|cp936|euc-cn)/.test(l) ? 'gb18030' : l;
}

function utf16Order(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 8192) & ~1;
  if (n < 4) return null;
  let even = 0, odd = 0;
  for (let i = 0; i < n; i += 2) { if (bytes[i] === 0) even++; if (bytes[i + 1] === 0) odd++; }
  const pairs = n / 2;
  // ASCII (digits, spaces, newlines) in UTF-16 puts a NUL in every other byte; CJK characters
  // rarely have a zero byte, so one side must clearly dominate (a report: ~13% vs ~1%). The
  // decoded text must then still look like text (decodeText), which binary data does not.
  if (odd > pairs * 0.05 && odd > even * 4) return 'utf-16le';
  if (even > pairs * 0.05 && even > odd * 4) return 'utf-16be';
  return null;
}

function mostlyText(text: string): boolean {
  const sample = text.slice(0, 4096);
  // eslint-disable-next-line no-control-regex
  const control = (sample.match(/[\u0000-\u0008\u000b\u000e-\u001f\u007f\ufffd]/g) ?? []).length;
  return control <= sample.length * 0.05;
}

/** `declared`: a charset stated outside the bytes (an MHTML part's Content-Type), used in place of
 * the page's own `<meta charset>`; it ranks where the meta does (after valid UTF-8). */
export function decodeText(bytes: Uint8Array, declared?: string | null): Decoded | null {
  const ok = (text: string | null, encoding: string): Decoded | null => (text !== null && mostlyText(text) ? { text, encoding } : null);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return ok(decode('utf-8', bytes.subarray(3)), 'utf-8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return ok(decode('utf-16le', bytes.subarray(2)), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return ok(decode('utf-16be', bytes.subarray(2)), 'utf-16be');
  if (bytes.subarray(0, 8192).includes(0)) {
    const order = utf16Order(bytes);
    return order ? ok(decode(order, bytes), order) : null;
  }
  const utf8 = decode('utf-8', bytes);
  if (utf8 !== null) return ok(utf8, 'utf-8');
  for (const label of [declared ? charsetLabel(declared) : null, declaredCharset(bytes)]) {
    if (!label || label === 'utf-8' || label === 'utf8') continue;
    const text = decode(label, bytes);
    if (text !== null) return ok(text, label);
  }
  return ok(decode('gb18030', bytes), 'gb18030');
}
