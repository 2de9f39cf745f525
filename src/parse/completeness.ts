// Stage — check and status: failed identities as findings, tables and rows the template has but
// the text lacks, a text that stops inside the tables.

import type { Check, Fact, ReportIdentity } from '../model';
import type { FindingList } from './findings';
import type { Assembled } from './tables';

export function reportChecks(checks: Check[], findings: FindingList): void {
  for (const c of checks) {
    if (c.status !== 'fail') continue;
    findings.add('identity-broken',
      `勾稽关系不成立（${c.checkId}，${c.subject}）：${c.lhsLabel} = ${c.lhs}，${c.rhsLabel} = ${c.rhs}`,
      `Identity broken (${c.checkId}, ${c.subject}): ${c.lhsLabel} = ${c.lhs} but ${c.rhsLabel} = ${c.rhs}`,
      undefined, { checkId: c.checkId, table: c.table, subject: c.subject, lhs: c.lhsLabel, rhs: c.rhsLabel, lhsValue: c.lhs, rhsValue: c.rhs });
  }
}

const TABLE_NAMES = { active: '二、主动公开政府信息情况', requests: '三、收到和处理政府信息公开申请情况', appeals: '四、政府信息公开行政复议、行政诉讼情况' } as const;

export function completeness(report: ReportIdentity, a: Assembled | null, legacy: boolean, facts: Fact[], findings: FindingList): void {
  if (legacy) {
    findings.add('legacy-layout', '2019年以前的报告格式：只读取了主要指标', 'Pre-2019 layout: only the headline figures were read', undefined,
      { items: facts.filter((f) => f.table === 'legacy').map((f) => f.item) });
    if (!facts.some((f) => f.table === 'legacy')) {
      findings.add('missing-table', '未找到政府信息公开情况统计表', 'The statistics table (统计表) was not found', undefined, { table: 'legacy' });
    }
    return;
  }
  const has = (t: string) => facts.some((f) => f.table === t && !f.derived) ||
    (t === 'requests' && (a?.requests.some((r) => r.values.length > 0) ?? false)) ||
    (t === 'active' && (a?.active.some((r) => r.values.length > 0) ?? false)) ||
    (t === 'appeals' && (a?.appeals?.values.length ?? 0) > 0);
  const missingTables = (['active', 'requests', 'appeals'] as const).filter((t) => !has(t));
  // the text stops before the tables end when table 4 is not complete and no later section follows
  const truncated = a !== null && a.endedInTable && facts.filter((f) => f.table === 'appeals' && f.value !== null).length < 15;
  if (truncated) {
    const last = facts.filter((f) => !f.derived).pop();
    findings.add('truncated', '文本在表格中途结束，之后的内容缺失', 'The text stops inside the tables; what follows is missing',
      last?.location.line, { lastTable: last?.table ?? null, lastItem: last?.item ?? null });
  }
  for (const t of missingTables) {
    findings.add('missing-table', `未找到表格「${TABLE_NAMES[t]}」`, `Table "${TABLE_NAMES[t]}" was not found`, undefined, { table: t });
  }
  if (a && has('requests')) {
    const present = new Set(facts.filter((f) => f.table === 'requests' && !f.derived).map((f) => f.item));
    const single = present.has('other_total');
    const expected = ['new', 'carried_over', 'granted', 'partial',
      'denied_state_secret', 'denied_prohibited', 'denied_security', 'denied_third_party', 'denied_internal',
      'denied_deliberative', 'denied_enforcement_file', 'denied_inquiry', 'unavailable_not_held',
      'unavailable_needs_creation', 'unavailable_unclear', 'rejected_petition', 'rejected_duplicate',
      'rejected_publication', 'rejected_excessive', 'rejected_confirmation',
      ...(single || report.template === '2019' ? ['other_total'] : ['other_overdue_correction', 'other_overdue_fee', 'other_misc']),
      'outcome_total', 'carried_forward'];
    const missing = expected.filter((k) => !present.has(k));
    if (missing.length > 0) {
      findings.add('missing-row', `表三缺少 ${missing.length} 行`, `Table 3 lacks ${missing.length} row(s)`, undefined, { table: 'requests', missing });
    }
  }
}
