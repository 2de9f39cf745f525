// Dataset ⇄ CSV. Writing: a fixed column order per table (./columns.ts) through the one writer of
// ./csv-safe.ts (a blank value (null) is an empty field; text that a spreadsheet would run as a
// formula is escaped, and unescaped again when read back here). Reading our own facts.csv back
// (browser import, through PapaParse): every problem is reported with its line (1-based, header =
// line 1) and column name; a row with a problem is listed and not loaded; valid rows load; nothing
// is dropped silently.
import Papa from 'papaparse';
import type { Dataset, FactRow, ManifestRow } from '../model/dataset';
import {
  ACTIVE_ITEMS, APPEAL_COLUMNS, APPEAL_ITEMS, DERIVED_REQUEST_ITEMS, LEGACY_ITEMS, REQUEST_COLUMNS, REQUEST_ROWS,
} from '../model/keys';
import { unescapeCsvText, writeCsv } from './csv-safe';
import { CHECK_COLUMNS, FACT_COLUMNS, FINDING_COLUMNS, MANIFEST_COLUMNS, REPORT_COLUMNS } from './columns';

export interface CsvError {
  /** 1-based line in the file; the header is line 1. */
  line: number;
  /** Column name as in the header; '' when the problem concerns the whole line. */
  column: string;
  message: string;
}

export interface CsvResult<T> {
  rows: T[];
  errors: CsvError[];
}

function unparse<T extends object>(rows: readonly T[], columns: readonly { name: string }[], header = true): string {
  const fields = columns.map((c) => c.name);
  return writeCsv(header ? fields : null, rows.map((r) => fields.map((f) => (r as Record<string, unknown>)[f])), { finalNewline: true });
}

export type DatasetCsvName = 'reports.csv' | 'facts.csv' | 'findings.csv' | 'checks.csv';

/**
 * The dataset as CSV files, keyed by file name. `header: false` gives only the data lines, for
 * writers that append report by report (the parse CLI streams tens of thousands of reports).
 */
export function datasetToCsv(dataset: Dataset, opts: { header?: boolean } = {}): Record<DatasetCsvName, string> {
  const h = opts.header ?? true;
  return {
    'reports.csv': unparse(dataset.reports, REPORT_COLUMNS, h),
    'facts.csv': unparse(dataset.facts, FACT_COLUMNS, h),
    'findings.csv': unparse(dataset.findings, FINDING_COLUMNS, h),
    'checks.csv': unparse(dataset.checks, CHECK_COLUMNS, h),
  };
}

export function manifestToCsv(rows: readonly ManifestRow[]): string {
  return unparse(rows, MANIFEST_COLUMNS.map((name) => ({ name })));
}

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
// Plain decimal as datasetToCsv prints it (String(number)); units or thousands separators are not our format.
const NUMBER = /^-?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][-+]?\d+)?$/;

interface Record_ { line: number; cells: string[]; errors: string[] }

/** Splits CSV text into records with the 1-based line each starts on (right after quoted multi-line cells too). */
function records(text: string, onProgress?: (fraction: number) => void): Record_[] {
  const src = text.replace(/^\uFEFF/, '');
  const every = Math.max(1, Math.floor(src.length / 100));
  let reported = 0;
  const out: Record_[] = [];
  let start = 0;
  let line = 1;
  let counted = 0;
  Papa.parse<string[]>(src, {
    header: false,
    skipEmptyLines: false,
    step: (res) => {
      // a record starts where the previous one ended (Papa's cursor is past its newline)
      for (let i = counted; i < start; i++) if (src.charCodeAt(i) === 10) line++;
      counted = start;
      out.push({ line, cells: res.data, errors: res.errors.map((e) => e.message) });
      start = res.meta.cursor;
      if (onProgress && start - reported >= every) { reported = start; onProgress(start / src.length); }
    },
  });
  return out.filter((r) => !(r.cells.length === 1 && r.cells[0].trim() === '' && r.errors.length === 0));
}

function readTable(
  text: string,
  onProgress: ((fraction: number) => void) | undefined,
  expected: readonly string[],
  required: readonly string[],
  row: (get: (c: string) => string, line: number, errors: CsvError[], has: (c: string) => boolean) => void,
): CsvError[] {
  const errors: CsvError[] = [];
  const recs = records(text, onProgress);
  if (recs.length === 0) return [{ line: 1, column: '', message: 'empty file: no header line' }];
  const [head, ...body] = recs;
  const header = head.cells.map((c) => c.trim());
  const idx: Record<string, number> = {};
  header.forEach((h, i) => {
    if (h in idx) errors.push({ line: head.line, column: h, message: `duplicate header column "${h}"` });
    else idx[h] = i;
  });
  for (const h of header) {
    if (!expected.includes(h)) errors.push({ line: head.line, column: h, message: `unknown header column "${h}" (ignored); expected ${expected.join(',')}` });
  }
  const missing = required.filter((r) => !(r in idx));
  for (const m of missing) errors.push({ line: head.line, column: m, message: `missing header column "${m}"` });
  if (missing.length > 0) {
    if (body.length > 0) errors.push({ line: body[0].line, column: '', message: `${body.length} row(s) not loaded: the header lacks required columns` });
    return errors;
  }
  for (const rec of body) {
    const rowErrors: CsvError[] = rec.errors.map((m) => ({ line: rec.line, column: '', message: `CSV: ${m}` }));
    if (rec.cells.length !== header.length) {
      rowErrors.push({ line: rec.line, column: '', message: `${rec.cells.length} fields, the header has ${header.length}` });
    }
    const get = (c: string) => (c in idx ? unescapeCsvText(rec.cells[idx[c]] ?? '') : '');
    row(get, rec.line, rowErrors, (c) => c in idx);
    errors.push(...rowErrors);
  }
  return errors;
}

