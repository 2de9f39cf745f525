// Every file a user downloads, byte for byte, on real rows (test/fixtures/dataset-small: the
// 湘潭县 2024 report's cells, the hostile agency name, a report with a broken identity). The
// expected files were written by the writers as they were before the project had one CSV writer
// (src/dataset/csv-safe.ts writeCsv); a change in them is a change in what users get.
// Rewrite them with NIANBAO_WRITE_DOWNLOADS=1 only when the new bytes are the better ones.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { chartCsv, csvFileText as downloadCsvText, toCsv } from './download';
import { keyLabel, labelledCsv } from '../data/key-labels';
import { datasetToCsv, readFactsCsv } from '../dataset/csv';
import { findingsReportCsv, importedFactsCsv } from './import/export';
import type { Dataset } from '../model/dataset';
import { DEFAULT_STATE, type State } from '../state/url';
import { t } from '../i18n/strings';

const DIR = path.resolve(import.meta.dirname, '../../test/fixtures/dataset-small');
const EXPECTED = path.resolve(import.meta.dirname, '../../test/fixtures/expected/downloads');

/** A dataset CSV as rows of typed values: numbers as numbers, '' as null, 'true'/'false' as booleans. */
function table(name: string): Record<string, unknown>[] {
  const rows = Papa.parse<Record<string, string>>(readFileSync(path.join(DIR, `${name}.csv`), 'utf8'), { header: true, skipEmptyLines: true }).data;
  return rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k,
    v === '' ? null : v === 'true' ? true : v === 'false' ? false : /^-?\d+(\.\d+)?$/.test(v) && k !== 'raw' && k !== 'region_code' ? Number(v) : v])));
}

const reports = table('reports');
const facts = table('facts');
const yearOf = new Map(reports.map((r) => [r.report_id, r.year]));
const agencyOf = new Map(reports.map((r) => [r.report_id, r.agency]));
const hostile = String(reports.find((r) => r.report_id === 'synthetic_hostile_2024')?.agency);

/** What the chart panels download: the view's labelled rows, then the filters line and the file. */
function files(): Record<string, string> {
  const zh: State = { ...DEFAULT_STATE, view: 'outcomes', agencies: [String(agencyOf.get('2024_xiangtanxian_zfbgs')), hostile], years: [2019, 2024] };
  const en: State = { ...zh, lang: 'en', view: 'trends', excludeFailing: true, levels: ['county'] };
  const long = facts.filter((f) => f.table === 'requests').map((f) => ({ key: f.item, group: f.column, year: yearOf.get(f.report_id), value: f.value, n_data: 1, n_reports: 1 }));
  const longCells = (lang: 'zh' | 'en') => ({ key: (v: unknown) => keyLabel(String(v), lang), group: (v: unknown) => keyLabel(String(v), lang, 'column') });
  const byAgency = reports.map((r) => ({ metric: 'received', agency: r.agency, year: r.year, value: r.fact_count, numerator: null, denominator: null, n_data: r.fact_count ? 1 : 0, n_reports: 1 }));
  const out: Record<string, string> = {};
  for (const [lang, st] of [['zh', zh], ['en', en]] as const) {
    const c1 = labelledCsv(['key', 'group', 'year', 'value', 'n_data', 'n_reports'], long, lang, longCells(lang));
    out[`chart-long-${lang}.csv`] = downloadCsvText(chartCsv(c1.fields, c1.rows, st, t(lang)));
    const c2 = labelledCsv(['metric', 'agency', 'year', 'value', 'numerator', 'denominator', 'n_data', 'n_reports'], byAgency, lang, { metric: (v) => `${v}:${lang}` });
    out[`chart-agency-${lang}.csv`] = downloadCsvText(chartCsv(c2.fields, c2.rows, st, t(lang)));
    // the quality and change views: labelled headings, no filters line
    const q = labelledCsv(['report_id', 'agency', 'year', 'status', 'finding_count', 'fact_count'], reports, lang);
    out[`table-${lang}.csv`] = downloadCsvText(toCsv(q.fields, q.rows));
  }
  // the SQL view: any columns, raw values
  const cols = Object.keys(facts[0]);
  out['sql.csv'] = downloadCsvText(toCsv(cols, facts.map((f) => ({ ...f, report_id: f.report_id === '2024_xiangtanxian_zfbgs' ? hostile : f.report_id }))));
  // the import's exports and the dataset files the CLI writes
  const ds = {
    reports, facts: readFactsCsv(readFileSync(path.join(DIR, 'facts.csv'), 'utf8')).rows,
    findings: table('findings'), checks: table('checks'),
  } as unknown as Dataset;
  out['imported-facts.csv'] = importedFactsCsv(ds);
  out['my-findings.csv'] = findingsReportCsv(ds, [{ file: `${hostile}.csv`, errors: [{ line: 3, column: 'value', message: '=not a number' }] }]);
  for (const [name, text] of Object.entries(datasetToCsv(ds))) out[`dataset-${name}`] = text;
  return out;
}

describe('downloads are the same bytes as before one CSV writer', () => {
  const got = files();
  if (process.env.NIANBAO_WRITE_DOWNLOADS === '1') {
    mkdirSync(EXPECTED, { recursive: true });
    for (const [name, text] of Object.entries(got)) writeFileSync(path.join(EXPECTED, name), text);
  }
  for (const name of Object.keys(got)) {
    it(name, () => {
      const file = path.join(EXPECTED, name);
      expect(existsSync(file), file).toBe(true);
      expect(got[name] === readFileSync(file, 'utf8'), `${name} differs`).toBe(true);
      expect(got[name]).toBe(readFileSync(file, 'utf8'));
    });
  }

  it('covers the hostile name and the blank cells, so the comparison compares something', () => {
    expect(got['sql.csv']).toContain(`"${hostile.replace(/"/g, '""')}"`.slice(0, 12));
    expect(Papa.parse<string[]>(got['table-en.csv'].slice(1)).data.some((r) => r.includes(''))).toBe(true);
  });
});
