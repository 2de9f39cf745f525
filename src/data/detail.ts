// Lazy per-province detail (src/cli/dashboard-files.ts writes the files): which parts a selection
// needs, and a QueryRunner that attaches them before any query that reads per-report rows. Pure;
// the attaching itself is the duckdb-wasm adapter's (src/data/duckdb-wasm.ts).
//
// The rule that keeps numbers honest: a query that reads `metrics`, `reports`, `facts`, `findings`
// or `checks` must never run while a part of its selection is missing — it would silently count
// fewer reports. So the runner inspects every statement, not the callers' good intentions.
import { BUNDLED } from './load-dataset';
import type { Selection } from './filters';
import type { QueryRunner } from './query-runner';
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

const DETAIL_READ = /\b(?:from|join)\s+"?(?:metrics|reports|facts|findings|checks)\b(?!\s*\.)/i;

/** True when the statement reads a per-report view (not `cube`, not `imp.*`). */
export function readsDetail(sql: string): boolean {
  return DETAIL_READ.test(sql);
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

/**
 * A runner for views of `sel`: statements that read per-report views first wait for the parts the
 * selection needs (`ensure`), everything else (the cube, imp.*) runs at once.
 */
export function scopedRunner(
  base: QueryRunner, sel: Selection, parts: readonly DetailPart[], ensure: (codes: string[]) => Promise<void>,
  limit: { maxBytes: number; loaded: () => ReadonlySet<string> } | null = null,
): QueryRunner {
  const codes = partsFor(sel, parts);
  return {
    async query<T = Record<string, unknown>>(sql: string): Promise<T[]> {
      if (parts.length > 0 && readsDetail(sql)) {
        if (limit) {
          const loaded = limit.loaded();
          const missing = parts.filter((p) => codes.includes(p.code) && !loaded.has(p.code));
          const bytes = missing.reduce((s, p) => s + p.bytes, 0);
          if (bytes > limit.maxBytes) throw new DetailTooLargeError(bytes, missing.length);
        }
        await ensure(codes);
      }
      return base.query<T>(sql);
    },
  };
}
