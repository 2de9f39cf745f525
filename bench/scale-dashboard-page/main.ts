// Bench page for bench/scale-dashboard.ts: loads the dataset the way the dashboard does (self-hosted
// duckdb-wasm eh bundle, fetch nianbao.duckdb → registerFileBuffer → ATTACH READ_ONLY, stack-probe
// §4) and runs the dashboard's first-view SQL builders from src/data/queries against `metrics`.
// It measures the query layer only: the dashboard UI (src/ui/) did not exist when this was written,
// so no chart is rendered here. Results go to window.__bench; nothing from the data is put into
// the DOM as HTML.
import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { appealsSql, compareSql, outcomeGroupsSql, overviewSql } from '../../src/data/queries';
import type { Selection } from '../../src/data/filters';

interface BenchApi {
  marks: Record<string, number>;
  rows: Record<string, number>;
  error?: string;
  view(sel: Selection, year: number): Promise<{ total: number; parts: Record<string, number> }>;
  memory(): Promise<number>;
}
declare global { interface Window { __bench: BenchApi } }

const out = document.getElementById('out')!;
const marks: Record<string, number> = {};
const rows: Record<string, number> = {};
const mark = (name: string) => { marks[name] = performance.now(); };

async function main(): Promise<void> {
  // only the eh bundle: Chromium always picks it (stack-probe §3)
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), new Worker(ehWorker));
  await db.instantiate(ehWasm);
  await db.open({ query: { castBigIntToDouble: true } });
  const conn = await db.connect();
  await conn.query(`SET autoinstall_known_extensions=false; SET autoload_known_extensions=false`);
  mark('duckdb');
  const buf = new Uint8Array(await (await fetch(new URL('data/nianbao.duckdb', document.baseURI))).arrayBuffer());
  mark('fetched');
  await db.registerFileBuffer('nianbao.duckdb', buf);
  await conn.query(`ATTACH 'nianbao.duckdb' AS nb (READ_ONLY)`);
  await conn.query(`USE nb`);
  mark('attached');
  const years = (await conn.query(`SELECT max(year)::INTEGER y FROM metrics`)).toArray().map((r) => r.toJSON());
  const lastYear = Number(years[0].y);

  // the first view: headline figures by year, outcome groups by year, the agency ranking for the
  // last year (top 20), appeals by year — the panels the dashboard opens with
  const view = async (sel: Selection, year: number): Promise<{ total: number; parts: Record<string, number> }> => {
    const t0 = performance.now();
    const parts: Record<string, number> = {};
    const sqls = {
      overview: overviewSql({ selection: sel }),
      outcomes: outcomeGroupsSql({ selection: sel, by: 'year' }),
      compare: compareSql({ selection: sel, metric: 'new', year, limit: 20 }),
      appeals: appealsSql({ selection: sel, by: 'year' }),
    };
    for (const [k, sql] of Object.entries(sqls)) {
      const t = performance.now();
      rows[k] = (await conn.query(sql)).numRows;
      parts[k] = performance.now() - t;
    }
    return { total: performance.now() - t0, parts };
  };
  await view({}, lastYear);
  mark('first-view');
  window.__bench = {
    marks, rows, view,
    memory: async () => Number((await conn.query(`SELECT sum(memory_usage_bytes)::DOUBLE m FROM duckdb_memory()`)).toArray()[0].toJSON().m),
  };
  out.textContent = `first view ${marks['first-view'].toFixed(0)} ms, last year ${lastYear}`;
  document.body.dataset.ready = '1';
}

main().catch((e: unknown) => {
  window.__bench = { marks, rows, error: String(e) } as BenchApi;
  out.textContent = `error: ${String(e)}`;
  document.body.dataset.ready = 'error';
});
