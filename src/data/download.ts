// Downloads of the dataset's files and the load errors the user sees. Pure apart from the injected
// `fetch` and the offline cache lookup (both guarded), so the session (./session.ts) and its Node
// tests share every rule with the browser:
//
// every step has its own timeout and the error names the step (LoadStep): a response that stalls
// (no headers, or no bytes for stallTimeoutMs) fails in seconds as "stalled", never blamed on the
// CSP and never an endless "loading". Timeouts are injectable for tests through the URL
// (loadOptionsFromUrl: ?nb-timeouts=instantiate:2000,stall:500).

export type LoadProgress =
  | { stage: 'instantiating' }
  | { stage: 'downloading'; loaded: number; total: number | null }
  | { stage: 'attaching' }
  | { stage: 'ready'; ms: number };

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
export const atStep = <T>(step: LoadStep, p: Promise<T>): Promise<T> => p.catch((e) => {
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

export function withTimeout<T>(p: Promise<T>, ms: number, err: () => DataLoadError): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(err()), ms);
    p.then((v) => { clearTimeout(t); resolve(v); }, (e) => { clearTimeout(t); reject(e); });
  });
}

export type Fetch = (url: string, init?: { signal?: AbortSignal }) => Promise<Response>;

export interface DownloadOptions {
  fetch: Fetch;
  stallMs: number;
  onProgress?: (p: LoadProgress) => void;
  /** Where a failed fetch looks for a cached copy (default: the service worker's cache, offline only). */
  offline?: (url: string) => Promise<Response | null>;
}

/**
 * Fetches `url` whole. Stalls fail fast: no response headers, or no new bytes, for `stallMs`
 * (a server that accepts the connection and never answers), each with its own message.
 */
export async function download(url: string, opts: DownloadOptions): Promise<Uint8Array> {
  const { stallMs, onProgress = () => {} } = opts;
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
      res = await opts.fetch(url, { signal: ctrl.signal });
    } catch (e) {
      const cached = await (opts.offline ?? offlineCopy)(url);
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
export async function offlineCopy(url: string): Promise<Response | null> {
  if (typeof navigator === 'undefined' || navigator.onLine !== false || typeof caches === 'undefined') return null;
  try {
    return (await caches.match(url)) ?? null;
  } catch {
    return null;
  }
}

