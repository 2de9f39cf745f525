// The import inserts big datasets in slices of whole reports (src/ui/import/slices.ts): every row
// lands in exactly one slice, with its report, and no slice exceeds the limit unless one report does.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toDataset } from '../../src/dataset';
import { parseText } from '../../src/parse/parse-text';
import { sliceDataset } from '../../src/ui/import/slices';

const R = path.resolve(__dirname, '../../data/reports');
const ds = toDataset(readdirSync(R).filter((f) => f.endsWith('.txt')).map((f) => parseText({ sourceFile: f, text: readFileSync(path.join(R, f), 'utf8') })), { kind: 'real' });

describe('sliceDataset', () => {
  it('keeps every row once, next to its report, within the limit', () => {
    const slices = sliceDataset(ds, 300);
    expect(slices.length).toBeGreaterThan(3);
    expect(slices.flatMap((s) => s.reports)).toEqual(ds.reports);
    for (const t of ['facts', 'findings', 'checks'] as const) expect(slices.reduce((n, s) => n + s[t].length, 0)).toBe(ds[t].length);
    for (const s of slices) {
      const ids = new Set(s.reports.map((r) => r.report_id));
      for (const t of ['facts', 'findings', 'checks'] as const) for (const r of s[t]) expect(ids.has(r.report_id)).toBe(true);
      const n = s.facts.length + s.findings.length + s.checks.length;
      expect(n <= 300 || s.reports.length === 1).toBe(true);
    }
  });
  it('gives the same slices on the fast path (rows in report order) as by grouping (rows shuffled)', () => {
    const shuffled = { ...ds, facts: [...ds.facts].reverse() };
    const a = sliceDataset(ds, 300);
    const b = sliceDataset(shuffled, 300);
    expect(b.map((s) => s.reports)).toEqual(a.map((s) => s.reports));
    expect(b.map((s) => s.facts.length)).toEqual(a.map((s) => s.facts.length));
  });
  it('a small dataset is one slice, unchanged', () => {
    expect(sliceDataset(ds)).toEqual([ds]);
  });
});
