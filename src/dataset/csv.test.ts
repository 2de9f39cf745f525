import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { parseText } from '../parse/parse-text';
import { FACT_COLUMNS, REPORT_COLUMNS } from './columns';
import { datasetToCsv, manifestToCsv, readFactsCsv, readManifestCsv } from './csv';
import { toDataset } from './to-dataset';

const reports = new URL('../../data/reports/', import.meta.url);
const parse = (file: string) => parseText({ sourceFile: file, text: readFileSync(new URL(file, reports), 'utf8') });
const HEADER = FACT_COLUMNS.map((c) => c.name).join(',');

describe('datasetToCsv', () => {
  const ds = toDataset([parse('2024_xiangtanxian_zfbgs.txt'), parse('2019_pingtan_zhqsyq.txt')], { kind: 'real' });
  const csv = datasetToCsv(ds);

  it('writes every table with the fixed header order and one line per row', () => {
    expect(Object.keys(csv).sort()).toEqual(['checks.csv', 'facts.csv', 'findings.csv', 'reports.csv']);
    expect(csv['reports.csv'].split('\n')[0]).toBe(REPORT_COLUMNS.map((c) => c.name).join(','));
    for (const [name, rows] of [['facts.csv', ds.facts], ['findings.csv', ds.findings], ['checks.csv', ds.checks]] as const) {
      const back = Papa.parse<string[]>(csv[name], { skipEmptyLines: true });
      expect(back.errors).toEqual([]);
      expect(back.data.length - 1).toBe(rows.length);
    }
  });

  it('round-trips facts exactly through readFactsCsv (blanks stay null, labels with commas and quotes survive)', () => {
    const back = readFactsCsv(csv['facts.csv']);
    expect(back.errors).toEqual([]);
    expect(back.rows).toEqual(ds.facts);
    expect(back.rows.some((f) => f.value === null)).toBe(true);
  });

  it('quotes hostile text so it stays one field', () => {
    const hostile = { ...ds, facts: [{ ...ds.facts[0], row_label: 'a,"b"\nc', raw: '=1+1' }] };
    const back = readFactsCsv(datasetToCsv(hostile)['facts.csv']);
    expect(back.errors).toEqual([]);
    expect(back.rows[0].row_label).toBe('a,"b"\nc');
    expect(back.rows[0].raw).toBe('=1+1');
  });

  it('writes a blank value as an empty field, never 0', () => {
    const blank = { ...ds, facts: [{ ...ds.facts[0], value: null, raw: '—' }] };
    const line = datasetToCsv(blank)['facts.csv'].split('\n')[1].split(',');
    expect(line[4]).toBe('');
  });
});

describe('readFactsCsv errors', () => {
  it('reports a wrong header by line 1 and the column name, and loads nothing it cannot place', () => {
    const r = readFactsCsv('id,tbl,item,column,value\nr,requests,new,total,1\n');
    expect(r.rows).toEqual([]);
    expect(r.errors).toEqual(expect.arrayContaining([
      expect.objectContaining({ line: 1, column: 'id' }),
      expect.objectContaining({ line: 1, column: 'report_id' }),
      expect.objectContaining({ line: 1, column: 'table' }),
      expect.objectContaining({ line: 2, column: '' }),
    ]));
  });

  it('reports a non-numeric value and unknown table/item/column keys by line and column, and still loads valid rows', () => {
    const text = [HEADER,
      'r1,requests,new,total,95,95,false,a,b,件,L1',
      'r1,requests,granted,total,十二,十二,false,a,b,件,',
      'r1,requests,no_such_item,total,3,3,false,a,b,件,',
      'r1,nope,new,total,1,1,false,,,,',
      'r1,requests,new,sum,1,1,false,,,,',
      'r1,appeals,review,corrected,,,false,a,b,件,',
      'r1,requests,new,total,1,1,maybe,,,,',
      'r1,requests,new,total,1,1,false,,,美元,',
      'r1,requests,new,total,1',
      'r1,requests,new,total,3件,3件,false,,,件,',
    ].join('\n');
    const { rows, errors } = readFactsCsv(text);
    expect(errors.map((e) => [e.line, e.column])).toEqual([
      [3, 'value'], [4, 'item'], [5, 'table'], [6, 'column'], [8, 'derived'], [9, 'unit'], [10, ''], [11, 'value'],
    ]);
    expect(rows.map((r) => `${r.table}.${r.item}.${r.column}=${r.value}`)).toEqual(['requests.new.total=95', 'appeals.review.corrected=null']);
  });

  it('counts lines correctly after a quoted multi-line cell', () => {
    const text = `${HEADER}\nr,requests,new,total,1,1,false,"two\nlines",b,件,\nr,requests,new,total,x,x,false,,,件,\n`;
    expect(readFactsCsv(text).errors).toEqual([expect.objectContaining({ line: 4, column: 'value' })]);
  });

  it('reports an empty file on line 1', () => {
    expect(readFactsCsv('').errors).toEqual([expect.objectContaining({ line: 1 })]);
  });
});

describe('manifest CSV', () => {
  it('reads the corpus manifest and writes it back unchanged in content', () => {
    const text = readFileSync(new URL('../../data/manifest.csv', import.meta.url), 'utf8');
    const m = readManifestCsv(text);
    expect(m.errors).toEqual([]);
    expect(m.rows.length).toBe(20);
    expect(readManifestCsv(manifestToCsv(m.rows)).rows).toEqual(m.rows);
  });
});

describe('datasetToCsv without header', () => {
  it('gives only data lines, so chunks appended after one header equal the whole file', () => {
    const a = toDataset([parse('2024_xiangtanxian_zfbgs.txt')], { kind: 'real' });
    const b = toDataset([parse('2020_pingtan_zhqsyq.txt')], { kind: 'real' });
    const whole = datasetToCsv({ ...a, facts: [...a.facts, ...b.facts] })['facts.csv'];
    const header = whole.split('\n')[0] + '\n';
    expect(header + datasetToCsv(a, { header: false })['facts.csv'] + datasetToCsv(b, { header: false })['facts.csv']).toBe(whole);
    expect(datasetToCsv({ ...a, checks: [] }, { header: false })['checks.csv']).toBe('');
  });
});
