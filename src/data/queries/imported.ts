// Which reports and agencies came from the user's own import (dataset = 'imported'), so every view
// can mark them. Small: an import is tens of reports, never the national dataset.
import { query, toStr, type Query, type QueryRunner } from '../query-runner';

export function importedSql(): Query {
  // imp.reports directly: the imported rows are in memory; reading the `reports` view would make
  // the shell wait for detail files it does not need.
  return query(`SELECT report_id, agency FROM imp.reports WHERE dataset = 'imported'`, 'imp');
}

export interface ImportedSet {
  reports: Set<string>;
  agencies: Set<string>;
}

export async function runImported(runner: QueryRunner): Promise<ImportedSet> {
  const rows = await runner.query(importedSql());
  return {
    reports: new Set(rows.map((r) => toStr(r.report_id)).filter((x): x is string => x !== null)),
    agencies: new Set(rows.map((r) => toStr(r.agency)).filter((x): x is string => x !== null)),
  };
}
