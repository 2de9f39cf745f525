// The CLI's input collection (src/cli/collect.ts) on fixtures made in a temp dir: every file
// listed once, links followed without loops, special files refused without being opened.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { collectJobs } from '../../src/cli/collect';
import { parseFile } from '../../src/cli/parse-file';
import { parseParseArgs } from '../../src/cli/parse-command';

const tmp = mkdtempSync(path.join(tmpdir(), 'nianbao-collect-'));
const servers: Server[] = [];
afterAll(() => {
  for (const s of servers) s.close();
  try { chmodSync(path.join(tmp, 'locked', 'inner'), 0o700); } catch { /* not made */ }
  rmSync(tmp, { recursive: true, force: true });
});
const REPORT = readFileSync(path.resolve(__dirname, '../../data/reports/2024_xiangtanxian_zfbgs.txt'));
const rows = (jobs: ReturnType<typeof collectJobs>) => jobs.map((j) => [j.sourceFile, j.reportId, j.refusal?.reason ?? '']);

describe('collectJobs: every file once', () => {
  it('lists every file a folder holds in a stable order (not only report extensions), skips hidden entries, keeps ids unique', () => {
    const root = path.join(tmp, 'in');
    for (const d of ['a', 'b', '.git']) mkdirSync(path.join(root, d), { recursive: true });
    for (const f of ['a/x.txt', 'b/x.html', 'b/y.PDF', 'b/z.doc', 'b/sheet.xlsx', 'b/photo.png', '.git/h.txt', 'b/.hidden.txt', 'top.md', 'README.md']) writeFileSync(path.join(root, f), 'x');
    const missing = path.join(tmp, 'missing.txt');
    expect(rows(collectJobs([root, missing]))).toEqual([
      ['README.md', 'README', ''], ['a/x.txt', 'a/x', ''], ['b/photo.png', 'photo', ''], ['b/sheet.xlsx', 'sheet', ''],
      ['b/x.html', 'b/x', ''], ['b/y.PDF', 'y', ''], ['b/z.doc', 'z', ''], ['top.md', 'top', ''],
      ['missing.txt', 'missing', 'not-found'],
    ]);
  });

  it('records a file named by an absolute path (or outside the working folder) by its name alone, never the machine path', () => {
    const file = path.join(tmp, 'in', 'top.md');
    const up = path.relative(process.cwd(), file);
    expect(up.startsWith('..')).toBe(true);
    expect(collectJobs([file, up]).map((j) => j.sourceFile)).toEqual(['top.md']);
    expect(collectJobs(['data/reports/2024_xiangtanxian_zfbgs.txt'])[0]!.sourceFile).toBe('data/reports/2024_xiangtanxian_zfbgs.txt');
  });

  it('parses a file once however often it is named: twice by path, once through its folder, once through a link', () => {
    const dir = path.join(tmp, 'twice');
    mkdirSync(dir);
    const f = path.join(dir, '2024_x.txt');
    writeFileSync(f, REPORT);
    symlinkSync(f, path.join(tmp, 'link-to-x.txt'));
    const jobs = collectJobs([f, f, dir, path.join(tmp, 'link-to-x.txt'), path.join(dir, '.', '2024_x.txt')]);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.reportId).toBe('2024_x');
  });

  it('reports a `self -> .` link (and two of them, and a link to a parent) as loops instead of walking them', () => {
    const root = path.join(tmp, 'loops');
    mkdirSync(path.join(root, 'sub'), { recursive: true });
    writeFileSync(path.join(root, 'r.txt'), REPORT);
    writeFileSync(path.join(root, 'sub', 's.txt'), REPORT);
    symlinkSync('.', path.join(root, 'self'));
    symlinkSync('.', path.join(root, 'self2'));
    symlinkSync('..', path.join(root, 'sub', 'up'));
    symlinkSync('sub', path.join(root, 'sub-again')); // not a loop: the same folder twice, walked once
    const t0 = performance.now();
    const jobs = collectJobs([root]);
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(rows(jobs)).toEqual([
      ['r.txt', 'r', ''], ['self', 'self', 'symlink-loop'], ['self2', 'self2', 'symlink-loop'],
      ['sub/s.txt', 's', ''], ['sub/up', 'up', 'symlink-loop'],
    ]);
  });

  it('refuses FIFOs, sockets and devices from their stat, never opening them (a FIFO would block forever)', async () => {
    const dir = path.join(tmp, 'special');
    mkdirSync(dir);
    execFileSync('mkfifo', [path.join(dir, 'pipe.txt')]);
    const server = createServer();
    servers.push(server);
    await new Promise<void>((res) => server.listen(path.join(dir, 'sock.html'), res));
    const jobs = collectJobs([dir, '/dev/null']);
    expect(rows(jobs)).toEqual([['pipe.txt', 'pipe', 'special-file'], ['sock.html', 'sock', 'special-file'], ['null', 'null', 'special-file']]);
    const parsed = await Promise.all(jobs.map((j) => parseFile(j)));
    expect(parsed.map((p) => p.status)).toEqual(['failed', 'failed', 'failed']);
    expect(parsed[0]!.findings[0]!.messageEn).toMatch(/named pipe \(FIFO\), not a regular file: not opened/);
    expect(parsed[2]!.findings[0]!.messageEn).toMatch(/a device/);
  });

  it('gives a missing path, a link to nothing and an unreadable folder their own reasons', async () => {
    const dir = path.join(tmp, 'locked');
    mkdirSync(path.join(dir, 'inner'), { recursive: true });
    writeFileSync(path.join(dir, 'inner', 'r.txt'), REPORT);
    symlinkSync(path.join(dir, 'nowhere'), path.join(dir, 'dangling.txt'));
    chmodSync(path.join(dir, 'inner'), 0o000);
    const jobs = collectJobs([dir, path.join(tmp, 'no-such-folder')]);
    const by = new Map(jobs.map((j) => [j.sourceFile, j]));
    expect(by.get('dangling.txt')!.refusal?.reason).toBe('not-found');
    expect(by.get('no-such-folder')!.refusal?.reason).toBe('not-found');
    if (process.getuid?.() !== 0) {
      expect(by.get('inner')!.refusal?.reason).toBe('unreadable');
      const p = await parseFile(by.get('inner')!);
      expect(p.findings[0]!.messageEn).toMatch(/Cannot read the folder \(EACCES\)/);
    } else {
      expect(by.get('inner/r.txt')).toBeDefined(); // root reads it anyway
    }
    const missing = await parseFile(by.get('dangling.txt')!);
    expect(missing.findings[0]!.messageEn).toMatch(/does not exist/);
    expect(missing.findings[0]!.details.reason).toBe('not-found');
  });
});

