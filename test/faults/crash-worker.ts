// A parse worker that dies on purpose, for test/faults/worker.test.ts: a file named *oom* makes it
// run out of memory, *exit* calls process.exit, *throw* throws outside any handler; every other
// file is parsed by the real worker code (src/cli/parse-file.ts).
import { parentPort, workerData } from 'node:worker_threads';
import type { ManifestRow } from '../../src/model/dataset';
import { parseFile, type FileJob } from '../../src/cli/parse-file';
import { reportChunk } from '../../src/cli/report-chunk';

const manifest = (workerData as { manifest?: ManifestRow[] } | undefined)?.manifest;
const hog: unknown[] = [];

parentPort?.on('message', async (msg: { index: number; job: FileJob }) => {
  const name = msg.job.sourceFile;
  if (name.includes('oom')) for (;;) hog.push(new Array(1e6).fill(hog.length));
  if (name.includes('exit')) process.exit(3);
  if (name.includes('throw')) setTimeout(() => { throw new Error('parser bug'); }, 0);
  else parentPort!.postMessage({ index: msg.index, chunk: reportChunk(await parseFile(msg.job), manifest) });
});
