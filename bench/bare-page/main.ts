// The baseline of bench/first-chart.ts: a page that only starts the dashboard's duckdb-wasm bundle
// (same module, same wasm) and marks when it is instantiated — what any first view waited for.
import { startDuckDb } from '../../src/data/duckdb-wasm';

void startDuckDb().then(() => {
  performance.mark('nb:duckdb-ready');
  document.body.dataset.ready = '1';
});
