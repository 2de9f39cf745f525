// View 6: per report every identity check pass/fail with both sides, the findings and the blank
// cells. A broken identity is shown as found, never corrected.
import { runQualityReports, runReportBlankCells, runReportChecks, runReportFindings, type CheckDetailRow, type QualityReportRow } from '../../data/queries';
import { formatNumber } from '../../charts/format';
import { useApp } from '../context';
import { useQuery } from '../useQuery';
import { DataTable, type Column } from '../DataTable';
import { keyOf, selectionOf, AgencyName } from '../helpers';
import { Status } from '../Status';
import { downloadCsv } from '../download';
import { keyExpression, keyLabel, labelledCsv, subjectLabel } from '../../data/key-labels';
import { SET_ASIDE_TEXT, type SetAside } from '../../dataset/identity';

export function Quality() {
  const { state, runner, s, update } = useApp();
  const lang = state.lang;
  const sel = selectionOf(state);
  const q = useQuery(keyOf('quality', sel), () => runQualityReports(runner, { selection: sel, includeUndated: true }));
  if (!q.data) return <Status q={q} />;
  const cols: Column<QualityReportRow>[] = [
    { key: 'agency', label: s.cols.agency, render: (r) => <AgencyName name={r.agency} reportId={r.report_id} /> },
    { key: 'year', label: s.year },
    { key: 'checks', label: s.quality.checks, render: (r) => `${r.checks_passed} ${s.quality.passed} · ${r.checks_failed} ${s.quality.failed} · ${r.checks_skipped} ${s.quality.skipped}` },
    { key: 'finding_count', label: s.quality.findings, numeric: true },
    { key: 'counted', label: s.cols.counted, render: (r) => (r.counted ? '✓' : `✗ ${r.set_aside && r.set_aside in SET_ASIDE_TEXT ? SET_ASIDE_TEXT[r.set_aside as SetAside][lang] : ''}${r.superseded_by ? ` (${r.superseded_by})` : ''}`) },
    { key: 'blank_cells', label: s.quality.blanks, numeric: true },
    { key: 'report_id', label: s.quality.report, render: (r) => (
      <button type="button" className="link" aria-pressed={state.report === r.report_id} onClick={() => update({ report: r.report_id })}>{r.report_id}</button>
    ) },
  ];
  return (
    <>
      <section className="panel">
        <header className="panel-head">
          <h2>{s.views.quality}</h2>
          <div className="toolbar">
            <button type="button" onClick={() => { const c = labelledCsv(['report_id', 'agency', 'year', 'status', 'checks_total', 'checks_passed', 'checks_failed', 'checks_skipped', 'finding_count', 'blank_cells', 'fact_count'], q.data as unknown as Record<string, unknown>[], lang, { status: (v) => (v === 'pass' ? s.quality.passed : v === 'fail' ? s.quality.failed : s.quality.skipped) }); downloadCsv('nianbao-quality.csv', c.fields, c.rows); }}>{s.downloadCsv}</button>
          </div>
        </header>
        <DataTable caption={s.views.quality} columns={cols} rows={q.data} />
      </section>
      {state.report ? <ReportDetail id={state.report} /> : <p className="note">{s.quality.pick}</p>}
    </>
  );
}

function ReportDetail({ id }: { id: string }) {
  const { state, runner, s, update } = useApp();
  const lang = state.lang;
  const q = useQuery(keyOf('report', id), async () => ({
    checks: await runReportChecks(runner, id),
    findings: await runReportFindings(runner, id),
    blanks: await runReportBlankCells(runner, id),
  }));
  if (!q.data) return <Status q={q} />;
  const checkCols: Column<CheckDetailRow>[] = [
    { key: 'status', label: s.quality.status, render: (r) => <span className={`badge ${r.status}`}>{r.status === 'pass' ? `✓ ${s.quality.passed}` : r.status === 'fail' ? `✗ ${s.quality.failed}` : `– ${s.quality.skipped}`}</span> },
    { key: 'table', label: s.source.table, render: (r) => keyLabel(r.table, lang, 'table') },
    { key: 'check_id', label: s.quality.checks, render: (r) => keyLabel(r.check_id, lang, 'check') },
    { key: 'subject', label: s.cols.subject, render: (r) => subjectLabel(r.subject, lang) },
    { key: 'lhs', label: s.quality.lhs, numeric: true, render: (r) => `${keyExpression(r.lhs_label, lang, sidesAreColumns(r.check_id))} = ${formatNumber(r.lhs, lang)}` },
    { key: 'rhs', label: s.quality.rhs, numeric: true, render: (r) => `${keyExpression(r.rhs_label, lang, sidesAreColumns(r.check_id))} = ${formatNumber(r.rhs, lang)}` },
  ];
  return (
    <section className="panel" aria-label={`${s.quality.report} ${id}`}>
      <h2>{id}</h2>
      <DataTable caption={s.quality.checks} columns={checkCols} rows={q.data.checks} />
      <DataTable caption={s.quality.findings} rows={q.data.findings} columns={[
        { key: 'severity', label: s.cols.severity, render: (r) => s.severity[r.severity] ?? r.severity },
        { key: 'code', label: s.cols.code },
        { key: 'message', label: s.cols.message, render: (r) => ({ zh: r.message_zh, en: r.message_en }[lang]) },
        { key: 'location', label: s.cols.location },
      ]} />
      <DataTable caption={s.quality.blanks} rows={q.data.blanks} columns={[
        { key: 'table', label: s.source.table, render: (r) => keyLabel(r.table, lang, 'table') },
        { key: 'row_label', label: s.source.row },
        { key: 'column_label', label: s.source.column },
        { key: 'raw', label: s.source.raw, render: (r) => <code>{r.raw === '' ? '∅' : r.raw}</code> },
        { key: 'go', label: s.views.source, render: (r) => (
          <button type="button" className="link" onClick={() => update({ view: 'source', report: id, cell: `${r.table}:${r.item}:${r.column}` })}>{s.views.source}</button>
        ) },
      ]} />
    </section>
  );
}

/** A row-total / group-total check sums columns (applicant types, appeal results); the others sum rows. */
function sidesAreColumns(checkId: string): 'any' | 'column' {
  return /row_total|group_total/.test(checkId) ? 'column' : 'any';
}
