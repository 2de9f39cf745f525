// End-to-end throughput of `npm run parse` (it must take tens of thousands of files): copies the real
// text reports of data/reports N times into a temp folder and runs the CLI in-process (--jobs 1)
// and with worker threads (--jobs = cores). Prints files/s, wall time and the summary line.
//   npx tsx bench/parse-cli.ts [copies=150]
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const copies = Number(process.argv[2] ?? 150);
const tmp = mkdtempSync(path.join(tmpdir(), 'nianbao-bench-'));
const src = path.join(ROOT, 'data/reports');
const files = readdirSync(src).filter((f) => f.endsWith('.txt'));
for (let k = 0; k < copies; k++) {
  const dir = path.join(tmp, 'in', String(k).padStart(4, '0'));
  mkdirSync(dir, { recursive: true });
  for (const f of files) copyFileSync(path.join(src, f), path.join(dir, f));
}
const n = copies * files.length;
console.log(`${n} files (${files.length} real text reports × ${copies}), ${availableParallelism()} cores`);
for (const jobs of [1, availableParallelism()]) {
  const t0 = performance.now();
  const r = spawnSync(path.join(ROOT, 'node_modules/.bin/tsx'), ['src/cli/main.ts', 'parse', path.join(tmp, 'in'), '--out', path.join(tmp, `out${jobs}`), '--jobs', String(jobs), '--quiet'], { cwd: ROOT, encoding: 'utf8' });
  const s = (performance.now() - t0) / 1000;
  console.log(`--jobs ${jobs}: exit ${r.status}, ${s.toFixed(1)} s wall, ${(n / s).toFixed(0)} files/s end to end`);
  console.log('  ' + r.stdout.trim());
}
// the worker run must write the same rows in the same order as the in-process run
const outs = [1, availableParallelism()].map((j) => path.join(tmp, `out${j}`));
for (const f of ['reports.csv', 'facts.csv', 'findings.csv', 'checks.csv']) {
  const same = readFileSync(path.join(outs[0], f)).equals(readFileSync(path.join(outs[1], f)));
  console.log(`${f}: ${same ? 'identical' : 'DIFFERENT'} between --jobs 1 and --jobs ${availableParallelism()}`);
}
rmSync(tmp, { recursive: true, force: true });
