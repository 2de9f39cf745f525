// The rows the dashboard's questions answer: declared once here, produced by src/data/queries (whose
// SQL selects exactly these columns) and read by src/charts (which picks the fields it draws). Both
// import from here, so a column added to a query is a type error in the chart that forgot it, not a
// hand-copied interface drifting apart.

export type MetricKind = 'count' | 'rate' | 'money';

/** What a series shows about its metric; the UI fills it from src/data/metric-catalog. */
export interface MetricInfo {
  id: string;
  label: string;
  kind: MetricKind;
  /** e.g. '件', '万元' */
  unit?: string;
}

/** One catalog metric for one group (a year, an agency, both or the whole selection), long form:
 * every row carries its own denominator and coverage. */
export interface AggregateRow {
  metric: string;
  agency: string | null;
  year: number | null;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  /** Reports in the group with data for this metric. */
  n_data: number;
  /** Reports in the group. */
  n_reports: number;
}

/** One item (an outcome group, a reason, an applicant type) for a year or the whole selection. */
export interface LongValueRow {
  key: string;
  group: string | null;
  year: number | null;
  value: number | null;
  n_data: number;
  n_reports: number;
}

/** One link of the request → outcome → appeal flow, as printed (never rescaled). */
export interface SankeyLinkRow {
  source: string;
  target: string;
  /** 1: applicant→group, 2: group→total, 3: total→appeal, 4: review→result/lawsuit. */
  stage: number;
  value: number | null;
  n_data: number;
}

/** Reconsideration or litigation results for a year (or the whole selection). */
export interface AppealsRow {
  item: 'review' | 'suit_direct' | 'suit_after_review';
  year: number | null;
  upheld: number | null;
  corrected: number | null;
  other: number | null;
  pending: number | null;
  total: number | null;
  /** Σcorrected and Σ(total − pending) over reports where corrected, total and pending are all printed. */
  correction_numerator: number | null;
  correction_denominator: number | null;
  correction_rate: number | null;
  n_data: number;
  n_reports: number;
}

/** One agency in a ranking of one metric and year. */
export interface CompareRow {
  agency: string;
  level: string | null;
  region_code: string | null;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  n_data: number;
  rank: number | null;
  n_ranked: number;
  highlighted: boolean;
  /** Below minDenominator: shown but not ranked. */
  small: boolean;
}

/** The peer distribution of a ranking. */
export interface CompareQuantiles {
  n: number;
  p10: number | null;
  p25: number | null;
  p50: number | null;
  p75: number | null;
  p90: number | null;
  /** Levels among the ranked peers: one level = a real peer group. */
  levels?: string[];
}

/** One child region of the drill-down's parent. */
export interface RegionRow {
  /** 2, 4 or 6 digit prefix of the child region */
  code: string;
  name: string | null;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  n_reports: number;
  n_data: number;
  /** distinct agencies reporting in this child region */
  n_agencies: number;
  /** names of the enclosing province and city (for breadcrumbs) */
  province: string | null;
  city: string | null;
}
