// The views' chunks: each view is a chunk of its own, so the UI chunk carries none of them, and
// only the view the URL opens is fetched before the first chart — asked for as soon as this module
// runs (src/main.tsx imports it beside the UI chunk, before ECharts is run), in parallel with the
// snapshot; App fetches the rest once DuckDB is up.
import { useEffect, useState, type ComponentType } from 'react';
import { decode, type View } from '../state/url';

// Not React.lazy + Suspense: a Suspense fallback, once shown, stays ≥ 300 ms (React 19's reveal
// throttle), which put ~300 ms on the warm first chart (measured); App shows its loader until the
// chunk is in, as it does until the snapshot is.
const VIEW_LOAD: Record<View, () => Promise<ComponentType>> = {
  overview: () => import('./views/Overview').then((m) => m.Overview),
  trends: () => import('./views/Trends').then((m) => m.Trends),
  compare: () => import('./views/Compare').then((m) => m.Compare),
  regions: () => import('./views/Regions').then((m) => m.Regions),
  outcomes: () => import('./views/Outcomes').then((m) => m.Outcomes),
  appeals: () => import('./views/Appeals').then((m) => m.Appeals),
  quality: () => import('./views/Quality').then((m) => m.Quality),
  source: () => import('./views/Source').then((m) => m.Source),
  import: () => import('./views/ImportMount').then((m) => m.ImportMount),
  sql: () => import('./views/Sql').then((m) => m.Sql),
  change: () => import('./views/Change').then((m) => m.Change),
  glossary: () => import('./views/Glossary').then((m) => m.Glossary),
  profile: () => import('./views/Profile').then((m) => m.Profile),
};
const viewLoads = new Map<View, Promise<ComponentType>>();
const viewLoaded = new Map<View, ComponentType>();
/** Starts fetching a view's chunk (once; again after a failure). */
export function preloadView(v: View): Promise<ComponentType> {
  let p = viewLoads.get(v);
  if (!p) {
    p = VIEW_LOAD[v]().then((c) => { viewLoaded.set(v, c); return c; }, (e: unknown) => { viewLoads.delete(v); throw e; });
    viewLoads.set(v, p);
  }
  return p;
}
preloadView(decode(window.location.search).view).catch(() => { /* shown by useView */ });

/** The view's component once its chunk is in (null until then), or the error loading it. */
export function useView(v: View): { View: ComponentType | null; error: Error | null } {
  const [, setTick] = useState(0);
  const [error, setErr] = useState<{ v: View; e: Error } | null>(null);
  const View = viewLoaded.get(v) ?? null;
  useEffect(() => {
    if (View) return;
    let on = true;
    preloadView(v).then(() => { if (on) setTick((t) => t + 1); }, (e: Error) => { if (on) setErr({ v, e }); });
    return () => { on = false; };
  }, [v, View]);
  return { View, error: error?.v === v ? error.e : null };
}
