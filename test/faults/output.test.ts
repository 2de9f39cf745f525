// Output faults of the parse CLI, each injected at a named step of the write (src/cli/atomic-dir.ts):
//   - a SIGKILL at every step leaves --out holding the old dataset or the new one, never a mix
//     (before: a kill between the renames left a new index.duckdb + detail/ beside the old
//     reports.csv + nianbao.duckdb);
//   - a read-only folder, a full disk, a file in the way: one line, exit code 1, no stack trace,
//     the previous output unchanged (before: an unhandled EACCES stack trace);
//   - SIGTERM / SIGINT mid-run stop promptly and leave the old output.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recoverDir, type OutputStep } from '../../src/cli/atomic-dir';

const ROOT = path.resolve(__dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const REPORTS = path.join(ROOT, 'data/reports');
const STEPS: OutputStep[] = ['staging-created', 'csv-written', 'duckdb-built', 'dashboard-files-written', 'staged', 'old-moved', 'new-moved', 'done'];

let tmp: string;
let oldIn: string;
let newIn: string;
let oldOut: string;
beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'nianbao-faults-'));
  oldIn = path.join(tmp, 'old-in');
  newIn = path.join(tmp, 'new-in');
  mkdirSync(oldIn);
  mkdirSync(newIn);
  copyFileSync(path.join(REPORTS, '2024_xiangtanxian_zfbgs.txt'), path.join(oldIn, 'a.txt'));
  for (const f of ['2024_xiangtanxian_zfbgs.txt', '2020_pingtan_zhqsyq.txt', '2019_yueyang_nanhu_ju.txt']) copyFileSync(path.join(REPORTS, f), path.join(newIn, f));
  // the old dataset every test starts from, written once (a CLI run per test took ~40% of this file)
  oldOut = path.join(tmp, 'old-out');
  expect(run('none', 'kill', oldIn, '--out', oldOut).status).toBe(0);
  expect(await generation(oldOut)).toEqual([1, 1, 1, 1]);
}, 240_000);
/** `out` holding the old dataset, as a run of the CLI on old-in leaves it. */
const oldDataset = (out: string) => cpSync(oldOut, out, { recursive: true });
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const run = (step: string, fault: string, ...args: string[]) =>
  spawnSync(TSX, ['test/faults/kill-at.ts', step, fault, '--', ...args, '--quiet', '--jobs', '1'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });

