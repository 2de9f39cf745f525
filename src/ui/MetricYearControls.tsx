// The metric and year pickers shared by views that show one metric in one year (compare, regions).
import type { ReactNode } from 'react';
import { METRICS } from '../data/metric-catalog';
import { useApp } from './context';

export function MetricYearControls({ metric, children }: { metric: string; children?: ReactNode }) {
  const { state, s, update, years } = useApp();
  return (
    <div className="controls">
      <label>{s.metric}
        <select value={metric} onChange={(e) => update({ metric: e.currentTarget.value })}>
          {METRICS.map((m) => <option key={m.id} value={m.id}>{m[state.lang]}</option>)}
        </select>
      </label>
      <label>{s.year}
        <select value={state.year ?? ''} onChange={(e) => update({ year: e.currentTarget.value ? Number(e.currentTarget.value) : null })}>
          <option value="">{s.latest}</option>
          {years.map((y) => <option key={y} value={y}>{y}</option>)}
        </select>
      </label>
      {children}
    </div>
  );
}
