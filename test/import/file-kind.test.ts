import { describe, expect, it } from 'vitest';
import { classifyFile, MAX_FILE_BYTES, uniqueReportId } from '../../src/ui/import/file-kind';
import { overallFraction, progressReducer } from '../../src/ui/import/progress';

describe('classifyFile', () => {
  it('sends facts CSVs to the CSV reader and every other file to the report worker, where the content decides (src/ingest)', () => {
    expect(['a.PDF', 'b.html', 'c.HTM', 'd.txt', 'e.md', 'f.docx', 'g.doc', 'noext', 'photo.png'].map((n) => classifyFile(n, 10).kind)).toEqual(Array(9).fill('report'));
    expect(classifyFile('facts.CSV', 10).kind).toBe('facts-csv');
  });
  it('refuses oversized files on their size, before reading them', () => {
    expect(classifyFile('big.pdf', MAX_FILE_BYTES + 1).kind).toBe('too-large');
    expect(classifyFile('big.pdf', MAX_FILE_BYTES).kind).toBe('report');
  });
});

describe('uniqueReportId', () => {
  it('names a report after its file and numbers a clash instead of replacing the other report', () => {
    const taken = new Set(['2024_x']);
    expect(uniqueReportId('dir/2024_x.pdf', taken)).toBe('2024_x~2');
    expect(uniqueReportId('2024_x.txt', taken)).toBe('2024_x~3');
    expect(uniqueReportId('other.html', taken)).toBe('other');
  });
});

describe('progressReducer', () => {
  it('tracks each file and the overall fraction; rejected files count as finished', () => {
    let s = progressReducer([], { type: 'add', files: [{ name: 'a.pdf', kind: 'report' }, { name: 'b.docx', kind: 'unsupported' }] });
    expect(s.map((f) => f.state)).toEqual(['queued', 'rejected']);
    expect(overallFraction(s)).toBe(0.5);
    s = progressReducer(s, { type: 'progress', index: 0, fraction: 0.5 });
    expect(overallFraction(s)).toBe(0.75);
    s = progressReducer(s, { type: 'progress', index: 0, fraction: 0.2 }); // never goes backwards
    expect(s[0].fraction).toBe(0.5);
    s = progressReducer(s, { type: 'failed', index: 0, message: 'encrypted' });
    expect(s[0]).toMatchObject({ state: 'failed', fraction: 1, message: 'encrypted' });
    expect(progressReducer(s, { type: 'done', index: 9 })).toBe(s);
  });
});
