// The region view: one metric in one year over the regions one level below the current
// region filter (全国 → provinces → cities → counties). Clicking a tile or a breadcrumb drills by
// setting the URL's region prefix, so the drill state is shareable and every other view follows it.
import { runRegions, type RegionRow } from '../../data/queries';
import { buildRegionsOption } from '../../charts/regions';
import { MetricYearControls } from '../MetricYearControls';
import { useApp } from '../context';
import { useQuery } from '../useQuery';
import { ChartPanel } from '../ChartPanel';
import { DataTable, type Column } from '../DataTable';
import { denominatorNote, isMutedRate, keyOf, knownMetric, metricInfo, selectionOf, valueText } from '../helpers';
import { Status } from '../Status';
import { labelledCsv, rateFieldsOnly } from '../../data/key-labels';
import { useMemo } from 'react';

/** The parent whose children are shown: '' (all provinces), a province (2) or a city (4 digits). */
export function regionParent(region: string): string {
  return region.length >= 4 ? region.slice(0, 4) : region.length >= 2 ? region.slice(0, 2) : '';
}

export function Regions() {
  const { state, runner, s, update, years, yearsReady } = useApp();
  const lang = state.lang;
  const metric = knownMetric(state.metric) ? state.metric : 'received';
  const year = state.year ?? years[years.length - 1] ?? new Date().getFullYear() - 1;
  const parent = regionParent(state.region);
  const sel = selectionOf(state);
  const waiting = state.year === null && !yearsReady;
  const q = useQuery(keyOf('regions', sel, metric, year, parent, waiting), () =>
    (waiting ? new Promise<never>(() => {}) : runRegions(runner, { selection: sel, metric, year, parent })));
  // built when the rows, metric or language change, not on every render (<EChart> redraws on a new option)
  const option = useMemo(() => (q.data?.rows.length ? buildRegionsOption(q.data.rows, metricInfo(metric, lang), { lang, animation: state.anim }) : null),
    [q.data, lang, state.anim, metric]);
  // Breadcrumb names come from the rows' own parent levels: a 4-digit parent's name is its city.
  const crumbs: { code: string; label: string }[] = [{ code: '', label: s.regionsView.all }];
  const first = q.data?.rows[0];
  if (parent.length >= 2) crumbs.push({ code: parent.slice(0, 2), label: first?.province ?? parent.slice(0, 2) });
  if (parent.length >= 4) crumbs.push({ code: parent, label: first?.city ?? parent });
  const drill = (code: string) => { if (code.length <= 4) update({ region: code }); };
  const cols: Column<RegionRow>[] = [
    { key: 'code', label: s.cols.regionCode, render: (r) => (r.code.length < 6
      ? <button type="button" className="linklike" onClick={() => drill(r.code)}>{r.code}</button> : r.code) },
    { key: 'name', label: s.cols.region },
    { key: 'value', label: metricInfo(metric, lang).label, numeric: true, render: (r) => valueText(metric, r, lang), muted: (r) => isMutedRate(metric, r) },
    { key: 'n_reports', label: s.cols.nReports, numeric: true },
    { key: 'n_data', label: s.cols.withData, numeric: true },
  ];
  const unplaced = q.data?.unplaced ?? 0;
  return (
    <>
      <MetricYearControls metric={metric}>
        <nav aria-label={s.regionsView.levels} className="crumbs">
          {crumbs.map((c, i) => (
            <button key={c.code || 'all'} type="button" aria-current={i === crumbs.length - 1 ? 'location' : undefined} onClick={() => update({ region: c.code })}>{c.label}</button>
          ))}
        </nav>
      </MetricYearControls>
      {q.data ? (
        <ChartPanel
          id="regions"
          title={`${s.views.regions} · ${metricInfo(metric, lang).label} · ${year}`}
          note={<>
            {s.regionsView.drill}
            {unplaced ? s.regionsView.unplaced(unplaced) : ''}
            {denominatorNote(metric, lang) ? ` ${denominatorNote(metric, lang)}` : ''}
          </>}
          option={option}
          height={420}
          onPointClick={(p) => { const r = q.data?.rows.find((x) => (x.name ?? x.code) === p.name); if (r) drill(r.code); }}
          table={<DataTable caption={s.views.regions} columns={cols} rows={q.data.rows} />}
          csv={labelledCsv(['code', 'name', 'value', 'numerator', 'denominator', 'n_reports', 'n_data'], rateFieldsOnly(q.data.rows, () => metricInfo(metric, lang).kind === 'rate'), lang)}
        />
      ) : <Status q={q} />}
    </>
  );
}
