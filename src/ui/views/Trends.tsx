// View 2: metrics × agencies by year, absolute (counts, money) or rates (each rate carries its own
// denominator), with the 2019 and 2021 template changes marked on the axis by the builder. The
// absolute/rate switch is the URL's `mode` (percent = rates), shared with the outcomes view.
import { runLikeForLike, runTrends, type LikeForLikeRow, type TrendRow } from '../../data/queries';
import type { Strings } from '../../i18n/strings';
import type { Lang } from '../../model/types';
import { changeText } from './Overview';
import { buildTrendsOption } from '../../charts/trends';
import { METRICS } from '../../data/metric-catalog';
import { useApp } from '../context';
import { useQuery } from '../useQuery';
import { ChartPanel } from '../ChartPanel';
import { DataTable, type Column } from '../DataTable';
import { AgencyName, denominatorNote, isMutedRate, keyOf, knownMetric, metricInfo, selectionOf, valueText } from '../helpers';
import { Status } from '../Status';
import { labelledCsv, rateFieldsOnly } from '../../data/key-labels';
import { SourceLink } from '../SourceLink';
import { useMemo } from 'react';

export function Trends() {
  const { state, runner, s, update } = useApp();
  const lang = state.lang;
  const rates = state.mode === 'percent';
  const offered = METRICS.filter((m) => (m.kind === 'rate') === rates);
  const picked = state.metrics.filter((id) => knownMetric(id) && offered.some((m) => m.id === id));
  const metrics = picked.length ? picked : [rates ? 'granted_rate' : 'received'];
  const sel = selectionOf(state);
  const mode = state.agencies.length ? 'agency' : 'aggregate';
  const q = useQuery(keyOf('trends', sel, metrics, mode), () => runTrends(runner, { selection: sel, metrics, mode }));
  // built when the rows or the language change (not on every render: <EChart> redraws on a new
  // option); the series' labels come from the rows' own metrics, so a metric picked while its query
  // runs does not redraw the old rows
  const option = useMemo(() => (q.data?.length
    ? buildTrendsOption(q.data, { lang, animation: state.anim, metrics: [...new Set(q.data.map((r) => r.metric))].map((m) => metricInfo(m, lang)) })
    : null), [q.data, lang, state.anim]);
  const cols: Column<TrendRow>[] = [
    { key: 'year', label: s.year },
    ...(mode === 'agency' ? [{ key: 'agency', label: s.cols.agency, render: (r: TrendRow) => <AgencyName name={r.agency} /> }] : []),
    { key: 'metric', label: s.metric, render: (r: TrendRow) => metricInfo(r.metric, lang).label },
    { key: 'value', label: s.cols.value, numeric: true, render: (r: TrendRow) => valueText(r.metric, r, lang), muted: (r: TrendRow) => isMutedRate(r.metric, r) },
    { key: 'n_data', label: s.cols.reportsWithData, numeric: true },
    ...(mode === 'agency' ? [{ key: 'source', label: s.views.source, render: (r: TrendRow) => <SourceLink agency={r.agency} year={r.year} metric={r.metric} /> }] : []),
  ];
  // the first and last year with data in the selection: the change between them, like for like
  const years = (q.data ?? []).flatMap((r) => (r.n_data > 0 && r.year !== null ? [r.year] : []));
  const span = years.length ? { from: Math.min(...years), to: Math.max(...years) } : null;
  const ch = useQuery(keyOf('trends-change', sel, metrics, span?.from ?? null, span?.to ?? null), () => (span === null || span.from === span.to ? Promise.resolve([] as LikeForLikeRow[])
    : runLikeForLike(runner, { selection: sel, metrics, year: span.to, baseYear: span.from })), false);
  const notes = metrics.map((m) => denominatorNote(m, lang)).filter(Boolean).join('；');
  return (
    <>
      <div className="controls">
        <div role="group" aria-label={s.mode} className="segmented">
          <button type="button" aria-pressed={!rates} onClick={() => update({ mode: 'absolute', metrics: ['received'] })}>{s.absolute}</button>
          <button type="button" aria-pressed={rates} onClick={() => update({ mode: 'percent', metrics: ['granted_rate'] })}>{s.rates}</button>
        </div>
        <label>{s.metrics}
          <select multiple size={6} value={metrics} onChange={(e) => update({ metrics: [...e.currentTarget.selectedOptions].map((o) => o.value) })}>
            {offered.map((m) => <option key={m.id} value={m.id}>{m[lang]}{m.kind === 'rate' ? ' (%)' : ''}</option>)}
          </select>
        </label>
      </div>
      {q.data ? (
        <ChartPanel
          id="trends"
          title={s.views.trends}
          note={notes || undefined}
          option={option}
          table={<DataTable caption={s.views.trends} columns={cols} rows={q.data} />}
          csv={labelledCsv(['metric', ...(mode === 'agency' ? ['agency'] : []), 'year', 'value', 'numerator', 'denominator', 'n_data', 'n_reports'], rateFieldsOnly(q.data, (r) => metricInfo(r.metric, lang).kind === 'rate'), lang, { metric: (v) => metricInfo(String(v), lang).label })}
        />
      ) : <Status q={q} />}
      {q.data && ch.data?.length ? <SpanChange rows={ch.data} lang={lang} s={s} /> : null}
    </>
  );
}

/** Under the chart: each metric's change from the first to the last year, on the agencies with data
 * in both (counted, the others named in the tooltip), rates in percentage points. */
function SpanChange({ rows, lang, s }: { rows: LikeForLikeRow[]; lang: Lang; s: Strings }) {
  return (
    <div className="note" data-testid="trends-change">
      {rows.map((c) => {
        const label = metricInfo(c.metric, lang).label;
        if (c.base_year === null) return null;
        if (c.n_both === 0) return <p key={c.metric} data-metric={c.metric}>{label}：{s.honest.noCommon(c.base_year)}</p>;
        const left = [c.only_year.length ? s.honest.onlyYear(c.only_year.length, c.year) : '', c.only_base.length ? s.honest.onlyBase(c.only_base.length, c.base_year) : ''].filter(Boolean).join(s.punct.comma);
        const names = [...c.only_year.map((a) => `${a} (${c.year})`), ...c.only_base.map((a) => `${a} (${c.base_year})`)].join('\n');
        return (
          <p key={c.metric} data-metric={c.metric}>
            {label}{s.punct.colon}{s.honest.span(c.n_both, c.base_year, c.year)} {changeText(c, lang, s)}
            {left ? <span title={names}>{s.punct.clause}{s.honest.leftOut}{left}</span> : null}
          </p>
        );
      })}
    </div>
  );
}
