// The import panel's target: the data layer's importer (src/data/importer.ts — identity against
// the bundled reports, rows into DuckDB's `imp` schema, replacements and their undo, the
// bundled/imported/both switch, clear) over the runner the app context hands out
// (session.runnerFor({}): every detail part). The UI builds no SQL.
// The importer (identity rules, to-dataset) is loaded on the first call, not with the dashboard:
// a static import put it on the first chart's path.
import type { Importer, Source } from '../../data/importer';
import type { QueryRunner } from '../../data/query-runner';
import type { ImportTarget } from './use-import';

export type { Source };

export interface RunnerTarget extends ImportTarget {
  setSource(source: Source): Promise<void>;
  existingIds(ids: string[]): Promise<string[]>;
}

export function targetFromRunner(runner: QueryRunner): RunnerTarget {
  let loaded: Promise<Importer> | null = null;
  const i = () => (loaded ??= import('../../data/importer').then((m) => m.importer(runner)));
  return {
    importDataset: async (ds, o) => (await i()).importRows(ds, o),
    replacements: async () => (await i()).replacements(),
    keepBundled: async (id) => (await i()).keepBundled(id),
    clearImported: async () => (await i()).clearImported(),
    existingIds: async (ids) => (await i()).existingIds(ids),
    setSource: async (s) => (await i()).setSource(s),
  };
}
