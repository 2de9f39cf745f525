// Entry: DuckDB instantiation and the data download start here, at once and in parallel, and before
// React and ECharts are even fetched — the UI is a separate chunk loaded by dynamic import, so the
// 34 MB wasm compile (the longest step, bench/first-chart.ts) starts as early as possible.
// Performance marks are read by bench/first-chart.ts.
import { loadDataset, loadOptionsFromUrl, startDuckDb, type DatasetSession, type LoadProgress } from './data/duckdb-wasm';
import { isSnapshot, matchingSnapshot, SNAPSHOT_FILE, SNAPSHOT_MAX_INDEX_BYTES } from './state/snapshot';

performance.mark('nb:start');
const loadOptions = loadOptionsFromUrl(location.search); // test hook: ?nb-timeouts=…
const listeners: ((p: LoadProgress) => void)[] = [];
let last: LoadProgress | null = null;
let ready: Promise<DatasetSession> | null = null;
const start = (): Promise<DatasetSession> => {
  if (ready) return ready;
  // Same (idempotent) instantiation loadDataset awaits; started first only to mark when it is done.
  startDuckDb(loadOptions.instantiateTimeoutMs).then(() => performance.mark('nb:duckdb-ready'), () => { /* reported by loadDataset */ });
  ready = loadDataset(new URL('data/index.duckdb', document.baseURI).href, (p) => {
    last = p;
    if (p.stage === 'ready') performance.mark('nb:data-ready');
    for (const l of listeners) l(p);
  }, loadOptions);
  ready.catch(() => { /* shown by App */ });
  return ready;
};
// An embed frame starts DuckDB only when a query misses the snapshot (App): a portal page with
// several frames would otherwise download and compile the 34 MB wasm once per frame.
const embedded = new URLSearchParams(window.location.search).get('embed') === '1';
if (!embedded) void start();
// The first views' numbers, computed by the data build (src/state/snapshot.ts): the first chart is
// drawn from them while DuckDB starts. Missing or malformed → null, and the app waits for DuckDB.
// Used only if it was computed on the very index file this page gets (fetched once more to check:
// 17 kB gzip here; skipped for an index over SNAPSHOT_MAX_INDEX_BYTES).
const snapshot = fetch(new URL(`data/${SNAPSHOT_FILE}`, document.baseURI).href)
  .then((r) => (r.ok ? r.json() : null))
  .then(async (j: unknown) => {
    if (!isSnapshot(j) || j.index.bytes > SNAPSHOT_MAX_INDEX_BYTES) return null;
    const r = await fetch(new URL('data/index.duckdb', document.baseURI).href);
    return r.ok ? matchingSnapshot(j, new Uint8Array(await r.arrayBuffer())) : null;
  })
  .catch(() => null);
// Console API for analysts and benchmarks: SQL over the loaded (read-only) data, e.g.
// nianbao.query('SELECT * FROM cube LIMIT 5'). Per-report views need their detail parts attached.
(window as unknown as { nianbao: unknown }).nianbao = { query: (sql: string) => start().then((d) => d.unscoped.query(sql)) };

// Offline and repeat visits: the service worker registers once the first chart is drawn (or the
// load failed), so its downloads never delay the first view. Not in embed frames: the host page's
// visitors did not ask for an offline copy.
if (!embedded) { // in dev, vite-plugin-pwa's registerSW is a no-op
  const register = () => void import('./ui/pwa').then((m) => m.registerPwa());
  const wait = () => (document.body.dataset.chart === 'ready' ? register() : setTimeout(wait, 500));
  void start().then(wait, register);
}

void import('./ui/mount').then(({ mount }) => mount({
  start,
  lazy: embedded,
  snapshot,
  onProgress(cb) { listeners.push(cb); if (last) cb(last); },
}));
