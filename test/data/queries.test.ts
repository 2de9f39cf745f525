import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smallDatasetRunner, type NodeRunner } from '../helpers/duckdb-node';
import {
  runAgencies, runAppeals, runApplicantTypes, runCompare, compareQuantilesSql, runOutcomeGroups, runOverview, runProvenance,
  runQualityReports, runReasons, runReportBlankCells, runReportChecks, runReportFindings, runSankey, runSource, runTrends, runYears,
  aggregateSql, latestOverview, runContributingFacts,
} from '../../src/data/queries';
import { metricSources, requireMetric } from '../../src/data/metric-catalog';

const XT = '湘潭县人民政府办公室';
const PT = '平潭综合实验区';
const HOSTILE = 'SYNTHETIC<img src=x onerror=alert(1)>\'";\\局';

let db: NodeRunner;
beforeAll(async () => { db = await smallDatasetRunner(); });
afterAll(() => db?.close());

describe('overview', () => {
  it('gives 湘潭县 2024 received = 35 (33 new + 2 carried over) and its reconsideration counts', async () => {
    const rows = await runOverview(db, { selection: { agencies: [XT] } });
    const get = (m: string) => rows.find((r) => r.metric === m && r.year === 2024)!;
    expect(get('received').value).toBe(35);
    expect(get('review_total').value).toBe(8);
    const cr = get('correction_rate');
    expect(cr.numerator).toBe(4);
    expect(cr.denominator).toBe(8); // 8 total − 0 pending
    expect(cr.value).toBe(0.5);
    const gr = get('granted_rate');
    expect(gr.numerator).toBe(11);
    expect(gr.denominator).toBe(33);
  });

  it('picks the latest year for the overview cards, with YoY against the previous one', async () => {
    const cards = latestOverview(await runOverview(db, { selection: { agencies: ['平潭综合实验区'] } }));
    expect(cards.get('received')).toMatchObject({ year: 2024, value: 218, prev_year: 2022, prev_value: 75 });
    expect(cards.get('review_total')).toMatchObject({ value: 7, prev_value: 2 });
  });

  it('computes year-over-year against the previous year present, naming that year', async () => {
    const rows = await runOverview(db, { selection: { agencies: [PT] }, metrics: ['new'] });
    expect(rows.map((r) => [r.year, r.value, r.prev_year, r.prev_value])).toEqual([[2022, 74, null, null], [2024, 218, 2022, 74]]);
    expect(rows[1].yoy).toBeCloseTo((218 - 74) / 74, 10);
  });
});

describe('aggregates keep blanks as no data', () => {
  it('sums over only blank cells to NULL and says how many reports had data', async () => {
    const rows = await runTrends(db, { selection: { agencies: ['SYNTHETIC空白局'] }, metrics: ['carried_over', 'new', 'received'], mode: 'aggregate' });
    const by = Object.fromEntries(rows.map((r) => [r.metric, r]));
    expect(by.carried_over.value).toBeNull();
    expect(by.carried_over.n_data).toBe(0);
    expect(by.carried_over.n_reports).toBe(1);
    expect(by.new.value).toBe(5);
    expect(by.received.value).toBeNull(); // 5 + blank is unknown, not 5
  });

  it('leaves a report out of a rate whose denominator is not printed', async () => {
    // 平潭 2022 prints review total 2 and corrected 1 but no pending: not in the denominator
    const rows = await runTrends(db, { selection: { agencies: [PT] }, metrics: ['correction_rate'], mode: 'aggregate' });
    const y22 = rows.find((r) => r.year === 2022)!;
    expect(y22.value).toBeNull();
    expect(y22.n_data).toBe(0);
    const y24 = rows.find((r) => r.year === 2024)!;
    expect([y24.numerator, y24.denominator]).toEqual([1, 6]); // 1 corrected ÷ (7 − 1 pending)
  });

  it('sums 2024 new requests over all agencies with data (33+218+50+12+5)', async () => {
    const rows = await runTrends(db, { metrics: ['new'], mode: 'aggregate', selection: { years: [2024, 2024] } });
    expect(rows).toHaveLength(1);
    expect(rows[0].value).toBe(318);
    expect(rows[0].n_data).toBe(5);
  });

  it('groups per agency and year in trends agency mode', async () => {
    const rows = await runTrends(db, { selection: { agencies: [PT, 'SYNTHETIC甲县人民政府'] }, metrics: ['new'], mode: 'agency' });
    expect(rows.map((r) => [r.agency, r.year, r.value])).toEqual([
      ['SYNTHETIC甲县人民政府', 2023, 40], ['SYNTHETIC甲县人民政府', 2024, 50], [PT, 2022, 74], [PT, 2024, 218],
    ]);
  });

  it('refuses per-agency trends without selected agencies (national scale would be 150k lines)', () => {
    expect(() => runTrends(db, { metrics: ['new'], mode: 'agency' })).toThrow(/needs at least one/);
  });

  it('rejects an unknown metric id instead of building SQL from it', () => {
    expect(() => aggregateSql({ metrics: ["new'; DROP TABLE facts; --"], by: 'year' })).toThrow(/unknown metric/);
  });
});

