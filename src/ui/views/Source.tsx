// View 7: trace any number to its report, table, row and column as printed and the raw cell; and
// the dataset's provenance list with downloads of the whole dataset.
import { runProvenance, runSource, type ProvenanceRow, type SourceRow } from '../../data/queries';
import { formatNumber } from '../../charts/format';
import { useApp } from '../context';
import { useQuery } from '../useQuery';
import { DataTable, type Column } from '../DataTable';
import { keyOf, selectionOf, AgencyName } from '../helpers';
import { keyExpression, keyLabel } from '../../data/key-labels';

const isKey = (label: string) => label === '' || /^[a-z][a-z0-9_ +]*$/.test(label);

import { Status } from '../Status';

const DATA_FILES = ['nianbao.duckdb', 'reports.csv', 'facts.csv', 'checks.csv', 'findings.csv', 'meta.csv'];

export function Source() {
  const { state, runner, s, update } = useApp();
  const lang = state.lang;
  const sel = selectionOf(state);
  const prov = useQuery(keyOf('provenance', sel), () => runProvenance(runner, { selection: sel }));
  const [table, item, column] = state.cell ? state.cell.split(':') : [];
  const src = useQuery(keyOf('source', state.report, state.cell), () =>
    state.report ? runSource(runner, { reportId: state.report, table, item, column }) : Promise.resolve([] as SourceRow[]));
  const srcCols: Column<SourceRow>[] = [
    { key: 'table', label: s.source.table, render: (r) => keyLabel(r.table, lang, 'table') },
    // a derived cell has no printed label: its canonical row/column, in words
    // (and a label that is only a key, as a facts CSV may carry): in words
    { key: 'row_label', label: s.source.row, render: (r) => (r.derived || isKey(r.row_label) ? keyExpression(r.row_label || r.item, lang) : r.row_label) },
    { key: 'column_label', label: s.source.column, render: (r) => (isKey(r.column_label) ? keyLabel(r.column, lang, 'column') : r.column_label) },
    { key: 'raw', label: s.source.raw, render: (r) => <code>{r.raw === '' ? '∅' : r.raw}</code> },
    { key: 'value', label: s.source.value, numeric: true, render: (r) => `${formatNumber(r.value, lang)}${r.derived ? ` (${s.source.derived})` : ''}` },
    { key: 'location', label: s.cols.location },
  ];
  const provCols: Column<ProvenanceRow>[] = [
    { key: 'agency', label: s.cols.agency, render: (r) => <AgencyName name={r.agency} reportId={r.report_id} /> },
    { key: 'year', label: s.year },
    { key: 'source_file', label: s.source.file },
    { key: 'origin', label: s.source.origin },
    { key: 'status', label: s.quality.status, render: (r) => s.parseStatus[r.status] ?? r.status },
    { key: 'report_id', label: s.quality.report, render: (r) => (
      <button type="button" className="link" aria-pressed={state.report === r.report_id} onClick={() => update({ report: r.report_id, cell: '' })}>{r.report_id}</button>
    ) },
  ];
  const first = src.data?.[0];
  return (
    <>
      {state.report ? (
        <section className="panel" aria-label={s.views.source}>
          <h2>{first?.title ?? state.report}</h2>
          {first ? <p className="note">{s.source.file}: {first.source_file} · {s.source.origin}: {first.origin}</p> : null}
          {state.cell ? <p><button type="button" className="link" onClick={() => update({ cell: '' })}>{s.showAllCells}</button></p> : null}
          {src.data ? <DataTable caption={s.views.source} columns={srcCols} rows={src.data} /> : <Status q={src} />}
        </section>
      ) : <p className="note">{s.source.pick}</p>}
      <section className="panel">
        <h2>{s.source.provenance}</h2>
        <p className="downloads">{s.source.downloadData}:{' '}
          {DATA_FILES.map((f) => <a key={f} href={new URL(`data/${f}`, document.baseURI).href} download>{f}</a>)}
        </p>
        {prov.data ? <DataTable caption={s.source.provenance} columns={provCols} rows={prov.data} /> : <Status q={prov} />}
      </section>
    </>
  );
}
