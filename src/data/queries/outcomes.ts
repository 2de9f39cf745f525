// Outcomes: the six outcome groups (absolute; shares are computed by the chart from the same
// rows), the reasons inside the groups, applicant types, and the Sankey links.
// All values are Σ over the selection of printed (or group-derived) cells, column `total` unless
// stated; n_data says how many reports had the cell.
import { APPLICANT_COLUMNS, OUTCOME_GROUPS, REQUEST_ROWS, type OutcomeGroup } from '../../model';
import { metricColumn } from '../metrics';
import type { Selection } from '../filters';
import { aggregatorFor, oneScanSql } from '../cube';
import { str } from '../sql';
import { query, toNum, toStr, type Query, type QueryRunner } from '../query-runner';
import type { LongValueRow, SankeyLinkRow } from '../../model/rows';
export type { LongValueRow, SankeyLinkRow } from '../../model/rows';

export interface OutcomesParams {
  selection?: Selection;
  /** 'year': one row per group per year; 'total': over the whole selection. */
  by?: 'year' | 'total';
  /** Force per-report `metrics` or the `cube` (default: chosen by the selection). */
  source?: 'metrics' | 'cube';
}

function longSql(entries: { key: string; group: string | null; column: string }[], p: OutcomesParams): Query {
  const byYear = p.by === 'year';
  const agg = aggregatorFor(p.selection, entries.map((e) => e.column), { source: p.source });
  const where = agg.where(p.selection) + (byYear ? ' AND year IS NOT NULL' : '');
  // one scan for every entry; `ord` keeps the template order of the entries
  const inner = oneScanSql({
    table: agg.table, where, group: byYear ? ['year'] : [],
    entries: entries.map((e, i) => [['ord', String(i)], ['key', str(e.key)], ['group', e.group === null ? 'CAST(NULL AS VARCHAR)' : str(e.group)],
      ['value', agg.sum(e.column)], ['n_data', agg.count(e.column)], ['n_reports', agg.reports]] as [string, string][]),
  });
  return query(`SELECT key, "group", ${byYear ? 'year' : 'CAST(NULL AS INTEGER) AS year'}, value, n_data, n_reports FROM (${inner})\nORDER BY year NULLS FIRST, ord`, agg.source);
}

/** The six groups (予以公开 … 其他处理) plus the printed （七）总计 as key 'outcome_total'. */
export function outcomeGroupsSql(p: OutcomesParams = {}): Query {
  const entries: { key: string; group: string | null; column: string }[] = OUTCOME_GROUPS.map((g) => ({
    key: g.key, group: g.key, column: metricColumn('requests', g.derivedItem, 'total'),
  }));
  entries.push({ key: 'outcome_total', group: null, column: metricColumn('requests', 'outcome_total', 'total') });
  return longSql(entries, p);
}

/**
 * The reasons inside 不予公开 / 无法提供 / 不予处理 / 其他处理: the 19 sub-rows of the 2021 template.
 * The 2019 template's single-row （六）其他处理 has no reasons; its total is in outcomeGroupsSql.
 */
export const REASON_ROWS = REQUEST_ROWS.filter((r) => r.group && r.group !== 'granted' && r.group !== 'partial' && r.key !== 'other_total');

export function reasonsSql(p: OutcomesParams & { group?: OutcomeGroup } = {}): Query {
  const rows = REASON_ROWS.filter((r) => !p.group || r.group === p.group);
  return longSql(rows.map((r) => ({ key: r.key, group: r.group ?? null, column: metricColumn('requests', r.key, 'total') })), p);
}

/** Applicant types for one row of table requests (default `new`): natural + the five organisations. */
export function applicantTypesSql(p: OutcomesParams & { item?: string } = {}): Query {
  const item = p.item ?? 'new';
  if (!REQUEST_ROWS.some((r) => r.key === item) && !['denied_total', 'unavailable_total', 'rejected_total'].includes(item)) {
    throw new Error(`unknown requests item: ${item}`);
  }
  return longSql(APPLICANT_COLUMNS.map((c) => ({ key: c, group: null, column: metricColumn('requests', item, c) })), p);
}