describe('compare', () => {
  it('ranks agencies for 2024 new requests with quantiles, and lists no-data agencies unranked', async () => {
    const { rows, quantiles } = await runCompare(db, { metric: 'new', year: 2024, selection: { agencies: [XT] }, peers: 'selection' });
    expect(rows.map((r) => [r.agency, r.value, r.rank])).toEqual([
      [PT, 218, 1], ['SYNTHETIC甲县人民政府', 50, 2], [XT, 33, 3], [HOSTILE, 12, 4], ['SYNTHETIC空白局', 5, 5],
    ]);
    expect(rows.find((r) => r.agency === XT)!.highlighted).toBe(true);
    expect(rows[0].n_ranked).toBe(5);
    // median of [5, 12, 33, 50, 218]; no percentile bands from 5 peers (fewer than MIN_BAND_PEERS)
    expect(quantiles).toMatchObject({ n: 5, p10: null, p25: null, p50: 33, p75: null, p90: null });
    expect(quantiles.levels!.length).toBeGreaterThan(1); // a mixed group, and the view says so
    const [raw] = await db.query<Record<string, number>>(compareQuantilesSql({ metric: 'new', year: 2024, selection: { agencies: [XT] }, peers: 'selection' }));
    expect([raw.p10, raw.p25, raw.p75, raw.p90]).toEqual([expect.closeTo(7.8, 10), 12, 50, expect.closeTo(150.8, 10)]);
  });

  it('compares a selected agency with its real peers: same level, same province', async () => {
    const { rows, quantiles } = await runCompare(db, { metric: 'new', year: 2024, selection: { agencies: [XT] } });
    const peers = rows.filter((r) => r.value !== null);
    expect(new Set(peers.map((r) => r.level))).toEqual(new Set([rows.find((r) => r.agency === XT)!.level]));
    expect(quantiles.levels).toHaveLength(1);
  });

  it('puts agencies without data after the ranked ones with no rank', async () => {
    const { rows } = await runCompare(db, { metric: 'granted_rate', year: 2024 });
    const blank = rows.find((r) => r.agency === 'SYNTHETIC空白局')!;
    expect(blank.value).toBeNull();
    expect(blank.rank).toBeNull();
    expect(rows[rows.length - 1].agency).toBe('SYNTHETIC空白局');
  });

  it('drops failing reports from the ranking when excludeFailing is on', async () => {
    const { rows, quantiles } = await runCompare(db, { metric: 'new', year: 2024, selection: { excludeFailing: true } });
    expect(rows.map((r) => r.agency)).not.toContain('SYNTHETIC空白局');
    expect(quantiles.n).toBe(4);
  });

  it('can leave rates on few cases out of the ranking and the quantiles, still listing them', async () => {
    // 2024 correction rates: 平潭 1/6, SYNTHETIC甲 3/6, 湘潭县 4/8 — all under 10 cases
    const all = await runCompare(db, { metric: 'correction_rate', year: 2024 });
    expect(all.rows.filter((r) => r.rank !== null).map((r) => [r.agency, r.rank])).toEqual([['SYNTHETIC甲县人民政府', 1], [XT, 1], [PT, 3]]); // ties share a rank
    const strict = await runCompare(db, { metric: 'correction_rate', year: 2024, minDenominator: 10 });
    expect(strict.rows.every((r) => r.rank === null)).toBe(true);
    expect(strict.quantiles.n).toBe(0);
    expect(strict.rows.filter((r) => r.small).map((r) => r.value)).toEqual([0.5, 0.5, 1 / 6]);
    const loose = await runCompare(db, { metric: 'correction_rate', year: 2024, minDenominator: 7 });
    expect(loose.rows.filter((r) => r.rank !== null).map((r) => r.agency)).toEqual([XT]);
  });

  it('keeps the top N plus highlighted agencies when limited', async () => {
    const { rows } = await runCompare(db, { metric: 'new', year: 2024, limit: 1, selection: { agencies: ['SYNTHETIC空白局'] }, peers: 'selection' });
    expect(rows.map((r) => r.agency)).toEqual([PT, 'SYNTHETIC空白局']);
  });
});

