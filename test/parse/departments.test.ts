// Real department reports of 平潭 (test/parse/departments/, one per bug found on the 218-report
// department corpus). The manifest's agency/year/template are a check here, never parser input.
// With NIANBAO_DEPARTMENTS set to the corpus folder, the year check runs on all of it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ParsedReport } from '../../src/model';
import { parseText } from '../../src/parse/parse-text';

const dir = join(import.meta.dirname, 'departments');
const parse = (name: string, from = dir): ParsedReport => parseText({ sourceFile: `${name}.txt`, text: readFileSync(join(from, `${name}.txt`), 'utf8') });
const cells = (p: ParsedReport, table: string, item: string, cols: string[]) =>
  cols.map((c) => p.facts.find((f) => f.table === table && f.item === item && f.column === c && !f.derived)?.value);
const REQ = ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other_org', 'total'];
const codes = (p: ParsedReport) => p.findings.map((f) => f.code);

function manifest(from: string): { file: string; agency: string; year: number; template: string }[] {
  const [, ...rows] = readFileSync(join(from, 'manifest.csv'), 'utf8').trim().split(/\r?\n/);
  // file,agency_name,level,region,year,format_version,… (no quoted commas before format_version)
  return rows.map((r) => r.split(',')).map((c) => ({ file: c[0]!, agency: c[1]!, year: Number(c[4]), template: c[5]! }));
}

describe('department reports: identity', () => {
  it.each([
    ['2013_pingtan_shs_80751', '平潭县卫生局2013年度政府信息公开情况总结', '平潭县卫生局', 2013],
    ['2016_pingtan_gaj_80482', '关于报送《平潭综合实验区公安局2016年 政府信息公开工作情况》的函', '平潭综合实验区公安局', 2016],
    ['2012_pingtan_shs_80726', '平潭县质监局2012年政府信息公开年度工作报告', '平潭县质监局', 2012],
    ['2011_pingtan_shs_80714', '平潭县卫生局2011年度政府信息公开', '平潭县卫生局', 2011], // no 报告 in the title
    ['2018_pingtan_jjf_80541', '平潭综合实验区经济发展局2018年政务公开工作年度报告', '平潭综合实验区经济发展局', 2018],
  ])('%s: title from the crawl header, agency and year', (name, title, agency, year) => {
    const p = parse(name);
    expect(p.report.title).toBe(title);
    expect(p.report.agency).toBe(agency);
    expect(p.report.year).toBe(year);
    expect(p.status).not.toBe('failed');
    expect(codes(p)).not.toContain('agency-not-found');
  });

  it('every fixture: the year found is the manifest year and an agency is named', () => {
    for (const m of manifest(dir)) {
      const p = parse(m.file.replace(/\.txt$/, ''));
      expect(p.report.year, m.file).toBe(m.year);
      expect(p.report.agency, m.file).not.toBeNull();
    }
  });

  const corpus = process.env.NIANBAO_DEPARTMENTS;
  it.skipIf(!corpus || !existsSync(corpus))('the whole department corpus: year = manifest year for every report', () => {
    const ms = manifest(corpus!);
    expect(ms.length).toBeGreaterThan(200);
    const names = new Set(readdirSync(corpus!));
    for (const m of ms.filter((x) => names.has(x.file))) {
      const p = parse(m.file.replace(/\.txt$/, ''), corpus);
      expect(p.report.year, m.file).toBe(m.year);
      expect(p.report.agency, m.file).not.toBeNull();
    }
  });
});

