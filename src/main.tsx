// Entry: fetches the first views' snapshot and the UI chunk (React, ECharts) at once; the
// duckdb-wasm adapter (with Arrow, a chunk of its own), its worker and wasm follow as soon as
// anything needs DuckDB (below), so the first chart drawn from the snapshot waits for none of
// them and shares the CPU with none of them. Without a snapshot DuckDB starts at once, in parallel
// with the UI (bench/first-chart.ts).
// Performance marks are read by bench/first-chart.ts.
import type { DatasetSession, LoadProgress } from './data/duckdb-wasm';
import { loadSnapshot } from './state/snapshot-file';

performance.mark('nb:start');
// An embed frame starts DuckDB only when a query misses the snapshot: a portal page with several
// frames would otherwise download and compile the 34 MB wasm once per frame.
const embedded = new URLSearchParams(window.location.search).get('embed') === '1';
// The first views' numbers, computed by the data build (src/state/snapshot.ts): the first chart is
// drawn from them before DuckDB. Missing or malformed → null, and the app waits for DuckDB.
// Checked against the index file behind the first chart (`verified`): see the remount below.
let needDuckDb: () => void = () => {};
const needed = new Promise<void>((r) => { needDuckDb = r; });
// A snapshot miss (App asks through `start`) starts DuckDB after the next frame: the overview's
// secondary queries (coverage, the like-for-like lines) miss in the same render that mounts the
// first chart, which ECharts draws on the next frame — DuckDB's start then waits for that one
// frame, not for the chart's CPU.
const soon = () => requestAnimationFrame(() => setTimeout(needDuckDb, 0));
// "The first chart is drawn" (body[data-chart=ready], src/ui/EChart.tsx), or LATEST_MS have passed:
// what waits behind the first chart waits for this.
const LATEST_MS = 2500;
const drawn = new Promise<void>((resolve) => {
  const done = () => { seen.disconnect(); resolve(); };
  const seen = new MutationObserver(() => { if (document.body.dataset.chart === 'ready') done(); });
  seen.observe(document.body, { attributes: true, attributeFilter: ['data-chart'] });
  setTimeout(done, LATEST_MS);
});
const snap = loadSnapshot(document.baseURI, { after: drawn });
const ui = import('./ui/mount');
// ICU's number data is loaded by the page's first Intl.NumberFormat (~17–27 ms here, any locale):
// done now, while the UI chunk downloads and the main thread waits, not inside the first render.
setTimeout(() => new Intl.NumberFormat().format(0), 0);
void snap.snapshot.then((s) => { if (!s) needDuckDb(); });
void snap.verified.then((ok) => { if (!ok) needDuckDb(); });
// The dashboard starts DuckDB (34 MB of wasm to compile, a worker) once the first chart is drawn
// from the snapshot — never competing with that chart for the CPU.
if (!embedded) void drawn.then(needDuckDb);
const listeners: ((p: LoadProgress) => void)[] = [];
let last: LoadProgress | null = null;
const ready: Promise<DatasetSession> = needed.then(() => import('./data/duckdb-wasm')).then(({ loadDataset, loadOptionsFromUrl, startDuckDb }) => {
  performance.mark('nb:duckdb-start');
  // Same (idempotent) instantiation loadDataset awaits; started first only to mark when it is done.
  const loadOptions = loadOptionsFromUrl(location.search); // test hook: ?nb-timeouts=…
  startDuckDb(loadOptions.instantiateTimeoutMs).then(() => performance.mark('nb:duckdb-ready'), () => { /* reported by loadDataset */ });
  return loadDataset(new URL('data/index.duckdb', document.baseURI).href, (p) => {
    last = p;
    if (p.stage === 'ready') performance.mark('nb:data-ready');
    for (const l of listeners) l(p);
  }, loadOptions);
});
ready.catch(() => { /* shown by App */ });
/** The session; asking for it starts DuckDB after the next frame (App: a snapshot miss, no snapshot). */
const start = (): Promise<DatasetSession> => { soon(); return ready; };
// Console API for analysts and benchmarks: SQL over the loaded (read-only) data, e.g.
// nianbao.query('SELECT * FROM cube LIMIT 5'). Per-report views need their detail parts attached.
(window as unknown as { nianbao: unknown }).nianbao = { query: (sql: string) => { needDuckDb(); return ready.then((d) => d.unscoped.query(sql)); } };

// Offline and repeat visits: the service worker registers once the first chart is drawn (or the
// load failed), so its downloads never delay the first view. Not in embed frames: the host page's
// visitors did not ask for an offline copy.
if (!embedded) { // in dev, vite-plugin-pwa's registerSW is a no-op
  const register = () => void import('./ui/pwa').then((m) => m.registerPwa());
  const wait = () => (document.body.dataset.chart === 'ready' ? register() : setTimeout(wait, 500));
  void ready.then(wait, register);
}

// The UI mounts with the snapshot in hand (it comes long before the UI chunk: 23 kB against 336 kB
// gzip), so its first render is the default view; one still missing LATEST_MS after the UI chunk
// is not waited for (the UI then waits for DuckDB).
const snapshotAfterUi = ui.then(() => Promise.race([snap.snapshot, new Promise<null>((r) => setTimeout(() => r(null), LATEST_MS))]));
void Promise.all([ui, snapshotAfterUi]).then(([{ mount }, snapshot]) => {
  performance.mark('nb:ui-loaded');
  // App asks for DuckDB only on a snapshot miss or without a snapshot; this module decides when else (above)
  const boot = { ready, start, onProgress(cb: (p: LoadProgress) => void) { listeners.push(cb); if (last) cb(last); } };
  let unmount: (() => void) | null = null;
  let stale = false;
  // The index this page gets is not the snapshot's (a data file swapped alone): everything drawn
  // from the snapshot goes — the whole UI is mounted again without it (its state is in the URL) and
  // waits for DuckDB's numbers; data-snapshot="stale" says so to tests.
  void snap.verified.then((ok) => {
    if (ok) { document.body.dataset.snapshot = 'checked'; return; }
    stale = true;
    document.body.dataset.snapshot = 'stale';
    // a chart drawn from the snapshot is gone with it: "ready" comes again from DuckDB's
    delete document.body.dataset.chart;
    if (unmount) { unmount(); unmount = mount({ ...boot, snapshot: null }); }
  });
  unmount = mount({ ...boot, snapshot: stale ? null : snapshot });
});
