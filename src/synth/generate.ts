// Synthetic dataset generator: agencies × years → Dataset, in batches so that national scale
// (150k agencies × 7 years ≈ 1M reports, ~220M facts) can be streamed to disk without holding it.
import type { Dataset } from '../model/dataset';
import { sampleAgencies, type SynthAgency } from './agencies';
import { generateAgencyReports, type SynthOptions } from './report';

export interface GenerateOptions extends SynthOptions {
  agencies: number;
  years: readonly number[];
}

export const GENERATOR = 'nianbao-synth 1';

export function syntheticMeta(opts: GenerateOptions): Record<string, string> {
  return {
    dataset: 'synthetic',
    generator: GENERATOR,
    seed: String(opts.seed),
    agencies: String(opts.agencies),
    years: `${Math.min(...opts.years)}-${Math.max(...opts.years)}`,
    note: 'SYNTHETIC data for scale tests — not real reports',
  };
}

function emptyDataset(meta: Record<string, string>): Dataset {
  return { reports: [], facts: [], findings: [], checks: [], meta };
}

/**
 * Yields the dataset in batches of `batchAgencies` agencies (all their years). Every batch carries
 * the same meta. `keepDetail(agency)` decides whether facts and checks are kept for an agency
 * (reports and findings are always kept) — the CLI uses it to sample detail at national scale.
 */
export function* generateBatches(
  opts: GenerateOptions,
  batchAgencies = 1000,
  keepDetail: (agency: SynthAgency) => boolean = () => true,
): Generator<Dataset> {
  const meta = syntheticMeta(opts);
  const agencies = sampleAgencies(opts.agencies, opts.seed);
  for (let start = 0; start < agencies.length; start += batchAgencies) {
    const batch = emptyDataset(meta);
    for (const agency of agencies.slice(start, start + batchAgencies)) {
      const detail = keepDetail(agency);
      for (const r of generateAgencyReports(agency, opts.years, opts)) {
        batch.reports.push(r.report);
        batch.findings.push(...r.findings);
        if (detail) {
          for (const f of r.facts) batch.facts.push(f);
          for (const c of r.checks) batch.checks.push(c);
        }
      }
    }
    yield batch;
  }
}

/** The whole synthetic dataset in memory (for tests and small runs). */
export function generateDataset(opts: GenerateOptions): Dataset {
  const all = emptyDataset(syntheticMeta(opts));
  for (const b of generateBatches(opts)) {
    all.reports.push(...b.reports);
    for (const f of b.facts) all.facts.push(f);
    all.findings.push(...b.findings);
    for (const c of b.checks) all.checks.push(c);
  }
  return all;
}

/** "2019-2025" or "2019,2021" → [2019, …]. Returns null for anything else. */
export function parseYears(spec: string): number[] | null {
  const range = /^(\d{4})-(\d{4})$/.exec(spec.trim());
  if (range) {
    const [a, b] = [Number(range[1]), Number(range[2])];
    if (a > b || a < 2019 || b > 2100) return null;
    return Array.from({ length: b - a + 1 }, (_, i) => a + i);
  }
  const list = spec.split(',').map((s) => s.trim());
  if (list.every((s) => /^\d{4}$/.test(s))) {
    const ys = [...new Set(list.map(Number))].sort((x, y) => x - y);
    return ys.every((y) => y >= 2019 && y <= 2100) ? ys : null;
  }
  return null;
}
