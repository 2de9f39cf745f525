// The ONLY module importing @duckdb/duckdb-wasm (browser). Self-hosted bundles (mvp + eh, no CDN),
// no extension autoload (Parquet/JSON would try to reach extensions.duckdb.org and hang or fail),
// castBigIntToDouble, and a timeout plus a clear error on every step: without
// 'wasm-unsafe-eval' in the CSP, instantiate never settles, so an endless
// spinner is the failure to avoid.
//
// Every step has its own timeout and the error names the step (LoadStep): a response that stalls
// (no headers, or no bytes for stallTimeoutMs) fails in seconds as "stalled", never blamed on
// the CSP and never an endless "loading". Timeouts are injectable for tests through the URL
// (loadOptionsFromUrl: ?nb-timeouts=instantiate:2000,stall:500).
//
// startDuckDb() begins instantiation at once; loadDataset(url) downloads the .duckdb file IN
// PARALLEL with it, then registerFileBuffer → ATTACH … (READ_ONLY) → views (./load-dataset.ts).
import * as duckdb from '@duckdb/duckdb-wasm';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import type { QueryRunner } from './query-runner';
import { attachSql, bundledTablesSql, detachSql, detailAlias, looksLikeDuckDbFile, refreshViews, setupViewsSql, type BundledTable } from './load-dataset';
import { partsSql, type DetailPart } from './detail';

const BUNDLES: duckdb.DuckDBBundles = {
  mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
  eh: { mainModule: ehWasm, mainWorker: ehWorker },
};

export type LoadProgress =
  | { stage: 'instantiating' }
  | { stage: 'downloading'; loaded: number; total: number | null }
  | { stage: 'attaching' }
  | { stage: 'ready'; ms: number };

export type DetailEvent = { code: string; stage: 'downloading' | 'ready' | 'failed'; bytes: number };

export type LoadErrorCode = 'wasm-failed' | 'timeout' | 'stalled' | 'not-found' | 'http' | 'network' | 'corrupt' | 'query';
/** Which step of the load failed, named in the error the user sees. */
export type LoadStep = 'instantiate' | 'index-download' | 'attach' | 'detail-download';

/** A load failure with a code the UI maps to a message (zh/en) — never an endless spinner. */
export class DataLoadError extends Error {
  step?: LoadStep;
  constructor(readonly code: LoadErrorCode, message: string, readonly cause?: unknown) {
    super(message);
    this.name = 'DataLoadError';
  }
}

/** Marks a failure with its step, also in the message (a view's query error shows only that). */
const atStep = <T>(step: LoadStep, p: Promise<T>): Promise<T> => p.catch((e) => {
  if (e instanceof DataLoadError && !e.step) {
    e.step = step;
    e.message = `${e.message} (step: ${step})`;
  }
  throw e;
});

export interface LoadOptions {
  /** Per-step timeouts in ms. */
  instantiateTimeoutMs?: number;
  downloadTimeoutMs?: number;
  attachTimeoutMs?: number;
  /** A download with no response headers, or no new bytes, for this long has stalled (default 15 s). */
  stallTimeoutMs?: number;
}

export const DEFAULT_TIMEOUTS: Required<LoadOptions> = { instantiateTimeoutMs: 30_000, downloadTimeoutMs: 120_000, attachTimeoutMs: 30_000, stallTimeoutMs: 15_000 };

/**
 * Test hook: `?nb-timeouts=instantiate:2000,download:5000,attach:2000,stall:500` (ms) overrides
 * the defaults, so tests of a stalled or blocked load do not wait 30 s. Unknown keys are ignored.
 */
export function loadOptionsFromUrl(search: string): LoadOptions {
  const raw = new URLSearchParams(search).get('nb-timeouts');
  const out: LoadOptions = {};
  const keys: Record<string, keyof LoadOptions> = { instantiate: 'instantiateTimeoutMs', download: 'downloadTimeoutMs', attach: 'attachTimeoutMs', stall: 'stallTimeoutMs' };
  for (const part of raw ? raw.split(',') : []) {
    const [k, v] = part.split(':');
    const n = Number(v);
    if (keys[k] && Number.isFinite(n) && n > 0) out[keys[k]] = n;
  }
  return out;
}

export interface LoadedDataset {
  db: duckdb.AsyncDuckDB;
  conn: duckdb.AsyncDuckDBConnection;
  runner: QueryRunner;
  /** Size of the downloaded (index) file in bytes. */
  bytes: number;
  /** Detail files listed by the index (empty when the file holds every table itself). */
  parts: DetailPart[];
  /** Fetch and attach these detail parts (idempotent; concurrent calls share downloads). */
  ensureDetail(codes: string[]): Promise<void>;
  /** Codes attached so far. */
  loadedParts(): ReadonlySet<string>;
  /** Called when a detail download starts, is attached or fails (for a status line); returns an unsubscribe. */
  onDetail(cb: (e: DetailEvent) => void): () => void;
}

