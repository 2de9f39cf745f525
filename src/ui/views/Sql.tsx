// The analysts' view: read-only SQL on the loaded data (src/data/queries/sql-view.ts decides what
// may run, and wraps it with the row limit), the tables and columns beside the editor, example
// queries, the result as a table and as CSV. The query is in the URL (q=…), so a link shares it;
// a query from the URL runs when the view opens.
import { useCallback, useEffect, useRef, useState } from 'react';
import { checkReadOnly, resultColumns, SQL_EXAMPLES, sqlSchemaSql, sqlViewQuery, type SqlRefusal } from '../../data/queries';
import { SQL_ROWS } from '../../state/url';
import { useApp } from '../context';
import { useQuery } from '../useQuery';
import { downloadCsv } from '../download';
import './analyst.css';

type Outcome =
  | { kind: 'rows'; columns: string[]; rows: Record<string, unknown>[]; cut: boolean; ms: number }
  | { kind: 'refused'; refusal: SqlRefusal }
  | { kind: 'error'; message: string; code?: string };

/** A cell as text: BigInt (DuckDB BIGINT/HUGEINT), dates, lists and structs included; blank stays blank. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'bigint') return v.toString();
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') {
    try {
      return JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? x.toString() : x));
    } catch {
      return String(v);
    }
  }
  return String(v);
}

export function Sql() {
  const { state, update, s, runnerFor, loadAllDetail } = useApp();
  const t = s.sqlView;
  const [text, setText] = useState(state.q || SQL_EXAMPLES[0].sql);
  const [busy, setBusy] = useState(false);
  const [out, setOut] = useState<Outcome | null>(null);
  const seq = useRef(0);
  const schema = useQuery('sql-schema', () => runnerFor({}).query<{ table_name: string; column_name: string; data_type: string }>(sqlSchemaSql()), false);

  const run = useCallback(async (sql: string, limit: number) => {
    const mine = ++seq.current;
    const checked = checkReadOnly(sql);
    if (!checked.ok) { setOut({ kind: 'refused', refusal: checked }); return; }
    setBusy(true);
    const runner = runnerFor({});
    const t0 = performance.now();
    try {
      // every province's detail first: a query over per-report tables must never count fewer
      // reports because a part is still downloading (src/data/session.ts: bare SQL waits for every part)
      await runner.query('SELECT count(*) AS n FROM metrics');
      const rows = await runner.query(sqlViewQuery(checked, limit));
      if (mine !== seq.current) return;
      const cut = rows.length > limit;
      const shown = cut ? rows.slice(0, limit) : rows;
      setOut({ kind: 'rows', columns: resultColumns(shown), rows: shown, cut, ms: performance.now() - t0 });
    } catch (e) {
      if (mine !== seq.current) return;
      const code = e && typeof e === 'object' && 'code' in e && typeof e.code === 'string' ? e.code : undefined;
      setOut({ kind: 'error', message: e instanceof Error ? e.message : String(e), code });
    } finally {
      if (mine === seq.current) setBusy(false);
    }
  }, [runnerFor]);

  // a query in the URL (a shared link, back/forward) runs as the view opens or the URL changes
  useEffect(() => {
    if (!state.q) return;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the URL is outside React; the editor follows it
    setText(state.q);
    void run(state.q, state.rows);
  }, [state.q, state.rows, run]);

  const submit = (sql: string) => {
    if (sql === state.q) void run(sql, state.rows);
    else update({ q: sql }); // the effect above runs it
  };

  const tables = new Map<string, { column: string; type: string }[]>();
  for (const r of schema.data ?? []) {
    const list = tables.get(r.table_name) ?? [];
    list.push({ column: r.column_name, type: r.data_type });
    tables.set(r.table_name, list);
  }

  return (
    <div className="sql-view">
      <section className="panel">
        <header className="panel-head"><h2>{s.views.sql}</h2></header>
        <p className="note">{t.intro}</p>
        <div className="sql-layout">
          <div className="sql-main">
            <label htmlFor="sql-editor" className="sql-label">{t.editor}</label>
            <textarea
              id="sql-editor" className="sql-editor" data-testid="sql-editor" spellCheck={false} rows={10} value={text}
              onChange={(e) => setText(e.target.value)}
              onKeyDown={(e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); submit(text); } }}
            />
            <div className="toolbar sql-toolbar">
              <button type="button" className="primary" data-testid="sql-run" disabled={busy} onClick={() => submit(text)}>{busy ? t.running : t.run}</button>
              <label>{t.rowsLabel}{' '}
                <select value={state.rows} onChange={(e) => update({ rows: Number(e.target.value) })}>
                  {SQL_ROWS.map((n) => <option key={n} value={n}>{n.toLocaleString()}</option>)}
                </select>
              </label>
              {out?.kind === 'rows' && out.rows.length > 0 ? (
                <button type="button" data-testid="sql-csv" onClick={() => downloadCsv(t.csvName, out.columns, out.rows.map((r) => Object.fromEntries(out.columns.map((c) => [c, cellText(r[c])]))))}>{s.downloadCsv}</button>
              ) : null}
            </div>
            {result(out)}
          </div>
          <aside className="sql-side">
            <h3>{t.examples}</h3>
            <ul className="sql-examples">
              {SQL_EXAMPLES.map((e) => (
                <li key={e.id}><button type="button" className="link" data-example={e.id} onClick={() => { setText(e.sql); submit(e.sql); }}>{e[state.lang]}</button></li>
              ))}
            </ul>
            <h3>{t.tables}</h3>
            {schema.error ? <p className="error" role="alert">{t.error}{schema.error}</p> : null}
            <div className="sql-tables" data-testid="sql-tables">
              {[...tables].map(([name, cols]) => (
                <details key={name}>
                  <summary><code>{name}</code> <span className="muted">({cols.length})</span></summary>
                  <ul>{cols.map((c) => <li key={c.column}><code>{c.column}</code> <span className="muted">{c.type}</span></li>)}</ul>
                </details>
              ))}
            </div>
          </aside>
        </div>
      </section>
    </div>
  );

  function result(out: Outcome | null) {
    if (!out) return null;
    if (out.kind === 'refused') {
      const r = out.refusal;
      const msg = r.code === 'sql-write' ? t.refusals['sql-write'](r.word) : r.code === 'sql-not-query' ? t.refusals['sql-not-query'](r.word.toUpperCase()) : t.refusals[r.code];
      return <p className="error sql-refused" role="alert" data-testid="sql-refused">{t.refused}{msg}</p>;
    }
    if (out.kind === 'error') {
      return (
        <div className="error sql-error" role="alert" data-testid="sql-error">
          <p>{t.error}</p>
          <pre>{out.message}</pre>
          {out.code === 'detail-too-large' ? <button type="button" onClick={loadAllDetail}>{s.detailLoadAll}</button> : null}
        </div>
      );
    }
    if (out.rows.length === 0) return <p className="empty" data-testid="sql-count">{t.noRows}</p>;
    // a column is right-aligned when its values are numbers (its first non-NULL one decides)
    const numeric = new Set(out.columns.filter((c) => { const v = out.rows.find((r) => r[c] !== null && r[c] !== undefined)?.[c]; return typeof v === 'number' || typeof v === 'bigint'; }));
    return (
      <>
        <p className="note" data-testid="sql-count">{t.rowsShown(out.rows.length, out.cut)} · {(out.ms / 1000).toFixed(2)} s</p>
        <div className="table-wrap" tabIndex={0} role="region" aria-label={t.result}>
          <table data-testid="sql-result">
            <caption>{t.result}</caption>
            <thead><tr>{out.columns.map((c) => <th key={c} scope="col" className={numeric.has(c) ? 'num' : undefined}>{c}</th>)}</tr></thead>
            <tbody>
              {out.rows.map((r, i) => (
                <tr key={i}>{out.columns.map((c) => {
                  const v = r[c];
                  return <td key={c} className={numeric.has(c) ? 'num' : undefined}>{v === null || v === undefined ? <span className="nodata">NULL</span> : cellText(v)}</td>;
                })}</tr>
              ))}
            </tbody>
          </table>
        </div>
      </>
    );
  }
}
