// Stage — legacy (pre-2019) indicator tables: only the headline figures, table 'legacy'.
// The Fujian layout prints two value columns, 年度 | 历年累计, and the crawls run them together:
// `受理依申请公开信息总数条2121` = 21|21 (2012_pingtanxian_rmzf.txt), `206912106` = 2069|12106
// (2018_pingtan_zhqsyq.txt). The annual value is taken only when the cut is unique: equal halves,
// or the only cut with cumulative ≥ annual; otherwise the fact is blank with an ambiguous-split.

import type { Fact } from '../model';
import type { FactContext } from './facts';
import { squash } from './labels';
import type { Token } from './tokens';

const LEGACY_RULES: [RegExp, string][] = [
  [/同意部分公开|部分公开答复/, 'partial'],
  [/同意公开答复/, 'granted'],
  [/否决公开答复|不予公开答复|免于公开答复/, 'denied'],
  [/对申请的答复(总)?数|答复总数/, 'outcome_total'],
  [/受理.*申请.*总数|申请总数/, 'new'],
  [/^行政复议数/, 'review'],
  [/^行政诉讼数/, 'suit'],
  [/^行政申诉数/, 'complaint'],
  [/其他类型答复|其它类型答复/, 'other'],
];

function legacyItem(label: string): string | null {
  const s = squash(label).replace(/^\d\./, '').replace(/^其中:?\d?\.?/, '');
  for (const [re, key] of LEGACY_RULES) if (re.test(s)) return key;
  return null;
}

export type PairSplit = { annual: string; cumulative: string } | { candidates: [string, string][] };

/** Cuts a run-together 年度|历年累计 pair. */
export function splitAnnualCumulative(run: string): PairSplit {
  const cands = annualCumulativeCuts(run);
  if (run.length % 2 === 0) {
    const h = run.length / 2;
    const eq = cands.find(([a]) => a.length === h);
    if (eq) return { annual: eq[0], cumulative: eq[1] };
  }
  if (cands.length === 1) return { annual: cands[0]![0], cumulative: cands[0]![1] };
  return { candidates: cands };
}

/** Every cut of a run into annual | cumulative with no leading zero and cumulative ≥ annual. */
export function annualCumulativeCuts(run: string): [string, string][] {
  const cands: [string, string][] = [];
  for (let i = 1; i < run.length; i++) {
    const a = run.slice(0, i);
    const b = run.slice(i);
    if ((a.length > 1 && a[0] === '0') || (b.length > 1 && b[0] === '0')) continue;
    if (Number(b) >= Number(a)) cands.push([a, b]);
  }
  return cands;
}

interface LegacyRow {
  label: string;
  values: Extract<Token, { kind: 'num' | 'blank' }>[];
  /** candidate annual|cumulative cuts of a single run-together token (two-column tables only) */
  cuts: [string, string][] | null;
  /** index of the row this one is a part of (`其中：1.…`), or -1 */
  parent: number;
}

const MAX_COMBOS = 2_000;

// The table's own totals decide a glued pair: 主动公开文件数 = 1.政府网站公开数 + 2.政府公报公开数,
// in both columns (`12345` = 12|345 when its parts print 11234 and 1111: 11|234 + 1|111 is the
// only assignment that adds up; legacy.test.ts). A cut is taken when every assignment of cuts
// under which the parent and its parts add up in both columns agrees on it.
function decideByTotals(rows: LegacyRow[]): Map<number, [string, string]> {
  const decided = new Map<number, [string, string]>();
  const pairOf = (r: LegacyRow): [string, string][] | null => {
    if (r.cuts) return r.cuts;
    const vs = r.values.filter((v) => v.kind === 'num');
    if (r.values.length >= 2 && vs.length === r.values.length && vs.every((v) => /^\d+$/.test(v.text))) return [[vs[0]!.text, vs[1]!.text]];
    return null;
  };
  const kidsOf = new Map<number, (readonly [LegacyRow, number])[]>();
  rows.forEach((r, i) => {
    if (r.parent >= 0) kidsOf.set(r.parent, [...(kidsOf.get(r.parent) ?? []), [r, i] as const]);
  });
  kidsOf.forEach((kids, pi) => {
    const p = rows[pi]!;
    const members = [[p, pi] as const, ...kids];
    const options = members.map(([r]) => pairOf(r));
    if (options.some((o) => o === null || o.length === 0)) return;
    // only worth it where a headline figure (a mapped row) is still undecided
    if (!members.some(([r]) => r.cuts && r.cuts.length > 1 && legacyItem(r.label) !== null)) return;
    let combos = 1;
    for (const o of options) combos *= o!.length;
    if (combos > MAX_COMBOS) return;
    const good: number[][] = [];
    const pick = new Array<number>(members.length).fill(0);
    const rec = (k: number) => {
      if (k === members.length) {
        const val = (m: number, c: 0 | 1) => Number(options[m]![pick[m]!]![c]);
        let a = 0;
        let b = 0;
        for (let m = 1; m < members.length; m++) { a += val(m, 0); b += val(m, 1); }
        if (a === val(0, 0) && b === val(0, 1)) good.push(pick.slice());
        return;
      }
      for (let j = 0; j < options[k]!.length; j++) { pick[k] = j; rec(k + 1); }
    };
    rec(0);
    if (good.length === 0) return;
    members.forEach(([r, i], m) => {
      if (!r.cuts || r.cuts.length < 2) return;
      const picks = new Set(good.map((g) => g[m]!));
      if (picks.size === 1) decided.set(i, r.cuts[[...picks][0]!]!);
    });
  });
  return decided;
}