describe('department reports: cells', () => {
  it('2024_pingtan_htp_96894: 7 digits for 7 cells are the one split, kept although the row total is printed 0', () => {
    const p = parse('2024_pingtan_htp_96894');
    expect(cells(p, 'requests', 'new', REQ)).toEqual([5, 1, 0, 0, 0, 0, 0]); // `5100000`
    expect(cells(p, 'requests', 'outcome_total', REQ)).toEqual([5, 1, 0, 0, 0, 0, 0]);
    expect(p.findings.some((f) => f.code === 'identity-broken' && f.details.checkId === 'requests.row_total' && f.details.subject === 'new')).toBe(true);
    expect(codes(p)).not.toContain('unsplittable-cells');
  });

  it('2025_pingtan_lyy_104724: `100 0 0 00` has one split into 7 cells (spaces are only probable boundaries)', () => {
    const p = parse('2025_pingtan_lyy_104724');
    expect(cells(p, 'requests', 'new', REQ)).toEqual([1, 0, 0, 0, 0, 0, 0]);
    expect(codes(p)).not.toContain('unsplittable-cells');
  });

  it('2022_pingtan_czjrj (财政金融局): the narrative counts are not table rows; table 二 read', () => {
    const p = parse('2022_pingtan_czjrj');
    expect(codes(p)).not.toContain('unknown-row');
    expect(cells(p, 'active', 'normative_documents', ['issued', 'repealed', 'in_force'])).toEqual([8, 0, 8]); // `行政规范性文件808`
    expect(cells(p, 'active', 'licensing', ['decisions'])).toEqual([5]);
    expect(p.status).toBe('ok');
  });

  it('2025_pingtan_scjgj: 7.属于行政执法案件 is denied_enforcement_file; cells run into the prose year are cut before it', () => {
    const p = parse('2025_pingtan_scjgj');
    expect(cells(p, 'requests', 'denied_enforcement_file', REQ)).toEqual([3, 0, 0, 0, 0, 0, 3]);
    expect(cells(p, 'requests', 'carried_forward', REQ)).toEqual([2, 0, 0, 0, 0, 0, 2]); // `20000022025年，我局…`
    expect(codes(p)).not.toContain('unknown-row');
    expect(codes(p)).not.toContain('unsplittable-cells');
  });

  it('2019_pingtan_nyn_80562: `16减12` is 16 | -12; a truly ambiguous `7700` stays blank with its candidates', () => {
    const p = parse('2019_pingtan_nyn_80562');
    expect(cells(p, 'active', 'fees', ['prior_count', 'change'])).toEqual([16, -12]);
    const amb = p.findings.find((f) => f.code === 'ambiguous-split' && f.details.item === 'licensing')!;
    expect(amb.details.candidates).toEqual(expect.arrayContaining([['77', '0', '0'], ['7', '70', '0']]));
    expect(cells(p, 'active', 'licensing', ['prior_count'])).toEqual([null]);
    expect(codes(p)).not.toContain('unknown-row');
  });

  it('2020_pingtan_czjrj: `2笔 984361元` is a count and an amount', () => {
    const p = parse('2020_pingtan_czjrj');
    expect(cells(p, 'active', 'procurement', ['projects', 'amount'])).toEqual([2, 984361]);
    expect(p.status).toBe('ok');
  });
});

describe('department reports: pre-2019 tables', () => {
  const legacy = (p: ParsedReport, item: string) => p.facts.find((f) => f.table === 'legacy' && f.item === item)?.value;
  it('2009_pingtan_gaj_80645: a one-column table (年末统计) reads each value whole', () => {
    const p = parse('2009_pingtan_gaj_80645');
    expect(['new', 'outcome_total', 'granted', 'review'].map((i) => legacy(p, i))).toEqual([0, 0, 0, 0]);
    expect(codes(p)).not.toContain('ambiguous-split');
  });
  it('2017_pingtan_jjf_80525: a two-column header over one value per row (`条2`, `条148`) reads the annual value', () => {
    const p = parse('2017_pingtan_jjf_80525');
    expect(['new', 'outcome_total', 'granted', 'partial', 'other'].map((i) => legacy(p, i))).toEqual([2, 2, 0, 1, 1]);
    expect(codes(p)).not.toContain('unsplittable-cells');
  });
  it('2016_pingtan_hjgtzyj: glued 年度|历年累计 pairs (`条99` = 9|9, `条00`) read as the annual value', () => {
    const p = parse('2016_pingtan_hjgtzyj');
    expect(['new', 'outcome_total', 'granted', 'partial', 'denied'].map((i) => legacy(p, i))).toEqual([9, 9, 9, 0, 0]);
    expect(codes(p)).not.toContain('ambiguous-split');
  });
});
