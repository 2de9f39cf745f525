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

const ITEM = { review: ['行政复议', 'Reconsideration'], suit_direct: ['直接起诉', 'Lawsuit filed directly'], suit_after_review: ['复议后起诉', 'Lawsuit after reconsideration'] } as const;

export function Appeals() {
  const { state, runner, s } = useApp();
  const lang = state.lang;
  const sel = selectionOf(state);
  const q = useQuery(keyOf('appeals', sel), () => runAppeals(runner, { selection: sel, by: 'year' }));
  // built when the rows or the language change, not on every render: <EChart> redraws on a new option
  const option = useMemo(() => (q.data?.length ? buildAppealsOption(q.data, { lang, animation: state.anim }) : null), [q.data, lang, state.anim]);
  if (!q.data) return <Status q={q} />;
  const L = lang === 'zh' ? 0 : 1;
  const n = (v: number | null) => formatNumber(v, lang);
  const cols: Column<AppealsRow>[] = [
    { key: 'year', label: s.year },
    { key: 'item', label: lang === 'zh' ? '类别' : 'Kind', render: (r) => ITEM[r.item][L] },
    { key: 'upheld', label: lang === 'zh' ? '维持' : 'Upheld', numeric: true, render: (r) => n(r.upheld) },
    { key: 'corrected', label: lang === 'zh' ? '纠正' : 'Corrected', numeric: true, render: (r) => n(r.corrected) },
    { key: 'other', label: lang === 'zh' ? '其他结果' : 'Other', numeric: true, render: (r) => n(r.other) },
    { key: 'pending', label: lang === 'zh' ? '尚未审结' : 'Pending', numeric: true, render: (r) => n(r.pending) },
    { key: 'total', label: lang === 'zh' ? '总计' : 'Total', numeric: true, render: (r) => n(r.total) },
    { key: 'correction_rate', label: s.correctionRate, numeric: true, render: (r) => formatRate(r.correction_rate, r.correction_numerator, r.correction_denominator, lang), muted: (r) => isSmallN(r.correction_denominator) },
  ];
  return (
    <ChartPanel id="appeals" title={s.views.appeals}
      note={lang === 'zh' ? '纠错率 = 纠正 ÷（总计 − 尚未审结），仅计入这三项均有填报的报告；分母少于 10 件时以灰色显示。' : 'Correction rate = corrected ÷ (total − pending), over reports that print all three; greyed when the denominator is under 10.'}
      option={option}
      table={<DataTable caption={s.views.appeals} columns={cols} rows={q.data} />}
      csv={labelledCsv(['item', 'year', 'upheld', 'corrected', 'other', 'pending', 'total', 'correction_numerator', 'correction_denominator', 'correction_rate', 'n_data', 'n_reports'], q.data as unknown as Record<string, unknown>[], lang, { item: (v) => ITEM[v as AppealsRow['item']][L] })} />
  );
}
