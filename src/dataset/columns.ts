// Fixed column order and DuckDB type of every dataset table — one list for the CSV writer, the
// CSV reader and the DuckDB loader, so the three cannot drift. docs/dataset.md documents them.
import type { CheckRow, FactRow, FindingRow, ReportRow } from '../model/dataset';

type Columns<T> = readonly { name: keyof T & string; type: 'VARCHAR' | 'INTEGER' | 'DOUBLE' | 'BOOLEAN' }[];

export const REPORT_COLUMNS: Columns<ReportRow> = [
  { name: 'report_id', type: 'VARCHAR' }, { name: 'source_file', type: 'VARCHAR' }, { name: 'agency', type: 'VARCHAR' },
  { name: 'year', type: 'INTEGER' }, { name: 'template', type: 'VARCHAR' }, { name: 'title', type: 'VARCHAR' },
  { name: 'level', type: 'VARCHAR' }, { name: 'region_code', type: 'VARCHAR' }, { name: 'province', type: 'VARCHAR' },
  { name: 'city', type: 'VARCHAR' }, { name: 'county', type: 'VARCHAR' }, { name: 'region_status', type: 'VARCHAR' },
  { name: 'format', type: 'VARCHAR' }, { name: 'status', type: 'VARCHAR' }, { name: 'finding_count', type: 'INTEGER' },
  { name: 'fact_count', type: 'INTEGER' }, { name: 'checks_failed', type: 'INTEGER' }, { name: 'origin', type: 'VARCHAR' },
  { name: 'dataset', type: 'VARCHAR' }, { name: 'error', type: 'VARCHAR' },
  // identity (src/dataset/identity.ts); appended, so files written before them still read
  { name: 'agency_id', type: 'VARCHAR' }, { name: 'agency_label', type: 'VARCHAR' }, { name: 'place', type: 'VARCHAR' },
  { name: 'fingerprint', type: 'VARCHAR' }, { name: 'counted', type: 'BOOLEAN' }, { name: 'set_aside', type: 'VARCHAR' },
  { name: 'superseded_by', type: 'VARCHAR' }, { name: 'search_text', type: 'VARCHAR' },
];

export const FACT_COLUMNS: Columns<FactRow> = [
  { name: 'report_id', type: 'VARCHAR' }, { name: 'table', type: 'VARCHAR' }, { name: 'item', type: 'VARCHAR' },
  { name: 'column', type: 'VARCHAR' }, { name: 'value', type: 'DOUBLE' }, { name: 'raw', type: 'VARCHAR' },
  { name: 'derived', type: 'BOOLEAN' }, { name: 'row_label', type: 'VARCHAR' }, { name: 'column_label', type: 'VARCHAR' },
  { name: 'unit', type: 'VARCHAR' }, { name: 'location', type: 'VARCHAR' },
];

export const FINDING_COLUMNS: Columns<FindingRow> = [
  { name: 'report_id', type: 'VARCHAR' }, { name: 'code', type: 'VARCHAR' }, { name: 'severity', type: 'VARCHAR' },
  { name: 'message_zh', type: 'VARCHAR' }, { name: 'message_en', type: 'VARCHAR' }, { name: 'location', type: 'VARCHAR' },
  { name: 'details', type: 'VARCHAR' },
];

export const CHECK_COLUMNS: Columns<CheckRow> = [
  { name: 'report_id', type: 'VARCHAR' }, { name: 'check_id', type: 'VARCHAR' }, { name: 'table', type: 'VARCHAR' },
  { name: 'subject', type: 'VARCHAR' }, { name: 'lhs_label', type: 'VARCHAR' }, { name: 'rhs_label', type: 'VARCHAR' },
  { name: 'lhs', type: 'DOUBLE' }, { name: 'rhs', type: 'DOUBLE' }, { name: 'status', type: 'VARCHAR' },
];

export const MANIFEST_COLUMNS = [
  'file', 'agency_name', 'level', 'region', 'year', 'format_version', 'source_kind', 'source', 'complete', 'notes',
] as const;

export const TABLE_COLUMNS = {
  reports: REPORT_COLUMNS,
  facts: FACT_COLUMNS,
  findings: FINDING_COLUMNS,
  checks: CHECK_COLUMNS,
} as const;
