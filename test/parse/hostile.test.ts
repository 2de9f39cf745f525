// Hostile or odd input that used to pass silently (issue: nothing doubled, nothing mixed): count
// cells with decimals or signs, a 20-digit number, the report printed twice with a changed number,
// bidi control characters in the title. Each is data plus a finding, never a silent value.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ParsedReport } from '../../src/model';
import { parseText } from '../../src/parse/parse-text';

const text = readFileSync(join(import.meta.dirname, '../../data/reports/2024_xiangtanxian_zfbgs.txt'), 'utf8');
const lines = text.split('\n');
/** The text with 1-based line `n` (a cell line `\t26`) replaced. */
const withCell = (n: number, cell: string) => lines.map((l, i) => (i === n - 1 ? `\t${cell}` : l)).join('\n');
const parse = (t: string): ParsedReport => parseText({ sourceFile: 'x.txt', text: t });
const fact = (p: ParsedReport, item: string, column: string) => p.facts.find((f) => f.table === 'requests' && f.item === item && f.column === column && !f.derived);

describe('hostile cell values', () => {
  it('the unchanged report has none of these findings', () => {
    const p = parse(text);
    expect(lines[82]).toBe('\t26'); // new.natural
    expect(lines[88]).toBe('\t33'); // new.total
    expect(p.findings).toEqual([]);
  });

  it.each([['1.5'], ['-3']])('a count printed %s keeps its number and gets count-not-integer', (cell) => {
    const p = parse(withCell(83, cell));
    expect(fact(p, 'new', 'natural')!.value).toBe(Number(cell));
    const f = p.findings.filter((x) => x.code === 'count-not-integer');
    expect(f).toHaveLength(1);
    expect(f[0]!.details).toMatchObject({ table: 'requests', item: 'new', column: 'natural', raw: cell });
  });

  it('99999999999999999999 is not stored as 1e20: blank, value-out-of-range', () => {
    const p = parse(withCell(89, '99999999999999999999'));
    expect(fact(p, 'new', 'total')!.value).toBeNull();
    expect(fact(p, 'new', 'total')!.raw).toBe('99999999999999999999');
    expect(p.findings.filter((x) => x.code === 'value-out-of-range').map((x) => x.details.column)).toEqual(['total']);
  });

  it('a signed 本年增/减 or a money amount with decimals is not a count finding', () => {
    const p = parseText({ sourceFile: 'y.txt', text: readFileSync(join(import.meta.dirname, 'departments/2019_pingtan_nyn_80562.txt'), 'utf8') });
    expect(p.facts.find((f) => f.table === 'active' && f.item === 'fees' && f.column === 'change')!.value).toBe(-12);
    expect(p.findings.map((f) => f.code)).not.toContain('count-not-integer');
  });
});

describe('a report printed twice', () => {
  it('the second copy is a finding naming the rows whose numbers differ; the first copy is read', () => {
    const changed = withCell(83, '27');
    const p = parse(text + '\n' + changed);
    const f = p.findings.filter((x) => x.code === 'duplicate-table');
    expect(f).toHaveLength(1);
    expect(f[0]!.details.differs).toEqual(['new']);
    expect(fact(p, 'new', 'natural')!.value).toBe(26);
    expect(p.status).toBe('findings');
  });
  it('an identical second copy is still reported (nothing differs)', () => {
    const p = parse(text + '\n' + text);
    expect(p.findings.find((x) => x.code === 'duplicate-table')!.details.differs).toEqual([]);
  });
});

describe('bidi control characters', () => {
  it('are removed from the title and agency, kept in the raw text, and reported', () => {
    const raw = text.replace('湘潭县人民政府办公室', '湘潭县\u202e人民政府\u202c办公室');
    const p = parse(raw);
    expect(p.report.agency).toBe('湘潭县人民政府办公室');
    expect(p.report.title).toBe('湘潭县人民政府办公室2024年政府信息公开工作年度报告');
    expect(p.findings.map((f) => f.code)).toEqual(['bidi-control']);
    expect(raw).toContain('\u202e');
  });
});
