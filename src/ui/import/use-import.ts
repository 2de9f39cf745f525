// The import flow as a hook: classify → parse reports in a worker / read CSVs → one Dataset →
// hand it to the database (dataset = 'imported'). Components only render its state.
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { Dataset } from '../../model/dataset';
import type { ParsedReport } from '../../model/types';
import { classifyFile, uniqueReportId } from './file-kind';
import { csvImportDataset, type CsvError } from './facts-csv';
import { parseCsvInWorker } from './parse-csv';
import { nextTask, sliceDataset } from './slices';
import { parseFilesInWorker } from './parse-files';
import { progressReducer, type FileProgress } from './progress';
import { mergeDatasets, parsedToDataset } from './to-dataset';

/** What the import needs from the data layer (./target.ts builds it on the session's runner). */
export interface ImportTarget {
  /**
   * Insert one slice. `rebuild: false` (more slices follow): skip rebuilding the imported
   * metrics/cube and the views — the 45 MB CSV took 67–80 s rebuilding after each of ~15 slices.
   * The last slice rebuilds (the default).
   */
  importDataset(ds: Dataset, opts?: { rebuild?: boolean }): Promise<void>;
  clearImported(): Promise<void>;
  /** Show bundled, imported or both rows in every view (./target.ts). */
  setSource?(source: 'bundled' | 'imported' | 'both'): Promise<void>;
  /** Which of these report ids the database already has (bundled or imported). */
  existingIds?(ids: string[]): Promise<string[]>;
  /** Bundled reports an import replaced (same report: counted once, the import's copy). */
  replacements?(): Promise<Replacement[]>;
  /** Undo one replacement: the bundled report counts again, the imported copy is set aside. */
  keepBundled?(bundledId: string): Promise<void>;
}

export interface Replacement { bundled: string; imported: string; agency: string | null; year: number | null }

export interface CsvResult { file: string; errors: CsvError[]; loaded: number }

// The imported rows outlive the panel (they are in DuckDB while the user visits other views), so
// what the panel shows about them does too: one session per page.
const session = {
  files: [] as FileProgress[], reports: [] as ParsedReport[], csvResults: [] as CsvResult[], datasets: [] as Dataset[],
  taken: new Set<string>(), offset: 0, replaced: [] as Replacement[],
};

