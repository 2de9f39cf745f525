// Page for bench/data-load-browser.ts: runs src/data/duckdb-wasm.ts (the dashboard's real loading
// path) against the URL given in ?data=…, records progress events and timings, runs one query
// builder, and exposes the result on window.__load. Nothing from the data goes into the DOM as HTML.
import { loadDataset, DataLoadError, type LoadProgress } from '../../src/data/duckdb-wasm';
import { runOverview } from '../../src/data/queries';

interface LoadResult { ok: boolean; code?: string; message?: string; stages: { stage: string; t: number }[]; received?: number | null; ms?: number; bytes?: number }
declare global { interface Window { __load?: LoadResult } }

async function main(): Promise<void> {
  const t0 = performance.now();
  const stages: LoadResult['stages'] = [];
  const q = new URLSearchParams(location.search);
  const data = q.get('data') ?? 'data/nianbao.duckdb';
  const instantiateTimeoutMs = Number(q.get('timeout') ?? 20_000);
  const onProgress = (p: LoadProgress) => { if (!stages.length || stages[stages.length - 1].stage !== p.stage) stages.push({ stage: p.stage, t: Math.round(performance.now() - t0) }); };
  try {
    const href = new URL(data, document.baseURI).href;
    // called twice at once, as React StrictMode does in development: both must get the same dataset
    const [ds, again] = await Promise.all([
      loadDataset(href, onProgress, { instantiateTimeoutMs, downloadTimeoutMs: 20_000 }),
      loadDataset(href, () => {}, { instantiateTimeoutMs, downloadTimeoutMs: 20_000 }),
    ]);
    if (ds !== again) throw new Error('loadDataset loaded the same URL twice');
    const rows = await runOverview(ds.runner, { selection: { agencies: ['湘潭县人民政府办公室'] }, metrics: ['received'] });
    window.__load = { ok: true, stages, received: rows[0]?.value ?? null, ms: Math.round(performance.now() - t0), bytes: ds.bytes };
  } catch (e) {
    window.__load = { ok: false, code: e instanceof DataLoadError ? e.code : 'unexpected', message: String(e instanceof Error ? e.message : e), stages, ms: Math.round(performance.now() - t0) };
  }
  document.getElementById('out')!.textContent = JSON.stringify(window.__load);
}
void main();
