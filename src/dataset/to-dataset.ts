// Conversion stage: ParsedReport[] (camelCase model) → Dataset rows (snake_case, as written to CSV
// and DuckDB; docs/dataset.md). Pure: no fs, runs in the browser for imported reports too.
import type { CheckRow, Dataset, FactRow, FindingRow, ManifestRow, ReportRow } from '../model/dataset';
import type { ParsedReport, ReportIdentity, SourceLocation } from '../model/types';
import type { Level, Region } from '../model/types';
import { formatOfName } from '../ingest/forms';
import { agencyId, factKeys, fingerprint, placeCode, placeName, resolveReports, searchText } from './identity';

export interface ToDatasetOptions {
  manifest?: ManifestRow[];
  kind: 'real' | 'synthetic';
  /** Extra meta entries (generated_at, generator, version …). */
  meta?: Record<string, string>;
  /**
   * Region of an agency name taken from the manifest (src/parse/region.ts resolveRegion; the CLI
   * passes it — injected so the browser's import path does not bundle the division table twice).
   */
  resolveRegion?: (agency: string) => { region: Region; level: Level };
}

/** `p5 L12`, `L12`, `p5`, with the free-text locator after them — the location format of docs/dataset.md. */
export function locationText(loc: SourceLocation | undefined | null): string {
  if (!loc) return '';
  const parts: string[] = [];
  if (loc.page != null) parts.push(`p${loc.page}`);
  if (loc.line != null) parts.push(`L${loc.line}`);
  if (loc.text) parts.push(loc.text);
  return parts.join(' ');
}

