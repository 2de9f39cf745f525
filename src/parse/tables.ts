// Stage — locate tables: walk the token stream once, following the section headings (二、三、四、)
// and, where headings are missing, the row labels themselves; attach each run of values to the
// row label before it. Output: raw rows (label + value tokens), not yet numbers.

import { classifyActiveLabel, classifyRequestLabel, isAppealsHeader, sectionOf, type Section } from './labels';
import type { Token } from './tokens';

export type ValueToken = Extract<Token, { kind: 'num' | 'blank' }>;

export interface RawRow {
  item: string;
  label: string;
  line: number;
  values: ValueToken[];
}

export interface Assembled {
  active: RawRow[];
  requests: RawRow[];
  appeals: { values: ValueToken[]; line: number } | null;
  /** Template signals seen in table 2's headers. */
  activeTemplate: { '2019': number; '2021': number };
  sections: Set<Section>;
  /** Labels that had values but match no row. */
  unknownRows: { label: string; line: number; section: Section }[];
  duplicateRows: { item: string; label: string; line: number }[];
  /** The stream ended inside a table (no 五、 heading after the tables). */
  endedInTable: boolean;
}

/** The walk's state, passed explicitly to one handler per section. */
interface WalkState {
  out: Assembled;
  section: Section | null;
  /** the row values are attached to (null: values go nowhere) */
  row: RawRow | null;
  /** a label matching no row, reported if values follow it */
  unknown: { label: string; line: number } | null;
  /** the outcome group of table 三 the walk is in (denied, other, …) */
  group: string | null;
  seen: { active: Set<string>; requests: Set<string> };
}

export function assembleTables(tokens: Token[]): Assembled {
  const st: WalkState = {
    out: {
      active: [], requests: [], appeals: null, activeTemplate: { '2019': 0, '2021': 0 },
      sections: new Set(), unknownRows: [], duplicateRows: [], endedInTable: true,
    },
    section: null, row: null, unknown: null, group: null, seen: { active: new Set(), requests: new Set() },
  };
  for (const t of tokens) {
    if (st.section === 'end') break;
    if (t.kind !== 'label') onValue(st, t);
    else {
      const sec = sectionOf(t.text);
      if (sec) {
        enter(st, sec);
        if (sec === 'appeals') st.out.appeals = st.out.appeals ?? { values: [], line: t.line };
      } else if (st.section === 'appeals') appealsLabel(st, t);
      else requestsOrActiveLabel(st, t);
    }
  }
  return st.out;
}

function enter(st: WalkState, s: Section): void {
  st.section = s;
  st.out.sections.add(s);
  st.row = null;
  st.unknown = null;
}

function startRow(st: WalkState, table: 'active' | 'requests', item: string, t: Token): void {
  st.unknown = null;
  const list = table === 'active' ? st.out.active : st.out.requests;
  const earlier = st.seen[table].has(item) ? list.find((r) => r.item === item) : undefined;
  if (earlier && earlier.values.length === 0) {
    // the first printing had no values (e.g. `总计` in a header repeated after a page break):
    // this one is the row
    earlier.label = t.text;
    earlier.line = t.line;
    st.row = earlier;
    return;
  }
  if (earlier || st.seen[table].has(item)) {
    // a repeated row (page-break repeat or a duplicated line): the first printing is kept; this
    // row's values go to a row of no table
    st.out.duplicateRows.push({ item, label: t.text, line: t.line });
    st.row = { item, label: t.text, line: t.line, values: [] };
    return;
  }
  st.seen[table].add(item);
  st.row = { item, label: t.text, line: t.line, values: [] };
  list.push(st.row);
}

/** Table 四: header cells, then its run of values; the first other label after them ends it. */
function appealsLabel(st: WalkState, t: Token): void {
  if (isAppealsHeader(t.text)) return;
  if (st.out.appeals && st.out.appeals.values.length > 0) {
    enter(st, 'end');
    st.out.endedInTable = false;
  }
}

function requestsOrActiveLabel(st: WalkState, t: Extract<Token, { kind: 'label' }>): void {
  const rl = classifyRequestLabel(t.text);
  if (st.section !== 'requests' && rl.kind === 'row' && (rl.key === 'new' || rl.key === 'carried_over')) enter(st, 'requests');
  if (st.section === 'requests') requestsLabel(st, t, rl);
  else activeLabel(st, t);
}

