// A QueryRunner and a Connector over native DuckDB (@duckdb/node-api, same DuckDB v1.4.3 as the
// browser's wasm), so tests run exactly the SQL the dashboard runs, and the data session
// (src/data/session.ts) runs in Node exactly as in the browser.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Connector } from '../../src/data/connector';
import { sqlOf, type QueryRunner, type Sql } from '../../src/data/query-runner';
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
    async query<T = Record<string, unknown>>(q: Sql): Promise<T[]> {
      const reader = await connection.runAndReadAll(sqlOf(q));
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

export interface NodeConnector extends Connector {
  /** Every statement run, in order (tests assert what did and did not run). */
  log: string[];
  close(): void;
}

/**
 * The Connector of src/data/connector.ts over native DuckDB: a registered file is written to a temp
 * folder and ATTACHed by its path (only test code and the CLI touch the file system). BIGINT comes
 * back as number, as duckdb-wasm's castBigIntToDouble gives it.
 */
export async function createNodeConnector(): Promise<NodeConnector> {
  const runner = await createNodeRunner();
  const dir = mkdtempSync(path.join(tmpdir(), 'nb-connector-'));
  const log: string[] = [];
  return {
    log,
    async query<T = Record<string, unknown>>(sql: string): Promise<T[]> {
      log.push(sql);
      const rows = await runner.query<Record<string, unknown>>(sql);
      return rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v]))) as T[];
    },
    async registerFile(name, bytes) {
      const file = path.join(dir, name.replace(/[^\w.-]/g, '_'));
      writeFileSync(file, bytes);
      return file;
    },
    close() {
      runner.close();
      rmSync(dir, { recursive: true, force: true });
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