export function castLongRow(r: Record<string, unknown>): LongValueRow {
  return { key: String(r.key), group: toStr(r.group), year: toNum(r.year), value: toNum(r.value), n_data: toNum(r.n_data) ?? 0, n_reports: toNum(r.n_reports) ?? 0 };
}

export async function runOutcomeGroups(runner: QueryRunner, p: OutcomesParams = {}): Promise<LongValueRow[]> {
  return (await runner.query(outcomeGroupsSql(p))).map(castLongRow);
}
export async function runReasons(runner: QueryRunner, p: OutcomesParams & { group?: OutcomeGroup } = {}): Promise<LongValueRow[]> {
  return (await runner.query(reasonsSql(p))).map(castLongRow);
}
export async function runApplicantTypes(runner: QueryRunner, p: OutcomesParams & { item?: string } = {}): Promise<LongValueRow[]> {
  return (await runner.query(applicantTypesSql(p))).map(castLongRow);
}

// ---- Sankey ---------------------------------------------------------------------------------
// Stages, each from its own printed cells (never rescaled, so a report whose totals disagree
// shows stages of different widths):
//   applicant type ─(cell group×applicant)→ outcome group ─(group total)→ （七）总计
//   （七）总计 ─→ 行政复议 (review total), 直接起诉 (suit_direct total)
//   行政复议 ─→ 维持 / 纠正 / 其他 / 尚未审结 (printed results), and ─→ 复议后起诉 (its total)
// The template does not say which outcome led to which appeal, so appeals hang off the total.

export function sankeySql(p: { selection?: Selection; source?: 'metrics' | 'cube' } = {}): Query {
  const links: { source: string; target: string; stage: number; column: string }[] = [];
  for (const g of OUTCOME_GROUPS) {
    for (const c of APPLICANT_COLUMNS) links.push({ source: `applicant:${c}`, target: `group:${g.key}`, stage: 1, column: metricColumn('requests', g.derivedItem, c) });
  }
  for (const g of OUTCOME_GROUPS) links.push({ source: `group:${g.key}`, target: 'outcome_total', stage: 2, column: metricColumn('requests', g.derivedItem, 'total') });
  links.push({ source: 'outcome_total', target: 'appeal:review', stage: 3, column: metricColumn('appeals', 'review', 'total') });
  links.push({ source: 'outcome_total', target: 'appeal:suit_direct', stage: 3, column: metricColumn('appeals', 'suit_direct', 'total') });
  for (const r of ['upheld', 'corrected', 'other', 'pending']) {
    links.push({ source: 'appeal:review', target: `review:${r}`, stage: 4, column: metricColumn('appeals', 'review', r) });
  }
  links.push({ source: 'appeal:review', target: 'appeal:suit_after_review', stage: 4, column: metricColumn('appeals', 'suit_after_review', 'total') });
  const agg = aggregatorFor(p.selection, links.map((l) => l.column), { source: p.source });
  // one scan for every link, in definition order
  const inner = oneScanSql({
    table: agg.table, where: agg.where(p.selection), group: [],
    entries: links.map((l, i) => [['ord', String(i)], ['source', str(l.source)], ['target', str(l.target)], ['stage', String(l.stage)], ['value', agg.sum(l.column)], ['n_data', agg.count(l.column)]] as [string, string][]),
  });
  return query(`SELECT * EXCLUDE (ord) FROM (${inner}) ORDER BY ord`, agg.source);
}

export async function runSankey(runner: QueryRunner, p: { selection?: Selection } = {}): Promise<SankeyLinkRow[]> {
  return (await runner.query(sankeySql(p))).map((r) => ({
    source: String(r.source), target: String(r.target), stage: toNum(r.stage) ?? 0, value: toNum(r.value), n_data: toNum(r.n_data) ?? 0,
  }));
}