/**
 * Reads facts.csv (our own format, docs/dataset.md). Required columns: report_id, table, item,
 * column, value; the others default (derived false, unit 件, raw = value). A blank value is null.
 *
 * One cell (report_id, table, item, column) is one fact: a second line for it is an error on that
 * line — "conflicting value" when the numbers differ (both lines are then left out: which one the
 * report printed is unknown), "duplicate" when they agree (the first is kept). A report whose lines
 * come back after another report's is reported once, at the line where its second copy starts.
 */
export function readFactsCsv(text: string, opts: { onProgress?: (fraction: number) => void } = {}): CsvResult<FactRow> {
  const rows: FactRow[] = [];
  const cells = new Map<string, { line: number; value: number | null; row: number }>();
  const conflicted = new Set<number>();
  const blocks = new Map<string, number>(); // report_id → line its last run of lines started on
  let current = '';
  const names = FACT_COLUMNS.map((c) => c.name);
  const errors = readTable(text, opts.onProgress, names, ['report_id', 'table', 'item', 'column', 'value'], (get, line, rowErrors, has) => {
    const err = (column: string, message: string) => rowErrors.push({ line, column, message });
    const reportId = get('report_id').trim();
    if (!reportId) err('report_id', 'empty report_id');
    const table = get('table').trim();
    const item = get('item').trim();
    const column = get('column').trim();
    const items = KEYS.get(table);
    if (!items) err('table', `unknown table "${table}" (requests, appeals, active or legacy)`);
    else if (!items.has(item)) err('item', `unknown item "${item}" in table ${table}`);
    else if (!items.get(item)!.has(column)) err('column', `unknown column "${column}" for ${table}.${item}`);
    const rawValue = get('value').trim();
    let value: number | null = null;
    if (rawValue !== '') {
      if (NUMBER.test(rawValue) && Number.isFinite(Number(rawValue))) value = Number(rawValue);
      else err('value', `not a number: "${rawValue}" (leave it empty for a blank cell)`);
    }
    const derivedText = get('derived').trim().toLowerCase();
    const derived = derivedText === 'true';
    if (!['', 'true', 'false'].includes(derivedText)) err('derived', `derived must be true or false, not "${derivedText}"`);
    const unit = get('unit').trim() || '件';
    if (!UNITS.has(unit)) err('unit', `unknown unit "${unit}" (件, 万元 or 元)`);
    if (rowErrors.length > 0) return;
    if (reportId !== current) {
      const first = blocks.get(reportId);
      // about the copy, not this line: its cells are checked one by one below
      if (first !== undefined) rowErrors.push({ line, column: '', message: `report "${reportId}" appears a second time from this line on (its first copy starts on line ${first}); each of its cells is checked against the first copy` });
      blocks.set(reportId, line);
      current = reportId;
    }
    const key = JSON.stringify([reportId, table, item, column]);
    const seen = cells.get(key);
    if (seen) {
      if (seen.value === value) err('value', `duplicate of line ${seen.line} (${reportId} ${table}.${item}.${column}); the first is kept`);
      else {
        err('value', `conflicting value for ${reportId} ${table}.${item}.${column}: ${value ?? 'blank'} here, ${seen.value ?? 'blank'} on line ${seen.line}; neither is loaded`);
        conflicted.add(seen.row);
      }
      return;
    }
    cells.set(key, { line, value, row: rows.length });
    rows.push({
      report_id: reportId, table, item, column, value,
      // derived facts have no printed text: an empty raw stays empty when the column exists
      raw: has('raw') ? get('raw') : rawValue,
      derived, row_label: get('row_label'), column_label: get('column_label'), unit, location: get('location'),
    });
  });
  return { rows: conflicted.size ? rows.filter((_, i) => !conflicted.has(i)) : rows, errors };
}

/** Reads a corpus manifest (data/manifest.csv layout). Only `file` is required. */
export function readManifestCsv(text: string): CsvResult<ManifestRow> {
  const rows: ManifestRow[] = [];
  const errors = readTable(text, undefined, MANIFEST_COLUMNS, ['file'], (get, line, rowErrors) => {
    const file = get('file').trim();
    if (!file) rowErrors.push({ line, column: 'file', message: 'empty file path' });
    if (rowErrors.length > 0) return;
    const row = Object.fromEntries(MANIFEST_COLUMNS.map((c) => [c, get(c)])) as unknown as ManifestRow;
    rows.push({ ...row, file });
  });
  return { rows, errors };
}
