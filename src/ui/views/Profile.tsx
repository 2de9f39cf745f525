// An agency's profile (?view=profile&agency=…): all its years, its tables as printed, its findings
// and its sources. Reached from the landing's coverage grid, Compare and Quality; the agency is the
// first selected agency, so the link is the URL.
import { useState } from 'react';
import { runProfileReports, runReportChecks, runReportFindings, runSource, runTrends, type ProfileReportRow } from '../../data/queries';
import { SET_ASIDE_TEXT, type SetAside } from '../../dataset/identity';
import { useApp } from '../context';
import { useQuery } from '../useQuery';
import { keyOf, metricInfo, valueText } from '../helpers';
import { Status } from '../Status';
import { Coverage } from './Coverage';

const METRICS = ['received', 'new', 'outcome_total', 'granted_rate', 'review_total', 'suit_direct_total', 'legacy_new'];

function ReportTables({ report }: { report: ProfileReportRow }) {
  const { state, runner, s, update } = useApp();
  const lang = state.lang;
  const facts = useQuery(keyOf('profile-facts', report.report_id), () => runSource(runner, { reportId: report.report_id }), false);
  const findings = useQuery(keyOf('profile-findings', report.report_id), () => runReportFindings(runner, report.report_id), false);
  const checks = useQuery(keyOf('profile-checks', report.report_id), () => runReportChecks(runner, report.report_id), false);
  const tables = new Map<string, NonNullable<typeof facts.data>>();
  // in the order printed: by page and line of each cell (location `p5 L12`)
  const at = (loc: string | null) => { const m = /(?:p(\d+))?\s*(?:L(\d+))?/.exec(loc ?? ''); return Number(m?.[1] ?? 0) * 1e6 + Number(m?.[2] ?? 0); };
  const printed = [...(facts.data ?? [])].filter((f) => !f.derived).sort((a, b) => at(a.location) - at(b.location));
  for (const f of printed) tables.set(f.table, [...(tables.get(f.table) ?? []), f]);
  const failed = (checks.data ?? []).filter((c) => c.status === 'fail');
  return (
    <div className="profile-report" data-testid="profile-report">
      <h3>{report.year ?? '—'} · {report.title ?? report.report_id}</h3>
      <p className="card-sub">{s.source.file}: {report.source_file ?? ''} · {s.source.origin}: {report.origin ?? '—'} ·{' '}
        <button type="button" className="linklike" onClick={() => update({ view: 'source', report: report.report_id })}>{s.views.source}</button>
      </p>
      {[...tables].map(([t, rows]) => (
        <details key={t} open={t === 'requests'}>
          <summary>{s.tableTitles[t] ?? t} ({rows.length})</summary>
          <table className="data">
            <thead><tr><th>{s.source.row}</th><th>{s.source.column}</th><th>{s.source.raw}</th></tr></thead>
            <tbody>{rows.map((f, i) => <tr key={i}><td>{f.row_label}</td><td>{f.column_label}</td><td>{f.raw}</td></tr>)}</tbody>
          </table>
        </details>
      ))}
      <h4>{s.quality.findings} ({findings.data?.length ?? 0}) · {s.quality.checks}: {failed.length} {s.quality.failed}</h4>
      <ul>
        {failed.map((c) => <li key={c.check_id}>{c.lhs_label} = {c.lhs ?? '—'} · {c.rhs_label} = {c.rhs ?? '—'}</li>)}
        {(findings.data ?? []).map((f, i) => <li key={i}>{{ zh: f.message_zh, en: f.message_en }[lang]}</li>)}
      </ul>
    </div>
  );
}

export function Profile() {
  const { state, runner, s } = useApp();
  const lang = state.lang;
  const agency = state.agencies[0] ?? null;
  const reports = useQuery(keyOf('profile', agency), () => (agency ? runProfileReports(runner, agency) : Promise.resolve([])));
  const trend = useQuery(keyOf('profile-trend', agency), () => (agency ? runTrends(runner, { selection: { agencies: [agency] }, metrics: METRICS, mode: 'agency' }) : Promise.resolve([])), false);
  const [picked, setPicked] = useState<string | null>(null);
  if (!agency) {
    return <><p>{s.profileView.pick}</p><Coverage /></>;
  }
  if (!reports.data) return <Status q={reports} />;
  const rows = reports.data;
  const names = [...new Set(rows.map((r) => r.agency_printed).filter(Boolean))];
  const years = [...new Set(rows.map((r) => r.year).filter((y): y is number => y !== null))].sort((a, b) => a - b);
  const current = rows.find((r) => r.report_id === picked) ?? [...rows].reverse().find((r) => r.counted) ?? rows[rows.length - 1];
  const place = rows.find((r) => r.place)?.place ?? null;
  return (
    <section className="profile" data-testid="profile">
      <h2>{agency}</h2>
      <p>{[place, rows[0]?.province].filter(Boolean).join(' · ')}{names.length > 1 ? ` · ${s.profileView.printedAs}: ${names.join('、')}` : ''}</p>
      <table className="data" data-testid="profile-years">
        <thead><tr><th>{s.year}</th>{METRICS.map((m) => <th key={m}>{metricInfo(m, lang).label}</th>)}</tr></thead>
        <tbody>
          {years.map((y) => (
            <tr key={y}><th scope="row">{y}</th>{METRICS.map((m) => {
              const r = trend.data?.find((x) => x.metric === m && x.year === y);
              return <td key={m}>{r && r.value !== null ? valueText(m, r, lang) : ''}</td>;
            })}</tr>
          ))}
        </tbody>
      </table>
      <h3>{s.profileView.reports} ({rows.length})</h3>
      <ul data-testid="profile-reports">
        {rows.map((r) => (
          <li key={r.report_id}>
            <button type="button" className="linklike" aria-current={r === current ? 'true' : undefined} onClick={() => setPicked(r.report_id)}>{r.year ?? '—'} · {r.report_id}</button>
            {r.counted ? '' : ` — ${r.set_aside && r.set_aside in SET_ASIDE_TEXT ? SET_ASIDE_TEXT[r.set_aside as SetAside][lang] : ''}${r.superseded_by ? ` (${r.superseded_by})` : ''}`}
          </li>
        ))}
      </ul>
      {current ? <ReportTables report={current} /> : null}
    </section>
  );
}
