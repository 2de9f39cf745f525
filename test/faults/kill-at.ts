// Test driver (test/faults/output.test.ts): runs the real parse command in this process with a
// fault at one named output step — SIGKILL (a kill: no cleanup code runs) or an injected fs error.
//   tsx test/faults/kill-at.ts <step> <kill|EACCES|ENOSPC|…> -- <parse arguments…>
//   tsx test/faults/kill-at.ts <step> <fault> -- dashboard-files <dataset dir>
// FAULT_WORKER=<module> runs the pool on that worker module instead (./crash-worker.ts).
import { pathToFileURL } from 'node:url';
import { runDashboardFiles } from '../../src/cli/dashboard-files';
import { runParse } from '../../src/cli/parse-command';
import type { OutputStep } from '../../src/cli/atomic-dir';

const [step, fault, sep, ...argv] = process.argv.slice(2);
if (sep !== '--') throw new Error('usage: kill-at.ts <step> <fault> -- <parse args>');
const hook = (s: OutputStep) => {
  if (s !== step) return;
  if (fault === 'kill') process.kill(process.pid, 'SIGKILL');
  throw Object.assign(new Error(`${fault}: injected fault at ${s}`), { code: fault, path: '(injected)' });
};
// `dashboard-files` as the first argument: the standalone re-cut (src/cli/dashboard-files.ts)
const io = { out: (s: string) => void process.stdout.write(s), err: (s: string) => void process.stderr.write(s) };
(argv[0] === 'dashboard-files' ? runDashboardFiles(argv.slice(1), io, { hook }) : runParse(argv, { out: (s) => void process.stdout.write(s), err: (s) => void process.stderr.write(s) }, { hook, workerUrl: process.env.FAULT_WORKER ? pathToFileURL(process.env.FAULT_WORKER) : undefined, workerHeapMb: process.env.FAULT_WORKER ? 128 : undefined }))
  .then((code) => { process.exitCode = code; });
