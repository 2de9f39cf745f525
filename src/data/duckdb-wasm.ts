// The ONLY module importing @duckdb/duckdb-wasm (browser): start-up and the Connector
// (./connector.ts) over it; everything else about loading is the data session's (./session.ts).
// Self-hosted bundles (mvp + eh, no CDN), no extension autoload (Parquet/JSON would try to reach
// extensions.duckdb.org and hang or fail), castBigIntToDouble, and a timeout plus a clear error:
// without 'wasm-unsafe-eval' in the CSP, instantiate never settles, so an endless spinner is the
// failure to avoid.
//
// startDuckDb() begins instantiation at once; loadDataset(url) downloads the index IN PARALLEL
// with it (openSession), then registerFileBuffer → ATTACH … (READ_ONLY) → views.
import * as duckdb from '@duckdb/duckdb-wasm';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import type { Connector } from './connector';
import { DataLoadError, DEFAULT_TIMEOUTS, withTimeout, type LoadOptions, type LoadProgress } from './download';
import { openSession, type DatasetSession } from './session';

export { DataLoadError, loadOptionsFromUrl, type LoadErrorCode, type LoadOptions, type LoadProgress, type LoadStep } from './download';
export type { DatasetSession, DetailEvent } from './session';

const BUNDLES: duckdb.DuckDBBundles = {
  mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
  eh: { mainModule: ehWasm, mainWorker: ehWorker },
};

let started: Promise<Connector> | null = null;

/** Begin instantiating DuckDB (idempotent). Resolves to a Connector over one connection. */
export function startDuckDb(timeoutMs = DEFAULT_TIMEOUTS.instantiateTimeoutMs): Promise<Connector> {
  if (started) return started;
  const run = async (): Promise<Connector> => {
    const bundle = await duckdb.selectBundle(BUNDLES);
    if (!bundle.mainWorker) throw new DataLoadError('wasm-failed', 'no DuckDB worker bundle');
    const worker = new Worker(bundle.mainWorker);
    const workerFailed = new Promise<never>((_, reject) => {
      worker.addEventListener('error', (e) => reject(new DataLoadError('wasm-failed', `DuckDB worker failed to start: ${e.message ?? 'blocked'}`)));
    });
    const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
    await Promise.race([db.instantiate(bundle.mainModule, bundle.pthreadWorker), workerFailed]);
    await db.open({ query: { castBigIntToDouble: true } });
    const conn = await db.connect();
    await conn.query('SET autoinstall_known_extensions = false');
    await conn.query('SET autoload_known_extensions = false');
    return {
      async query<T = Record<string, unknown>>(sql: string): Promise<T[]> {
        return (await conn.query(sql)).toArray().map((r) => r.toJSON() as T);
      },
      async registerFile(name, bytes) {
        await db.registerFileBuffer(name, bytes);
        return name;
      },
    };
  };
  started = withTimeout(run(), timeoutMs, () => new DataLoadError('timeout',
    `DuckDB did not start within ${Math.round(timeoutMs / 1000)} s (step: instantiate). The page may block WebAssembly (Content-Security-Policy needs 'wasm-unsafe-eval'), or the device is very slow.`))
    .catch((e) => {
      started = null; // allow a retry
      const err = e instanceof DataLoadError ? e : new DataLoadError('wasm-failed', `DuckDB could not start: ${e instanceof Error ? e.message : String(e)}`, e);
      err.step ??= 'instantiate';
      throw err;
    });
  return started;
}

/**
 * Load the bundled dataset: a data session over duckdb-wasm and the page's fetch. `url` should be
 * built from the page base (new URL('data/index.duckdb', document.baseURI)), never '/data/…' (the
 * app may be served under a sub-path).
 */
export function loadDataset(url: string, onProgress: (p: LoadProgress) => void = () => {}, opts: LoadOptions = {}): Promise<DatasetSession> {
  // One load per URL: a second call (React StrictMode runs effects twice in development) would
  // otherwise ATTACH the same name again and fail. A failed load is forgotten so a retry can run.
  const cached = loads.get(url);
  if (cached) return cached;
  const p = openSession({ ...opts, url, onProgress, connector: startDuckDb(opts.instantiateTimeoutMs), fetch: (u, init) => fetch(u, init) }).catch((e) => {
    loads.delete(url);
    throw e;
  });
  loads.set(url, p);
  return p;
}

const loads = new Map<string, Promise<DatasetSession>>();