/** Table 三: row labels, outcome groups, headers, wrapped label lines, prose after the table. */
function requestsLabel(st: WalkState, t: Extract<Token, { kind: 'label' }>, rl: ReturnType<typeof classifyRequestLabel>): void {
  if (SENTENCE_END.test(t.text) && SENTENCE_END.test(t.text.replace(/\([^)]*\)/g, ''))) {
    // a sentence after the table (`。从申请渠道来看…对属于公开范围…予以公开…`, 2025_pingtan_scjgj.txt)
    // names row phrases but is not a row: its numbers belong to no row
    st.row = null;
    return;
  }
  const hasValues = (st.row?.values.length ?? 0) > 0;
  if (rl.kind === 'row') startRow(st, 'requests', rl.key, t);
  else if (rl.kind === 'outcome_total') startRow(st, 'requests', 'outcome_total', t);
  else if (rl.kind === 'other_misc' && st.group === 'other') startRow(st, 'requests', 'other_misc', t);
  else if (rl.kind === 'group') {
    st.group = rl.group;
    // （六）其他处理 with values right after it is the 2019 single row (2020_pingtan_zhqsyq.txt)
    if (rl.group === 'other') startRow(st, 'requests', 'other_total', t);
    else st.row = null;
  } else if (/^总计$/.test(t.text.trim()) && st.seen.requests.has('new') && hasValues) {
    startRow(st, 'requests', 'outcome_total', t);
  } else if (rl.kind === 'header') {
    if (hasValues) st.row = null;
  } else if (!hasValues && st.row) {
    // a wrapped label (`（二）部分公开（区分处理的，只计这一情` / `形，不计其他情形）`) continues its row
  } else if (isProse(t.text)) {
    st.row = null;
  } else {
    st.row = null;
    st.unknown = { label: t.text, line: t.line };
  }
  if (rl.kind === 'row') st.group = groupOfKey(rl.key) ?? st.group;
}

/** Table 二, with or without its heading: items named at the end of run-together headers. */
function activeLabel(st: WalkState, t: Extract<Token, { kind: 'label' }>): void {
  const al = classifyActiveLabel(t.text);
  if (al.template) st.out.activeTemplate[al.template]++;
  if (al.item) {
    if (st.section !== 'active') enter(st, 'active');
    startRow(st, 'active', al.item, t);
  } else if (st.section === 'active') {
    st.row = null;
    if (!al.template && !isProse(t.text) && !/^第二十条|^信息内容$/.test(t.text.replace(/\s+/g, ''))) st.unknown = { label: t.text, line: t.line };
  }
}

function onValue(st: WalkState, t: ValueToken): void {
  if (st.section === 'appeals') {
    st.out.appeals!.values.push(t);
  } else if (st.row) {
    st.row.values.push(t);
  } else if (st.unknown && (st.section === 'requests' || st.section === 'active')) {
    st.out.unknownRows.push({ ...st.unknown, section: st.section });
    st.unknown = null;
  }
}

function groupOfKey(key: string): string | null {
  const m = /^(denied|unavailable|rejected|other)_/.exec(key);
  return m ? m[1]! : key === 'granted' || key === 'partial' ? key : null;
}

// Numbers in the prose around the tables are not table rows: `…总数425条，其中主动公开政府信息148条，…`
// leaves labels such as `条,其中主动公开政府信息` (the 财政金融局 reports, 2022_pingtan_czjrj.txt). No
// row label of tables 二 and 三 starts with a measure word or carries sentence punctuation outside
// its brackets, so such a label is prose: its numbers belong to no row and are not reported.
const SENTENCE_END = /[。；;]/;
const MEASURE_START = /^(条|件|个|篇|份|期|次|项|人次|家|名)/;
const SENTENCE = /[,;；。:：、]/;
export function isProse(label: string): boolean {
  if (!MEASURE_START.test(label.trimStart()) && !SENTENCE.test(label)) return false;
  const s = label.replace(/\s+/g, '');
  if (MEASURE_START.test(s) && s.length > 1) return true;
  return SENTENCE.test(s.replace(/\([^)]*\)/g, '')) && s.length > 4;
}
