// The standalone `dashboard-files <dir>` re-cut under faults: a SIGKILL at every step of the write
// leaves index.duckdb and detail/ from the same cut (before: detail/ was replaced, then
// index.duckdb renamed — a kill between left a new detail/ beside an old index.duckdb).
// The folder is made to disagree on purpose: its index + detail are cut from 3 reports, its
// nianbao.duckdb holds 1, so the old cut and the new one are told apart by counting.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recoverDir, type OutputStep } from '../../src/cli/atomic-dir';

const ROOT = path.resolve(__dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const REPORTS = path.join(ROOT, 'data/reports');
const STEPS: OutputStep[] = ['staging-created', 'dashboard-files-written', 'staged', 'old-moved', 'new-moved', 'done'];

let tmp: string;
let one: string;
let three: string;
const run = (step: string, fault: string, ...args: string[]) =>
  spawnSync(TSX, ['test/faults/kill-at.ts', step, fault, '--', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });

beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'nianbao-dashfiles-'));
  const inOne = path.join(tmp, 'in-1');
  const inThree = path.join(tmp, 'in-3');
  mkdirSync(inOne); mkdirSync(inThree);
  copyFileSync(path.join(REPORTS, '2024_xiangtanxian_zfbgs.txt'), path.join(inOne, 'a.txt'));
  for (const f of ['2024_xiangtanxian_zfbgs.txt', '2020_pingtan_zhqsyq.txt', '2019_yueyang_nanhu_ju.txt']) copyFileSync(path.join(REPORTS, f), path.join(inThree, f));
  one = path.join(tmp, 'out-1');
  three = path.join(tmp, 'out-3');
  expect(run('none', 'kill', inOne, '--out', one, '--quiet', '--jobs', '1').status).toBe(0);
  expect(run('none', 'kill', inThree, '--out', three, '--quiet', '--jobs', '1').status).toBe(0);
}, 240_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function count(db: string, sql: string): Promise<number> {
  const instance = await DuckDBInstance.create(db, { access_mode: 'READ_ONLY' });
  const con = await instance.connect();
  try { return Number((await con.runAndReadAll(sql)).getRowObjectsJS()[0].n); } finally { con.closeSync(); instance.closeSync(); }
}

/** [reports the index lists, reports in detail/]: one cut has the same number in both. */
async function cut(dir: string): Promise<number[]> {
  let detail = 0;
  for (const d of readdirSync(path.join(dir, 'detail'))) detail += await count(path.join(dir, 'detail', d), 'SELECT count(*)::INTEGER AS n FROM reports');
  return [await count(path.join(dir, 'index.duckdb'), 'SELECT sum(reports)::INTEGER AS n FROM parts'), detail];
}

/** A folder whose index + detail are the 3-report cut and whose nianbao.duckdb holds 1 report. */
function disagreeing(name: string): string {
  const dir = path.join(tmp, name);
  mkdirSync(dir);
  for (const f of readdirSync(three)) if (f !== 'nianbao.duckdb' && f !== 'detail') copyFileSync(path.join(three, f), path.join(dir, f));
  mkdirSync(path.join(dir, 'detail'));
  for (const f of readdirSync(path.join(three, 'detail'))) copyFileSync(path.join(three, 'detail', f), path.join(dir, 'detail', f));
  copyFileSync(path.join(one, 'nianbao.duckdb'), path.join(dir, 'nianbao.duckdb'));
  return dir;
}

describe('dashboard-files: a kill at any step leaves one cut', () => {
  for (const step of STEPS) {
    it(`SIGKILL at ${step}`, async () => {
      const dir = disagreeing(`kill-${step}`);
      const csv = readFileSync(path.join(dir, 'reports.csv'));
      expect(await cut(dir)).toEqual([3, 3]);
      const r = run(step, 'kill', 'dashboard-files', dir);
      expect(r.signal === 'SIGKILL' || r.status === 137, `${r.status} ${r.signal} ${r.stderr}`).toBe(true);
      if (existsSync(dir)) expect([[3, 3], [1, 1]]).toContainEqual(await cut(dir));
      else expect(step).toBe('old-moved');
      recoverDir(dir);
      const c = await cut(dir);
      expect(c).toEqual(['old-moved', 'new-moved', 'done'].includes(step) ? [1, 1] : [3, 3]);
      // the files the command does not write are carried over as they were
      expect(readFileSync(path.join(dir, 'reports.csv')).equals(csv)).toBe(true);
      expect(existsSync(path.join(dir, 'nianbao.duckdb'))).toBe(true);
      expect(readdirSync(tmp).filter((n) => n.startsWith(`kill-${step}.`))).toEqual([]);
      // and the next run completes the re-cut
      expect(run('none', 'kill', 'dashboard-files', dir).status).toBe(0);
      expect(await cut(dir)).toEqual([1, 1]);
    }, 120_000);
  }

  it('an output fault is one line, exit code 1, the old cut intact', async () => {
    const dir = disagreeing('err');
    const r = run('dashboard-files-written', 'ENOSPC', 'dashboard-files', dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/the disk is full/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(await cut(dir)).toEqual([3, 3]);
    expect(readdirSync(tmp).filter((n) => n.startsWith('err.'))).toEqual([]);
  }, 120_000);
});
