// Entry: DuckDB instantiation and the data download start here, at once and in parallel, and before
// React and ECharts are even fetched — the UI is a separate chunk loaded by dynamic import, so the
// 34 MB wasm compile (the longest step, bench/first-chart.ts) starts as early as possible.
// Performance marks are read by bench/first-chart.ts.
import { loadDataset, loadOptionsFromUrl, startDuckDb, type LoadProgress } from './data/duckdb-wasm';

performance.mark('nb:start');
// Same (idempotent) instantiation loadDataset awaits; started first only to mark when it is done.
const loadOptions = loadOptionsFromUrl(location.search); // test hook: ?nb-timeouts=…
startDuckDb(loadOptions.instantiateTimeoutMs).then(() => performance.mark('nb:duckdb-ready'), () => { /* reported by loadDataset */ });
const listeners: ((p: LoadProgress) => void)[] = [];
let last: LoadProgress | null = null;
const ready = loadDataset(new URL('data/index.duckdb', document.baseURI).href, (p) => {
  last = p;
  if (p.stage === 'ready') performance.mark('nb:data-ready');
  for (const l of listeners) l(p);
}, loadOptions);
ready.catch(() => { /* shown by App */ });
// Console API for analysts and benchmarks: SQL over the loaded (read-only) data, e.g.
// nianbao.query('SELECT * FROM cube LIMIT 5'). Per-report views need their detail parts attached.
(window as unknown as { nianbao: unknown }).nianbao = { query: (sql: string) => ready.then((d) => d.runner.query(sql)) };

void import('./ui/mount').then(({ mount }) => mount({
  ready,
  onProgress(cb) { listeners.push(cb); if (last) cb(last); },
}));
