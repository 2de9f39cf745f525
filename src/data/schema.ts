// DDL of the dataset tables (docs/dataset.md), used to create empty tables for imported rows in
// the browser and for loading CSV fixtures in tests. The columns (names, order, types) are declared
// once, in src/dataset/columns.ts, for the CSV files too; only the key/value meta table is added here.
import { TABLE_COLUMNS as DATASET_COLUMNS } from '../dataset/columns';
import { ident } from './sql';

export const TABLE_COLUMNS = {
  ...DATASET_COLUMNS,
  meta: [{ name: 'key', type: 'VARCHAR' }, { name: 'value', type: 'VARCHAR' }],
} as const;

export type DatasetTableName = keyof typeof TABLE_COLUMNS;
export const DATASET_TABLE_NAMES = Object.keys(TABLE_COLUMNS) as DatasetTableName[];

/** `CREATE TABLE [IF NOT EXISTS] <schema>.<table> (…)`. */
export function createTableSql(table: DatasetTableName, opts: { schema?: string; ifNotExists?: boolean } = {}): string {
  const name = opts.schema ? `${ident(opts.schema)}.${ident(table)}` : ident(table);
  const cols = TABLE_COLUMNS[table].map((c) => `${ident(c.name)} ${c.type}`).join(', ');
  return `CREATE TABLE ${opts.ifNotExists ? 'IF NOT EXISTS ' : ''}${name} (${cols})`;
}
