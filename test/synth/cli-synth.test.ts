import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { parseSynthArgs, runSynth, writeSynthetic, type SynthSummary } from '../../src/cli/synth';
import { TABLE_COLUMNS } from '../../src/dataset';
import { buildMetricsSql } from '../../src/data/metrics';

const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-synth-'));
let summary: SynthSummary;
let instance: DuckDBInstance;
let con: DuckDBConnection;
const rows = async (sql: string): Promise<Record<string, unknown>[]> => (await con.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];

beforeAll(async () => {
  // 60 agencies, detail (facts, checks) for 20 of them
  summary = await writeSynthetic({ agencies: 60, years: [2020, 2021, 2022], seed: 'cli', out: dir, detailAgencies: 20, batch: 7 });
  instance = await DuckDBInstance.create(path.join(dir, 'nianbao.duckdb'));
  con = await instance.connect();
});
afterAll(() => {
  con?.closeSync();
  instance?.closeSync();
  rmSync(dir, { recursive: true, force: true });
});

describe('synth CLI', () => {
  it('rejects bad arguments with a message instead of throwing', () => {
    expect(parseSynthArgs(['--agencies', 'many', '--out', 'x'])).toMatch(/--agencies/);
    expect(parseSynthArgs(['--agencies', '10', '--years', '2030-2020', '--out', 'x'])).toMatch(/--years/);
    expect(parseSynthArgs(['--agencies', '10'])).toMatch(/--out/);
    expect(parseSynthArgs(['--agencies=10', '--out=x', '--years=2019-2020'])).toMatchObject({ agencies: 10, years: [2019, 2020], out: 'x', seed: '1' });
  });

  it('reads its flags with node:util parseArgs, as the parse and site commands do', () => {
    expect(parseSynthArgs(['--agencies', '12', '--out', 'x', '--seed', 's', '--detail-agencies', '3', '--batch', '4', '--jobs', '2', '--years', '2021,2023']))
      .toEqual({ agencies: 12, years: [2021, 2023], out: 'x', seed: 's', detailAgencies: 3, batch: 4, jobs: 2 });
    // the messages for bad values are the ones the hand-written parser gave
    expect(parseSynthArgs(['--agencies', '0', '--out', 'x'])).toBe('--agencies must be an integer from 1 to 2000000 (got 0)');
    expect(parseSynthArgs(['--out', 'x', '--years', '2018'])).toBe('--years must look like 2019-2025 or 2021,2023 (years from 2019) (got 2018)');
    expect(parseSynthArgs(['--out', 'x', '--detail-agencies=-1'])).toBe('--detail-agencies must be a non-negative integer');
    expect(parseSynthArgs(['--out', 'x', '--batch', '0'])).toBe('--batch must be a positive integer');
    expect(parseSynthArgs(['--out', 'x', '--jobs', '65'])).toBe('--jobs must be an integer from 1 to 64');
    // what it used to ignore silently is now said (a typo no longer runs with the default)
    expect(parseSynthArgs(['--agencis', '10', '--out', 'x'])).toBe('unknown option --agencis');
    expect(parseSynthArgs(['--out'])).toBe('--out needs a value');
    // parseArgs reads a value starting with '-' as an option: a negative number goes as --flag=-1
    expect(parseSynthArgs(['--out', 'x', '--detail-agencies', '-1'])).toBe('--detail-agencies needs a value');
    expect(parseSynthArgs(['--out', 'x', 'extra'])).toMatch(/^unexpected argument extra/);
    expect(parseSynthArgs(['--help'])).toBe('help');
  });

  it('writes every report, findings for all and facts/checks for the detail sample only', async () => {
    expect(summary.reports).toBe(180);
    const [{ n }] = await rows(`SELECT count(*)::INTEGER n FROM reports WHERE dataset = 'synthetic' AND agency LIKE '[SYNTHETIC] %'`);
    expect(n).toBe(180);
    const [{ agencies }] = await rows(`SELECT count(DISTINCT r.agency)::INTEGER agencies FROM facts f JOIN reports r USING (report_id)`);
    expect(agencies).toBe(20);
    const [{ facts }] = await rows(`SELECT count(*)::INTEGER facts FROM facts`);
    expect(facts).toBe(summary.facts);
    const [{ f }] = await rows(`SELECT count(*)::INTEGER f FROM findings WHERE code = 'identity-broken'`);
    const [{ s }] = await rows(`SELECT sum(checks_failed)::INTEGER s FROM reports`);
    expect(f).toBe(s);
    const meta = await rows(`SELECT value FROM meta WHERE key = 'dataset'`);
    expect(meta).toEqual([{ value: 'synthetic' }]);
  });

  it('writes the same files with worker threads as with one job', async () => {
    const other = mkdtempSync(path.join(tmpdir(), 'nianbao-synth-jobs-'));
    try {
      await writeSynthetic({ agencies: 60, years: [2020, 2021, 2022], seed: 'cli', out: other, detailAgencies: 20, batch: 7, jobs: 2 });
      for (const f of ['reports.csv', 'facts.csv', 'findings.csv', 'checks.csv']) {
        expect(readFileSync(path.join(other, f), 'utf8'), f).toBe(readFileSync(path.join(dir, f), 'utf8'));
      }
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('exits with code 2 and no output folder on bad arguments', async () => {
    expect(await runSynth(['--agencies', '0', '--out', path.join(dir, 'never')])).toBe(2);
    expect(existsSync(path.join(dir, 'never'))).toBe(false);
  });

  it('loads every table with the same column names and types as the parse CLI, and writes meta.csv', async () => {
    for (const t of ['reports', 'facts', 'findings', 'checks'] as const) {
      const cols = await rows(`SELECT column_name, data_type FROM information_schema.columns WHERE table_name = '${t}' ORDER BY ordinal_position`);
      expect(cols.map((c) => [c.column_name, c.data_type])).toEqual(TABLE_COLUMNS[t].map((c) => [c.name, c.type]));
    }
    expect(readFileSync(path.join(dir, 'meta.csv'), 'utf8')).toMatch(/^key,value\ndataset,synthetic\n/);
  });

  it('keeps blank cells NULL through CSV and DuckDB', async () => {
    const csv = readFileSync(path.join(dir, 'facts.csv'), 'utf8');
    const blanksInCsv = csv.split('\n').filter((l) => l.includes(',—,false,')).length;
    const [{ n }] = await rows(`SELECT count(*)::INTEGER n FROM facts WHERE value IS NULL AND NOT derived`);
    expect(n).toBe(blanksInCsv);
  });

  it('computes metrics for every report identical to buildMetricsSql over the same facts', async () => {
    await con.run(buildMetricsSql({ target: 'metrics_sql' }));
    const detail = `report_id IN (SELECT DISTINCT report_id FROM facts)`;
    const [{ a }] = await rows(`SELECT count(*)::INTEGER a FROM (SELECT * FROM metrics WHERE ${detail} EXCEPT SELECT * FROM metrics_sql WHERE ${detail})`);
    const [{ b }] = await rows(`SELECT count(*)::INTEGER b FROM (SELECT * FROM metrics_sql WHERE ${detail} EXCEPT SELECT * FROM metrics WHERE ${detail})`);
    const [{ m }] = await rows(`SELECT count(*)::INTEGER m FROM metrics WHERE ${detail}`);
    expect(m).toBe(60);
    expect([a, b]).toEqual([0, 0]);
    // and beyond the sample, metrics still has every report with its numbers
    const [{ all, withNew }] = await rows(`SELECT count(*)::INTEGER "all", count(requests__new__total)::INTEGER "withNew" FROM metrics`);
    expect(all).toBe(180);
    expect(withNew).toBeGreaterThan(150);
  });
});
