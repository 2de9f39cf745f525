// data/snapshot.json, the first views' results (src/state/snapshot.ts says what it holds): its
// format, and how the page fetches it and checks it against the index file. Imports nothing, so
// the entry (src/main.tsx) starts the fetch without waiting for any other chunk.

export const SNAPSHOT_FILE = 'snapshot.json';
export const SNAPSHOT_VERSION = 1;

export interface Snapshot {
  v: number;
  /** The index.duckdb the rows were computed on: the browser uses the snapshot only when the index
   * it fetched is this file (a data file swapped alone must never show the old file's numbers). */
  index: { bytes: number; hash: string };
  /** SQL text → result rows (JSON values: BIGINT as number, like duckdb-wasm's castBigIntToDouble). */
  queries: Record<string, Record<string, unknown>[]>;
}

export function isSnapshot(v: unknown): v is Snapshot {
  const o = v as Snapshot;
  return !!o && typeof o === 'object' && o.v === SNAPSHOT_VERSION && !!o.queries && typeof o.queries === 'object'
    && !!o.index && typeof o.index.bytes === 'number' && typeof o.index.hash === 'string';
}

/** Above this size the browser does not fetch the index a second time to check it: no snapshot. */
export const SNAPSHOT_MAX_INDEX_BYTES = 16 * 1024 * 1024;

/** FNV-1a (32 bit) over the file, with its length: tells two data files apart (not a security hash). */
export function fingerprint(bytes: Uint8Array): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) { h ^= bytes[i]; h = Math.imul(h, 0x01000193); }
  return `${bytes.length}-${(h >>> 0).toString(16)}`;
}

/** The snapshot if it was computed on this index file, else null. */
export function matchingSnapshot(snap: Snapshot, index: Uint8Array): Snapshot | null {
  return snap.index.bytes === index.length && snap.index.hash === fingerprint(index) ? snap : null;
}

export interface SnapshotLoad {
  /** The snapshot as soon as it is parsed (null: none, malformed, or its index is too large to check). */
  snapshot: Promise<Snapshot | null>;
  /** false once the index file this page gets turns out not to be the snapshot's (or cannot be
   * read): whatever was drawn from the snapshot must be dropped and drawn again from DuckDB.
   * true when it matches, or when there was no snapshot to drop. */
  verified: Promise<boolean>;
}

/**
 * Fetch `data/snapshot.json`, then check it against `data/index.duckdb` BEHIND the first chart:
 * the chart is drawn from the snapshot before the check ends (a second read of the index — from the
 * service worker's or the HTTP cache on a repeat visit — and a hash over it), started once `after`
 * settles (the page passes "the first chart is drawn"), so its download and hash never share the CPU
 * with that chart. The caller redraws without the snapshot when `verified` says false, so old
 * numbers beside a new index last at most the check.
 */
export function loadSnapshot(base: string, opts: { get?: (url: string) => Promise<Response>; after?: Promise<unknown> } = {}): SnapshotLoad {
  const get = opts.get ?? ((u: string) => fetch(u));
  const snapshot = get(new URL(`data/${SNAPSHOT_FILE}`, base).href)
    .then((r) => (r.ok ? r.json() : null))
    .then((j: unknown) => (isSnapshot(j) && j.index.bytes <= SNAPSHOT_MAX_INDEX_BYTES ? j : null))
    .catch(() => null);
  // read only when there is a snapshot to check (a large index is never read twice for nothing)
  const verified = snapshot.then(async (snap) => {
    if (!snap) return true;
    await opts.after;
    try {
      const r = await get(new URL('data/index.duckdb', base).href);
      return r.ok && matchingSnapshot(snap, new Uint8Array(await r.arrayBuffer())) !== null;
    } catch {
      return false;
    }
  });
  return { snapshot, verified };
}
