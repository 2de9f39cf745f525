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
const TRAD_SET = new Set(TRAD_MARKERS);

let converter: ((s: string) => string) | null = null;
function toSimplified(text: string): string {
  if (!converter) converter = OpenCC.Converter({ from: 'hk', to: 'cn' });
  return converter(text);
}

/** Counts traditional-only marker characters (stops early once clearly traditional). */
export function looksTraditional(text: string): boolean {
  let n = 0;
  const limit = Math.min(text.length, 20000);
  for (let i = 0; i < limit; i++) {
    if (TRAD_SET.has(text[i]!) && ++n >= 5) return true;
  }
  return false;
}

// Mirror sites gloss characters with pinyin in brackets: 當(dāng)前 — drop the gloss (it is not
// report text). Only brackets holding a toned pinyin syllable are removed.
const PINYIN_GLOSS = /[(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*[)）]/g;

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
  let out = '';
  let changed = false;
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // full-width digits and ASCII-range forms FF01-FF5E, plus the explicit table above
    let rep: string | undefined;
    if (c >= 0xff10 && c <= 0xff19) rep = String.fromCharCode(c - 0xfee0);
    else if (c >= 0xff21 && c <= 0xff5a) rep = String.fromCharCode(c - 0xfee0);
    else if (c === 0xff08 || c === 0xff09 || c === 0xff1a || c === 0xff0c || c === 0xff0e || c === 0xff5c ||
      c === 0xff0d || c === 0xff0f || c === 0xff05 || c === 0xa0 || c === 0x3000 || c === 0x2002 || c === 0x2003 ||
      c === 0x2009 || c === 0x200b || c === 0xfeff || c === 13 || c === 0x2212 || c === 0xfe63 || c === 0xff0b || c === 0xfe52) {
      rep = FULL_WIDTH[text[i]!];
    } else if (c < 32 && c !== 9 && c !== 10) rep = ' ';
    if (rep !== undefined) {
      parts.push(text.slice(start, i), rep);
      start = i + 1;
      changed = true;
    }
  }
  if (changed) {
    parts.push(text.slice(start));
    out = parts.join('');
  } else out = text;
  return { text: out, traditional };
}
