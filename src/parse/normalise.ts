import * as OpenCC from 'opencc-js';

// Stage 1 — normalise: one canonical spelling of the characters that vary between sites, so later
// stages match one form. Line structure is kept (every mapping is per character or within a line),
// so a line number here is a line number of the input.

/** Marks an empty table cell that was explicit in the source (an empty HTML <td>). */
export const EMPTY_CELL = '\uE000';

const FULL_WIDTH: Record<string, string> = {
  '（': '(', '）': ')', '：': ':', '，': ',', '．': '.', '｜': '|', '－': '-', '／': '/', '％': '%',
  '\u00a0': ' ', '\u3000': ' ', '\u2002': ' ', '\u2003': ' ', '\u2009': ' ', '\u200b': '', '\ufeff': '',
  '\r': '', '−': '-', '﹣': '-', '＋': '+', '﹒': '.'
};

// Characters that exist only in traditional script and are frequent in these reports (報告, 開, 資訊…).
// Seeing several of them means the text is traditional (2022_mirror_shareonl_longgangqu_trad.txt).
const TRAD_MARKERS = '報開區發這當務與實據總體說關資們過應時處執復為國會經請條則條網頁務數屬辦書機構際';

let converter: ((s: string) => string) | null = null;
function toSimplified(text: string): string {
  if (!converter) converter = OpenCC.Converter({ from: 'hk', to: 'cn' });
  return converter(text);
}

const TRAD_TABLE = new Uint8Array(0x10000);
for (const ch of TRAD_MARKERS) TRAD_TABLE[ch.charCodeAt(0)] = 1;

/** True when several traditional-only marker characters appear in the first 4 000 characters (title and opening prose). */
export function looksTraditional(text: string): boolean {
  const limit = Math.min(text.length, 4000);
  let n = 0;
  for (let i = 0; i < limit; i++) {
    if (TRAD_TABLE[text.charCodeAt(i)] === 1 && ++n >= 5) return true;
  }
  return false;
}

// Mirror sites gloss characters with pinyin in brackets: 當(dāng)前 — drop the gloss (it is not
// report text). Only brackets holding a toned pinyin syllable are removed.
const PINYIN_GLOSS = /[(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*[)）]/g;

// everything normalise() rewrites: full-width forms, odd spaces, CR, minus signs, control characters
// eslint-disable-next-line no-control-regex -- control characters are among what it rewrites
const MAPPED = /[\uff01-\uff5e\u00a0\u3000\u2002\u2003\u2009\u200b\ufeff\r\u2212\ufe63\ufe52\x00-\x08\x0b-\x1f]/g;
const NEEDS_MAPPING = new RegExp(MAPPED.source);

function mapChar(ch: string): string {
  const explicit = FULL_WIDTH[ch];
  if (explicit !== undefined) return explicit;
  const c = ch.charCodeAt(0);
  // full-width digits and letters FF10-FF5A become ASCII; other full-width punctuation is kept
  if ((c >= 0xff10 && c <= 0xff19) || (c >= 0xff21 && c <= 0xff5a)) return String.fromCharCode(c - 0xfee0);
  if (c < 32) return ' ';
  return ch;
}

export interface Normalised {
  text: string;
  traditional: boolean;
}

export function normalise(raw: string): Normalised {
  let text = raw;
  const traditional = looksTraditional(text);
  if (traditional) {
    text = text.replace(PINYIN_GLOSS, '');
    try {
      text = toSimplified(text);
    } catch {
      // a converter failure must not stop the parse: keep the traditional text
    }
  }
  const out = NEEDS_MAPPING.test(text) ? text.replace(MAPPED, mapChar) : text;
  return { text: out, traditional };
}
