// Reads our own facts CSV format (docs/dataset.md, facts.csv) back for the browser import.
// ADAPTER: H3's src/dataset/ readFactsCsv was not in the tree when this was written; this module
// has the signature the brief gives it ({ rows, errors: { line, column, message }[] }) so the
// import panel can switch to it. Every problem is reported with its line (1-based, header = 1)
// and column name; rows with a problem are not loaded but are listed; valid rows load.
import Papa from 'papaparse';
import type { FactRow } from '../../model/dataset';
import {
  ACTIVE_ITEMS, APPEAL_COLUMNS, APPEAL_ITEMS, DERIVED_REQUEST_ITEMS, LEGACY_ITEMS, REQUEST_COLUMNS, REQUEST_ROWS,
} from '../../model/keys';

export interface CsvError {
  line: number;
  /** Column name as in the header ('' when the error concerns the whole line). */
  column: string;
  message: string;
}

export interface FactsCsvResult {
  rows: FactRow[];
  errors: CsvError[];
}

export const FACT_COLUMNS = [
  'report_id', 'table', 'item', 'column', 'value', 'raw', 'derived', 'row_label', 'column_label', 'unit', 'location',
] as const;
const REQUIRED = ['report_id', 'table', 'item', 'column', 'value'] as const;

/** table → item → allowed columns, from the canonical keys (src/model/keys.ts). */
function keyIndex(): Map<string, Map<string, Set<string>>> {
  const t = new Map<string, Map<string, Set<string>>>();
  const add = (table: string, item: string, cols: readonly string[]) => {
    const items = t.get(table) ?? new Map<string, Set<string>>();
    t.set(table, items);
    const set = items.get(item) ?? new Set<string>();
    for (const c of cols) set.add(c);
    items.set(item, set);
  };
  const reqCols = REQUEST_COLUMNS.map((c) => c.key);
  for (const r of REQUEST_ROWS) add('requests', r.key, reqCols);
  for (const k of DERIVED_REQUEST_ITEMS) add('requests', k, reqCols);
  for (const a of APPEAL_ITEMS) add('appeals', a.key, APPEAL_COLUMNS.map((c) => c.key));
  for (const a of ACTIVE_ITEMS) add('active', a.key, a.columns);
  for (const k of LEGACY_ITEMS) add('legacy', k, ['total']);
  return t;
}
const KEYS = keyIndex();
const UNITS = new Set(['件', '万元', '元']);
// Plain decimal as our writer prints it; thousands separators or units are not our format.
const NUMBER = /^-?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][-+]?\d+)?$/;

function lineAt(text: string, offset: number, cache: { pos: number; line: number }): number {
  for (let i = cache.pos; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) cache.line++;
  cache.pos = Math.max(cache.pos, offset);
  return cache.line;
}

export function readFactsCsv(text: string): FactsCsvResult {
  const errors: CsvError[] = [];
  const rows: FactRow[] = [];
  const src = text.replace(/^\uFEFF/, '');
  let header: string[] | null = null;
  let idx: Record<string, number> = {};
  let prevCursor = 0;
  const lines = { pos: 0, line: 1 };
  let fatal = false;

  Papa.parse<string[]>(src, {
    header: false,
    skipEmptyLines: false,
    step: (res) => {
      // A record starts where the previous one ended (Papa's cursor is past its newline), so its
      // line is 1 + the newlines before that offset — right even after quoted multi-line cells.
      const line = lineAt(src, prevCursor, lines);
      prevCursor = res.meta.cursor;
      const cells = res.data;
      if (fatal) return;
      for (const e of res.errors) errors.push({ line, column: '', message: `CSV: ${e.message}` });
      if (cells.length === 1 && cells[0].trim() === '') return; // blank line
      if (!header) {
        header = cells.map((c) => c.trim());
        header.forEach((h, i) => { if (!(h in idx)) idx[h] = i; });
        for (const h of header) {
          if (!(FACT_COLUMNS as readonly string[]).includes(h)) {
            errors.push({ line, column: h, message: `unknown header column "${h}" (ignored); expected ${FACT_COLUMNS.join(',')}` });
          }
        }
        const missing = REQUIRED.filter((r) => !(r in idx));
        for (const m of missing) errors.push({ line, column: m, message: `missing header column "${m}"` });
        if (missing.length > 0) { fatal = true; idx = {}; }
        return;
      }
      const get = (c: string) => (c in idx ? (cells[idx[c]] ?? '') : '');
      const rowErrors: CsvError[] = [];
      if (cells.length !== header.length) {
        rowErrors.push({ line, column: '', message: `${cells.length} fields, header has ${header.length}` });
      }
      const reportId = get('report_id').trim();
      if (!reportId) rowErrors.push({ line, column: 'report_id', message: 'empty report_id' });
      const table = get('table').trim();
      const item = get('item').trim();
      const column = get('column').trim();
      const items = KEYS.get(table);
      if (!items) rowErrors.push({ line, column: 'table', message: `unknown table "${table}"` });
      else if (!items.has(item)) rowErrors.push({ line, column: 'item', message: `unknown item "${item}" in table ${table}` });
      else if (!items.get(item)!.has(column)) rowErrors.push({ line, column: 'column', message: `unknown column "${column}" for ${table}.${item}` });
      const rawValue = get('value').trim();
      let value: number | null = null;
      if (rawValue !== '') {
        if (NUMBER.test(rawValue)) value = Number(rawValue);
        else rowErrors.push({ line, column: 'value', message: `not a number: "${rawValue}" (leave empty for a blank cell)` });
      }
      const derivedText = get('derived').trim().toLowerCase();
      let derived = false;
      if (derivedText === 'true' || derivedText === '1') derived = true;
      else if (!(derivedText === '' || derivedText === 'false' || derivedText === '0')) {
        rowErrors.push({ line, column: 'derived', message: `derived must be true or false, not "${derivedText}"` });
      }
      const unit = get('unit').trim() || '件';
      if (!UNITS.has(unit)) rowErrors.push({ line, column: 'unit', message: `unknown unit "${unit}" (件, 万元 or 元)` });
      if (rowErrors.length > 0) { errors.push(...rowErrors); return; }
      rows.push({
        report_id: reportId, table, item, column, value,
        raw: 'raw' in idx ? get('raw') : rawValue,
        derived,
        row_label: get('row_label'), column_label: get('column_label'),
        unit, location: get('location'),
      });
    },
  });
  if (!header) errors.push({ line: 1, column: '', message: 'empty file: no header line' });
  return { rows, errors };
}
