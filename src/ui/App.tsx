// The shell: load state, header (language, views), filters, the active view. Views own their data.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { DataLoadError, LoadProgress } from '../data/download';
import type { DatasetSession } from '../data/session';
import { metaSql, runImported, runYears, yearRows, yearsSql, type ImportedSet } from '../data/queries';
import { t } from '../i18n/strings';
import { htmlLang, otherLang } from '../i18n/locale';
import { VIEWS, type View } from '../state/url';
import { Ctx, type AppCtx } from './context';
import type { QueryRunner } from '../data/query-runner';
import type { Selection } from '../data/filters';
import { useDetailStatus } from './useDetailStatus';
import { useUrlState } from './useUrlState';
import { siteTitle } from './site-meta';
import { Loader, LoadError } from './Loader';
import { Filters } from './Filters';
import { Overview } from './views/Overview';
import { Trends } from './views/Trends';
import { Compare } from './views/Compare';
import { Regions } from './views/Regions';
import { Outcomes } from './views/Outcomes';
import { Appeals } from './views/Appeals';
import { Quality } from './views/Quality';
import { Source } from './views/Source';
import { ImportMount } from './views/ImportMount';
import { Sql } from './views/Sql';
import { Change } from './views/Change';
import { Glossary } from './views/Glossary';
import { Profile } from './views/Profile';
import { snapshotAnswer, snapshotRunner } from '../state/snapshot';
import type { Snapshot } from '../state/snapshot-file';

export interface Boot {
  /** The data session: settles once DuckDB and the index are up, whoever started them. */
  ready: Promise<DatasetSession>;
  /** Ask for DuckDB and the download (idempotent); returns `ready`. The app asks only when the
   * snapshot cannot answer (src/main.tsx decides when else to start, e.g. after the first chart). */
  start(): Promise<DatasetSession>;
  /** The first views' results from the data build (null: none), there before the UI mounts, so the
   * first render already draws the default view; answers those queries until DuckDB is ready. */
  snapshot?: Snapshot | null;
  onProgress(cb: (p: LoadProgress) => void): void;
}

const VIEW_COMPONENT: Record<View, () => React.ReactNode> = {
  overview: Overview, trends: Trends, compare: Compare, regions: Regions, outcomes: Outcomes, appeals: Appeals, quality: Quality, source: Source, import: ImportMount, sql: Sql, change: Change, glossary: Glossary, profile: Profile,
};

interface Loaded { data: DatasetSession; years: number[] | null; synthetic: boolean }

const NONE_IMPORTED: ImportedSet = { reports: new Set(), agencies: new Set() };

