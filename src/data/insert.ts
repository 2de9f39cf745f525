// Rows → INSERT statements, every value quoted through ./sql. Used by the browser import path
// (imported reports go into their own tables, dataset = 'imported') and tests.
import type { Dataset } from '../model/dataset';
import { ident, num, str } from './sql';
import { TABLE_COLUMNS, type DatasetTableName } from './schema';

function literal(v: unknown): string {
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'number') return Number.isFinite(v) ? num(v) : 'NULL';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  // NUL cannot be stored in VARCHAR: replace it visibly rather than fail a whole import.
  // eslint-disable-next-line no-control-regex -- NUL is exactly what this replaces
  return str(String(v).replace(/\u0000/g, '\uFFFD'));
}

/** INSERT statements for `rows` into `<schema>.<table>`, in batches of `batch` rows. */
export function insertRowsSql(
  table: DatasetTableName,
  rows: readonly object[],
  opts: { schema?: string; batch?: number } = {},
): string[] {
  const cols = TABLE_COLUMNS[table].map((c) => c.name);
  const target = opts.schema ? `${ident(opts.schema)}.${ident(table)}` : ident(table);
  const batch = opts.batch ?? 500;
  const out: string[] = [];
  for (let i = 0; i < rows.length; i += batch) {
    const values = rows.slice(i, i + batch).map((r) => {
      const rec = r as Record<string, unknown>;
      return `(${cols.map((c) => literal(rec[c])).join(', ')})`;
    });
    out.push(`INSERT INTO ${target} (${cols.map(ident).join(', ')}) VALUES\n${values.join(',\n')}`);
  }
  return out;
}

/** All INSERTs for a Dataset; reports are marked dataset = 'imported'. */
export function insertDatasetSql(ds: Dataset, opts: { schema?: string } = {}): string[] {
  const meta = Object.entries(ds.meta).map(([key, value]) => ({ key, value }));
  return [
    ...insertRowsSql('reports', ds.reports.map((r) => ({ ...r, dataset: 'imported' })), opts),
    ...insertRowsSql('facts', ds.facts, opts),
    ...insertRowsSql('findings', ds.findings, opts),
    ...insertRowsSql('checks', ds.checks, opts),
    ...insertRowsSql('meta', meta, opts),
  ];
}
