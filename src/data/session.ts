// The dashboard's data session: everything between a Connector (./connector.ts: a DuckDB engine
// that can run SQL and register a file) and the views, which receive finished QueryRunners.
// Pure — no DOM, no duckdb import, `fetch` injected — so test/data/session.test.ts runs it in Node
// against @duckdb/node-api exactly as the browser runs it against duckdb-wasm.
//
// It owns:
// - loading the index (download ∥ engine start-up, then ATTACH and the views, ./load-dataset.ts),
//   each step with its timeout and a DataLoadError naming the step (./download.ts);
// - the detail queue: per-province files fetched when a query needs them. Concurrent requests for
//   a part share one download; attaching and re-creating the views is serialised (two ATTACHes
//   racing a CREATE VIEW would see each other half done); a failed part is an error for every query
//   waiting on it and is fetched again by the next request — never a smaller number;
// - routing: a query declaring only index/imported reads (query-runner.ts `reads`) runs at once,
//   anything else waits for the parts of its selection — undeclared SQL included;
// - imports (./importer.ts: identity against the bundled reports, rows into `imp`, undo), the
//   bundled/imported switch and clearing an import; a cache for index-only queries.
import type { Connector } from './connector';
import type { Dataset } from '../model/dataset';
import { atStep, DataLoadError, DEFAULT_TIMEOUTS, download, withTimeout, type Fetch, type LoadOptions, type LoadProgress } from './download';
import { DetailTooLargeError, partsFor, partsSql, type DetailPart } from './detail';
import type { Selection } from './filters';
import type { Importer, Replacement, Source } from './importer';
import { attachSql, bundledTablesSql, detachSql, detailAlias, looksLikeDuckDbFile, refreshViews, setupViewsSql, type BundledTable } from './load-dataset';
import { needsDetail, sqlOf, type QueryRunner, type Reads, type Sql } from './query-runner';

export type DetailEvent = { code: string; stage: 'downloading' | 'ready' | 'failed'; bytes: number };
export type { Replacement, Source } from './importer';

/** Detail parts up to this many bytes in all are fetched right after the first view (the bundled reports: ~12 MB raw, ~100 kB gzip). */
export const EAGER_DETAIL_BYTES = 16 * 1024 * 1024;
/** A view that needs more undownloaded detail than this asks first (one province at 150k agencies: ≤ 41 MB). */
export const LARGE_DETAIL_BYTES = 64 * 1024 * 1024;

export interface SessionOptions extends LoadOptions {
  /** The index file; detail files are resolved against it. Build it from the page base, never '/data/…'. */
  url: string;
  /** The engine, possibly still starting: the index downloads meanwhile. */
  connector: Promise<Connector>;
  fetch: Fetch;
  /** Where a failed fetch looks for a cached copy (default: the service worker's cache, offline only). */
  offline?: (url: string) => Promise<Response | null>;
  onProgress?: (p: LoadProgress) => void;
}

export interface DatasetSession {
  /** Size of the downloaded index file in bytes. */
  bytes: number;
  /** Detail files listed by the index (empty when the file holds every table itself). */
  parts: readonly DetailPart[];
  /** A runner for views of `sel`: detail reads wait for the selection's parts; above LARGE_DETAIL_BYTES
   * of missing parts they fail with DetailTooLargeError unless `all` (the user asked to load them). */
  runnerFor(sel: Selection, opts?: { all?: boolean }): QueryRunner;
  /** runnerFor({}): every part (the shell's queries, the import's checks). */
  runner: QueryRunner;
  /** Runs every statement at once, whatever is attached: the analysts' console only (window.nianbao),
   * where waiting for 700 MB of detail to read duckdb_memory() would be wrong. */
  unscoped: QueryRunner;
  /** Fetch and attach these parts (idempotent; concurrent calls share downloads). */
  ensureDetail(codes: readonly string[]): Promise<void>;
  /** A small dataset's detail, fetched unasked so later views never wait (errors wait for the view that needs it). */
  prefetchDetail(maxBytes?: number): void;
  loadedParts(): ReadonlySet<string>;
  /** Detail download started, attached or failed (for a status line); returns an unsubscribe. */
  onDetail(cb: (e: DetailEvent) => void): () => void;
  /** The bundled/imported/both switch: every view follows it at once. */
  setSource(source: Source): Promise<void>;
  /**
   * Import a dataset's rows (dataset = 'imported'): resolved against every bundled report, so a
   * bundled report of the same agency-year is replaced, counted once. Waits for every detail part
   * (refused above LARGE_DETAIL_BYTES unless `all`). `rebuild: false`: more slices follow.
   */
  importRows(ds: Dataset, opts?: { rebuild?: boolean; all?: boolean }): Promise<void>;
  /** Bundled reports the imports replaced. */
  replacements(): Promise<Replacement[]>;
  /** Undo one replacement: the bundled report counts again, the imported copy is set aside. */
  keepBundled(bundledId: string): Promise<void>;
  /** Which of these report ids the database already has (bundled or imported). */
  existingIds(ids: string[]): Promise<string[]>;
  /** Remove every imported row and the replacements it made (at once, whatever is attached). */
  clearImported(): Promise<void>;
}

