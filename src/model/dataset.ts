// Row shapes of the dataset files (CSV and DuckDB tables), snake_case as written.
// docs/dataset.md documents every column; src/dataset/ converts ParsedReport → these rows.

export interface ReportRow {
  report_id: string;
  source_file: string;
  agency: string | null;
  year: number | null;
  template: string | null;
  title: string | null;
  level: string;
  region_code: string | null;
  province: string | null;
  city: string | null;
  county: string | null;
  region_status: string;
  format: string;
  status: 'ok' | 'findings' | 'failed';
  finding_count: number;
  fact_count: number;
  checks_failed: number;
  origin: string | null;
  dataset: 'real' | 'synthetic';
  error: string | null;
  // Identity columns (optional: a synthetic or old dataset without them counts every report).
  /** One agency across name variants: `<place code>:<normalised name>` (src/dataset/identity.ts). */
  agency_id?: string | null;
  /** The name all of the agency's reports are shown under (its latest report's). */
  agency_label?: string | null;
  /** The deepest known place (county, city, zone such as 平潭综合实验区, or province). */
  place?: string | null;
  /** Content fingerprint of the printed cells. */
  fingerprint?: string | null;
  /** False when set aside: then it is in no total (set_aside says why). */
  counted?: boolean;
  set_aside?: string | null;
  superseded_by?: string | null;
  /** Names, places, pinyin and traditional forms the agency search matches. */
  search_text?: string | null;
}

export interface FactRow {
  report_id: string;
  table: string;
  item: string;
  column: string;
  value: number | null;
  raw: string;
  derived: boolean;
  row_label: string;
  column_label: string;
  unit: string;
  location: string;
}

export interface FindingRow {
  report_id: string;
  code: string;
  severity: string;
  message_zh: string;
  message_en: string;
  location: string;
  details: string;
}

export interface CheckRow {
  report_id: string;
  check_id: string;
  table: string;
  subject: string;
  lhs_label: string;
  rhs_label: string;
  lhs: number | null;
  rhs: number | null;
  status: 'pass' | 'fail' | 'skip';
}

export interface ManifestRow {
  file: string;
  agency_name: string;
  level: string;
  region: string;
  year: string;
  format_version: string;
  source_kind: string;
  source: string;
  complete: string;
  notes: string;
}

export interface Dataset {
  reports: ReportRow[];
  facts: FactRow[];
  findings: FindingRow[];
  checks: CheckRow[];
  /** key/value metadata: dataset kind ('real' | 'synthetic'), generated_at, generator, version. */
  meta: Record<string, string>;
}
