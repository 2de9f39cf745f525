// The import's needs from the database, built on any QueryRunner and the pure SQL builders of
// src/data (insert into `imp`, then rebuildImported), so the panel mounts with just the app
// context's runner — the one path by which imported rows enter the browser's database.
//
// The bundled/imported/both switch sets the DuckDB variable every unqualified view reads
// (src/data/load-dataset.ts), so every view follows it with no change to its selection.
import type { Dataset } from '../../model/dataset';
import { insertDatasetSql } from '../../data/insert';
import { existingReportIdsSql, IMPORTED, rebuildImported, setSourceSql } from '../../data/load-dataset';
import type { QueryRunner } from '../../data/query-runner';
import { DATASET_TABLE_NAMES } from '../../data/schema';
import { ident } from '../../data/sql';
import type { ImportTarget } from './use-import';

export type Source = 'bundled' | 'imported' | 'both';

export interface RunnerTarget extends ImportTarget {
  setSource(source: Source): Promise<void>;
  existingIds(ids: string[]): Promise<string[]>;
}

export function targetFromRunner(runner: QueryRunner): RunnerTarget {
  const run = async (sql: string) => { await runner.query(sql); };
  return {
    async importDataset(ds: Dataset) {
      for (const s of insertDatasetSql(ds, { schema: IMPORTED })) await run(s);
      await rebuildImported((sql) => runner.query(sql));
    },
    async clearImported() {
      for (const t of DATASET_TABLE_NAMES) await run(`DELETE FROM ${ident(IMPORTED)}.${ident(t)}`);
      await rebuildImported((sql) => runner.query(sql));
    },
    async existingIds(ids: string[]) {
      if (ids.length === 0) return [];
      return (await runner.query<{ report_id: string }>(existingReportIdsSql(ids))).map((r) => r.report_id);
    },
    async setSource(source: Source) {
      await run(setSourceSql(source));
    },
  };
}
