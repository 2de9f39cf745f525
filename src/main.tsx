// Entry: DuckDB instantiation and the data download start here, at once and in parallel, before
// React renders (performance marks for bench/first-chart.ts).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadDataset, startDuckDb, type LoadProgress } from './data/duckdb-wasm';
import { App, type Boot } from './ui/App';
import './ui/styles.css';

performance.mark('nb:start');
// Same (idempotent) instantiation loadDataset awaits; started first only to mark when it is done.
startDuckDb().then(() => performance.mark('nb:duckdb-ready'), () => { /* reported by loadDataset */ });
const listeners: ((p: LoadProgress) => void)[] = [];
let last: LoadProgress | null = null;
const ready = loadDataset(new URL('data/nianbao.duckdb', document.baseURI).href, (p) => {
  last = p;
  if (p.stage === 'ready') performance.mark('nb:data-ready');
  for (const l of listeners) l(p);
});
ready.catch(() => { /* shown by App */ });
const boot: Boot = {
  ready,
  onProgress(cb) { listeners.push(cb); if (last) cb(last); },
};

const root = document.getElementById('root');
if (root) createRoot(root).render(<StrictMode><App boot={boot} /></StrictMode>);
