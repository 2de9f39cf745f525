// One synthetic agency's reports for a run of years: the full canonical fact set of the template
// in force (2019 template for 2019–2020, 2021 template from 2021 — 国办公开办函〔2019〕60号 and
// 〔2021〕30号), then the same identity checks and findings a parse would produce.
//
// Plausibility, as seen in the real corpus (data/reports/): most agencies receive 0–5 applications
// a year, a few thousands (log-normal body with a Pareto tail, scaled by tier and department);
// natural persons file most of them; 予以公开 and 本机关不掌握 dominate the outcomes and most
// reason rows are 0; appeals are rare. A few percent of reports carry a typo that breaks an
// identity, and a few print blanks (—) instead of zeros.
import {
  ACTIVE_COLUMN_LABELS, ACTIVE_ITEMS, APPEAL_COLUMNS, APPEAL_ITEMS, APPLICANT_COLUMNS, REQUEST_COLUMNS, REQUEST_ROWS,
} from '../model';
import type { Template } from '../model';
import type { CheckRow, FactRow, FindingRow, ReportRow } from '../model/dataset';
import type { SynthAgency } from './agencies';
import { DEPARTMENTS } from './agencies';
import { checkReport, findingsForChecks } from './checks';
import { createRng, hashSeed, type Rng } from './prng';

export interface SynthReport {
  report: ReportRow;
  facts: FactRow[];
  checks: CheckRow[];
  findings: FindingRow[];
}

export interface SynthOptions {
  seed: number | string;
  /** Share of reports that get one typo in a printed cell (default 0.04). */
  typoRate?: number;
  /** Share of reports that print blanks (—) for some zero cells (default 0.03). */
  blankRate?: number;
}

export function templateForYear(year: number): Template {
  return year >= 2021 ? '2021' : '2019';
}

/** Printed request rows of a template, in order. */
export function requestItems(template: Template): string[] {
  return REQUEST_ROWS.filter((r) => r.templates.includes(template) && !(template === '2021' && r.key === 'other_total')).map((r) => r.key);
}

/** Printed outcome rows (三、本年度办理结果 （一）…（六）) of a template. */
export function outcomeItems(template: Template): string[] {
  const printed = new Set(requestItems(template));
  return REQUEST_ROWS.filter((r) => r.group && printed.has(r.key)).map((r) => r.key);
}

// Outcome shares of decided applications (probabilities need not sum to 1).
const OUTCOME_SHARE: Record<string, number> = {
  granted: 0.45, partial: 0.07,
  denied_state_secret: 0.002, denied_prohibited: 0.004, denied_security: 0.003, denied_third_party: 0.006,
  denied_internal: 0.01, denied_deliberative: 0.01, denied_enforcement_file: 0.004, denied_inquiry: 0.005,
  unavailable_not_held: 0.2, unavailable_needs_creation: 0.03, unavailable_unclear: 0.025,
  rejected_petition: 0.04, rejected_duplicate: 0.03, rejected_publication: 0.004, rejected_excessive: 0.004, rejected_confirmation: 0.002,
  other_overdue_correction: 0.03, other_overdue_fee: 0.0005, other_misc: 0.07,
  other_total: 0.1005,
};
const APPLICANT_SHARE = [0.86, 0.06, 0.004, 0.006, 0.03, 0.04];

const REQUEST_ROW_LABEL = new Map(REQUEST_ROWS.map((r) => [r.key, r.zh]));
const REQUEST_COLUMN_LABEL = new Map<string, string>(REQUEST_COLUMNS.map((c) => [c.key, c.zh]));
const APPEAL_ITEM_LABEL = new Map<string, string>(APPEAL_ITEMS.map((a) => [a.key, a.zh]));
const APPEAL_COLUMN_LABEL = new Map<string, string>(APPEAL_COLUMNS.map((c) => [c.key, c.zh]));
const ACTIVE_ITEM_LABEL = new Map(ACTIVE_ITEMS.flatMap((a) => a.templates.map((t) => [`${t}|${a.key}`, a.zh] as const)));

const TIER_MU: Record<SynthAgency['tier'], number> = { province: 4.2, city: 2.6, county: 1.1, township: -0.6 };
const GOVERNMENT_BOOST = 1.2;

/** Expected-size factor of an agency: persistent across years (same agency, similar volume). */
function agencyScale(agency: SynthAgency, seed: number | string): { mu: number; sigma: number; tail: number } {
  const rng = createRng(hashSeed(seed, 'agency', agency.name));
  const dept = agency.department ? DEPARTMENTS.find((d) => d.key === agency.department) : undefined;
  const mu = TIER_MU[agency.tier] + (dept ? Math.log(dept.weight) : GOVERNMENT_BOOST) + 0.8 * rng.normal();
  // a few bodies (land expropriation, demolition disputes) get floods of applications
  const tail = rng.chance(0.01) ? rng.pareto(1.1) * 20 : 1;
  return { mu, sigma: 0.9, tail };
}