describe('outcomes', () => {
  it('gives 湘潭县 2024 outcome groups from printed and derived cells', async () => {
    const rows = await runOutcomeGroups(db, { selection: { agencies: [XT] } });
    const v = Object.fromEntries(rows.map((r) => [r.key, r.value]));
    expect(v).toEqual({ granted: 11, partial: 13, denied: 2, unavailable: 7, rejected: 0, other: 0, outcome_total: 33 });
  });

  it('drills into reasons of a group', async () => {
    const rows = await runReasons(db, { selection: { agencies: [XT] }, group: 'denied' });
    expect(rows).toHaveLength(8);
    expect(rows.find((r) => r.key === 'denied_internal')!.value).toBe(2);
  });

  it('lists all 19 reason rows of the 2021 template', async () => {
    expect(await runReasons(db, { selection: { agencies: [XT] } })).toHaveLength(19);
  });

  it('splits 湘潭县 new requests by applicant type (26 natural, 7 commercial)', async () => {
    const rows = await runApplicantTypes(db, { selection: { agencies: [XT] } });
    expect(Object.fromEntries(rows.map((r) => [r.key, r.value]))).toEqual({ natural: 26, commercial: 7, research: 0, nonprofit: 0, legal: 0, other_org: 0 });
  });

  it('builds sankey links from each stage’s printed cells without rescaling', async () => {
    const links = await runSankey(db, { selection: { agencies: [XT] } });
    const l = (s: string, t: string) => links.find((x) => x.source === s && x.target === t)!.value;
    expect(l('applicant:natural', 'group:granted')).toBe(9);
    expect(l('applicant:commercial', 'group:denied')).toBe(2);
    expect(l('group:unavailable', 'outcome_total')).toBe(7);
    expect(l('outcome_total', 'appeal:review')).toBe(8);
    expect(l('appeal:review', 'review:corrected')).toBe(4);
    expect(l('appeal:review', 'review:other')).toBe(4);
  });

  it('lets sankey stages disagree where the report does (SYNTHETIC空白局: groups sum 1, total 6)', async () => {
    const links = await runSankey(db, { selection: { agencies: ['SYNTHETIC空白局'] } });
    const intoTotal = links.filter((x) => x.target === 'outcome_total').reduce((s, x) => s + (x.value ?? 0), 0);
    expect(intoTotal).toBe(1);
    const [g] = await runOutcomeGroups(db, { selection: { agencies: ['SYNTHETIC空白局'] } }).then((r) => r.filter((x) => x.key === 'outcome_total'));
    expect(g.value).toBe(6);
  });
});

describe('appeals', () => {
  it('reports 湘潭县 2024 reconsideration results and correction rate 4/(8−0)', async () => {
    const rows = await runAppeals(db, { selection: { agencies: [XT] } });
    const r = rows.find((x) => x.item === 'review')!;
    expect([r.upheld, r.corrected, r.other, r.pending, r.total]).toEqual([0, 4, 4, 0, 8]);
    expect([r.correction_numerator, r.correction_denominator, r.correction_rate]).toEqual([4, 8, 0.5]);
  });

  it('sums 平潭 2024 lawsuits after reconsideration (13 2 4 0 19)', async () => {
    const rows = await runAppeals(db, { selection: { agencies: [PT], years: [2024, 2024] } });
    const r = rows.find((x) => x.item === 'suit_after_review')!;
    expect([r.upheld, r.corrected, r.other, r.pending, r.total]).toEqual([13, 2, 4, 0, 19]);
    expect(r.correction_denominator).toBe(19);
  });

  it('gives NULL (no data), not 0, for an agency whose appeal cells are blank', async () => {
    const [r] = (await runAppeals(db, { selection: { agencies: ['SYNTHETIC空白局'] } })).filter((x) => x.item === 'review');
    expect(r.total).toBeNull();
    expect(r.correction_rate).toBeNull();
    expect(r.n_data).toBe(0);
  });
});

