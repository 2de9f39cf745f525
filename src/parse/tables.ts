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

export function assembleTables(tokens: Token[]): Assembled {
  const out: Assembled = {
    active: [], requests: [], appeals: null, activeTemplate: { '2019': 0, '2021': 0 },
    sections: new Set(), unknownRows: [], duplicateRows: [], endedInTable: true,
  };
  let section: Section | null = null;
  let row: RawRow | null = null;
  let unknown: { label: string; line: number } | null = null;
  let group: string | null = null;
  const seen = { active: new Set<string>(), requests: new Set<string>() };
  let sink: RawRow[] | null = null;

  const startRow = (table: 'active' | 'requests', item: string, t: Token) => {
    unknown = null;
    const list = table === 'active' ? out.active : out.requests;
    const earlier = seen[table].has(item) ? list.find((r) => r.item === item) : undefined;
    if (earlier && earlier.values.length === 0) {
      // the first printing had no values (e.g. `总计` in a header repeated after a page break):
      // this one is the row
      earlier.label = t.text;
      earlier.line = t.line;
      row = earlier;
      sink = list;
      return;
    }
    if (seen[table].has(item)) {
      // a repeated row (page-break repeat or a duplicated line): the first printing is kept
      out.duplicateRows.push({ item, label: t.text, line: t.line });
      row = { item, label: t.text, line: t.line, values: [] };
      sink = null;
      return;
    }
    seen[table].add(item);
    row = { item, label: t.text, line: t.line, values: [] };
    sink = table === 'active' ? out.active : out.requests;
    sink.push(row);
  };
  const enter = (s: Section) => {
    section = s;
    out.sections.add(s);
    row = null;
    unknown = null;
    sink = null;
  };

  for (const t of tokens) {
    if (section === 'end') break;
    if (t.kind === 'label') {
      const sec = sectionOf(t.text);
      if (sec) {
        enter(sec);
        if (sec === 'appeals') out.appeals = out.appeals ?? { values: [], line: t.line };
        continue;
      }
      if (section === 'appeals') {
        if (isAppealsHeader(t.text)) continue;
        if (out.appeals && out.appeals.values.length > 0) {
          enter('end');
          out.endedInTable = false;
        }
        continue;
      }
      const rl = classifyRequestLabel(t.text);
      if (section !== 'requests' && rl.kind === 'row' && (rl.key === 'new' || rl.key === 'carried_over')) {
        enter('requests');
      }
      if (section === 'requests' && SENTENCE_END.test(t.text) && SENTENCE_END.test(t.text.replace(/\([^)]*\)/g, ''))) {
        // a sentence after the table (`。从申请渠道来看…对属于公开范围…予以公开…`, 2025_pingtan_scjgj.txt)
        // names row phrases but is not a row: its numbers belong to no row
        row = null;
        continue;
      }
      if (section === 'requests') {
        const hasValues = (row as RawRow | null)?.values.length ? true : false;
        if (rl.kind === 'row') startRow('requests', rl.key, t);
        else if (rl.kind === 'outcome_total') startRow('requests', 'outcome_total', t);
        else if (rl.kind === 'other_misc' && group === 'other') startRow('requests', 'other_misc', t);
        else if (rl.kind === 'group') {
          group = rl.group;
          // （六）其他处理 with values right after it is the 2019 single row (2020_pingtan_zhqsyq.txt)
          if (rl.group === 'other') startRow('requests', 'other_total', t);
          else row = null;
        } else if (/^总计$/.test(t.text.trim()) && seen.requests.has('new') && hasValues) {
          startRow('requests', 'outcome_total', t);
        } else if (rl.kind === 'header') {
          if (hasValues) row = null;
        } else if (!hasValues && row) {
          // a wrapped label (`（二）部分公开（区分处理的，只计这一情` / `形，不计其他情形）`) continues its row
        } else if (isProse(t.text)) {
          row = null;
        } else {
          row = null;
          unknown = { label: t.text, line: t.line };
        }
        if (rl.kind === 'row') group = groupOfKey(rl.key) ?? group;
        continue;
      }
      // table 2 (active), with or without its heading
      const al = classifyActiveLabel(t.text);
      if (al.template) out.activeTemplate[al.template]++;
      if (al.item) {
        if (section !== 'active') enter('active');
        startRow('active', al.item, t);
      } else if (section === 'active') {
        row = null;
        if (!al.template && !isProse(t.text) && !/^第二十条|^信息内容$/.test(t.text.replace(/\s+/g, ''))) unknown = { label: t.text, line: t.line };
      }
      continue;
    }
    // a value token
    if (section === 'appeals') {
      out.appeals!.values.push(t);
      continue;
    }
    if (row) {
      (row as RawRow).values.push(t);
      // a row that went to no table (duplicate) is dropped with its values
    } else if (unknown && (section === 'requests' || section === 'active')) {
      out.unknownRows.push({ ...(unknown as { label: string; line: number }), section });
      unknown = null;
    }
  }
  return out;
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