export function generateAgencyReports(agency: SynthAgency, years: readonly number[], opts: SynthOptions): SynthReport[] {
  const scale = agencyScale(agency, opts.seed);
  const typoRate = opts.typoRate ?? 0.04;
  const blankRate = opts.blankRate ?? 0.03;
  const out: SynthReport[] = [];
  // carried_forward of one year is next year's carried_over, per applicant column
  let carry: number[] = [];
  const sorted = [...years].sort((a, b) => a - b);
  for (const year of sorted) {
    const rng = createRng(hashSeed(opts.seed, agency.name, year));
    if (carry.length === 0) carry = APPLICANT_SHARE.map(() => (rng.chance(0.1) ? rng.int(0, 2) : 0));
    const growth = Math.pow(1.06, year - 2019);
    const expected = Math.exp(scale.mu + scale.sigma * rng.normal()) * scale.tail * growth;
    const total = Math.min(60000, Math.max(0, Math.floor(expected - 1.5)));
    const rep = buildReport(agency, year, rng, total, carry, opts.seed, { typoRate, blankRate });
    carry = rep.carriedForward;
    out.push(rep.report);
  }
  return out;
}

function buildReport(
  agency: SynthAgency, year: number, rng: Rng, totalNew: number, carriedOver: number[],
  seed: number | string, rates: { typoRate: number; blankRate: number },
): { report: SynthReport; carriedForward: number[] } {
  const template = templateForYear(year);
  const reportId = `synth-${seed}-${String(agency.index).padStart(6, '0')}-${year}`;
  const items = requestItems(template);
  const outcomes = outcomeItems(template);
  const values = new Map<string, (number | null)[]>(); // item → applicant-column values (6)

  const newByCol = rng.multinomial(totalNew, APPLICANT_SHARE);
  const carriedForward: number[] = [];
  const outcomeByCol: number[][] = [];
  for (let c = 0; c < APPLICANT_SHARE.length; c++) {
    const available = newByCol[c] + carriedOver[c];
    const cf = rng.binomial(available, 0.04);
    carriedForward.push(cf);
    outcomeByCol.push(rng.multinomial(available - cf, outcomes.map((o) => OUTCOME_SHARE[o])));
  }
  values.set('new', newByCol);
  values.set('carried_over', carriedOver);
  outcomes.forEach((o, i) => values.set(o, outcomeByCol.map((col) => col[i])));
  values.set('outcome_total', outcomeByCol.map((col) => col.reduce((s, v) => s + v, 0)));
  values.set('carried_forward', carriedForward);

  // printed request cells: 6 applicant columns + total
  const printed = new Map<string, number | null>();
  for (const item of items) {
    const row = values.get(item)!;
    APPLICANT_COLUMNS.forEach((c, i) => printed.set(`requests|${item}|${c}`, row[i]));
    printed.set(`requests|${item}|total`, row.reduce<number>((s, v) => s + (v ?? 0), 0));
  }

  // appeals: rare, roughly 1 per 100 applications, more for big bodies
  const reviews = rng.poisson(totalNew * 0.012);
  const direct = rng.poisson(totalNew * 0.005);
  const afterReview = rng.binomial(reviews, 0.15);
  for (const [g, n] of [['review', reviews], ['suit_direct', direct], ['suit_after_review', afterReview]] as const) {
    const [upheld, corrected, other, pending] = rng.multinomial(n, [0.6, 0.12, 0.13, 0.15]);
    printed.set(`appeals|${g}|upheld`, upheld);
    printed.set(`appeals|${g}|corrected`, corrected);
    printed.set(`appeals|${g}|other`, other);
    printed.set(`appeals|${g}|pending`, pending);
    printed.set(`appeals|${g}|total`, n);
  }

  // active disclosure (主动公开): small counts, licensing/penalty heavy for enforcement bodies
  const isGov = agency.department === null;
  const enforcement = ['public_security', 'market_regulation', 'urban_management', 'natural_resources', 'transport', 'ecology', 'administrative_approval', 'taxation'].includes(agency.department ?? '');
  for (const def of ACTIVE_ITEMS.filter((a) => a.templates.includes(template))) {
    for (const col of def.columns) {
      printed.set(`active|${def.key}|${col}`, activeValue(rng, def.key, col, agency, isGov, enforcement));
    }
  }

  // a few reports print blanks (—) for zero cells, as many real ones do for empty tables
  const blankCells = new Set<string>();
  if (rng.chance(rates.blankRate)) {
    const table = rng.pick(['appeals', 'requests', 'active']);
    for (const [k, v] of printed) if (k.startsWith(table + '|') && v === 0 && rng.chance(0.7)) blankCells.add(k);
  }
  // a few carry one typo in a printed count, which breaks at least one identity
  if (rng.chance(rates.typoRate)) {
    const candidates = [...printed.keys()].filter((k) => k.startsWith('requests|') || k.startsWith('appeals|'));
    const k = rng.pick(candidates);
    const v = printed.get(k) ?? 0;
    const typo = v >= 10 && rng.chance(0.5) ? swapDigits(v) : v + rng.pick([-2, -1, 1, 1, 2, 3, 10]);
    const changed = Math.max(0, typo);
    printed.set(k, changed === v ? v + 1 : changed);
  }

  const facts: FactRow[] = [];
  const location = 'synthetic';
  for (const [k, v] of printed) {
    const [table, item, column] = k.split('|');
    const blank = blankCells.has(k);
    const value = blank ? null : v;
    let row_label: string;
    let column_label: string;
    let unit = '件';
    if (table === 'requests') {
      row_label = REQUEST_ROW_LABEL.get(item) ?? item;
      column_label = REQUEST_COLUMN_LABEL.get(column) ?? column;
    } else if (table === 'appeals') {
      row_label = APPEAL_ITEM_LABEL.get(item) ?? item;
      column_label = APPEAL_COLUMN_LABEL.get(column) ?? column;
    } else {
      row_label = ACTIVE_ITEM_LABEL.get(`${template}|${item}`) ?? item;
      column_label = ACTIVE_COLUMN_LABELS[column]?.zh ?? column;
      if (column === 'amount') unit = item === 'procurement' ? '元' : '万元';
    }
    facts.push({ report_id: reportId, table, item, column, value, raw: blank ? '—' : String(value), derived: false, row_label, column_label, unit, location });
  }
  // derived group totals (never printed), as the parser's deriveRequestTotals does: the sum only
  // when every printed part is a number, else null
  const groups: [string, string[]][] = [
    ['denied_total', outcomes.filter((o) => o.startsWith('denied_'))],
    ['unavailable_total', outcomes.filter((o) => o.startsWith('unavailable_'))],
    ['rejected_total', outcomes.filter((o) => o.startsWith('rejected_'))],
  ];
  if (template === '2021') groups.push(['other_total', ['other_overdue_correction', 'other_overdue_fee', 'other_misc']]);
  const factValue = new Map(facts.map((f) => [`${f.table}|${f.item}|${f.column}`, f.value]));
  for (const [item, parts] of groups) {
    for (const { key: c, zh } of REQUEST_COLUMNS) {
      let value: number | null = 0;
      for (const p of parts) {
        const v = factValue.get(`requests|${p}|${c}`);
        if (v === null || v === undefined) { value = null; break; }
        value += v;
      }
      facts.push({ report_id: reportId, table: 'requests', item, column: c, value, raw: '', derived: true, row_label: parts.join(' + '), column_label: zh, unit: '件', location });
    }
  }

  const checks = checkReport(reportId, facts, outcomes, items);
  const findings = findingsForChecks(checks);
  const checksFailed = checks.filter((c) => c.status === 'fail').length;
  const report: ReportRow = {
    report_id: reportId,
    source_file: `synthetic/${reportId}.txt`,
    agency: agency.name,
    year,
    template,
    title: `${agency.name}${year}年政府信息公开工作年度报告`,
    level: agency.level,
    region_code: agency.regionCode,
    province: agency.province,
    city: agency.city,
    county: agency.county,
    region_status: 'resolved',
    format: 'txt',
    status: findings.length > 0 ? 'findings' : 'ok',
    finding_count: findings.length,
    fact_count: facts.length,
    checks_failed: checksFailed,
    origin: `synthetic (seed ${seed})`,
    dataset: 'synthetic',
    error: null,
  };
  return { report: { report, facts, checks, findings }, carriedForward };
}

