// Row shapes the chart builders accept. They mirror src/data/queries rows structurally (charts do
// not import data/: both only depend on model), so any query row can be passed straight in.

export type MetricKind = 'count' | 'rate' | 'money';

/** What a series shows: the UI passes labels from src/data/metric-catalog. */
export interface MetricInfo {
  id: string;
  label: string;
  kind: MetricKind;
  /** e.g. '件', '万元' */
  unit?: string;
}

export interface ValueRow {
  metric: string;
  agency: string | null;
  year: number | null;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  n_data: number;
  n_reports: number;
}

export interface LongRow {
  key: string;
  group: string | null;
  year: number | null;
  value: number | null;
  n_data: number;
  n_reports: number;
}
