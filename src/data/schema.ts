// DDL of the dataset tables (docs/dataset.md), used to create empty tables for imported rows in
// the browser and for loading CSV fixtures in tests. Column order = docs/dataset.md.
import { ident } from './sql';

export const TABLE_COLUMNS = {
  reports: [
    ['report_id', 'VARCHAR'], ['source_file', 'VARCHAR'], ['agency', 'VARCHAR'], ['year', 'INTEGER'],
    ['template', 'VARCHAR'], ['title', 'VARCHAR'], ['level', 'VARCHAR'], ['region_code', 'VARCHAR'],
    ['province', 'VARCHAR'], ['city', 'VARCHAR'], ['county', 'VARCHAR'], ['region_status', 'VARCHAR'],
    ['format', 'VARCHAR'], ['status', 'VARCHAR'], ['finding_count', 'INTEGER'], ['fact_count', 'INTEGER'],
    ['checks_failed', 'INTEGER'], ['origin', 'VARCHAR'], ['dataset', 'VARCHAR'], ['error', 'VARCHAR'],
    ['agency_id', 'VARCHAR'], ['agency_label', 'VARCHAR'], ['place', 'VARCHAR'], ['fingerprint', 'VARCHAR'],
    ['counted', 'BOOLEAN'], ['set_aside', 'VARCHAR'], ['superseded_by', 'VARCHAR'], ['search_text', 'VARCHAR'],
  ],
  facts: [
    ['report_id', 'VARCHAR'], ['table', 'VARCHAR'], ['item', 'VARCHAR'], ['column', 'VARCHAR'], ['value', 'DOUBLE'],
    ['raw', 'VARCHAR'], ['derived', 'BOOLEAN'], ['row_label', 'VARCHAR'], ['column_label', 'VARCHAR'],
    ['unit', 'VARCHAR'], ['location', 'VARCHAR'],
  ],
  findings: [
    ['report_id', 'VARCHAR'], ['code', 'VARCHAR'], ['severity', 'VARCHAR'], ['message_zh', 'VARCHAR'],
    ['message_en', 'VARCHAR'], ['location', 'VARCHAR'], ['details', 'VARCHAR'],
  ],
  checks: [
    ['report_id', 'VARCHAR'], ['check_id', 'VARCHAR'], ['table', 'VARCHAR'], ['subject', 'VARCHAR'],
    ['lhs_label', 'VARCHAR'], ['rhs_label', 'VARCHAR'], ['lhs', 'DOUBLE'], ['rhs', 'DOUBLE'], ['status', 'VARCHAR'],
  ],
  meta: [['key', 'VARCHAR'], ['value', 'VARCHAR']],
} as const satisfies Record<string, readonly (readonly [string, string])[]>;

export type DatasetTableName = keyof typeof TABLE_COLUMNS;
export const DATASET_TABLE_NAMES = Object.keys(TABLE_COLUMNS) as DatasetTableName[];

/** `CREATE TABLE [IF NOT EXISTS] <schema>.<table> (…)`. */
export function createTableSql(table: DatasetTableName, opts: { schema?: string; ifNotExists?: boolean } = {}): string {
  const name = opts.schema ? `${ident(opts.schema)}.${ident(table)}` : ident(table);
  const cols = TABLE_COLUMNS[table].map(([c, t]) => `${ident(c)} ${t}`).join(', ');
  return `CREATE TABLE ${opts.ifNotExists ? 'IF NOT EXISTS ' : ''}${name} (${cols})`;
}