const norm = (p: string) => p.replace(/\\/g, '/').replace(/^\.\//, '');
const base = (p: string) => norm(p).split('/').pop() ?? p;

/**
 * Finds the manifest row of a source file: the same relative path, or a path that ends with it
 * (manifest `reports/x.txt` for source `x.txt` when the CLI was given data/reports), or that it
 * ends with, or the same file name when only one manifest row has it. Never guesses between two
 * candidates. Index-based (the CLI looks up every one of tens of thousands of files), and cached
 * per manifest array.
 */
export function manifestLookup(manifest: ManifestRow[] | undefined): (sourceFile: string) => ManifestRow | null {
  if (!manifest || manifest.length === 0) return () => null;
  const cached = LOOKUPS.get(manifest);
  if (cached) return cached;
  const byPath = new Map<string, ManifestRow>();
  const bySuffix = new Map<string, ManifestRow[]>(); // every proper suffix of a manifest path, at '/' boundaries
  for (const m of manifest) {
    if (!m.file) continue;
    const p = norm(m.file);
    byPath.set(p, m);
    const parts = p.split('/');
    for (let k = 1; k < parts.length; k++) {
      const suf = parts.slice(k).join('/');
      const list = bySuffix.get(suf) ?? [];
      list.push(m);
      bySuffix.set(suf, list);
    }
  }
  const unique = (list: ManifestRow[] | undefined) => (list && list.length === 1 ? list[0] : null);
  const lookup = (sourceFile: string): ManifestRow | null => {
    const s = norm(sourceFile);
    const exact = byPath.get(s);
    if (exact) return exact;
    const longer = unique(bySuffix.get(s));
    if (longer) return longer;
    const parts = s.split('/');
    for (let k = 1; k < parts.length - 1; k++) {
      const shorter = byPath.get(parts.slice(k).join('/'));
      if (shorter) return shorter;
    }
    const b = base(s);
    return unique([...(byPath.has(b) ? [byPath.get(b)!] : []), ...(bySuffix.get(b) ?? [])]);
  };
  LOOKUPS.set(manifest, lookup);
  return lookup;
}
const LOOKUPS = new WeakMap<ManifestRow[], (sourceFile: string) => ManifestRow | null>();

/** A failed report's reason: its first error finding, in English and Chinese. */
function failureReason(p: ParsedReport): string | null {
  if (p.status !== 'failed') return null;
  const f = p.findings.find((x) => x.severity === 'error') ?? p.findings[0];
  return f ? `${f.messageEn} / ${f.messageZh}` : 'parse failed';
}

export function reportRow(p: ParsedReport, origin: string | null, kind: 'real' | 'synthetic'): ReportRow {
  const r = p.report;
  return {
    report_id: r.reportId, source_file: r.sourceFile, agency: r.agency, year: r.year, template: r.template,
    title: r.title, level: r.level, region_code: r.region.code, province: r.region.province, city: r.region.city,
    county: r.region.county, region_status: r.region.status, format: r.format, status: p.status,
    finding_count: p.findings.length, fact_count: p.facts.length,
    checks_failed: p.checks.filter((c) => c.status === 'fail').length,
    origin, dataset: kind, error: failureReason(p),
  };
}

export function toDataset(parsed: ParsedReport[], opts: ToDatasetOptions): Dataset {
  const lookup = manifestLookup(opts.manifest);
  const reports: ReportRow[] = [];
  const facts: FactRow[] = [];
  const findings: FindingRow[] = [];
  const checks: CheckRow[] = [];
  for (const p of parsed) {
    const m = lookup(p.report.sourceFile);
    const row = reportRow(p, m?.source || null, opts.kind);
    // The manifest names the agency when the report's text does not (深圳市光明区外事局's excerpt
    // has no title); the text wins when it names one. The region follows the name, as in the parser.
    if (row.agency === null && m?.agency_name?.trim()) {
      row.agency = m.agency_name.trim();
      if (opts.resolveRegion) {
        const { region, level } = opts.resolveRegion(row.agency);
        Object.assign(row, { region_code: region.code, province: region.province, city: region.city, county: region.county, region_status: region.status });
        if (row.level === 'unknown') row.level = level;
      }
    }
    addIdentity(row, p);
    reports.push(row);
    for (const f of p.facts) {
      facts.push({
        report_id: f.reportId, table: f.table, item: f.item, column: f.column, value: f.value, raw: f.raw,
        derived: f.derived, row_label: f.rowLabel, column_label: f.columnLabel, unit: f.unit, location: locationText(f.location),
      });
    }
    for (const f of p.findings) {
      findings.push({
        report_id: f.reportId, code: f.code, severity: f.severity, message_zh: f.messageZh, message_en: f.messageEn,
        location: locationText(f.location), details: safeJson(f.details),
      });
    }
    for (const c of p.checks) {
      checks.push({
        report_id: c.reportId, check_id: c.checkId, table: c.table, subject: c.subject, lhs_label: c.lhsLabel,
        rhs_label: c.rhsLabel, lhs: c.lhs, rhs: c.rhs, status: c.status,
      });
    }
  }
  return { reports, facts, findings, checks, meta: { dataset: opts.kind, ...opts.meta } };
}

/** Per-report identity columns (agency_id, place, fingerprint); counted until resolveDataset says otherwise. */
function addIdentity(row: ReportRow, p: ParsedReport): void {
  // a report placed only at its province (平潭综合实验区: 福建省 known, no code) is drawn inside it
  if (row.region_code === null && row.province) row.region_code = placeCode(row);
  row.agency_id = agencyId(row);
  row.agency_label = row.agency;
  row.place = placeName(row);
  row.fingerprint = fingerprint(p.facts.map((f) => ({ table: f.table, item: f.item, column: f.column, value: f.value, derived: f.derived })));
  row.counted = true;
  row.set_aside = null;
  row.superseded_by = null;
  row.search_text = row.agency ? searchText([row.agency], [row.province, row.city, row.county, row.place]) : null;
}

/**
 * Applies the identity rule (src/dataset/identity.ts resolveReports) to a whole dataset: each
 * report's counted / set_aside / superseded_by and the agency's label. In place; returns it.
 */
export function resolveDataset(ds: Dataset): Dataset {
  const keys = new Map<string, Set<string>>();
  const facts = new Map<string, FactRow[]>();
  for (const f of ds.facts) facts.set(f.report_id, [...(facts.get(f.report_id) ?? []), f]);
  for (const [id, list] of facts) keys.set(id, new Set(factKeys(list)));
  const res = resolveReports(ds.reports.map((r) => ({
    report_id: r.report_id, agency_id: r.agency_id ?? null, agency: r.agency, year: r.year, fingerprint: r.fingerprint ?? null,
    keys: keys.get(r.report_id), fact_count: r.fact_count, checks_failed: r.checks_failed, status: r.status,
  })));
  for (const r of ds.reports) Object.assign(r, res.get(r.report_id));
  return ds;
}

function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v ?? {}) ?? '{}';
  } catch {
    return '{}'; // a cyclic details object must not sink the whole dataset
  }
}

/**
 * A report for an input that could not be parsed at all (unreadable, unknown extension, parser
 * crash): it still appears in reports.csv, status failed, with the reason as a finding.
 */
export function failedReport(
  sourceFile: string,
  reportId: string,
  code: 'unsupported-input' | 'parse-failed',
  messageZh: string,
  messageEn: string,
): ParsedReport {
  const format: ReportIdentity['format'] = formatOfName(sourceFile);
  return {
    report: {
      reportId, sourceFile, agency: null, year: null, template: null, title: null, level: 'unknown',
      region: { code: null, province: null, city: null, county: null, status: 'unresolved' }, format,
    },
    facts: [],
    findings: [{ reportId, code, severity: 'error', messageZh, messageEn, location: {}, details: { sourceFile } }],
    checks: [],
    status: 'failed',
  };
}