function swapDigits(v: number): number {
  const s = String(v);
  return Number(s.slice(0, -2) + s[s.length - 1] + s[s.length - 2]);
}

function activeValue(rng: Rng, item: string, col: string, agency: SynthAgency, isGov: boolean, enforcement: boolean): number {
  const big = agency.tier === 'province' ? 3 : agency.tier === 'city' ? 2 : agency.tier === 'county' ? 1 : 0.3;
  switch (item) {
    case 'regulations':
      // only province governments and large cities make 规章
      if (!(isGov && (agency.tier === 'province' || agency.tier === 'city'))) return 0;
      return col === 'in_force' || col === 'public_total' ? rng.poisson(40 * big) : rng.poisson(2 * big);
    case 'normative_documents':
      return col === 'in_force' || col === 'public_total' ? rng.poisson((isGov ? 30 : 10) * big) : rng.poisson((isGov ? 5 : 1.5) * big);
    case 'licensing': case 'penalty': case 'coercion': case 'other_services': {
      if (col === 'change') return rng.poisson(1);
      const base = enforcement ? 300 : isGov ? 20 : 5;
      const n = Math.floor(rng.logNormal(Math.log(base * big), 1.2) - 1);
      return item === 'coercion' ? Math.floor(n / 10) : Math.max(0, n);
    }
    case 'fees':
      if (col === 'amount') return rng.chance(0.85) ? 0 : Math.round(rng.logNormal(Math.log(50 * big), 1.5) * 100) / 100;
      return rng.poisson(col === 'change' ? 0.3 : 3);
    case 'procurement':
      return col === 'projects' ? rng.poisson(5 * big) : Math.round(rng.logNormal(Math.log(2e6 * big), 1.2));
    default:
      return 0;
  }
}
