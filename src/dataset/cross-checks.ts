// Checks across an agency's years, on counted reports only (one per agency-year; the identity rule
// of ./identity.ts has run), as findings of the later report with both sides — nothing is changed:
//
//   carryover-mismatch       结转下年度继续办理 (table 3, row 四) of Y−1  vs  上年结转 (row 二) of Y
//   in-force-discontinuity   表二 现行有效 of Y−1 + 本年制发 of Y − 本年废止 of Y  vs  现行有效 of Y
//                            (规章 and 行政规范性文件, where the template prints them: 2021)
//
// Pure SQL over `metrics` (the build runs it after metrics: src/cli/write-dataset.ts).
import { CROSS_CHECK_CODES } from './prose';

const col = (table: string, item: string, column: string) => `${table}__${item}__${column}`;

// counts print as integers (2, not 2.0)
const fmt = (v: string) => `coalesce(CASE WHEN ${v} = round(${v}) THEN CAST(CAST(${v} AS BIGINT) AS VARCHAR) ELSE CAST(${v} AS VARCHAR) END, '—')`;

/** SELECTs of finding rows (report_id, code, severity, message_zh, message_en, location, details). */
export function crossFindingsSql(source = 'metrics'): string[] {
  const pair = (cols: string[]) => `SELECT y.report_id, y.agency, y.year, p.year AS prev_year, p.report_id AS prev_report,
    ${cols.map((c) => `p.${c} AS p_${c}, y.${c} AS y_${c}`).join(', ')}
  FROM ${source} y JOIN ${source} p ON p.agency_id = y.agency_id AND p.year = y.year - 1
  WHERE y.agency_id IS NOT NULL`;
  const fwd = col('requests', 'carried_forward', 'total');
  const over = col('requests', 'carried_over', 'total');
  const out = [`SELECT report_id, '${CROSS_CHECK_CODES.carryover}' AS code, 'warning' AS severity,
  printf('%d 年报告的“结转下年度继续办理” %s 件，与本年（%d）报告的“上年结转” %s 件不一致（%s → %s）。两份报告都未改动，请核对。', prev_year, ${fmt(`p_${fwd}`)}, year, ${fmt(`y_${over}`)}, prev_report, report_id) AS message_zh,
  printf('The %d report carries %s requests forward to next year; this %d report says %s were carried over (%s → %s). Neither is changed; check both.', prev_year, ${fmt(`p_${fwd}`)}, year, ${fmt(`y_${over}`)}, prev_report, report_id) AS message_en,
  'table 3 row 二 / row 四' AS location,
  to_json({previous_report: prev_report, previous_year: prev_year, carried_forward_previous: p_${fwd}, carried_over_this: y_${over}})::VARCHAR AS details
FROM (${pair([fwd, over])}) WHERE p_${fwd} IS NOT NULL AND y_${over} IS NOT NULL AND p_${fwd} <> y_${over}`];
  for (const [item, zh, en] of [['regulations', '规章', 'regulations'], ['normative_documents', '行政规范性文件', 'normative documents']] as const) {
    const [inForce, issued, repealed] = ['in_force', 'issued', 'repealed'].map((c) => col('active', item, c));
    const expected = `(p_${inForce} + y_${issued} - y_${repealed})`;
    out.push(`SELECT report_id, '${CROSS_CHECK_CODES.inForce}' AS code, 'warning' AS severity,
  printf('${zh}现行有效件数不连续：%d 年 %s 件 + 本年制发 %s − 本年废止 %s = %s，本年报告为 %s 件（%s → %s）。', prev_year, ${fmt(`p_${inForce}`)}, ${fmt(`y_${issued}`)}, ${fmt(`y_${repealed}`)}, ${fmt(expected)}, ${fmt(`y_${inForce}`)}, prev_report, report_id) AS message_zh,
  printf('${en} in force do not continue: %s in %d + %s issued − %s repealed = %s, but this report prints %s (%s → %s).', ${fmt(`p_${inForce}`)}, prev_year, ${fmt(`y_${issued}`)}, ${fmt(`y_${repealed}`)}, ${fmt(expected)}, ${fmt(`y_${inForce}`)}, prev_report, report_id) AS message_en,
  'table 2 ${item}' AS location,
  to_json({previous_report: prev_report, previous_year: prev_year, in_force_previous: p_${inForce}, issued: y_${issued}, repealed: y_${repealed}, in_force: y_${inForce}})::VARCHAR AS details
FROM (${pair([inForce, issued, repealed])}) WHERE ${expected} IS NOT NULL AND y_${inForce} IS NOT NULL AND ${expected} <> y_${inForce}`);
  }
  return out;
}
