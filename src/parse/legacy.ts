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
  const cands: [string, string][] = [];
  for (let i = 1; i < run.length; i++) {
    const a = run.slice(0, i);
    const b = run.slice(i);
    if ((a.length > 1 && a[0] === '0') || (b.length > 1 && b[0] === '0')) continue;
    if (Number(b) >= Number(a)) cands.push([a, b]);
  }
  if (run.length % 2 === 0) {
    const h = run.length / 2;
    const eq = cands.find(([a]) => a.length === h);
    if (eq) return { annual: eq[0], cumulative: eq[1] };
  }
  if (cands.length === 1) return { annual: cands[0]![0], cumulative: cands[0]![1] };
  return { candidates: cands };
}

export function legacyFacts(tokens: Token[], ctx: FactContext): Fact[] {
  // group value tokens under the label before them
  const rows: { label: string; values: Extract<Token, { kind: 'num' | 'blank' }>[] }[] = [];
  for (const t of tokens) {
    if (t.kind === 'label') rows.push({ label: t.text, values: [] });
    else if (rows.length > 0) rows[rows.length - 1]!.values.push(t);
  }
  const facts: Fact[] = [];
  const done = new Set<string>();
  for (const row of rows) {
    const item = legacyItem(row.label);
    if (!item || done.has(item) || row.values.length === 0) continue;
    done.add(item);
    const t = row.values[0]!;
    const base = { reportId: ctx.reportId, table: 'legacy' as const, item, column: 'total', derived: false,
      rowLabel: row.label, columnLabel: '年度', unit: '件' as const, location: ctx.findings.loc(t.line) };
    const run = t.text;
    if (t.kind === 'blank') {
      facts.push({ ...base, value: null, raw: run });
      continue;
    }
    if (row.values.length >= 2 || !/^\d+$/.test(run)) {
      // the two columns arrived as separate cells: the first is the annual one
      const v = Number(run.replace(/,/g, ''));
      facts.push({ ...base, value: Number.isFinite(v) ? v : null, raw: run });
      continue;
    }
    const s = splitAnnualCumulative(run);
    if ('annual' in s) {
      facts.push({ ...base, value: Number(s.annual), raw: s.annual });
    } else {
      ctx.findings.add('ambiguous-split', `「${row.label}」的「${run}」无法唯一拆分为年度和历年累计两列，未取值`,
        `"${row.label}": "${run}" does not split uniquely into annual | cumulative; left blank`, t.line,
        { table: 'legacy', item, raw: run, candidates: s.candidates.slice(0, 20) });
      facts.push({ ...base, value: null, raw: run });
    }
  }
  return facts;
}
