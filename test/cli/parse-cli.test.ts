// Runs the real CLI (tsx src/cli/main.ts parse …) once on data/reports plus a folder of bad
// inputs, and checks what it wrote: every input in reports.csv with the right status, CSVs that
// parse back, a .duckdb whose tables match the CSVs, and the exit codes.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFactsCsv, TABLE_COLUMNS } from '../../src/dataset';

const ROOT = path.resolve(__dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const cli = (...args: string[]) => spawnSync(TSX, ['src/cli/main.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
const csv = (dir: string, name: string) => Papa.parse<Record<string, string>>(readFileSync(path.join(dir, name), 'utf8'), { header: true, skipEmptyLines: true });

let tmp: string;
let out: string;
let bad: string;
let run: ReturnType<typeof cli>;
const REPORTS = readdirSync(path.join(ROOT, 'data/reports')).sort();

beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'nianbao-cli-'));
  out = path.join(tmp, 'out');
  bad = path.join(tmp, 'bad');
  mkdirSync(path.join(bad, 'nested'), { recursive: true });
  writeFileSync(path.join(bad, 'empty.txt'), '');
  writeFileSync(path.join(bad, 'junk.txt'), Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256)));
  writeFileSync(path.join(bad, 'notes.docx'), 'not a report'); // named Word, holds text: read as text (sites do that)
  writeFileSync(path.join(bad, 'photo.png'), new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])); // listed, refused
  writeFileSync(path.join(bad, 'nested', 'gbk.txt'), new Uint8Array([0xc4, 0xea, 0xb1, 0xa8])); // 年报 in GBK
  symlinkSync(path.join(bad, 'does-not-exist'), path.join(bad, 'dangling.html'));
  writeFileSync(path.join(bad, 'locked.md'), '# x');
  chmodSync(path.join(bad, 'locked.md'), 0o000); // unreadable unless the tests run as root
  writeFileSync(path.join(tmp, 'given.xlsx'), 'PK');
  run = cli('parse', 'data/reports', bad, path.join(tmp, 'given.xlsx'), '--out', out, '--manifest', 'data/manifest.csv', '--jobs', '2', '--min-worker-files', '4');
});

afterAll(() => {
  try { chmodSync(path.join(bad, 'locked.md'), 0o600); } catch { /* already gone */ }
  rmSync(tmp, { recursive: true, force: true });
});

