// View 1: headline cards for the latest year (received = new + carried over, outcome shares,
// reconsideration and litigation, correction rate with its denominator, year-over-year change) and
// the yearly totals as a chart with a table alternative.
import { latestOverview, runOverview, type OverviewRow } from '../../data/queries';
import { buildTrendsOption } from '../../charts/trends';
import { formatChange } from '../../charts/format';
import { useApp } from '../context';
import { useQuery } from '../useQuery';
import { ChartPanel } from '../ChartPanel';
import { DataTable, type Column } from '../DataTable';
import { isMutedRate, keyOf, metricInfo, selectionOf, valueText } from '../helpers';
import { Status } from '../Status';

const CARDS = ['received', 'new', 'carried_over', 'outcome_total', 'granted_rate', 'denied_rate', 'review_total', 'correction_rate', 'suit_direct_total', 'suit_after_review_total'];
const CHART = ['received', 'new', 'outcome_total', 'review_total'];

export function Overview() {
  const { state, runner, s } = useApp();
  const sel = selectionOf(state);
  const q = useQuery(keyOf('overview', sel), () => runOverview(runner, { selection: sel }));
  if (!q.data) return <Status q={q} />;
  const rows = q.data;
  const latest = latestOverview(rows);
  const lang = state.lang;
  const year = [...latest.values()][0]?.year ?? null;
  const chartRows = rows.filter((r) => CHART.includes(r.metric));
  const cols: Column<OverviewRow>[] = [
    { key: 'year', label: s.year },
    { key: 'metric', label: s.metric, render: (r) => metricInfo(r.metric, lang).label },
    { key: 'value', label: lang === 'zh' ? '数值' : 'Value', numeric: true, render: (r) => valueText(r.metric, r, lang), muted: (r) => isMutedRate(r.metric, r) },
    { key: 'yoy', label: s.yoy, numeric: true, render: (r) => (r.prev_year === null ? '—' : `${formatChange(r.yoy, lang)} (${r.prev_year})`) },
    { key: 'n_data', label: lang === 'zh' ? '有数据的报告' : 'Reports with data', numeric: true },
  ];
  return (
    <>
      <section className="cards" aria-label={year === null ? s.views.overview : `${s.views.overview} ${year}`}>
        {CARDS.map((id) => {
          const r = latest.get(id);
          const muted = r ? isMutedRate(id, r) : false;
          // A total over all agencies changes when the set of reports changes: say how many
          // reports each year has, and warn when the year-over-year compares different sets.
          const prevN = r && r.prev_year !== null ? rows.find((x) => x.metric === id && x.year === r.prev_year)?.n_data ?? null : null;
          const sets = r && prevN !== null && prevN !== r.n_data
            ? (lang === 'zh' ? `⚠ 报告数不同：${r.n_data} 对 ${prevN}` : `⚠ different report sets: ${r.n_data} vs ${prevN}`)
            : null;
          return (
            <div className={`card${muted ? ' muted' : ''}`} key={id} data-metric={id}>
              <div className="card-label">{metricInfo(id, lang).label}{year !== null ? ` · ${year}` : ''}</div>
              <div className="card-value" data-testid={`card-${id}`}>{r ? valueText(id, r, lang) : s.noData}</div>
              {r && r.prev_year !== null ? <div className="card-sub">{s.yoy} {formatChange(r.yoy, lang)} ({s.prevYear} {r.prev_year})</div> : null}
              {r ? <div className="card-sub" data-testid={`card-n-${id}`}>{lang === 'zh' ? `${r.n_data} 份报告有数据` : `${r.n_data} reports with data`}{sets ? <> · <span className="warn">{sets}</span></> : null}</div> : null}
            </div>
          );
        })}
      </section>
      <ChartPanel
        id="overview"
        title={lang === 'zh' ? '申请与复议：各年合计' : 'Requests and reconsiderations by year'}
        option={chartRows.length ? buildTrendsOption(chartRows, { lang, animation: state.anim, metrics: CHART.map((m) => metricInfo(m, lang)) }) : null}
        table={<DataTable caption={s.views.overview} columns={cols} rows={rows} />}
        csv={{ fields: ['year', 'metric', 'value', 'numerator', 'denominator', 'prev_year', 'prev_value', 'yoy', 'n_data', 'n_reports'], rows: rows as unknown as Record<string, unknown>[] }}
      />
    </>
  );
}
