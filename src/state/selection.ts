// URL state → the query builders' Selection. Pure (no React): the snapshot writer
// (src/cli/dashboard-files.ts) builds the first views' queries with it, exactly as the views do.
import type { Selection } from '../data/filters';
import type { State } from './url';

export function selectionOf(st: State, withAgencies = true): Selection {
  return {
    agencies: withAgencies && st.agencies.length ? st.agencies : undefined,
    levels: st.levels.length ? st.levels : undefined,
    region: st.region || undefined,
    years: st.years ?? undefined,
    excludeFailing: st.excludeFailing || undefined,
  };
}
