// A parser worker that dies (out of memory, process.exit, an uncaught exception) fails only the
// files it held; the run goes on, lists them on stderr and in reports.csv, and exits 0.
// Before: a worker's out-of-memory error aborted the whole run with no output, and a worker that
// exited without an error event left the run waiting forever.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const tmp = mkdtempSync(path.join(tmpdir(), 'nianbao-worker-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('a dying worker fails its file only', () => {
  it('oom, exit and throw each fail one file; the 4 good files are parsed', () => {
    const inDir = path.join(tmp, 'in');
    mkdirSync(inDir);
    const src = path.join(ROOT, 'data/reports/2024_xiangtanxian_zfbgs.txt');
    const names = ['a_good.txt', 'b_oom.txt', 'c_good.txt', 'd_exit.txt', 'e_good.txt', 'f_throw.txt', 'g_good.txt'];
    for (const n of names) copyFileSync(src, path.join(inDir, n));
    const out = path.join(tmp, 'out');
    const r = spawnSync(TSX, ['test/faults/kill-at.ts', 'none', 'kill', '--', inDir, '--out', out, '--jobs', '2', '--min-worker-files', '1', '--quiet'], {
      cwd: ROOT, encoding: 'utf8', timeout: 300_000, env: { ...process.env, FAULT_WORKER: path.join(ROOT, 'test/faults/crash-worker.ts') },
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/7 files → 0 ok, 4 with findings, 3 failed/);
    expect(r.stderr).toMatch(/3 file\(s\) failed because the parser worker died: b_oom\.txt, d_exit\.txt, f_throw\.txt/);
    const rows = Papa.parse<Record<string, string>>(readFileSync(path.join(out, 'reports.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
    const by = new Map(rows.map((x) => [x.source_file, x]));
    expect(by.get('b_oom.txt')).toMatchObject({ status: 'failed' });
    expect(by.get('b_oom.txt')!.error).toMatch(/worker died: out of memory/);
    expect(by.get('d_exit.txt')!.error).toMatch(/worker died: exited with code 3/);
    expect(by.get('f_throw.txt')!.error).toMatch(/worker died: parser bug/);
    for (const n of names.filter((x) => x.includes('good'))) expect(by.get(n)!.status, n).toBe('findings'); // the seed's prose contradicts its table (prose-table-mismatch)
  }, 300_000);
});

describe('a small (in-process) run hands a big file to a worker', () => {
  it('a file over IN_PROCESS_MAX_BYTES that exhausts memory fails alone, in one line, exit 0', async () => {
    // Before: runs under --min-worker-files parsed every file in-process, where running out of
    // memory aborts the whole process (V8's fatal error and native stack, no output written).
    const { IN_PROCESS_MAX_BYTES } = await import('../../src/cli/parse-command');
    const inDir = path.join(tmp, 'in-small');
    mkdirSync(inDir);
    const src = path.join(ROOT, 'data/reports/2024_xiangtanxian_zfbgs.txt');
    copyFileSync(src, path.join(inDir, 'a_good.txt'));
    copyFileSync(src, path.join(inDir, 'c_good.txt'));
    // a real report padded past the limit; the test worker runs out of memory on *oom* files
    writeFileSync(path.join(inDir, 'b_oom.txt'), readFileSync(src, 'utf8') + '\n'.repeat(IN_PROCESS_MAX_BYTES + 1));
    const out = path.join(tmp, 'out-small');
    const r = spawnSync(TSX, ['test/faults/kill-at.ts', 'none', 'kill', '--', inDir, '--out', out, '--jobs', '1'], {
      cwd: ROOT, encoding: 'utf8', timeout: 300_000, env: { ...process.env, FAULT_WORKER: path.join(ROOT, 'test/faults/crash-worker.ts') },
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/3 files, 1 worker thread\(s\) \(1 file\(s\) over 4 MB\)/);
    expect(r.stdout).toMatch(/3 files → 0 ok, 2 with findings, 1 failed/);
    expect(r.stderr).toMatch(/1 file\(s\) failed because the parser worker died: b_oom\.txt\n/);
    expect(r.stderr).not.toMatch(/\n\s+at |FATAL ERROR/);
    const rows = Papa.parse<Record<string, string>>(readFileSync(path.join(out, 'reports.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
    expect(rows.find((x) => x.source_file === 'b_oom.txt')!.error).toMatch(/worker died: out of memory/);
  }, 300_000);
});
