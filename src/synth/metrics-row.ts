// The `metrics` row of one synthetic report, computed directly from its facts — the same shape
// and rules as src/data/metrics.ts buildMetricsSql() (column order METRIC_COLUMNS, money in 万元,
// blank → null). At national scale (~220M facts) the CLI cannot keep every fact, but the dashboard's
// first view reads only `metrics`; computing it here lets metrics cover every report while facts
// are kept for a sample. test/synth/metrics-row.test.ts proves equality with the SQL builder.
import { METRIC_COLUMNS, METRIC_DIMENSIONS, metricColumn } from '../data/metrics';
import type { TableKey } from '../model';
import type { FactRow, ReportRow } from '../model/dataset';

const INDEX = new Map(METRIC_COLUMNS.map((c, i) => [c.name, i]));

export const METRICS_HEADER: readonly string[] = [...METRIC_DIMENSIONS, ...METRIC_COLUMNS.map((c) => c.name)];

/** Values in METRICS_HEADER order. */
export function metricsRow(report: ReportRow, facts: readonly FactRow[]): (string | number | null)[] {
  const values: (number | null)[] = new Array(METRIC_COLUMNS.length).fill(null);
  for (const f of facts) {
    const i = INDEX.get(metricColumn(f.table as TableKey, f.item, f.column));
    if (i === undefined || f.value === null) continue;
    const v = f.unit === '元' ? f.value / 10000 : f.value;
    // max(), as the SQL does, if a key ever appears twice
    values[i] = values[i] === null ? v : Math.max(values[i]!, v);
  }
  const dims = METRIC_DIMENSIONS.map((d) => report[d as keyof ReportRow] as string | number | null);
  return [...dims, ...values];
}
