// Agency picker (over every report, also those set aside: an agency whose only report has no year
// is still found, and its profile says why it is in no total): search by partial Chinese name (also matches province/city/county names), level,
// region prefix; each agency with the years it has reports for.
import { selectionPredicate, type Selection } from '../filters';
import { int, likeContains } from '../sql';
import { toSimplified } from '../../dataset/identity';
import { query, toNum, toStr, type Query, type QueryRunner } from '../query-runner';

export interface AgenciesParams {
  search?: string;
  levels?: string[];
  region?: string;
  source?: Selection['source'];
  limit?: number;
}

export interface AgencyRow {
  agency: string;
  level: string | null;
  region_code: string | null;
  province: string | null;
  city: string | null;
  county: string | null;
  years: number[];
  n_reports: number;
}

export function agenciesSql(p: AgenciesParams = {}): Query {
  const conds = [selectionPredicate({ levels: p.levels, region: p.region, source: p.source }), 'agency IS NOT NULL'];
  // Each word must match (淮安市 洪泽): a name the agency was printed under, its places, pinyin
  // (hongze, hzq) or traditional forms (search_text, written by the build: src/cli/write-dataset.ts);
  // a traditional query is simplified first (洪澤).
  for (const word of (p.search ?? '').trim().split(/\s+/).filter(Boolean)) {
    const like = likeContains(toSimplified(word).toLowerCase());
    conds.push(`(lower(agency) LIKE ${like} OR coalesce(search_text, '') LIKE ${like} OR province LIKE ${like} OR city LIKE ${like} OR county LIKE ${like})`);
  }
  return query(`SELECT agency,
  CASE WHEN count(DISTINCT level) = 1 THEN min(level) END AS level,
  CASE WHEN count(DISTINCT region_code) = 1 THEN min(region_code) END AS region_code,
  min(province) AS province, min(city) AS city, min(county) AS county,
  string_agg(DISTINCT CAST(year AS VARCHAR), ',' ORDER BY CAST(year AS VARCHAR)) AS years,
  count(*)::INTEGER AS n_reports
FROM (SELECT * REPLACE (coalesce(agency_label, agency) AS agency) FROM reports)
WHERE ${conds.join(' AND ')}
GROUP BY agency
ORDER BY agency
${p.limit !== undefined ? `LIMIT ${int(p.limit)}` : ''}`, 'reports');
}

export async function runAgencies(runner: QueryRunner, p: AgenciesParams = {}): Promise<AgencyRow[]> {
  return (await runner.query(agenciesSql(p))).map((r) => ({
    agency: String(r.agency),
    level: toStr(r.level),
    region_code: toStr(r.region_code),
    province: toStr(r.province),
    city: toStr(r.city),
    county: toStr(r.county),
    years: (toStr(r.years) ?? '').split(',').filter(Boolean).map(Number),
    n_reports: toNum(r.n_reports) ?? 0,
  }));
}
