// What every view needs: the URL state and a setter, the strings, and the query runner.
import { createContext, useContext } from 'react';
import type { QueryRunner } from '../data/query-runner';
import type { Selection } from '../data/filters';
import type { ImportedSet } from '../data/queries/imported';
import type { State } from '../state/url';
import type { Strings } from '../i18n/strings';

export interface AppCtx {
  state: State;
  /** Change state; `replace` for typing in inputs (no history entry per keystroke). */
  update(patch: Partial<State>, replace?: boolean): void;
  s: Strings;
  /** Runner for the current selection: per-report queries wait for its region's detail files. */
  runner: QueryRunner;
  /** Runner scoped to another selection (`{}` = every detail file, e.g. the import's id check). */
  runnerFor(sel: Selection): QueryRunner;
  /** Lift the limit on detail downloads for this session (the user asked to load every province). */
  loadAllDetail(): void;
  /** True once the user lifted that limit. */
  allDetail: boolean;
  years: number[];
  /** False until the year list has been read (right after the data is attached). */
  yearsReady: boolean;
  /** Re-read what the shell caches (years, imported reports) after the data changed (an import). */
  refresh(): void;
  /** Reports and agencies the user imported: every view marks them. */
  imported: ImportedSet;
}

export const Ctx = createContext<AppCtx | null>(null);

export function useApp(): AppCtx {
  const c = useContext(Ctx);
  if (!c) throw new Error('useApp outside the app');
  return c;
}