function withTimeout<T>(p: Promise<T>, ms: number, err: () => DataLoadError): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(err()), ms);
    p.then((v) => { clearTimeout(t); resolve(v); }, (e) => { clearTimeout(t); reject(e); });
  });
}

let started: Promise<{ db: duckdb.AsyncDuckDB; conn: duckdb.AsyncDuckDBConnection }> | null = null;

/** Begin instantiating DuckDB (idempotent). Resolves to the database and one connection. */
export function startDuckDb(timeoutMs = DEFAULT_TIMEOUTS.instantiateTimeoutMs): Promise<{ db: duckdb.AsyncDuckDB; conn: duckdb.AsyncDuckDBConnection }> {
  if (started) return started;
  const run = async () => {
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
    return { db, conn };
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
 * Fetches `url` whole. Stalls fail fast: no response headers, or no new bytes, for `stallMs`
 * (a server that accepts the connection and never answers), each with its own message.
 */
async function download(url: string, onProgress: (p: LoadProgress) => void, stallMs: number): Promise<Uint8Array> {
  const ctrl = new AbortController();
  let stalled: DataLoadError | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = (what: string) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      stalled = new DataLoadError('stalled', `${url}: ${what} for ${(stallMs / 1000).toFixed(stallMs < 10_000 ? 1 : 0)} s; the server stopped answering`);
      ctrl.abort();
    }, stallMs);
  };
  const fail = (e: unknown): never => {
    if (stalled) throw stalled;
    throw new DataLoadError('network', `could not fetch ${url}: ${e instanceof Error ? e.message : String(e)}`, e);
  };
  try {
    arm('no response');
    let res: Response;
    try {
      res = await fetch(url, { signal: ctrl.signal });
    } catch (e) {
      const cached = await offlineCopy(url);
      if (!cached) return fail(e);
      res = cached;
    }
    if (res.status === 404) throw new DataLoadError('not-found', `data file not found: ${url}`);
    if (!res.ok) throw new DataLoadError('http', `data file ${url}: HTTP ${res.status}`);
    const totalHeader = res.headers.get('content-length');
    const total = totalHeader ? Number(totalHeader) : null;
    arm('no data');
    if (!res.body) {
      let buf: Uint8Array;
      try { buf = new Uint8Array(await res.arrayBuffer()); } catch (e) { return fail(e); }
      onProgress({ stage: 'downloading', loaded: buf.length, total: buf.length });
      return buf;
    }
    const reader = res.body.getReader();
    const chunks: Uint8Array[] = [];
    let loaded = 0;
    for (;;) {
      let r: ReadableStreamReadResult<Uint8Array>;
      try { r = await reader.read(); } catch (e) { return fail(e); }
      if (r.done) break;
      arm(`no new data after ${loaded} bytes`);
      chunks.push(r.value);
      loaded += r.value.length;
      onProgress({ stage: 'downloading', loaded, total });
    }
    const out = new Uint8Array(loaded);
    let off = 0;
    for (const c of chunks) { out.set(c, off); off += c.length; }
    return out;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Offline only: the copy the service worker cached when this file was last fetched (src/ui/pwa.ts,
 * runtime cache `nianbao-data`). A page fetch is not always routed through the worker — seen in
 * the offline e2e on a loaded machine, where compare's detail file failed although it was cached —
 * so the page looks in the cache itself. Online, a failed fetch stays an error (never an old copy
 * beside a new index).
 */
async function offlineCopy(url: string): Promise<Response | null> {
  if (typeof navigator === 'undefined' || navigator.onLine !== false || typeof caches === 'undefined') return null;
  try {
    return (await caches.match(url)) ?? null;
  } catch {
    return null;
  }
}

function runnerFor(conn: duckdb.AsyncDuckDBConnection): QueryRunner {
  return {
    async query<T = Record<string, unknown>>(sql: string): Promise<T[]> {
      const table = await conn.query(sql);
      return table.toArray().map((r) => r.toJSON() as T);
    },
  };
}

/**
 * Load the bundled dataset: instantiate (started at once) and download in parallel, then attach and
 * create the views. `url` should be built from the page base (new URL('data/nianbao.duckdb',
 * document.baseURI)), never '/data/…' (the app may be served under a sub-path).
 */
export function loadDataset(url: string, onProgress: (p: LoadProgress) => void = () => {}, opts: LoadOptions = {}): Promise<LoadedDataset> {
  // One load per URL: a second call (React StrictMode runs effects twice in development) would
  // otherwise ATTACH the same name again and fail. A failed load is forgotten so a retry can run.
  const cached = loads.get(url);
  if (cached) return cached;
  const p = load(url, onProgress, opts).catch((e) => {
    loads.delete(url);
    throw e;
  });
  loads.set(url, p);
  return p;
}

const loads = new Map<string, Promise<LoadedDataset>>();

async function load(url: string, onProgress: (p: LoadProgress) => void, opts: LoadOptions): Promise<LoadedDataset> {
  const t0 = performance.now();
  onProgress({ stage: 'instantiating' });
  const t = { ...DEFAULT_TIMEOUTS, ...opts };
  const dbP = startDuckDb(t.instantiateTimeoutMs);
  const fileP = atStep('index-download', withTimeout(download(url, onProgress, t.stallTimeoutMs).then((b) => {
    // Checked before waiting for DuckDB so a wrong file fails at once.
    if (!looksLikeDuckDbFile(b)) {
      throw new DataLoadError('corrupt', `${url} is not a DuckDB database file (${b.length} bytes; a static host may have served an HTML page instead)`);
    }
    return b;
  }), t.downloadTimeoutMs, () => new DataLoadError('timeout', `downloading ${url} took longer than ${Math.round(t.downloadTimeoutMs / 1000)} s`)));
  // Both run at once; a failure of either surfaces immediately (no waiting on the other).
  const [{ db, conn }, bytes] = await Promise.all([dbP, fileP]);
  const size = bytes.length; // registerFileBuffer transfers (detaches) the buffer to the worker
  onProgress({ stage: 'attaching' });
  const fileName = 'nianbao-index.duckdb';
  const bundledTables = async () => (await conn.query(bundledTablesSql())).toArray().map((r) => r.toJSON() as BundledTable);
  const setup = async () => {
    await conn.query(detachSql());
    await db.registerFileBuffer(fileName, bytes);
    try {
      await conn.query(attachSql(fileName));
    } catch (e) {
      throw new DataLoadError('corrupt', `the data file could not be opened: ${e instanceof Error ? e.message : String(e)}`, e);
    }
    const present = await bundledTables();
    let stmts: string[];
    try {
      stmts = setupViewsSql(present);
    } catch (e) {
      throw new DataLoadError('corrupt', e instanceof Error ? e.message : String(e), e);
    }
    for (const s of stmts) await conn.query(s);
    return present.some((t) => t.database === 'nb' && t.table === 'parts')
      ? (await conn.query(partsSql())).toArray().map((r) => r.toJSON() as DetailPart).map((p) => ({ ...p, bytes: Number(p.bytes) }))
      : [];
  };
  const parts = await atStep('attach', withTimeout(setup(), t.attachTimeoutMs, () => new DataLoadError('timeout', `opening the data file took longer than ${Math.round(t.attachTimeoutMs / 1000)} s`)));
  onProgress({ stage: 'ready', ms: Math.round(performance.now() - t0) });
  const runner = runnerFor(conn);
  const q = (sql: string) => runner.query(sql);

  // Detail parts: downloads run in parallel; attaching + re-creating the views is serialised.
  const attached = new Set<string>();
  const inflight = new Map<string, Promise<void>>();
  const listeners: ((e: DetailEvent) => void)[] = [];
  const emit = (e: DetailEvent) => { for (const l of listeners) l(e); };
  let chain: Promise<unknown> = Promise.resolve();
  const attachPart = async (part: DetailPart) => {
    const partUrl = new URL(part.file, url).href;
    emit({ code: part.code, stage: 'downloading', bytes: part.bytes });
    const buf = await atStep('detail-download', withTimeout(download(partUrl, () => {}, t.stallTimeoutMs), t.downloadTimeoutMs,
      () => new DataLoadError('timeout', `downloading ${partUrl} took longer than ${Math.round(t.downloadTimeoutMs / 1000)} s`)));
    if (!looksLikeDuckDbFile(buf)) throw Object.assign(new DataLoadError('corrupt', `${partUrl} is not a DuckDB database file (step: detail-download)`), { step: 'detail-download' as const });
    const step = chain.then(async () => {
      const name = `nianbao-detail-${part.code}.duckdb`;
      await db.registerFileBuffer(name, buf);
      await conn.query(attachSql(name, detailAlias(part.code)));
      await refreshViews(q);
      attached.add(part.code);
    });
    chain = step.catch(() => {});
    await step;
    emit({ code: part.code, stage: 'ready', bytes: part.bytes });
  };
  const ensureDetail = async (codes: string[]) => {
    await Promise.all(codes.map((code) => {
      if (attached.has(code)) return undefined;
      let p = inflight.get(code);
      if (!p) {
        const part = parts.find((x) => x.code === code);
        if (!part) return undefined;
        p = attachPart(part).catch((e) => {
          inflight.delete(code);
          emit({ code, stage: 'failed', bytes: part.bytes });
          throw e;
        });
        inflight.set(code, p);
      }
      return p;
    }));
  };
  return {
    db, conn, runner, bytes: size, parts, ensureDetail,
    loadedParts: () => attached,
    onDetail: (cb) => {
      listeners.push(cb);
      return () => { const i = listeners.indexOf(cb); if (i >= 0) listeners.splice(i, 1); };
    },
  };
}