export function App({ boot }: { boot: Boot }) {
  const [state, update] = useUrlState();
  const [progress, setProgress] = useState<LoadProgress | null>(null);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<{ code: string; message: string; step?: string } | null>(null);
  const strings = t(state.lang);
  // a portal's own title (nianbao site --title) replaces the project's in both languages
  const s = useMemo(() => { const title = siteTitle(); return title ? { ...strings, title } : strings; }, [strings]);

  const [imported, setImported] = useState<ImportedSet>(NONE_IMPORTED);
  const refresh = useCallback(() => {
    if (!loaded) return;
    void runYears(loaded.data.runner).then((ys) => setLoaded((l) => (l ? { ...l, years: ys.map((y) => y.year).filter((y) => y !== null).sort((a, b) => a - b) } : l)));
    void runImported(loaded.data.runner).then(setImported);
  }, [loaded]);

  // the session's arrival is handled once, whoever starts it (src/main.tsx, a snapshot miss, or mount)
  useEffect(() => {
    let on = true;
    boot.ready.then(async (data) => {
      if (!on) return;
      // The view renders at once; the year list (filters, compare's default year) and meta (the
      // SYNTHETIC banner) follow — they are not on the first chart's path (bench/first-chart.ts).
      setLoaded({ data, years: null, synthetic: false });
      performance.mark('nb:first-query-start');
      const years = (await runYears(data.runner)).map((y) => y.year).filter((y) => y !== null).sort((a, b) => a - b);
      performance.mark('nb:first-query-end');
      const meta = await data.runner.query<{ key: string; value: unknown }>(metaSql());
      const synthetic = meta.some((m) => m.key === 'dataset' && /synthetic/i.test(String(m.value)));
      setLoaded({ data, years, synthetic });
      // A small dataset's detail is fetched right after the first view, so later views never wait.
      data.prefetchDetail();
    }).catch((e: DataLoadError | Error) => { if (on) setError({ code: 'code' in e ? e.code : 'query', message: e.message, step: 'step' in e ? e.step : undefined }); });
    return () => { on = false; };
  }, [boot]);
  const start = useCallback(() => boot.start(), [boot]);
  useEffect(() => { boot.onProgress(setProgress); }, [boot]);

  useEffect(() => { document.documentElement.lang = htmlLang(state.lang); document.title = s.title; }, [state.lang, s.title]);

  // Per-report queries wait for the detail parts of the current region (src/data/session.ts);
  // region/year figures come from the cube in the index file and never wait. Beyond
  // LARGE_DETAIL_BYTES a view asks before downloading (national views at 150k agencies).
  const [allDetail, setAllDetail] = useState(false);
  const loadAllDetail = useCallback(() => setAllDetail(true), []);
  const data = loaded?.data ?? null;
  const runnerFor = useMemo(() => (data ? (sel: Selection) => data.runnerFor(sel, { all: allDetail }) : null), [data, allDetail]);
  const runner = useMemo(() => runnerFor?.({ region: state.region || undefined }) ?? null, [runnerFor, state.region]);
  const detail = useDetailStatus(data);
  const liveCtx = useMemo<AppCtx | null>(() => (loaded && runner && runnerFor ? { state, update, s, runner, runnerFor, loadAllDetail, allDetail, years: loaded.years ?? [], yearsReady: loaded.years !== null, refresh, imported } : null), [loaded, runner, runnerFor, loadAllDetail, allDetail, state, update, s, refresh, imported]);
  // Before DuckDB is ready: a context whose runner answers the snapshot's queries (the default
  // views) at once and waits for DuckDB for anything else; the view keeps its rows when DuckDB
  // takes over (same query keys, no re-query, no flash).
  // Built in the first render (no effect, no second pass): the shell, the filters and the view
  // appear together. Without a snapshot, or one without the year list, only DuckDB answers.
  const [early] = useState<{ live: (sel: Selection) => QueryRunner; years: number[] } | null>(() => {
    const snap = boot.snapshot;
    const rows = snap ? snapshotAnswer(snap, yearsSql()) : undefined;
    if (!snap || !rows) return null;
    const live = (sel: Selection) => snapshotRunner(snap, () => boot.start().then((d) => d.runnerFor(sel)));
    return { live, years: yearRows(rows).map((y) => y.year).filter((y) => y !== null).sort((a, b) => a - b) };
  });
  useEffect(() => { if (!early) void start(); }, [early, start]);
  const earlyCtx = useMemo<AppCtx | null>(() => (early && !loaded ? {
    state, update, s, runner: early.live({ region: state.region || undefined }), runnerFor: early.live, loadAllDetail, allDetail,
    years: early.years, yearsReady: true, refresh: () => {}, imported: NONE_IMPORTED,
  } : null), [early, loaded, state, update, s, loadAllDetail, allDetail]);

  // DuckDB's own year list follows the first render: until then the snapshot's (the same) stays
  const ctx = useMemo(() => (liveCtx ? (liveCtx.yearsReady || !early ? liveCtx : { ...liveCtx, years: early.years, yearsReady: true }) : error ? null : earlyCtx), [liveCtx, early, error, earlyCtx]);
  // lifting the detail limit remounts the view, so its queries run again
  const viewKey = allDetail ? 'all-detail' : 'scoped';
  const ViewC = VIEW_COMPONENT[state.view];

  if (state.embed && !ctx) return <main className="embed">{error ? <LoadError code={error.code} message={error.message} s={s} /> : <Loader progress={progress} s={s} />}</main>;
  if (state.embed && ctx) {
    // the chart panels draw title, filters and the link back themselves (ChartPanel); CSS hides the rest
    return <Ctx.Provider value={ctx}><main className="embed" data-view={state.view} key={viewKey}><ViewC /></main></Ctx.Provider>;
  }
  return (
    <div className="app">
      <header className="top">
        <div>
          <h1>{s.title}</h1>
          <p className="subtitle">{s.subtitle}</p>
        </div>
        <button type="button" className="lang" aria-label={s.langLabel} onClick={() => update({ lang: otherLang(state.lang) })}>{s.lang}</button>
      </header>
      {loaded?.synthetic ? <p className="synthetic" role="note" data-testid="synthetic">{s.synthetic}</p> : null}
      {detail ? <p className="detail-status" role="status" data-testid="detail-status">{s.detailLoading(detail.parts, detail.bytes)}</p> : null}
      <nav aria-label={s.viewsNav}>
        <ul className="tabs">
          {VIEWS.map((v) => (
            <li key={v}><button type="button" aria-current={state.view === v ? 'page' : undefined} onClick={() => update({ view: v })}>{s.views[v]}</button></li>
          ))}
        </ul>
      </nav>
      {error ? <LoadError code={error.code} message={error.message} step={error.step} s={s} /> : !ctx ? <Loader progress={progress} s={s} /> : (
        <Ctx.Provider value={ctx}>
          {state.view !== 'import' && state.view !== 'sql' && state.view !== 'glossary' ? <Filters /> : null}
          <main id="view" data-view={state.view} key={viewKey}><ViewC /></main>
        </Ctx.Provider>
      )}
    </div>
  );
}
