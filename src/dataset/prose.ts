// The report's own prose against its table: many reports state their request total in words
// ("本年度共收到政府信息公开申请16件"). When the words give a number the table does not (neither
// 本年新收 nor 新收 + 上年结转), that is a finding with both sides — nothing is changed, the table's
// number stays what is counted. The seed 2024_xiangtanxian_zfbgs.txt says "收到依申请公开请求0条"
// while its 表三 prints 33 new requests.
import type { Fact, Finding, FindingCode, ParsedReport } from '../model/types';

/**
 * Finding codes of the cross-checks (stable). Declared here, not in the parser's FindingCode union
 * (src/parse/findings.ts maps every parser code to a severity; these are not the parser's).
 */
export const CROSS_CHECK_CODES = {
  prose: 'prose-table-mismatch',
  carryover: 'carryover-mismatch',
  inForce: 'in-force-discontinuity',
} as const;

/** A request figure stated in prose: the sentence fragment and its number. */
export interface ProseClaim { text: string; value: number; offset: number }

// 共收到/收到/受理 … 政府信息公开申请|依申请公开(请求) … N 件|条|份; the number must stand alone
// (a table row run together, "受理其政府信息公开申请00000002", is not prose).
const CLAIM = /(?:共收到|收到|共受理|受理)(?:了)?(?:[^，。；;,\d\s]{0,10}?)(?:政府信息公开|依申请公开)(?:的)?(?:申请|请求)?(?:件)?\s?(?<n>0|[1-9]\d{0,4})\s?(?:件|条|份)/g;

export function proseClaims(text: string): ProseClaim[] {
  const plain = text.replace(/<[^>]+>/g, ' ');
  const out: ProseClaim[] = [];
  for (const m of plain.matchAll(CLAIM)) {
    const after = plain.slice(m.index + m[0].length, m.index + m[0].length + 1);
    if (/\d/.test(after)) continue;
    out.push({ text: m[0], value: Number(m.groups!.n), offset: m.index });
  }
  return out;
}

const total = (facts: readonly Fact[], item: string) => facts.find((f) => f.table === 'requests' && f.item === item && f.column === 'total')?.value ?? null;

/**
 * Findings for prose claims that match neither the table's new requests nor new + carried over.
 * Only the first claim is compared (later sentences often give a part: "其中网络申请2件").
 */
export function proseFindings(p: ParsedReport, text: string): Finding[] {
  const [claim] = proseClaims(text);
  const fresh = total(p.facts, 'new');
  if (!claim || fresh === null) return [];
  const carried = total(p.facts, 'carried_over');
  const received = carried === null ? null : fresh + carried;
  if (claim.value === fresh || claim.value === received) return [];
  const tableZh = `表三 本年新收 ${fresh}${received !== null ? `（加上年结转共 ${received}）` : ''}`;
  const tableEn = `table 3 prints ${fresh} new requests${received !== null ? ` (${received} with those carried over)` : ''}`;
  return [{
    reportId: p.report.reportId, code: CROSS_CHECK_CODES.prose as unknown as FindingCode, severity: 'warning',
    messageZh: `正文写“${claim.text}”，${tableZh}：两者不一致。数字以表格为准计入，请核对原文。`,
    messageEn: `The text says "${claim.text}" (${claim.value}) but ${tableEn}. The table's figure is counted; check the original.`,
    location: { text: `prose @${claim.offset}` },
    details: { prose: claim.text, proseValue: claim.value, tableNew: fresh, tableReceived: received },
  }];
}

/** The parsed report with its prose findings added (status 'findings' when there is one). */
export function withProseFindings(p: ParsedReport, text: string): ParsedReport {
  if (p.status === 'failed') return p;
  const extra = proseFindings(p, text);
  return extra.length ? { ...p, findings: [...p.findings, ...extra], status: p.status === 'ok' ? 'findings' : p.status } : p;
}
