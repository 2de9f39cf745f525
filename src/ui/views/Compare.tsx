// View 3: rank bar of agencies for one metric and year, with the peer median and the p10–p90 /
// p25–p75 bands; selected agencies highlighted. Failing reports can be excluded (Filters switch).
import { runCompare, type CompareRow } from '../../data/queries';
import { buildCompareOption } from '../../charts/compare';
import { MetricYearControls } from '../MetricYearControls';
import { formatNumber } from '../../charts/format';
import { useApp } from '../context';
import { useQuery } from '../useQuery';
import { ChartPanel } from '../ChartPanel';
import { DataTable, type Column } from '../DataTable';
import { AgencyName, denominatorNote, isMutedRate, keyOf, knownMetric, metricInfo, selectionOf, valueText } from '../helpers';
import { Status } from '../Status';
import { openSource, SourceLink } from '../SourceLink';

export function Compare() {
  const app = useApp();
  const { state, runner, s, years, yearsReady } = app;
  const lang = state.lang;
  const metric = knownMetric(state.metric) ? state.metric : 'received';
  const year = state.year ?? years[years.length - 1] ?? new Date().getFullYear() - 1;
  const sel = selectionOf(state);
  // Without a year in the URL the latest one is ranked: wait for the year list rather than query a guess.
  const waiting = state.year === null && !yearsReady;
  const q = useQuery(keyOf('compare', sel, metric, year, waiting), () => (waiting ? new Promise<never>(() => {}) : runCompare(runner, { selection: sel, metric, year, limit: 40 })));
  const cols: Column<CompareRow>[] = [
    { key: 'rank', label: lang === 'zh' ? '排名' : 'Rank', numeric: true },
    { key: 'agency', label: lang === 'zh' ? '机关' : 'Agency', render: (r) => (r.highlighted ? <strong><AgencyName name={r.agency} /></strong> : <AgencyName name={r.agency} />) },
    { key: 'value', label: metricInfo(metric, lang).label, numeric: true, render: (r) => valueText(metric, r, lang), muted: (r) => isMutedRate(metric, r) },
    { key: 'level', label: s.level },
    { key: 'source', label: s.views.source, render: (r) => <SourceLink agency={r.agency} year={year} metric={metric} /> },
  ];
  return (
    <>
      <MetricYearControls metric={metric} />
      {q.data ? (
        <ChartPanel
          id="compare"
          title={`${s.views.compare} · ${metricInfo(metric, lang).label} · ${year}`}
          note={<>
            {lang === 'zh' ? `同级比较 ${q.data.quantiles.n} 个机关；中位数 ${formatNumber(q.data.quantiles.p50, lang)}。` : `${q.data.quantiles.n} peers; median ${formatNumber(q.data.quantiles.p50, lang)}.`}
            {denominatorNote(metric, lang) ? ` ${denominatorNote(metric, lang)}` : ''}
          </>}
          option={q.data.rows.length ? buildCompareOption(q.data.rows, q.data.quantiles, { lang, animation: state.anim, metric: metricInfo(metric, lang) }) : null}
          height={Math.max(300, 28 * q.data.rows.length + 80)}
          onPointClick={(p) => { if (q.data?.rows.some((r) => r.agency === p.name)) void openSource(app, p.name, year, metric); }}
          table={<DataTable caption={s.views.compare} columns={cols} rows={q.data.rows} />}
          csv={{ fields: ['rank', 'agency', 'level', 'region_code', 'value', 'numerator', 'denominator', 'n_data', 'highlighted'], rows: q.data.rows as unknown as Record<string, unknown>[] }}
        />
      ) : <Status q={q} />}
    </>
  );
}
