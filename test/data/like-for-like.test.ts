// Like-for-like change on real department reports of 平潭 (data/pingtan-departments): a rate is
// compared only over agencies that print its denominator in both years. 交通与建设局 prints 0
// reconsiderations in 2024 (no correction rate) and 1 of 9 corrected in 2025; 君山片区 1 of 1 in
// 2024, 0 of 1 in 2025. Pooling 交通与建设局's 0/0 in would still give 君山's 100% for 2024, but
// 1/10 for 2025: a change measured on different agencies.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeRunner, type NodeRunner } from '../helpers/duckdb-node';
import { ingest } from '../../src/ingest';
import { toDataset } from '../../src/dataset';
import { createTableSql, DATASET_TABLE_NAMES } from '../../src/data/schema';
import { insertRowsSql } from '../../src/data/insert';
import { buildMetricsSql } from '../../src/data/metrics';
import { runLikeForLike } from '../../src/data/queries';

const DIR = path.resolve(import.meta.dirname, '../../data/pingtan-departments/reports');
const FILES = ['2024_pingtan_jtj_97049.txt', '2025_pingtan_jtjsj.txt', '2024_pingtan_junshanpq.txt', '2025_pingtan_jsp_104809.txt'];
let db: NodeRunner;

beforeAll(async () => {
  const parsed = await Promise.all(FILES.map((f) => ingest({ name: f, bytes: new Uint8Array(readFileSync(path.join(DIR, f))) })));
  const ds = toDataset(parsed, { kind: 'real' });
  db = await createNodeRunner();
  for (const t of DATASET_TABLE_NAMES) await db.run(createTableSql(t));
  for (const t of ['reports', 'facts', 'findings', 'checks'] as const) for (const s of insertRowsSql(t, ds[t])) await db.run(s);
  await db.run(buildMetricsSql());
});
afterAll(() => db?.close());

describe('like-for-like change', () => {
  it('compares a rate only over agencies with its denominator in both years, and flags a small one', async () => {
    const [c] = await runLikeForLike(db, { metrics: ['correction_rate'], year: 2025, baseYear: 2024 });
    expect(c.n_both).toBe(1); // 君山 only: 交通与建设局 has no 2024 rate (0 reconsiderations)
    expect(c.base_value).toBe(1); // 1 of 1
    expect(c.value).toBe(0); // 0 of 1
    expect(c.change_pp).toBe(-100);
    expect([c.denominator, c.base_denominator]).toEqual([1, 1]);
    expect(c.small).toBe(true);
  });

  it('compares a count over every agency that prints it in both years', async () => {
    const [c] = await runLikeForLike(db, { metrics: ['review_total'], year: 2025, baseYear: 2024 });
    expect(c.n_both).toBe(2);
    expect([c.base_value, c.value]).toEqual([1, 10]); // 0 + 1 in 2024; 9 + 1 in 2025
    expect(c.small).toBe(false);
  });
});