async function count(db: string, table: string): Promise<number> {
  const instance = await DuckDBInstance.create(db, { access_mode: 'READ_ONLY' });
  const con = await instance.connect();
  try {
    return Number((await con.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM ${table}`)).getRowObjectsJS()[0].n);
  } finally { con.closeSync(); instance.closeSync(); }
}

/** Reports in each part of the folder; a complete dataset has the same number everywhere. */
async function generation(dir: string): Promise<number[]> {
  const csvRows = Papa.parse(readFileSync(path.join(dir, 'reports.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data.length;
  const full = await count(path.join(dir, 'nianbao.duckdb'), 'reports');
  const details = readdirSync(path.join(dir, 'detail'));
  let detail = 0;
  for (const d of details) detail += await count(path.join(dir, 'detail', d), 'reports');
  const instance = await DuckDBInstance.create(path.join(dir, 'index.duckdb'), { access_mode: 'READ_ONLY' });
  const con = await instance.connect();
  const parts = (await con.runAndReadAll('SELECT sum(reports)::INTEGER AS n FROM parts')).getRowObjectsJS()[0].n;
  con.closeSync(); instance.closeSync();
  return [csvRows, full, detail, Number(parts)];
}

describe('a kill at any output step leaves the old dataset or the new one', () => {
  for (const step of STEPS) {
    it(`SIGKILL at ${step}`, async () => {
      const out = path.join(tmp, `kill-${step}`);
      oldDataset(out);
      expect(await generation(out)).toEqual([1, 1, 1, 1]);
      const r = run(step, 'kill', newIn, '--out', out);
      // tsx relays the child's death as exit code 128 + 9
      expect(r.signal === 'SIGKILL' || r.status === 137, `${r.status} ${r.signal} ${r.stderr}`).toBe(true);
      // what a reader finds right after the kill: a whole dataset, or (only between the two
      // renames of the swap) no folder and a complete sibling that the next run puts back
      if (existsSync(out)) expect([[1, 1, 1, 1], [3, 3, 3, 3]]).toContainEqual(await generation(out));
      else expect(step).toBe('old-moved');
      recoverDir(out); // what the next run does first
      const g = await generation(out);
      expect([[1, 1, 1, 1], [3, 3, 3, 3]]).toContainEqual(g);
      // the new one only once it has started to replace the old one (a complete 'next' beside an intact old folder is dropped)
      expect(g[0]).toBe(['old-moved', 'new-moved', 'done'].includes(step) ? 3 : 1);
      expect(readdirSync(tmp).filter((n) => n.startsWith(`kill-${step}.`))).toEqual([]);
      // and the next run works
      expect(run('none', 'kill', newIn, '--out', out).status).toBe(0);
      expect(await generation(out)).toEqual([3, 3, 3, 3]);
    }, 120_000);
  }
});

describe('output faults are one line, exit code 1, the previous output unchanged', () => {
  for (const [step, code, message] of [
    ['staging-created', 'EACCES', /permission denied.*read-only/],
    ['csv-written', 'ENOSPC', /the disk is full/],
    ['duckdb-built', 'ENOSPC', /the disk is full/],
    ['old-moved', 'EROFS', /read-only file system/],
  ] as const) {
    it(`${code} at ${step}`, async () => {
      const out = path.join(tmp, `err-${step}`);
      oldDataset(out);
      const before = readFileSync(path.join(out, 'reports.csv'));
      const r = run(step, code, newIn, '--out', out);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      if (!existsSync(out)) recoverDir(out);
      expect(readFileSync(path.join(out, 'reports.csv')).equals(before)).toBe(true);
      expect(await generation(out)).toEqual([1, 1, 1, 1]);
    }, 120_000);
  }

  it('a file in the way, and a folder holding other things, are refused before anything is parsed', () => {
    const file = path.join(tmp, 'a-file');
    writeFileSync(file, 'mine');
    for (const out of [file, path.join(file, 'sub')]) {
      const r = run('none', 'kill', oldIn, '--out', out);
      expect(r.status, out).toBe(1);
      expect(r.stderr, out).toMatch(/a file is in the way/);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(readFileSync(file, 'utf8')).toBe('mine');
    const other = path.join(tmp, 'photos');
    mkdirSync(other);
    writeFileSync(path.join(other, 'holiday.jpg'), 'jpg');
    const r = run('none', 'kill', oldIn, '--out', other);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/holds other files \(holiday\.jpg\)/);
    expect(readdirSync(other)).toEqual(['holiday.jpg']);
  });
});

describe('signals', () => {
  for (const sig of ['SIGTERM', 'SIGINT'] as const) {
    it(`${sig} mid-run stops the CLI promptly and leaves the old output`, async () => {
      const out = path.join(tmp, `sig-${sig}`);
      oldDataset(out);
      const before = readFileSync(path.join(out, 'reports.csv'));
      // many inputs so the run is still parsing when the signal comes
      const many = Array.from({ length: 40 }, () => REPORTS);
      const child = spawn(TSX, ['src/cli/main.ts', 'parse', ...many, '--out', out, '--jobs', '1'], { cwd: ROOT });
      let err = '';
      const started = new Promise<void>((resolve) => child.stderr.on('data', (d) => { err += String(d); if (/\[\d+\/\d+\]/.test(err)) resolve(); }));
      await started;
      const t0 = Date.now();
      child.kill(sig);
      const [code, signal] = await new Promise<[number | null, string | null]>((resolve) => child.on('exit', (c, s) => resolve([c, s])));
      expect(Date.now() - t0).toBeLessThan(10_000);
      // the CLI re-raises the signal after cleaning up; tsx reports it as 128 + n
      expect(code === (sig === 'SIGTERM' ? 143 : 130) || signal === sig, `${code} ${signal}`).toBe(true);
      expect(err).toMatch(new RegExp(`stopped by ${sig}`));
      expect(readFileSync(path.join(out, 'reports.csv')).equals(before)).toBe(true);
      expect(readdirSync(tmp).filter((n) => n.startsWith(`sig-${sig}.`))).toEqual([]);
    }, 120_000);
  }

  it('SIGTERM ends a run that is blocked opening a FIFO (process.exit would wait for the thread forever)', async () => {
    const inDir = path.join(tmp, 'fifo-in');
    mkdirSync(inDir);
    copyFileSync(path.join(REPORTS, '2024_xiangtanxian_zfbgs.txt'), path.join(inDir, 'a.txt'));
    expect(spawnSync('mkfifo', [path.join(inDir, 'pipe.txt')]).status).toBe(0);
    const out = path.join(tmp, 'fifo-out');
    const child = spawn(TSX, ['src/cli/main.ts', 'parse', inDir, '--out', out, '--jobs', '1'], { cwd: ROOT });
    let err = '';
    const exited = new Promise<[number | null, string | null]>((resolve) => child.on('exit', (c, s) => resolve([c, s])));
    await new Promise<void>((resolve) => child.stderr.on('data', (d) => { err += String(d); if (/\[1\/2\]/.test(err)) resolve(); }));
    await new Promise((r) => setTimeout(r, 1500));
    const t0 = Date.now();
    child.kill('SIGTERM');
    const [code, signal] = await exited;
    expect(Date.now() - t0).toBeLessThan(10_000);
    // either stopped by the signal, or (once FIFOs are refused before opening) already finished
    expect(code === 143 || signal === 'SIGTERM' || code === 0, `${code} ${signal} ${err}`).toBe(true);
    if (code !== 0) expect(existsSync(out)).toBe(false);
  }, 60_000);
});
