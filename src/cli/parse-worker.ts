// Worker thread of `parse --jobs N`: receives FileJobs, answers with ReportChunks.
import { parentPort, workerData } from 'node:worker_threads';
import type { ManifestRow } from '../model/dataset';
import { parseFile, type FileJob } from './parse-file';
import { reportChunk } from './report-chunk';

const manifest = (workerData as { manifest?: ManifestRow[] } | undefined)?.manifest;

parentPort?.on('message', async (msg: { index: number; job: FileJob }) => {
  const parsed = await parseFile(msg.job);
  parentPort!.postMessage({ index: msg.index, chunk: reportChunk(parsed, manifest) });
});
