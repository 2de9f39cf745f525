// Lazy per-province detail (src/cli/dashboard-files.ts writes the files): which parts a selection
// needs. The queue that fetches and attaches them is the data session's (./session.ts).
//
// The rule that keeps numbers honest: a query that reads `metrics`, `reports`, `facts`, `findings`
// or `checks` must never run while a part of its selection is missing — it would silently count
// fewer reports. Builders declare what they read (query-runner.ts), undeclared SQL counts as a
// detail read, and the session waits for the parts before running it.
import { BUNDLED } from './load-dataset';
import type { Selection } from './filters';
import { ident } from './sql';

export interface DetailPart {
  /** 2-digit province code, or `x` for reports without a region. */
  code: string;
  /** Path relative to the index file (detail/43.duckdb). */
  file: string;
  bytes: number;
  reports: number;
  agencies: number;
}

/** The parts listed in the index (empty for a full single file, which holds every table itself). */
export function partsSql(): string {
  return `SELECT code, file, bytes::DOUBLE AS bytes, reports, agencies FROM ${ident(BUNDLED)}.parts ORDER BY code`;
}

/** Codes of the parts a selection's per-report rows can come from. */
export function partsFor(sel: Selection, parts: readonly DetailPart[]): string[] {
  const region = sel.region ?? '';
  if (!region) return parts.map((p) => p.code);
  const prefix = region.slice(0, 2);
  return parts.filter((p) => p.code !== 'x' && (prefix.length === 2 ? p.code === prefix : p.code.startsWith(prefix))).map((p) => p.code);
}

/**
 * A query needs more detail than the app fetches unasked (at 150k agencies, every province is
 * ~700 MB): the view says so and offers to load it, instead of starting a huge download.
 */
export class DetailTooLargeError extends Error {
  readonly code = 'detail-too-large';
  constructor(readonly bytes: number, readonly parts: number) {
    super(`needs ${parts} detail files (${(bytes / 1e6).toFixed(0)} MB); pick a region or load them all`);
    this.name = 'DetailTooLargeError';
  }
}
