// Dashboard selection → SQL predicate over `metrics` (or any table with the same dimension
// columns). Every value goes through ./sql; an empty selection selects everything.
import { ident, inList, int, likePrefix } from './sql';

export interface Selection {
  /** Agency names exactly as in reports.agency. */
  agencies?: string[];
  /** Levels (reports.level). */
  levels?: string[];
  /** Region code prefix: '43' (province), '4303' (city), '430321' (county). */
  region?: string;
  /** Inclusive year range. */
  years?: [number, number];
  /** bundled = the shipped dataset, imported = rows the user imported. Default both. */
  source?: 'bundled' | 'imported' | 'both';
  /** Drop reports with a failed identity check or a failed parse (for rankings). */
  excludeFailing?: boolean;
}

export interface PredicateOptions {
  /** Table alias to qualify columns with. */
  alias?: string;
  /** Parts of the selection to ignore (e.g. compare ignores `agencies` to keep all peers). */
  ignore?: (keyof Selection)[];
  /** A boolean column that already holds "failing" (the cube's), instead of checks_failed/status. */
  failingColumn?: string;
}

/** A SQL boolean expression for the selection (`TRUE` when nothing is selected). */
export function selectionPredicate(sel: Selection = {}, opts: PredicateOptions = {}): string {
  const a = opts.alias ? `${opts.alias}.` : '';
  const skip = new Set(opts.ignore ?? []);
  const parts: string[] = [];
  if (!skip.has('agencies') && sel.agencies && sel.agencies.length > 0) parts.push(`${a}agency IN ${inList(sel.agencies)}`);
  if (!skip.has('levels') && sel.levels && sel.levels.length > 0) parts.push(`${a}level IN ${inList(sel.levels)}`);
  if (!skip.has('region') && sel.region) {
    if (!/^\d{1,6}$/.test(sel.region)) throw new Error(`region must be 1–6 digits: ${JSON.stringify(sel.region)}`);
    parts.push(`${a}region_code LIKE ${likePrefix(sel.region)}`);
  }
  if (!skip.has('years') && sel.years) {
    const [from, to] = sel.years;
    parts.push(`${a}year BETWEEN ${int(Math.min(from, to))} AND ${int(Math.max(from, to))}`);
  }
  if (!skip.has('source') && sel.source && sel.source !== 'both') {
    parts.push(sel.source === 'imported' ? `${a}dataset = 'imported'` : `${a}dataset IS DISTINCT FROM 'imported'`);
  }
  if (!skip.has('excludeFailing') && sel.excludeFailing) {
    parts.push(opts.failingColumn
      ? `NOT ${a}${ident(opts.failingColumn)}`
      : `coalesce(${a}checks_failed, 0) = 0 AND ${a}status IS DISTINCT FROM 'failed'`);
  }
  return parts.length ? parts.join(' AND ') : 'TRUE';
}
