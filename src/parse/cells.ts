// Stage — values: one printed cell text → { value, unit } or a blank, never rescaled.
// Cell texts seen in the corpus and the spec: `0`, ` 5` (leading spaces, 2020_huichang),
// `-`, `—`, `/`, `无`, `3件`, `251000元`, `0.5万元`, `1,234`, `-185`, `减4`, `增3`.

import { EMPTY_CELL } from './normalise';

export type CellUnit = '件' | '万元' | '元';

export type CellValue =
  | { kind: 'number'; value: number; unit: CellUnit | null; raw: string }
  | { kind: 'blank'; raw: string }
  | { kind: 'text'; raw: string };

const BLANK = new Set(['', '-', '--', '—', '——', '–', '/', '无', '空', 'N/A', 'n/a', '\\', '/ ', EMPTY_CELL, '*']);

const NUMBER = /^([+-]|增|减)?\s*(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*(件|个|条|项|次|人次|笔|元|万元)?$/;

/** Parses one cell's text. Text that is neither a number nor a blank marker is kind 'text'. */
export function parseCell(rawText: string): CellValue {
  // fast path: plain digits, by far the most common cell
  const len = rawText.length;
  if (len > 0 && len <= 15) {
    let plain = true;
    for (let i = 0; i < len; i++) {
      const c = rawText.charCodeAt(i);
      if (c < 48 || c > 57) {
        plain = false;
        break;
      }
    }
    if (plain) return { kind: 'number', value: Number(rawText), unit: null, raw: rawText };
  }
  const raw = rawText.trim();
  if (BLANK.has(raw)) return { kind: 'blank', raw };
  // footnote marks such as `3*` or `3①` do not change the number
  const cleaned = raw.replace(/[*①②③④⑤⑥⑦⑧⑨]+$/, '');
  const m = NUMBER.exec(cleaned);
  if (!m) return { kind: 'text', raw };
  const sign = m[1] === '-' || m[1] === '减' ? -1 : 1;
  const intPart = m[2]!.replace(/,/g, '');
  const value = sign * Number(intPart + (m[3] ?? ''));
  if (!Number.isFinite(value)) return { kind: 'text', raw };
  const u = m[4];
  const unit: CellUnit | null = u === '元' ? '元' : u === '万元' ? '万元' : u ? '件' : null;
  return { kind: 'number', value: value === 0 ? 0 : value, unit, raw };
}