describe('pickers, quality, source, provenance', () => {
  it('finds agencies by partial Chinese name with their years', async () => {
    const rows = await runAgencies(db, { search: '平潭' });
    expect(rows).toEqual([expect.objectContaining({ agency: PT, years: [2022, 2024], n_reports: 2, region_code: '350128' })]);
    expect((await runAgencies(db, { search: '湘潭' })).map((r) => r.agency)).toEqual([XT]);
  });

  it('treats LIKE wildcards and quotes in a search as plain text', async () => {
    expect(await runAgencies(db, { search: '%' })).toEqual([]);
    expect(await runAgencies(db, { search: "'" })).toHaveLength(1); // only the hostile name has a quote
    expect((await runAgencies(db, { search: '<img' }))[0].agency).toBe(HOSTILE);
  });

  it('filters agencies by level and region prefix', async () => {
    expect((await runAgencies(db, { region: '4303' })).map((r) => r.agency)).toEqual([XT]);
    expect((await runAgencies(db, { levels: ['county'] })).map((r) => r.agency).sort()).toEqual([HOSTILE, 'SYNTHETIC甲县人民政府'].sort());
  });

  it('lists years with report counts', async () => {
    expect((await runYears(db)).map((r) => [r.year, r.n_reports])).toEqual([[2022, 1], [2023, 1], [2024, 5]]);
  });

  it('summarises checks, findings and blank cells per report, also the undated failed one', async () => {
    const rows = await runQualityReports(db, { includeUndated: true, selection: { years: [2024, 2024] } });
    const b = rows.find((r) => r.report_id === 'synthetic_blank_2024')!;
    expect(b).toMatchObject({ checks_total: 2, checks_failed: 1, checks_skipped: 1, finding_count: 1, blank_cells: 7 });
    expect(rows[0].report_id).toBe('synthetic_blank_2024'); // failing first
    expect((await runQualityReports(db, { includeUndated: true, limit: 1 })).map((r) => r.report_id)).toEqual(['synthetic_blank_2024']);
    expect(rows.some((r) => r.report_id === 'synthetic_failed')).toBe(true);
    const checks = await runReportChecks(db, 'synthetic_blank_2024');
    expect(checks[0]).toMatchObject({ check_id: 'requests.outcome_sum', lhs: 6, rhs: 1, status: 'fail' });
    expect((await runReportFindings(db, 'synthetic_blank_2024'))[0].code).toBe('identity-broken');
    const blanks = await runReportBlankCells(db, 'synthetic_blank_2024');
    expect(blanks).toHaveLength(7);
    expect(blanks.find((b) => b.item === 'granted')!.raw).toBe('/');
  });

  it('traces a number to its printed cell: raw text, labels and location', async () => {
    const [f] = await runSource(db, { reportId: '2024_xiangtanxian_zfbgs', table: 'requests', item: 'new', column: 'natural' });
    expect(f).toMatchObject({ value: 26, raw: '26', derived: false, row_label: '一、本年新收政府信息公开申请数量', source_file: 'reports/2024_xiangtanxian_zfbgs.txt' });
    const [blank] = await runSource(db, { reportId: 'synthetic_blank_2024', item: 'carried_over' });
    expect([blank.value, blank.raw]).toEqual([null, '—']);
    expect(await runSource(db, { reportId: "x' OR '1'='1" })).toEqual([]);
  });

  it('traces an aggregate to each report’s printed cell, listing reports without it as no data', async () => {
    const [src] = metricSources(requireMetric('carried_over'));
    expect(src).toEqual({ table: 'requests', item: 'carried_over', column: 'total', role: 'value' });
    const rows = await runContributingFacts(db, { ...src, year: 2024 });
    // largest first, then by agency (DuckDB's byte order); the blank report last with its raw text
    expect(rows.map((r) => [r.agency, r.value, r.raw])).toEqual([
      [XT, 2, '2'], [HOSTILE, 0, '0'], ['SYNTHETIC甲县人民政府', 0, '0'], [PT, 0, '0'], ['SYNTHETIC空白局', null, '—'],
    ]);
    const cr = metricSources(requireMetric('correction_rate'));
    expect(cr.map((s) => `${s.role}:${s.item}.${s.column}`)).toEqual(['value:review.corrected', 'denominator:review.total', 'denominator:review.pending']);
  });

  it('lists provenance of every report including the failed one', async () => {
    const rows = await runProvenance(db);
    expect(rows).toHaveLength(8);
    expect(rows.find((r) => r.report_id === 'synthetic_failed')).toMatchObject({ status: 'failed', error: 'no text layer', format: 'pdf' });
  });
});
