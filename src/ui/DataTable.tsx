// The table alternative for every chart: the same rows, formatted per locale, blanks as "no data",
// small-denominator rates greyed with their count. Cells may link to their source (view=source).
import type { ReactNode } from 'react';
import { useApp } from './context';

export interface Column<R> {
  key: string;
  label: string;
  /** Displayed text; default: the raw value, blanks as "no data". */
  render?: (row: R) => ReactNode;
  numeric?: boolean;
  /** Greyed (e.g. a rate on < 10 cases). */
  muted?: (row: R) => boolean;
}

export function DataTable<R extends object>({ columns, rows, caption }: { columns: Column<R>[]; rows: R[]; caption: string }) {
  const { s } = useApp();
  if (rows.length === 0) return <p className="empty">{s.noRows}</p>;
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>{columns.map((c) => <th key={c.key} scope="col" className={c.numeric ? 'num' : undefined}>{c.label}</th>)}</tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              {columns.map((c) => {
                const raw = (r as Record<string, unknown>)[c.key];
                const content = c.render ? c.render(r) : raw === null || raw === undefined || raw === '' ? <span className="nodata">{s.noData}</span> : String(raw);
                const cls = [c.numeric ? 'num' : '', c.muted?.(r) ? 'muted' : ''].join(' ').trim() || undefined;
                return <td key={c.key} className={cls}>{content}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