describe('parse CLI on data/reports and bad inputs', () => {
  it('exits 0 and prints a summary line even though some files failed', () => {
    expect(run.stderr).not.toMatch(/unexpected error|failed to write/);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^parse: 28 files → \d+ ok, \d+ with findings, \d+ failed; \d+ facts/m);
    expect(run.stderr).toMatch(/\[28\/28\] .* ETA/);
  });

  it('lists every input file in reports.csv, the bad ones failed with a reason', () => {
    const reports = csv(out, 'reports.csv');
    expect(reports.errors).toEqual([]);
    const byFile = new Map(reports.data.map((r) => [r.source_file, r]));
    for (const f of REPORTS) expect(byFile.has(f), f).toBe(true);
    const failed = (f: string) => {
      const r = byFile.get(f);
      expect(r, f).toBeDefined();
      expect(r!.status, f).toBe('failed');
      return r!.error;
    };
    expect(failed('empty.txt')).toMatch(/empty/);
    expect(failed('junk.txt')).toMatch(/binary, not a report/);
    expect(failed('dangling.html')).toMatch(/does not exist.*ENOENT/);
    expect(failed('given.xlsx')).toMatch(/this is an Excel workbook \(\.xlsx\), not a report.*Accepted: PDF/);
    expect(failed('photo.png')).toMatch(/this is an image, not a report.*Accepted: PDF/);
    if (process.getuid?.() !== 0) expect(failed('locked.md')).toMatch(/Cannot read.*EACCES/);
    else expect(byFile.has('locked.md')).toBe(true);
    expect(byFile.has('notes.docx')).toBe(true); // every file a folder holds is listed
    expect(byFile.get('nested/gbk.txt')).toBeDefined(); // GB18030 decoded, parsed (nothing in it)
    expect(reports.data).toHaveLength(REPORTS.length + 8);
  });

  it('records region, level and origin for the real reports', () => {
    const byId = new Map(csv(out, 'reports.csv').data.map((r) => [r.report_id, r]));
    expect(byId.get('2024_xiangtanxian_zfbgs')).toMatchObject({ region_code: '430321', county: '湘潭县', level: 'department', dataset: 'real', status: 'findings', finding_count: '1' });
    expect(byId.get('2012_pingtanxian_rmzf')).toMatchObject({ region_code: '350128', level: 'county' });
    // only the province is known: placed at its 2-digit code (drawn inside 福建省, not "unplaced")
    expect(byId.get('2024_pingtan_zhqsyq')).toMatchObject({ region_code: '35', region_status: 'partial', province: '福建省', place: '平潭综合实验区' });
    // the excerpt of 淮安市's PDF is set aside as a fragment of it, with the reason
    expect(byId.get('2024_huaian_szf_pdfextract_fragment')).toMatchObject({ counted: 'false', set_aside: 'fragment', superseded_by: '2024_huaian_szf' });
    expect(byId.get('2024_huaian_szf')).toMatchObject({ counted: 'true', set_aside: '' });
    for (const f of REPORTS) expect(byId.get(f.replace(/\.[^.]+$/, ''))!.origin, f).not.toBe('');
    expect(byId.get('junk')!.origin).toBe('');
  });

  it('writes CSVs that parse back: facts through readFactsCsv without a single error', () => {
    const facts = readFactsCsv(readFileSync(path.join(out, 'facts.csv'), 'utf8'));
    expect(facts.errors).toEqual([]);
    const t33 = facts.rows.find((f) => f.report_id === '2024_xiangtanxian_zfbgs' && f.item === 'new' && f.column === 'total');
    expect(t33?.value).toBe(33); // truth.csv new_total
    for (const name of ['findings.csv', 'checks.csv', 'manifest.csv']) expect(csv(out, name).errors, name).toEqual([]);
    expect(readFileSync(path.join(out, 'manifest.csv'), 'utf8')).toContain('reports/2024_xiangtanxian_zfbgs.txt');
    // nothing half-written is left behind
    expect(readdirSync(out).sort()).toEqual(['checks.csv', 'detail', 'facts.csv', 'findings.csv', 'index.duckdb', 'manifest.csv', 'meta.csv', 'nianbao.duckdb', 'reports.csv', 'snapshot.json']);
  });

  it('writes a nianbao.duckdb whose tables have the documented types and the CSVs\' row counts', async () => {
    const instance = await DuckDBInstance.create(path.join(out, 'nianbao.duckdb'), { access_mode: 'READ_ONLY' });
    const con = await instance.connect();
    const q = async (sql: string) => (await con.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
    try {
      for (const t of ['reports', 'facts', 'findings', 'checks'] as const) {
        const n = await q(`SELECT count(*)::INTEGER AS n FROM ${t}`);
        expect(n[0].n, t).toBe(csv(out, `${t}.csv`).data.length);
        const cols = await q(`SELECT column_name, data_type FROM information_schema.columns WHERE table_name = '${t}' ORDER BY ordinal_position`);
        expect(cols.map((c) => [c.column_name, c.data_type]), t).toEqual(TABLE_COLUMNS[t].map((c) => [c.name, c.type]));
      }
      const meta = Object.fromEntries((await q('SELECT key, value FROM meta')).map((r) => [r.key, r.value]));
      expect(meta).toMatchObject({ dataset: 'real', generator: 'nianbao parse', version: '0.1.0' });
      expect(Date.parse(String(meta.generated_at))).not.toBeNaN();
      const metaCsv = Object.fromEntries(csv(out, 'meta.csv').data.map((r) => [r.key, r.value]));
      expect(metaCsv).toEqual(meta);
      const m = await q(`SELECT requests__new__total AS v, region_code FROM metrics WHERE report_id = '2024_xiangtanxian_zfbgs'`);
      expect(m).toEqual([{ v: 33, region_code: '430321' }]);
      // metrics holds the counted reports only: not the fragment, not the reports without a year
      const [{ counted, all }] = await q('SELECT (count(*) FILTER (WHERE counted))::INTEGER AS counted, count(*)::INTEGER AS "all" FROM reports');
      expect(all).toBe(REPORTS.length + 8);
      expect((await q('SELECT count(*)::INTEGER AS n FROM metrics'))[0].n).toBe(counted);
      expect((await q(`SELECT count(*)::INTEGER AS n FROM reports WHERE NOT counted AND year IS NOT NULL AND set_aside <> 'fragment'`))[0].n).toBe(0);
      // a blank cell is NULL in DuckDB, not 0, exactly as in the CSV
      const blanks = await q(`SELECT count(*)::INTEGER AS n FROM facts WHERE value IS NULL`);
      expect(blanks[0].n).toBe(csv(out, 'facts.csv').data.filter((r) => r.value === '').length);
    } finally {
      con.closeSync();
      instance.closeSync();
    }
  });

  it('gives the same files in-process as with worker threads', () => {
    const single = path.join(tmp, 'single');
    const r = cli('parse', 'data/reports', '--out', single, '--manifest', 'data/manifest.csv', '--jobs', '1', '--quiet');
    expect(r.status).toBe(0);
    expect(r.stderr.replace(/npm warn.*\n/g, '')).toBe('');
    const rows = (dir: string) => csv(dir, 'facts.csv').data.filter((f) => REPORTS.some((x) => x.startsWith(f.report_id + '.')));
    expect(rows(single)).toEqual(rows(out));
  });
});

describe('parse CLI usage errors', () => {
  it('exits 2 with a usage text when --out or the inputs are missing, or an option is unknown', () => {
    for (const args of [['parse', 'data/reports'], ['parse', '--out', 'x'], ['parse', 'data/reports', '--out', 'x', '--frobnicate'], ['parse', 'a', '--out', 'x', '--jobs', '0'], ['nonsense']]) {
      const r = cli(...args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(/usage: /);
    }
    expect(existsSync(path.join(ROOT, 'x'))).toBe(false);
  });
});
