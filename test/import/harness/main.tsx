// Harness: a "bundled" dataset (one real report parsed at start, dataset = 'real') in duckdb-wasm,
// the import panel on top, and a table of new requests per agency and year from the data layer's
// aggregate query (src/data/queries/aggregate.ts) — so a test sees imported reports arrive in the same SQL views the dashboard queries.
import { StrictMode, useCallback, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { startDuckDb } from '../../../src/data/duckdb-wasm';
import { insertDatasetSql, insertRowsSql } from '../../../src/data/insert';
import { rebuildImported, setupViewsSql } from '../../../src/data/load-dataset';
import { runAggregate, type AggregateRow } from '../../../src/data/queries';
import { createTableSql, DATASET_TABLE_NAMES } from '../../../src/data/schema';
import { parseReport } from '../../../src/parse/parse-report';
import { sqlOf, type QueryRunner, type Sql } from '../../../src/data/query-runner';
import { ImportPanel, type Source } from '../../../src/ui/import/ImportPanel';
import { parsedToDataset } from '../../../src/ui/import/to-dataset';
import type { ImportTarget } from '../../../src/ui/import/use-import';

let once: ReturnType<typeof setupOnce> | null = null;
// Once per page: React StrictMode runs effects twice in development.
const setup = () => (once ??= setupOnce());

async function setupOnce(): Promise<{ runner: QueryRunner; target: ImportTarget }> {
  const db = await startDuckDb();
  const run = async (sql: string) => { await db.query(sql); };
  await run('CREATE SCHEMA nb');
  for (const t of DATASET_TABLE_NAMES) await run(createTableSql(t, { schema: 'nb' }));
  const text = await (await fetch(new URL('bundled.txt', document.baseURI))).text();
  const bundled = parsedToDataset([await parseReport({ sourceFile: '2024_pingtan_zhqsyq.txt', text })]);
  for (const s of insertRowsSql('reports', bundled.reports, { schema: 'nb' })) await run(s);
  for (const s of insertRowsSql('facts', bundled.facts, { schema: 'nb' })) await run(s);
  for (const s of setupViewsSql([...DATASET_TABLE_NAMES])) await run(s);
  const runner: QueryRunner = { query: <T,>(q: Sql) => db.query<T>(sqlOf(q)) };
  const q = (sql: string) => runner.query(sql);
  const target: ImportTarget = {
    async importDataset(ds, opts) { for (const s of insertDatasetSql(ds, { schema: 'imp' })) await run(s); if (opts?.rebuild !== false) await rebuildImported(q); },
    async clearImported() { for (const t of DATASET_TABLE_NAMES) await run(`DELETE FROM imp."${t}"`); await rebuildImported(q); },
  };
  return { runner, target };
}

function Harness() {
  const [db, setDb] = useState<{ runner: QueryRunner; target: ImportTarget } | null>(null);
  const [rows, setRows] = useState<(AggregateRow & { dataset?: string })[]>([]);
  const [source, setSource] = useState<Source>('both');
  const [version, setVersion] = useState(0);
  const [err, setErr] = useState<string | null>(null);
  useEffect(() => { setup().then(setDb, (e) => setErr(String(e))); }, []);
  useEffect(() => {
    if (!db) return;
    runAggregate(db.runner, { selection: { source }, metrics: ['new'], by: 'agency_year' })
      .then(async (r) => {
        const imported = new Set((await db.runner.query<{ agency: string }>(`SELECT DISTINCT agency FROM reports WHERE dataset = 'imported'`)).map((x) => x.agency));
        setRows(r.map((x) => ({ ...x, dataset: x.agency && imported.has(x.agency) ? 'imported' : 'bundled' })));
        document.body.dataset.results = String(version);
      }, (e) => setErr(String(e)));
  }, [db, source, version]);
  const bump = useCallback(() => setVersion((v) => v + 1), []);
  if (err) return <p role="alert">{err}</p>;
  if (!db) return <p>loading…</p>;
  return (
    <main>
      <ImportPanel lang="zh" target={db.target} source={source} onSourceChange={setSource} onImported={bump} />
      <table id="results">
        <tbody>
          {rows.map((r, i) => (
            <tr key={i} data-agency={r.agency ?? ''} data-year={r.year ?? ''} data-dataset={r.dataset}>
              <td>{r.agency}{r.dataset === 'imported' ? ' (导入)' : ''}</td><td>{r.year}</td><td className="value">{r.value === null ? '' : r.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(<StrictMode><Harness /></StrictMode>);