/** Reads answered from the index or memory alone: cached until something writes. */
const CACHEABLE: readonly Reads[] = ['cube', 'meta', 'index'];

export async function openSession(opts: SessionOptions): Promise<DatasetSession> {
  const t0 = performance.now();
  const t = { ...DEFAULT_TIMEOUTS, ...opts };
  const onProgress = opts.onProgress ?? (() => {});
  const get = (url: string, progress?: (p: LoadProgress) => void) => download(url, { fetch: opts.fetch, offline: opts.offline, stallMs: t.stallTimeoutMs, onProgress: progress });
  const late = (url: string) => () => new DataLoadError('timeout', `downloading ${url} took longer than ${Math.round(t.downloadTimeoutMs / 1000)} s`);

  onProgress({ stage: 'instantiating' });
  const fileP = atStep('index-download', withTimeout(get(opts.url, onProgress).then((b) => {
    // checked before waiting for the engine, so a wrong file fails at once
    if (!looksLikeDuckDbFile(b)) {
      throw new DataLoadError('corrupt', `${opts.url} is not a DuckDB database file (${b.length} bytes; a static host may have served an HTML page instead)`);
    }
    return b;
  }), t.downloadTimeoutMs, late(opts.url)));
  // both run at once; a failure of either surfaces immediately (no waiting on the other)
  const [db, bytes] = await Promise.all([opts.connector, fileP]);
  const size = bytes.length; // registering may transfer (detach) the buffer
  onProgress({ stage: 'attaching' });
  const q = (sql: string) => db.query<Record<string, unknown>>(sql);
  const setup = async (): Promise<DetailPart[]> => {
    await q(detachSql()); // a retry after a half-finished load must not fail on "already attached"
    const name = await db.registerFile('nianbao-index.duckdb', bytes);
    try {
      await q(attachSql(name));
    } catch (e) {
      throw new DataLoadError('corrupt', `the data file could not be opened: ${e instanceof Error ? e.message : String(e)}`, e);
    }
    const present = await db.query<BundledTable>(bundledTablesSql());
    let stmts: string[];
    try {
      stmts = setupViewsSql(present);
    } catch (e) {
      throw new DataLoadError('corrupt', e instanceof Error ? e.message : String(e), e);
    }
    for (const s of stmts) await q(s);
    return present.some((x) => x.database === 'nb' && x.table === 'parts')
      ? (await db.query<DetailPart>(partsSql())).map((p) => ({ ...p, bytes: Number(p.bytes) }))
      : [];
  };
  const parts = await atStep('attach', withTimeout(setup(), t.attachTimeoutMs, () => new DataLoadError('timeout', `opening the data file took longer than ${Math.round(t.attachTimeoutMs / 1000)} s`)));
  onProgress({ stage: 'ready', ms: Math.round(performance.now() - t0) });

  // Index-only results, dropped whenever anything else may have changed what a view returns.
  const cache = new Map<string, Promise<Record<string, unknown>[]>>();
  const run = async <T>(sql: Sql): Promise<T[]> => {
    const text = sqlOf(sql);
    if (typeof sql === 'string' || sql.reads.length === 0) {
      cache.clear(); // undeclared SQL, or a statement: may change what any view returns
      return db.query<T>(text);
    }
    if (!sql.reads.every((r) => CACHEABLE.includes(r))) return db.query<T>(text);
    let hit = cache.get(text);
    if (!hit) {
      hit = q(text);
      cache.set(text, hit);
      hit.catch(() => cache.delete(text));
    }
    return (await hit).map((r) => ({ ...r })) as T[];
  };

  const attached = new Set<string>();
  const inflight = new Map<string, Promise<void>>();
  const listeners = new Set<(e: DetailEvent) => void>();
  const emit = (e: DetailEvent) => { for (const l of listeners) l(e); };
  let chain: Promise<unknown> = Promise.resolve();
  const attachPart = async (part: DetailPart) => {
    const partUrl = new URL(part.file, opts.url).href;
    emit({ code: part.code, stage: 'downloading', bytes: part.bytes });
    const buf = await atStep('detail-download', withTimeout(get(partUrl), t.downloadTimeoutMs, late(partUrl)));
    if (!looksLikeDuckDbFile(buf)) throw Object.assign(new DataLoadError('corrupt', `${partUrl} is not a DuckDB database file (step: detail-download)`), { step: 'detail-download' as const });
    const step = chain.then(async () => {
      const name = await db.registerFile(`nianbao-detail-${part.code}.duckdb`, buf);
      await q(attachSql(name, detailAlias(part.code)));
      await refreshViews(q);
      cache.clear();
      attached.add(part.code);
    });
    chain = step.catch(() => {});
    await step;
    emit({ code: part.code, stage: 'ready', bytes: part.bytes });
  };
  const ensureDetail = async (codes: readonly string[]) => {
    await Promise.all(codes.map((code) => {
      if (attached.has(code)) return undefined;
      let p = inflight.get(code);
      if (!p) {
        const part = parts.find((x) => x.code === code);
        if (!part) return undefined;
        p = attachPart(part).catch((e) => {
          inflight.delete(code); // the next request fetches it again
          emit({ code, stage: 'failed', bytes: part.bytes });
          throw e;
        });
        inflight.set(code, p);
      }
      return p;
    }));
  };

  const runnerFor = (sel: Selection, o: { all?: boolean } = {}): QueryRunner => {
    const codes = partsFor(sel, parts);
    return {
      async query<T = Record<string, unknown>>(sql: Sql): Promise<T[]> {
        if (parts.length > 0 && needsDetail(sql)) {
          if (!o.all) {
            const missing = parts.filter((p) => codes.includes(p.code) && !attached.has(p.code));
            const total = missing.reduce((s, p) => s + p.bytes, 0);
            if (total > LARGE_DETAIL_BYTES) throw new DetailTooLargeError(total, missing.length);
          }
          await ensureDetail(codes);
        }
        return run<T>(sql);
      },
    };
  };
  // the import's reads wait for every part (it checks the bundled reports); its writes and the
  // switch are statements: at once, and they drop the cache
  // (loaded with the first import: the identity rules are not needed to show the dashboard)
  const imports = async (all?: boolean): Promise<Importer> => (await import('./importer')).importer(runnerFor({}, { all }));

  return {
    bytes: size,
    parts,
    runnerFor,
    runner: runnerFor({}),
    unscoped: { query: (sql) => run(sql) },
    ensureDetail,
    prefetchDetail(maxBytes = EAGER_DETAIL_BYTES) {
      if (parts.length && parts.reduce((n, p) => n + p.bytes, 0) <= maxBytes) {
        void ensureDetail(parts.map((p) => p.code)).catch(() => { /* retried, and its error shown, by the first view that needs it */ });
      }
    },
    loadedParts: () => attached,
    onDetail(cb) {
      listeners.add(cb);
      return () => { listeners.delete(cb); };
    },
    setSource: async (source) => (await imports()).setSource(source),
    importRows: async (ds, o) => (await imports(o?.all)).importRows(ds, o),
    replacements: async () => (await imports()).replacements(),
    keepBundled: async (id) => (await imports()).keepBundled(id),
    existingIds: async (ids) => (await imports()).existingIds(ids),
    clearImported: async () => (await imports()).clearImported(),
  };
}
