// A QueryRunner over native DuckDB (@duckdb/node-api, same DuckDB v1.4.3 as the browser's wasm),
// so tests run exactly the SQL the dashboard runs.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import path from 'node:path';
import type { QueryRunner } from '../../src/data/query-runner';
import { createTableSql, DATASET_TABLE_NAMES } from '../../src/data/schema';
import { buildMetricsSql } from '../../src/data/metrics';
import { buildCubeSql } from '../../src/data/cube';
import { str } from '../../src/data/sql';

export interface NodeRunner extends QueryRunner {
  connection: DuckDBConnection;
  run(sql: string): Promise<void>;
  close(): void;
}

export async function createNodeRunner(dbPath = ':memory:'): Promise<NodeRunner> {
  const instance = await DuckDBInstance.create(dbPath);
  const connection = await instance.connect();
  return {
    connection,
    async query<T = Record<string, unknown>>(sql: string): Promise<T[]> {
      const reader = await connection.runAndReadAll(sql);
      return reader.getRowObjectsJS() as T[];
    },
    async run(sql: string) {
      await connection.run(sql);
    },
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

export const SMALL_DATASET_DIR = path.resolve(import.meta.dirname, '../fixtures/dataset-small');

/**
 * Load a dataset folder of CSVs (reports, facts, findings, checks, meta) into typed tables and
 * build `metrics`. CSVs are read as text and cast by the typed tables, so '' becomes NULL.
 */
export async function loadCsvDataset(runner: NodeRunner, dir = SMALL_DATASET_DIR): Promise<void> {
  for (const t of DATASET_TABLE_NAMES) {
    await runner.run(createTableSql(t));
    const file = path.join(dir, `${t}.csv`);
    await runner.run(`INSERT INTO ${t} BY NAME SELECT * FROM read_csv(${str(file)}, header = true, all_varchar = true)`);
  }
  await runner.run(buildMetricsSql());
  await runner.run(buildCubeSql());
}

/** A runner with dataset-small loaded. */
export async function smallDatasetRunner(): Promise<NodeRunner> {
  const r = await createNodeRunner();
  await loadCsvDataset(r);
  return r;
}