export function useImport(target: ImportTarget | null, onImported?: () => void) {
  const [files, dispatch] = useReducer(progressReducer, session.files);
  const [reports, setReports] = useState<ParsedReport[]>(session.reports);
  const [csvResults, setCsvResults] = useState<CsvResult[]>(session.csvResults);
  const [datasets, setDatasets] = useState<Dataset[]>(session.datasets);
  const [replaced, setReplaced] = useState<Replacement[]>(session.replaced);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const taken = useRef(session.taken);
  const offset = useRef(session.offset);
  useEffect(() => {
    Object.assign(session, { files, reports, csvResults, datasets, offset: offset.current, replaced });
  }, [files, reports, csvResults, datasets, replaced]);

  const importFiles = useCallback(async (list: File[]) => {
    if (list.length === 0) return;
    performance.mark('nb:import-start');
    setBusy(true);
    setError(null);
    const base = offset.current;
    offset.current += list.length;
    const classified = list.map((f) => ({ file: f, ...classifyFile(f.name, f.size) }));
    dispatch({ type: 'add', files: classified.map((c) => ({ name: c.name, kind: c.kind })) });
    try {
      const reportFiles = classified.map((c, i) => ({ ...c, index: base + i })).filter((c) => c.kind === 'report');
      const csvFiles = classified.map((c, i) => ({ ...c, index: base + i })).filter((c) => c.kind === 'facts-csv');
      const parts: Dataset[] = [];
      const newCsv: CsvResult[] = [];
      for (const c of csvFiles) {
        // parsed and checked in a worker (./csv-worker.ts): a 45 MB CSV held the page for seconds
        const { rows, errors } = await parseCsvInWorker(c.file, (fraction) => dispatch({ type: 'progress', index: c.index, fraction }));
        performance.mark('nb:csv-parsed'); // bench/import.ts
        newCsv.push({ file: c.name, errors, loaded: rows.length });
        await nextTask(); // the rows' last message and the next steps are each their own task
        // the CSV's report_id never merges into a bundled or earlier imported report
        const part = await csvImportDataset(rows, c.name, taken.current, target?.existingIds?.bind(target));
        if (part) parts.push(part);
        await nextTask();
        dispatch({ type: 'done', index: c.index });
      }
      let parsed: ParsedReport[] = [];
      if (reportFiles.length > 0) {
        // A bundled report with the same file name keeps its id; the import gets a suffix, so
        // report ids stay unique in the views (docs/dataset.md).
        const bases = reportFiles.map((c) => uniqueReportId(c.name, new Set()));
        for (const id of (await target?.existingIds?.(bases)) ?? []) taken.current.add(id);
        const results = await parseFilesInWorker(
          reportFiles.map((c) => ({ name: c.name, reportId: uniqueReportId(c.name, taken.current), file: c.file })),
          (i, state) => dispatch(state === 'start'
            ? { type: 'progress', index: reportFiles[i].index, fraction: 0.01 }
            : { type: 'done', index: reportFiles[i].index }),
        );
        parsed = results.map((r) => r.report);
        // Worker-side parse time per file, for bench/import.ts (a mark costs nothing otherwise).
        performance.mark('nb:import-parsed', { detail: results.map((r) => r.ms) });
        parsed.forEach((p, i) => { if (p.status === 'failed') dispatch({ type: 'failed', index: reportFiles[i].index, message: p.findings[0]?.messageEn ?? '', messageZh: p.findings[0]?.messageZh }); });
        parts.push(parsedToDataset(parsed));
      }
      // slice by slice (whole reports each), so no single task builds 300k rows of INSERTs
      if (target && parts.some((p) => p.reports.length > 0)) {
        performance.mark('nb:insert-start');
        const slices = parts.flatMap((p) => sliceDataset(p));
        await nextTask();
        // one rebuild, with the last slice; a failed slice still leaves the views rebuilt over
        // what did go in, so nothing half-derived is shown
        try {
          for (let i = 0; i < slices.length; i++) { await target.importDataset(slices[i], { rebuild: i === slices.length - 1 }); await nextTask(); }
        } catch (e) {
          await target.importDataset({ reports: [], facts: [], findings: [], checks: [], meta: {} }).catch(() => undefined);
          throw e;
        }
        performance.mark('nb:insert-end');
      }
      const ds = mergeDatasets(parts);
      if (target?.replacements) setReplaced(await target.replacements());
      setReports((r) => [...r, ...parsed]);
      setCsvResults((r) => [...r, ...newCsv]);
      setDatasets((d) => [...d, ds]);
      if (!target) setError('db-unavailable');
      performance.mark('nb:import-done');
      onImported?.();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }, [target, onImported]);

  const clear = useCallback(async () => {
    if (target) await target.clearImported();
    taken.current.clear();
    offset.current = 0;
    dispatch({ type: 'reset' });
    setReports([]); setCsvResults([]); setDatasets([]); setError(null); setReplaced([]);
    onImported?.();
  }, [target, onImported]);

  const keepBundled = useCallback(async (bundledId: string) => {
    if (!target?.keepBundled) return;
    await target.keepBundled(bundledId);
    if (target.replacements) setReplaced(await target.replacements());
    onImported?.();
  }, [target, onImported]);

  // Memoised: progress events re-render once per file, and merging copies every fact row.
  const dataset = useMemo(() => mergeDatasets(datasets), [datasets]);
  return { files, reports, csvResults, dataset, busy, error, importFiles, clear, replaced, keepBundled };
}
