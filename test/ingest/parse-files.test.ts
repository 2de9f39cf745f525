// The import's worker client (src/ui/import/parse-files.ts) with a stand-in Worker: a worker that
// dies on one file fails that file only; a worker that cannot start fails the batch.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { failedReport } from '../../src/dataset/to-dataset';
import { parseFilesInWorker } from '../../src/ui/import/parse-files';
import type { WorkerMessage, WorkerRequest } from '../../src/ui/import/import-worker';

/** Parses "files" by name; a file named `die*` makes it die (an uncaught error event); `broken` never starts. */
class FakeWorker {
  static started = 0;
  onmessage: ((e: { data: WorkerMessage }) => void) | null = null;
  onerror: ((e: { message: string; preventDefault(): void }) => void) | null = null;
  postMessage(msg: WorkerRequest) {
    FakeWorker.started++;
    setTimeout(() => {
      for (let i = 0; i < msg.files.length; i++) {
        const f = msg.files[i]!;
        if (f.name === 'broken') { this.onerror?.({ message: '', preventDefault() {} }); return; }
        this.onmessage?.({ data: { id: msg.id, type: 'start', index: i } });
        if (f.name.startsWith('die')) { this.onerror?.({ message: 'out of memory', preventDefault() {} }); return; }
        this.onmessage?.({ data: { id: msg.id, type: 'done', index: i, report: failedReport(f.name, f.reportId, 'parse-failed', 'x', `parsed ${f.name}`), ms: 1 } });
      }
      this.onmessage?.({ data: { id: msg.id, type: 'finished' } });
    }, 0);
  }
  terminate() {}
}

afterEach(() => vi.unstubAllGlobals());

const input = (names: string[]) => names.map((n) => ({ name: n, reportId: n, file: new Blob([n]) }));

describe('parseFilesInWorker', () => {
  it('fails only the file the worker died on and parses the rest in a new worker, in input order', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    FakeWorker.started = 0;
    const progress: string[] = [];
    const out = await parseFilesInWorker(input(['a', 'die1', 'b', 'die2', 'c']), (i, s) => progress.push(`${i}:${s}`));
    expect(out.map((r) => r.report.findings[0]!.messageEn)).toEqual([
      'parsed a', expect.stringMatching(/The parser stopped while reading this file/), 'parsed b', expect.stringMatching(/stopped/), 'parsed c',
    ]);
    expect(FakeWorker.started).toBe(3);
    expect(progress.filter((p) => p.endsWith('done'))).toEqual(['0:done', '1:done', '2:done', '3:done', '4:done']);
  });
  it('rejects the batch when the worker cannot run at all (e.g. blocked by the CSP)', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    await expect(parseFilesInWorker(input(['broken', 'a']), () => {})).rejects.toThrow(/blocked by the page/);
  });
});
