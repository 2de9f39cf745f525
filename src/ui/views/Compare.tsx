// View 3: rank bar of agencies for one metric and year, with the peer median and the p10–p90 /
// p25–p75 bands; selected agencies highlighted. Failing reports can be excluded (Filters switch).
import { runCompare, runTrends, MIN_BAND_PEERS, type CompareQuantiles, type CompareRow } from '../../data/queries';
import type { Strings } from '../../i18n/strings';
import { buildCompareOption } from '../../charts/compare';
import { MetricYearControls } from '../MetricYearControls';
import { formatNumber } from '../../charts/format';
import { useApp } from '../context';
import { useQuery } from '../useQuery';
import { ChartPanel } from '../ChartPanel';
import { DataTable, type Column } from '../DataTable';
import { AgencyName, denominatorNote, isMutedRate, keyOf, knownMetric, metricInfo, selectionOf, valueText } from '../helpers';
import { Status } from '../Status';
import { labelledCsv, rateFieldsOnly } from '../../data/key-labels';
import { openSource, SourceLink } from '../SourceLink';
import { useMemo } from 'react';

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
  // built when the rows, metric or language change, not on every render (<EChart> redraws on a new option)
  const option = useMemo(() => (q.data?.rows.some((r) => r.value !== null)
    ? buildCompareOption(q.data.rows, q.data.quantiles, { lang, animation: state.anim, metric: metricInfo(metric, lang) })
    : null), [q.data, lang, state.anim, metric]);
  const cols: Column<CompareRow>[] = [
    { key: 'rank', label: s.cols.rank, numeric: true },
    { key: 'agency', label: s.cols.agency, render: (r) => (r.highlighted ? <strong><AgencyName name={r.agency} /></strong> : <AgencyName name={r.agency} />) },
    { key: 'value', label: metricInfo(metric, lang).label, numeric: true, render: (r) => valueText(metric, r, lang), muted: (r) => isMutedRate(metric, r) },
    { key: 'level', label: s.level, render: (r) => s.honest.levelNames[r.level ?? 'unknown'] ?? r.level ?? '' },
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
            <span data-testid="peer-note">{peerNote(q.data.quantiles, s)}</span>
            {q.data.quantiles.n > 0 ? ` ${s.honest.median} ${formatNumber(q.data.quantiles.p50, lang)}.` : ''}
            {denominatorNote(metric, lang) ? ` ${denominatorNote(metric, lang)}` : ''}
          </>}
          option={option}
          height={Math.max(300, 28 * q.data.rows.length + 80)}
          onPointClick={(p) => { if (q.data?.rows.some((r) => r.agency === p.name)) void openSource(app, p.name, year, metric); }}
          table={<DataTable caption={s.views.compare} columns={cols} rows={q.data.rows} />}
          csv={labelledCsv(['rank', 'agency', 'level', 'region_code', 'value', 'numerator', 'denominator', 'n_data', 'highlighted'], rateFieldsOnly(q.data.rows, () => metricInfo(metric, lang).kind === 'rate'), lang)}
        />
      ) : <Status q={q} />}
      {q.data && !q.data.rows.some((r) => r.value !== null) ? <NearestData metric={metric} year={year} /> : null}
    </>
  );
}

/** Who is compared, in words: one level (a real peer group) or a mix, and why no bands below 10. */
function peerNote(q: CompareQuantiles, s: Strings): string {
  if (q.n === 0) return '';
  const names = (q.levels ?? []).map((l) => s.honest.levelNames[l] ?? l);
  const who = names.length <= 1 ? s.honest.peersOne(q.n, names[0] ?? '') : s.honest.peersMixed(q.n, names.join('、'));
  return q.n < MIN_BAND_PEERS ? `${who} ${s.honest.noBands(q.n)}` : who;
}

/** An empty chart says what is missing and offers the nearest data: the years that have it, or the pre-2019 series. */
function NearestData({ metric, year }: { metric: string; year: number }) {
  const { state, runner, s, update } = useApp();
  const agency = state.agencies[0] ?? null;
  const legacy = metric === 'received' || metric === 'new' ? 'legacy_new' : null;
  const q = useQuery(keyOf('compare-nearest', agency, metric), () => (agency
    ? runTrends(runner, { selection: { agencies: [agency] }, metrics: legacy ? [metric, legacy] : [metric], mode: 'agency' })
    : Promise.resolve([])), false);
  if (!agency) return <p className="empty-note" data-testid="empty-note">{s.honest.emptyNone}</p>;
  const withData = (m: string) => [...new Set((q.data ?? []).filter((r) => r.metric === m && r.value !== null).map((r) => r.year as number))].sort((a, b) => a - b);
  const years = withData(metric);
  const old = legacy ? withData(legacy) : [];
  return (
    <div className="empty-note" data-testid="empty-note">
      <p>{s.honest.emptyAgency(agency, years.length ? years.join('、') : '—')}</p>
      {years.filter((y) => y !== year).slice(-5).map((y) => <button key={y} type="button" onClick={() => update({ year: y })}>{s.honest.pickYear} {y}</button>)}
      {legacy && old.length ? (
        <p>{s.honest.legacyNote}{' '}
          <button type="button" onClick={() => update({ view: 'trends', metrics: [legacy] })}>{metricInfo(legacy, state.lang).label} ({old[0]}–{old[old.length - 1]})</button>
        </p>
      ) : null}
    </div>
  );
}