describe('parseParseArgs', () => {
  it('reads inputs and options, in both --opt v and --opt=v forms', () => {
    expect(parseParseArgs(['a', 'b', '--out=o', '--jobs', '3', '--quiet', '--manifest', 'm.csv'])).toMatchObject({ inputs: ['a', 'b'], out: 'o', jobs: 3, quiet: true, manifest: 'm.csv', manifests: ['m.csv'] });
  });
  it('returns a message for bad usage instead of throwing', () => {
    expect(parseParseArgs(['a'])).toMatch(/--out/);
    expect(parseParseArgs(['--out', 'o'])).toMatch(/no input/);
    expect(parseParseArgs(['a', '--out', 'o', '--jobs', 'two'])).toMatch(/--jobs/);
    expect(parseParseArgs(['a', '--out'])).toMatch(/--out needs/);
  });
});

describe('parseFile', () => {
  it('refuses a file over the size limit from its size, without reading it', async () => {
    const big = path.join(tmp, 'huge.txt');
    writeFileSync(big, '');
    truncateSync(big, 700 * 1024 * 1024); // sparse: costs no disk
    const p = await parseFile({ path: big, sourceFile: 'huge.txt', reportId: 'huge' });
    expect(p.findings[0]!.details.reason).toBe('too-large');
    expect(p.findings[0]!.messageEn).toMatch(/too large \(700 MB; the limit is 50 MB\)/);
    rmSync(big);
  });
  it('parses a real report given by path, and fails a whitespace-only file with a reason', async () => {
    const real = await parseFile({ path: path.resolve(__dirname, '../../data/reports/2024_xiangtanxian_zfbgs.txt'), sourceFile: 'x.txt', reportId: 'x' });
    // its only finding: the prose says 收到依申请公开请求0条 while table 3 prints 33 (src/dataset/prose.ts)
    expect(real.status).toBe('findings');
    expect(real.findings.map((f) => String(f.code))).toEqual(['prose-table-mismatch']);
    expect(real.report.region.code).toBe('430321');
    writeFileSync(path.join(tmp, 'blank.txt'), ' \n\t\n');
    const blank = await parseFile({ path: path.join(tmp, 'blank.txt'), sourceFile: 'blank.txt', reportId: 'blank' });
    expect(blank.status).toBe('failed');
    expect(blank.findings[0]!.code).toBe('unsupported-input');
    expect(blank.findings[0]!.details.reason).toBe('whitespace');
  });
});
