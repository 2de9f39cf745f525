import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ManifestRow } from '../model/dataset';
import { parseText } from '../parse/parse-text';
import { readManifestCsv } from './csv';
import { failedReport, locationText, manifestLookup, toDataset } from './to-dataset';

const reports = new URL('../../data/reports/', import.meta.url);
const parse = (file: string) => parseText({ sourceFile: file, text: readFileSync(new URL(file, reports), 'utf8') });
const manifest = readManifestCsv(readFileSync(new URL('../../data/manifest.csv', import.meta.url), 'utf8')).rows;

describe('toDataset', () => {
  const xt = parse('2024_xiangtanxian_zfbgs.txt');
  const pt = parse('2020_pingtan_zhqsyq.txt');
  const ds = toDataset([xt, pt], { kind: 'real', manifest, meta: { generator: 'test' } });

  it('writes one report row per parsed report with its counts, region and origin from the manifest', () => {
    expect(ds.reports).toHaveLength(2);
    const r = ds.reports[0];
    expect(r).toMatchObject({
      report_id: '2024_xiangtanxian_zfbgs', source_file: '2024_xiangtanxian_zfbgs.txt', agency: '湘潭县人民政府办公室',
      year: 2024, template: '2021', region_code: '430321', province: '湖南省', city: '湘潭市', county: '湘潭县',
      region_status: 'resolved', level: 'department', format: 'txt', dataset: 'real', error: null,
      origin: 'project seed document (text extracted from the agency web page)',
    });
    expect(r.fact_count).toBe(xt.facts.length);
    expect(r.finding_count).toBe(xt.findings.length);
    expect(ds.reports[1].origin).toMatch(/^changwu\/pingtan-gov-zwgk-archive:/);
    expect(ds.meta).toEqual({ dataset: 'real', generator: 'test' });
  });

  it('keeps the broken identity of 平潭 2020 as a failed check with both sides, and counts it', () => {
    const failed = ds.checks.filter((c) => c.report_id === '2020_pingtan_zhqsyq' && c.status === 'fail');
    expect(failed.length).toBeGreaterThan(0);
    expect(ds.reports[1].checks_failed).toBe(failed.length);
    const sum = failed.find((c) => c.check_id === 'requests.outcome_sum' && c.subject === 'total');
    expect(sum).toMatchObject({ lhs: 21, rhs: 27 });
  });

  it('converts facts to rows: location text, blanks stay null, derived flag kept', () => {
    expect(ds.facts).toHaveLength(xt.facts.length + pt.facts.length);
    const newTotal = ds.facts.find((f) => f.report_id === '2024_xiangtanxian_zfbgs' && f.table === 'requests' && f.item === 'new' && f.column === 'total');
    expect(newTotal).toMatchObject({ value: 33, raw: '33', derived: false }); // truth.csv new_total
    expect(newTotal!.location).toMatch(/^L\d+$/);
    expect(ds.facts.some((f) => f.derived)).toBe(true);
    const nulls = [...xt.facts, ...pt.facts].filter((f) => f.value === null).length;
    expect(nulls).toBeGreaterThan(0);
    expect(ds.facts.filter((f) => f.value === null)).toHaveLength(nulls);
  });

  it('stores finding details as JSON text', () => {
    for (const f of ds.findings) expect(() => JSON.parse(f.details)).not.toThrow();
  });

  it('marks a failed input with its reason in `error`', () => {
    const bad = failedReport('x/junk.doc', 'junk', 'unsupported-input', '不支持的文件类型', 'Unsupported file type .doc');
    const d = toDataset([bad], { kind: 'synthetic' });
    expect(d.reports[0]).toMatchObject({ status: 'failed', dataset: 'synthetic', finding_count: 1, error: 'Unsupported file type .doc / 不支持的文件类型', origin: null });
    expect(d.findings[0]).toMatchObject({ code: 'unsupported-input', severity: 'error' });
  });

  it('gives a failed input the form it would have been read as', () => {
    const form = (name: string) => failedReport(name, 'x', 'unsupported-input', '', '').report.format;
    expect(['a.mhtml', 'a.MHT', 'a.shtml', 'a.htm', 'a.docx', 'a.doc'].map(form)).toEqual(['html', 'html', 'html', 'html', 'html', 'html']);
    expect(['a.pdf', 'a.md', 'a.txt', 'noext'].map(form)).toEqual(['pdf', 'md', 'txt', 'txt']);
  });
});

describe('locationText', () => {
  it('prints page and line as p5 L12 and keeps a free-text locator', () => {
    expect(locationText({ page: 5, line: 12 })).toBe('p5 L12');
    expect(locationText({ line: 12 })).toBe('L12');
    expect(locationText({ text: '表三 row 2' })).toBe('表三 row 2');
    expect(locationText(undefined)).toBe('');
  });
});

describe('manifestLookup', () => {
  const m = (file: string, source: string) => ({ file, source }) as ManifestRow;
  it('matches a path relative to the input folder against manifest paths relative to data/', () => {
    const find = manifestLookup([m('reports/a.txt', 'A'), m('reports/sub/b.txt', 'B')]);
    expect(find('a.txt')?.source).toBe('A');
    expect(find('sub/b.txt')?.source).toBe('B');
    expect(find('reports/a.txt')?.source).toBe('A');
    expect(find('c.txt')).toBeNull();
    expect(find('/somewhere/data/reports/a.txt')?.source).toBe('A'); // a file given by a longer path
  });
  it('does not guess when two manifest rows share a file name', () => {
    const find = manifestLookup([m('x/a.txt', 'A1'), m('y/a.txt', 'A2')]);
    expect(find('z/a.txt')).toBeNull();
    expect(find('x/a.txt')?.source).toBe('A1');
  });
});
