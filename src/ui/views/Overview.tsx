// View 1: headline cards for the latest year (received = new + carried over, outcome shares,
// reconsideration and litigation, correction rate with its denominator, year-over-year change) and
// the yearly totals as a chart with a table alternative.
import { latestOverview, OVERVIEW_CARDS as CARDS, runLikeForLike, runOverview, type LikeForLikeRow, type OverviewRow } from '../../data/queries';
import { Coverage } from './Coverage';
import type { Strings } from '../../i18n/strings';
import type { Lang } from '../../model/types';
import { buildTrendsOption } from '../../charts/trends';
import { formatChange, formatFixed, formatNumber } from '../../charts/format';
import { useApp } from '../context';
import { useQuery } from '../useQuery';
import { ChartPanel } from '../ChartPanel';
import { DataTable, type Column } from '../DataTable';
import { isMutedRate, keyOf, metricInfo, selectionOf, valueText } from '../helpers';
import { Status } from '../Status';
import { labelledCsv } from '../../data/key-labels';
import { useMemo } from 'react';

const CHART = ['received', 'new', 'outcome_total', 'review_total'];

/** A like-for-like change as text: counts as a difference (and %), rates in percentage points. */
export function changeText(c: LikeForLikeRow, lang: Lang, s: Strings): string {
  if (c.kind === 'rate') {
    if (c.change_pp === null) return s.noData;
    const v = formatFixed(Math.abs(c.change_pp), lang, 1);
    return `${c.change_pp > 0 ? '+' : c.change_pp < 0 ? '−' : '±'}${v} ${s.honest.pp}`;
  }
  if (c.change === null) return s.noData;
  const d = `${c.change > 0 ? '+' : c.change < 0 ? '−' : '±'}${formatNumber(Math.abs(c.change), lang)}`;
  return c.change_pct === null ? d : `${d} (${formatChange(c.change_pct, lang)})`;
}

function ChangeLine({ c, lang, s }: { c: LikeForLikeRow | undefined; lang: Lang; s: Strings }) {
  if (!c) return null;
  if (c.base_year === null) return <div className="card-sub">{s.honest.noBase}</div>;
  if (c.n_both === 0) return <div className="card-sub" data-testid={`change-${c.metric}`}>{s.honest.noCommon(c.base_year)}</div>;
  const left = [c.only_year.length ? s.honest.onlyYear(c.only_year.length, c.year) : '', c.only_base.length ? s.honest.onlyBase(c.only_base.length, c.base_year) : ''].filter(Boolean).join('，');
  const names = [...c.only_year.map((a) => `${a} (${c.year})`), ...c.only_base.map((a) => `${a} (${c.base_year})`)].join('\n');
  return (
    <>
      <div className="card-sub" data-testid={`change-${c.metric}`}>{s.honest.change(c.n_both, c.base_year)} {changeText(c, lang, s)}{c.small ? <span className="warn"> {s.smallN}</span> : null}</div>
      {left ? <div className="card-sub" title={names} data-testid={`change-left-${c.metric}`}>{s.honest.leftOut}{left}</div> : null}
    </>
  );
}

export function Overview() {
  const { state, runner, s } = useApp();
  const sel = selectionOf(state);
  const q = useQuery(keyOf('overview', sel), () => runOverview(runner, { selection: sel }));
  const latestYear = q.data ? [...latestOverview(q.data).values()][0]?.year ?? null : null;
  // the change compares the same agencies in both years: per-report rows (in the first-view snapshot)
  const ch = useQuery(keyOf('overview-change', sel, latestYear), () => (latestYear === null ? Promise.resolve([] as LikeForLikeRow[])
    : runLikeForLike(runner, { selection: sel, metrics: [...CARDS], year: latestYear })), false);
  // the chart shows CHART's series; built when the rows or the language change, not on every render
  const chartRows = useMemo(() => (q.data ?? []).filter((r) => CHART.includes(r.metric)), [q.data]);
  const option = useMemo(() => (chartRows.length ? buildTrendsOption(chartRows, { lang: state.lang, animation: state.anim, metrics: CHART.map((m) => metricInfo(m, state.lang)) }) : null),
    [chartRows, state.lang, state.anim]);
  if (!q.data) return <Status q={q} />;
  const rows = q.data;
  const latest = latestOverview(rows);
  const lang = state.lang;
  const year = [...latest.values()][0]?.year ?? null;
  const changes = new Map((ch.data ?? []).map((c) => [c.metric, c]));
  // the table shows exactly the chart's series (chartRows)
  const cols: Column<OverviewRow>[] = [
    { key: 'year', label: s.year },
    { key: 'metric', label: s.metric, render: (r) => metricInfo(r.metric, lang).label },
    { key: 'value', label: s.cols.value, numeric: true, render: (r) => valueText(r.metric, r, lang), muted: (r) => isMutedRate(r.metric, r) },
    { key: 'n_data', label: s.cols.reportsWithData, numeric: true },
  ];
  return (
    <>
      <Coverage />
      <section className="cards" aria-label={year === null ? s.views.overview : `${s.views.overview} ${year}`}>
        {CARDS.map((id) => {
          const r = latest.get(id);
          const muted = r ? isMutedRate(id, r) : false;
          return (
            <div className={`card${muted ? ' muted' : ''}`} key={id} data-metric={id}>
              <div className="card-label">{metricInfo(id, lang).label}{year !== null ? ` · ${year}` : ''}</div>
              <div className="card-value" data-testid={`card-${id}`}>{r ? valueText(id, r, lang) : s.noData}</div>
              {r ? <div className="card-sub" data-testid={`card-n-${id}`}>{s.overviewView.withData(r.n_data)}</div> : null}
              <ChangeLine c={changes.get(id)} lang={lang} s={s} />
            </div>
          );
        })}
      </section>
      <ChartPanel
        id="overview"
        title={s.overviewView.requestsChart}
        option={option}
        table={<DataTable caption={s.views.overview} columns={cols} rows={chartRows} />}
        csv={labelledCsv(['year', 'metric', 'value', 'n_data', 'n_reports'], chartRows as unknown as Record<string, unknown>[], lang, { metric: (v) => metricInfo(String(v), lang).label })}
      />
    </>
  );
}
