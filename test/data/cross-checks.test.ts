// Cross-report checks on real reports: the report's prose against its table (src/dataset/prose.ts)
// and an agency's years against each other (src/dataset/cross-checks.ts). Both sides are in the
// finding; no number is changed.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/parse/parse-report';
import { proseClaims, withProseFindings } from '../../src/dataset/prose';
import { crossFindingsSql } from '../../src/dataset/cross-checks';
import { parsedToDataset } from '../../src/ui/import/to-dataset';
import { resolveDataset } from '../../src/dataset/to-dataset';
import { insertRowsSql } from '../../src/data/insert';
import { buildMetricsSql } from '../../src/data/metrics';
import { createTableSql, DATASET_TABLE_NAMES } from '../../src/data/schema';
import { createNodeRunner } from '../helpers/duckdb-node';

const PT = 'data/pingtan-departments/reports';
const read = (f: string) => readFileSync(f, 'utf8');
const parse = (f: string) => parseReport({ sourceFile: f.split('/').pop()!, text: read(f) });

describe('prose against table', () => {
  it('湘潭县 2024: the text says 收到依申请公开请求0条, table 3 prints 33 new (35 with carried over)', async () => {
    const f = 'data/reports/2024_xiangtanxian_zfbgs.txt';
    const p = withProseFindings(await parse(f), read(f));
    const [finding] = p.findings.filter((x) => String(x.code) === 'prose-table-mismatch');
    expect(finding.details).toMatchObject({ prose: '收到依申请公开请求0条', proseValue: 0, tableNew: 33, tableReceived: 35 });
    // nothing changed: the table's figure is still the fact
    expect(p.facts.find((x) => x.table === 'requests' && x.item === 'new' && x.column === 'total')!.value).toBe(33);
  });

  it('平潭 综合执法与应急管理局 2024: 共收到政府信息公开申请4件 in the text, 0 in the table', async () => {
    const f = `${PT}/2024_pingtan_zhzfyjj.txt`;
    const [finding] = withProseFindings(await parse(f), read(f)).findings.filter((x) => String(x.code) === 'prose-table-mismatch');
    expect(finding.details).toMatchObject({ proseValue: 4, tableNew: 0 });
  });

  it('says nothing when the prose agrees with the table (平潭综合实验区 2024: 218)', async () => {
    const f = 'data/reports/2024_pingtan_zhqsyq.txt';
    const p = withProseFindings(await parse(f), read(f));
    expect(p.findings.filter((x) => String(x.code) === 'prose-table-mismatch')).toEqual([]);
  });

  it('does not read a table row run together as prose', () => {
    expect(proseClaims('受理其政府信息公开申请00000002.申请人逾期')).toEqual([]);
    expect(proseClaims('本年度共收到政府信息公开申请16件，主要涉及').map((c) => c.value)).toEqual([16]);
  });
});

async function crossFindings(files: string[], edit?: (ds: ReturnType<typeof parsedToDataset>) => void) {
  const r = await createNodeRunner();
  for (const t of DATASET_TABLE_NAMES) await r.run(createTableSql(t));
  const ds = resolveDataset(parsedToDataset(await Promise.all(files.map(parse))));
  edit?.(ds);
  for (const t of ['reports', 'facts'] as const) for (const s of insertRowsSql(t, ds[t])) await r.run(s);
  await r.run(buildMetricsSql());
  const out = (await Promise.all(crossFindingsSql().map((s) => r.query<Record<string, unknown>>(s)))).flat();
  r.close();
  return out;
}

describe('an agency across its years', () => {
  it('表二 现行有效: 财政金融局 2023 prints 8 normative documents in force, 2024 repeals 2 and prints 1', async () => {
    const rows = await crossFindings([`${PT}/2023_pingtan_czjrj.txt`, `${PT}/2024_pingtan_czjrj.txt`]);
    const f = rows.find((x) => x.code === 'in-force-discontinuity')!;
    expect(f.report_id).toBe('2024_pingtan_czjrj');
    expect(JSON.parse(String(f.details))).toMatchObject({ previous_report: '2023_pingtan_czjrj', in_force_previous: 8, issued: 0, repealed: 2, in_force: 1 });
    expect(String(f.message_zh)).toContain('8 件 + 本年制发 0 − 本年废止 2 = 6，本年报告为 1 件');
  });

  it('结转: 公安局 2021 carries 1 forward and 2022 carries 1 over — no finding; a changed 2022 gives one', async () => {
    const files = [`${PT}/2021_pingtan_gaj.txt`, `${PT}/2022_pingtan_gaj.txt`];
    expect((await crossFindings(files)).filter((x) => x.code === 'carryover-mismatch')).toEqual([]);
    const rows = await crossFindings(files, (ds) => {
      const f = ds.facts.find((x) => x.report_id === '2022_pingtan_gaj' && x.table === 'requests' && x.item === 'carried_over' && x.column === 'total')!;
      f.value = 3;
    });
    const f = rows.find((x) => x.code === 'carryover-mismatch')!;
    expect(JSON.parse(String(f.details))).toMatchObject({ previous_report: '2021_pingtan_gaj', carried_forward_previous: 1, carried_over_this: 3 });
  });
});
