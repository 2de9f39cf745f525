// View 5: reconsideration and litigation — upheld / corrected / other / pending per year, and the
// correction rate with its denominator (decided cases = total − pending, where all are printed).
import { runAppeals, type AppealsRow } from '../../data/queries';
import { buildAppealsOption } from '../../charts/appeals';
import { formatNumber, formatRate, isSmallN } from '../../charts/format';
import { useApp } from '../context';
import { useQuery } from '../useQuery';
import { ChartPanel } from '../ChartPanel';
import { DataTable, type Column } from '../DataTable';
import { keyOf, selectionOf } from '../helpers';
import { Status } from '../Status';
import { labelledCsv } from '../../data/key-labels';
import { useMemo } from 'react';

export function Appeals() {
  const { state, runner, s } = useApp();
  const lang = state.lang;
  const sel = selectionOf(state);
  const q = useQuery(keyOf('appeals', sel), () => runAppeals(runner, { selection: sel, by: 'year' }));
  // built when the rows or the language change, not on every render: <EChart> redraws on a new option
  const option = useMemo(() => (q.data?.length ? buildAppealsOption(q.data, { lang, animation: state.anim }) : null), [q.data, lang, state.anim]);
  if (!q.data) return <Status q={q} />;
  const n = (v: number | null) => formatNumber(v, lang);
  const cols: Column<AppealsRow>[] = [
    { key: 'year', label: s.year },
    { key: 'item', label: s.cols.kind, render: (r) => s.appealItems[r.item] },
    { key: 'upheld', label: s.cols.upheld, numeric: true, render: (r) => n(r.upheld) },
    { key: 'corrected', label: s.cols.corrected, numeric: true, render: (r) => n(r.corrected) },
    { key: 'other', label: s.cols.otherResult, numeric: true, render: (r) => n(r.other) },
    { key: 'pending', label: s.cols.pending, numeric: true, render: (r) => n(r.pending) },
    { key: 'total', label: s.cols.total, numeric: true, render: (r) => n(r.total) },
    { key: 'correction_rate', label: s.correctionRate, numeric: true, render: (r) => formatRate(r.correction_rate, r.correction_numerator, r.correction_denominator, lang), muted: (r) => isSmallN(r.correction_denominator) },
  ];
  return (
    <ChartPanel id="appeals" title={s.views.appeals}
      note={s.appealsNote}
      option={option}
      table={<DataTable caption={s.views.appeals} columns={cols} rows={q.data} />}
      csv={labelledCsv(['item', 'year', 'upheld', 'corrected', 'other', 'pending', 'total', 'correction_numerator', 'correction_denominator', 'correction_rate', 'n_data', 'n_reports'], q.data as unknown as Record<string, unknown>[], lang, { item: (v) => s.appealItems[v as AppealsRow['item']] })} />
  );
}
