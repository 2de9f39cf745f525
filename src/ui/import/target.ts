// The import panel's target: the data layer's importer (src/data/importer.ts — identity against
// the bundled reports, rows into DuckDB's `imp` schema, replacements and their undo, the
// bundled/imported/both switch, clear) over the runner the app context hands out
// (session.runnerFor({}): every detail part). The UI builds no SQL.
import { importer, type Source } from '../../data/importer';
import type { QueryRunner } from '../../data/query-runner';
import type { ImportTarget } from './use-import';

export type { Source };

export interface RunnerTarget extends ImportTarget {
  setSource(source: Source): Promise<void>;
  existingIds(ids: string[]): Promise<string[]>;
}

export function targetFromRunner(runner: QueryRunner): RunnerTarget {
  const i = importer(runner);
  return { ...i, importDataset: i.importRows };
}
