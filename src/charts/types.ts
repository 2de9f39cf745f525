// Row shapes the chart builders accept: the query rows of src/model/rows.ts (charts do not import
// data/; both depend on model), so any query row can be passed straight in.
import type { AggregateRow, LongValueRow } from '../model/rows';

export type { MetricInfo, MetricKind } from '../model/rows';

/** Trends and sparklines: an aggregate row (one metric for one group). */
export type ValueRow = AggregateRow;

/** Outcomes, reasons and applicant types: one item for a year or the whole selection. */
export type LongRow = LongValueRow;
