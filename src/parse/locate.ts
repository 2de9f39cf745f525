// Stage — locate tables: where the tables are in the normalised text, read into raw rows.
// Two layouts: the pre-2019 indicator table (统计表, 指标名称 …) and the 2019/2021 template's tables
// 二、三、四 (from table 2's heading or the first row anchor to the 五、 after table 4).

import type { Template } from '../model';
import type { FindingList } from './findings';
import { assembleTables, type Assembled } from './tables';
import { type LineIndex, type Token, tokenise } from './tokens';

const HEADING_ACTIVE = /二、\s*主动公开政府信息情况/;
const TABLE_ANCHORS = [/第二十条第/, /申请人情况/, /本年新收政府信息公开申请/];
const HEADING_APPEALS = /四、\s*(?:因)?政府信息公开\s*(?:工作)?\s*(?:被)?\s*(?:申请)?\s*行政\s*(?:法)?\s*复议/;

export type Located =
  | { kind: 'legacy'; tokens: Token[] | null }
  | { kind: 'tables'; assembled: Assembled; end: number }
  | { kind: 'none' };

/** The template the report's year implies (null without a year). */
export function templateOfYear(year: number | null): Template | null {
  return year === null ? null : year >= 2021 ? '2021' : year >= 2019 ? '2019' : 'legacy';
}

export function locateTables(text: string, yearTemplate: Template | null, lineIndex: LineIndex): Located {
  let start = -1;
  for (const re of TABLE_ANCHORS) {
    const m = re.exec(text);
    if (m && (start === -1 || m.index < start)) start = m.index;
  }
  if (yearTemplate === 'legacy' || (start === -1 && /历年累计/.test(text))) {
    // the table starts at its header row; 统计表 alone also appears in the prose (2012_pingtanxian)
    const m = /指标名称/.exec(text) ?? /统计表\s*指标|统计表[^。，,]{0,20}$/m.exec(text);
    return { kind: 'legacy', tokens: m ? tokenise(text, m.index, text.length, lineIndex) : null };
  }
  if (start === -1) return { kind: 'none' };
  const h = HEADING_ACTIVE.exec(text.slice(Math.max(0, start - 400), start));
  if (h) start = Math.max(0, start - 400) + h.index;
  const ap = HEADING_APPEALS.exec(text.slice(start));
  const endFrom = ap ? start + ap.index : start;
  const five = /五、/.exec(text.slice(endFrom));
  const end = five ? endFrom + five.index : text.length;
  return { kind: 'tables', assembled: assembleTables(tokenise(text, start, end, lineIndex)), end };
}

const REQUESTS_FIRST_ROW = /本年新收\s*政府信息公开\s*申请/g;

// A file holding the report twice (a page saved with its print version, a copy pasted twice) is
// read once, from its first copy; the second copy is reported, with the rows whose numbers differ.
export function secondCopy(text: string, end: number, first: Assembled, lineIndex: LineIndex, findings: FindingList): void {
  const at = text.indexOf('本年新收', end);
  if (at < 0) return;
  REQUESTS_FIRST_ROW.lastIndex = at;
  const m = REQUESTS_FIRST_ROW.exec(text);
  if (!m) return;
  const five = /五、/.exec(text.slice(m.index));
  const copy = assembleTables(tokenise(text, m.index, five ? m.index + five.index : text.length, lineIndex));
  if (copy.requests.filter((r) => r.values.length > 0).length < 3) return;
  const printed = (rows: Assembled['requests']) => new Map(rows.map((r) => [r.item, r.values.map((v) => v.text).join(' ')]));
  const a = printed(first.requests);
  const differs = [...printed(copy.requests)].filter(([k, v]) => a.has(k) && a.get(k) !== v).map(([k]) => k);
  const line = lineIndex.lineOf(m.index);
  findings.add('duplicate-table',
    `表三在文件中出现了第二次（第 ${line} 行）${differs.length ? `，其中 ${differs.length} 行的数字与第一次不同` : ''}：只读取第一次，请核对`,
    `Table 3 appears a second time in the file (line ${line})${differs.length ? `; ${differs.length} row(s) print different numbers` : ''}: only the first copy is read; check which is right`,
    line, { table: 'requests', line, differs });
}

