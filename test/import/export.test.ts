import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/parse/parse-report';
import { checkCardModel } from '../../src/ui/import/check-card';
import { findingsReportCsv, importedFactsCsv } from '../../src/ui/import/export';
import { readFactsCsv } from '../../src/ui/import/facts-csv';
import { factsCsvToDataset, parsedToDataset } from '../../src/ui/import/to-dataset';

const XTX = 'data/reports/2024_xiangtanxian_zfbgs.txt';

async function xiangtan() {
  return parseReport({ sourceFile: '2024_xiangtanxian_zfbgs.txt', text: readFileSync(XTX, 'utf8') });
}

describe('imported data export', () => {
  it('round-trips the parsed 湘潭县 2024 facts through the facts CSV with every value equal', async () => {
    const ds = parsedToDataset([await xiangtan()]);
    const back = readFactsCsv(importedFactsCsv(ds));
    expect(back.errors).toEqual([]);
    expect(back.rows).toHaveLength(ds.facts.length);
    expect(back.rows.map((r) => r.value)).toEqual(ds.facts.map((f) => f.value));
    const newTotal = back.rows.find((r) => r.table === 'requests' && r.item === 'new' && r.column === 'total');
    expect(newTotal?.value).toBe(33); // test/fixtures/truth.csv
  });

  it('escapes spreadsheet formulas from hostile cells but keeps "-" and negative numbers as printed', () => {
    const rows = readFactsCsv([
      'report_id,table,item,column,value,raw,derived,row_label,column_label,unit,location',
      'r,active,licensing,change,-5,-5,false,=HYPERLINK("x"),@SUM(A1),件,',
      'r,requests,carried_over,total,,-,false,+cmd,-x,件,',
    ].join('\n')).rows;
    const csv = importedFactsCsv(factsCsvToDataset(rows, 'x.csv'));
    const parsed = Papa.parse<string[]>(csv.trim()).data;
    expect(parsed[1]).toEqual(['r', 'active', 'licensing', 'change', '-5', '-5', 'false', `'=HYPERLINK("x")`, "'@SUM(A1)", '件', '']);
    expect(parsed[2].slice(4, 9)).toEqual(['', '-', 'false', "'+cmd", "'-x"]);
  });

  it('lists every finding, every check with both sides, and every CSV error in the findings report', async () => {
    const p = await xiangtan();
    const ds = parsedToDataset([p]);
    const csv = findingsReportCsv(ds, [{ file: 'bad.csv', errors: [{ line: 3, column: 'value', message: 'not a number' }] }]);
    const data = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
    expect(data.filter((d) => d.kind === 'check')).toHaveLength(p.checks.length);
    expect(data.filter((d) => d.kind === 'finding')).toHaveLength(p.findings.length);
    const balance = data.find((d) => d.kind === 'check' && d.code === 'requests.balance' && d.location.endsWith('total'));
    expect(balance).toMatchObject({ status: 'pass', lhs: '35', rhs: '35' }); // 33 new + 2 carried = 33 decided + 2 forward
    expect(data.find((d) => d.kind === 'csv-error')).toMatchObject({ source_file: 'bad.csv', location: 'line 3 column value' });
  });
});

describe('check card', () => {
  it('shows 湘潭县 2024 as the 2021 template with all checks passed and blank cells as blank', async () => {
    const p = await xiangtan();
    const m = checkCardModel(p, 'zh');
    expect(m.template).toBe('2021');
    expect(m.counts.fail).toBe(0);
    expect(m.counts.pass).toBeGreaterThan(0);
    const cell = m.cells.find((c) => c.table === 'requests' && c.rowLabel.includes('本年新收') && c.columnLabel.includes('总计'));
    expect(cell?.value).toBe('33');
    for (const c of m.cells) if (c.value === '') expect(p.facts.some((f) => f.raw === c.raw && f.value === null)).toBe(true);
  });

  it('puts failed checks first and uses the language asked for', async () => {
    const p = await xiangtan();
    const broken = { ...p, checks: [...p.checks, { ...p.checks[0], status: 'fail' as const, lhs: 1, rhs: 2 }],
      findings: [{ reportId: p.report.reportId, code: 'identity-broken' as const, severity: 'error' as const, messageZh: '不平衡', messageEn: 'does not balance', location: { line: 7 }, details: {} }] };
    const en = checkCardModel(broken, 'en');
    expect(en.checks[0]).toMatchObject({ status: 'fail', lhs: '1', rhs: '2' });
    expect(en.findings[0]).toEqual({ code: 'identity-broken', severity: 'error', message: 'does not balance', location: 'L7' });
    expect(checkCardModel(broken, 'zh').findings[0].message).toBe('不平衡');
  });
});