export function legacyFacts(tokens: Token[], ctx: FactContext): Fact[] {
  // group value tokens under the label before them
  const rows: LegacyRow[] = [];
  // Header cells before the first row say whether the table has one value column (年末统计,
  // 2009_pingtan_gaj_80645.txt) or two (年度 | 历年累计): a lone digit is a whole value only in the first.
  // (the header is read up to the first value: a PDF's text layer may wrap it, `…年度历年` / `累计…`)
  let twoColumns = false;
  let header = '';
  let lastParent = -1;
  let prev: Token | null = null;
  for (const t of tokens) {
    const before = prev;
    prev = t;
    if (t.kind === 'label') {
      if (!rows.some((r) => r.values.length > 0)) header += t.text;
      if (/累计/.test(header)) twoColumns = true;
      if (/^\s*其中\s*[:：]?\s*$/.test(t.text)) continue; // `其中：` cut off its `1.…` row: the parts follow
      // A label wrapped onto the next line (a PDF's text layer, pasted text: `受理依申请公` /
      // `开信息总数条2121`): the second line names no row and starts no row of its own, the
      // first holds no value and has not reached its unit column, and only together they name a row.
      const last = rows[rows.length - 1];
      if (last && before?.kind === 'label' && last.values.length === 0 && t.line === before.line + 1
        && !/^\s*(其中|\d\s*[.．、]|[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、)/.test(t.text) && !/[条件个项次]\s*$/.test(last.label)
        && legacyItem(t.text) === null && legacyItem(last.label + t.text) !== null) {
        last.label += t.text;
        continue;
      }
      const sub = /^\s*(其中[:：]?\s*)?\d\s*[.．、]/.test(t.text) && lastParent >= 0;
      if (!sub) lastParent = rows.length;
      rows.push({ label: t.text, values: [], cuts: null, parent: sub ? lastParent : -1 });
    } else if (rows.length > 0) rows[rows.length - 1]!.values.push(t);
  }
  // A two-column header over rows that each print one run, some of a single digit (which cannot be
  // two cells): the cumulative column is empty, every run is the annual value alone
  // (2017_pingtan_jjf_80525.txt: `主动公开文件数条148`, the prose says 148 条, `…申请总数条2`).
  // Only the table's rows vote (an item, or a part under one): a page's furniture after the table —
  // a browser's print footer `about:blank` over the page number `2/2` — is no row with one cell.
  const valued = rows.filter((r) => r.values.length > 0 && (r.parent >= 0 || legacyItem(r.label) !== null));
  if (twoColumns && valued.every((r) => r.values.length === 1) && valued.some((r) => /^\d$/.test(r.values[0]!.text))) twoColumns = false;
  for (const r of rows) {
    if (twoColumns && r.values.length === 1 && r.values[0]!.kind === 'num' && /^\d+$/.test(r.values[0]!.text)) {
      r.cuts = annualCumulativeCuts(r.values[0]!.text);
    }
  }
  const decided = decideByTotals(rows);
  const facts: Fact[] = [];
  const done = new Set<string>();
  rows.forEach((row, ri) => {
    const item = legacyItem(row.label);
    if (!item || done.has(item) || row.values.length === 0) return;
    done.add(item);
    const t = row.values[0]!;
    const base = { reportId: ctx.reportId, table: 'legacy' as const, item, column: 'total', derived: false,
      rowLabel: row.label, columnLabel: '年度', unit: '件' as const, location: ctx.findings.loc(t.line) };
    const run = t.text;
    if (t.kind === 'blank') {
      facts.push({ ...base, value: null, raw: run });
      return;
    }
    if (row.values.length >= 2 || !/^\d+$/.test(run) || !twoColumns) {
      // the columns arrived as separate cells (the first is the annual one), or the table has one
      const v = Number(run.replace(/,/g, ''));
      facts.push({ ...base, value: Number.isFinite(v) ? v : null, raw: run });
      return;
    }
    const byTotals = decided.get(ri);
    const own = splitAnnualCumulative(run);
    const cuts = 'annual' in own ? [[own.annual, own.cumulative] as [string, string]] : own.candidates;
    if (byTotals || cuts.length === 1) {
      const [annual] = byTotals ?? cuts[0]!;
      facts.push({ ...base, value: Number(annual), raw: annual });
    } else if (cuts.length === 0) {
      ctx.findings.add('unsplittable-cells', `「${row.label}」的「${run}」无法拆分为年度和历年累计两列，未取值`,
        `"${row.label}": "${run}" cannot be read as the two cells annual | cumulative; left blank`, t.line,
        { table: 'legacy', item, raw: run, reason: 'too-few', cells: 2 });
      facts.push({ ...base, value: null, raw: run });
    } else {
      ctx.findings.add('ambiguous-split', `「${row.label}」的「${run}」无法唯一拆分为年度和历年累计两列，未取值`,
        `"${row.label}": "${run}" does not split uniquely into annual | cumulative; left blank`, t.line,
        { table: 'legacy', item, raw: run, candidates: cuts.slice(0, 20) });
      facts.push({ ...base, value: null, raw: run });
    }
  });
  return facts;
}
