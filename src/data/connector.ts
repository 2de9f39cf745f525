// The thin seam to a DuckDB engine (mosaic's connector shape): start-up is the implementation's
// (src/data/duckdb-wasm.ts in the browser, test/helpers/duckdb-node.ts in Node tests); what the
// data session (./session.ts) needs from it is only these two calls, so every rule of loading —
// downloads, the detail queue, views, imports — runs the same in Node tests as in the browser.

export interface Connector {
  /** Runs one statement; rows as plain objects (BIGINT as number where the engine can). */
  query<T = Record<string, unknown>>(sql: string): Promise<T[]>;
  /**
   * Makes `bytes` openable by ATTACH and returns the name to ATTACH it by. The buffer may be
   * transferred (duckdb-wasm hands it to its worker): the caller must not use it afterwards.
   */
  registerFile(name: string, bytes: Uint8Array): Promise<string>;
}
