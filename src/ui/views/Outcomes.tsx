// View 4: the six outcome groups (absolute or 100%), the 20 reasons, applicant types and the flow
// applicant → outcome → reconsideration → lawsuit (links as printed, no rescaling).
import { runApplicantTypes, runOutcomeGroups, runReasons, runSankey, type LongValueRow, type SankeyLinkRow } from '../../data/queries';
import { buildOutcomesOption } from '../../charts/outcomes';
import { buildApplicantTypesOption, buildReasonsOption } from '../../charts/breakdown';
import { buildSankeyOption, sankeyNodeLabel } from '../../charts/sankey';
import { formatNumber } from '../../charts/format';
import { useApp } from '../context';
import { useQuery } from '../useQuery';
import { ChartPanel } from '../ChartPanel';
import { DataTable, type Column } from '../DataTable';
import { keyOf, selectionOf } from '../helpers';
import { Status } from '../Status';
import { OUTCOME_GROUPS, type OutcomeGroup } from '../../model';
import { useMemo, useState } from 'react';
import { keyLabel, labelledCsv } from '../../data/key-labels';
import { APPLICANT_COLUMNS } from '../../model';

const APPLICANT: Record<string, true> = Object.fromEntries(APPLICANT_COLUMNS.map((c) => [c, true]));

const LONG_FIELDS = ['key', 'group', 'year', 'value', 'n_data', 'n_reports'];

export function Outcomes() {
  const { state, runner, s, update } = useApp();
  const lang = state.lang;
  const sel = selectionOf(state);
  // Drill-down: the reasons of one outcome group (or all groups that have reasons).
  const [group, setGroup] = useState<OutcomeGroup | ''>('');
  const k = keyOf('outcomes', sel, group);
  const q = useQuery(k, async () => ({
    groups: await runOutcomeGroups(runner, { selection: sel, by: 'year' }),
    reasons: await runReasons(runner, { selection: sel, by: 'total', group: group || undefined }),
    applicants: await runApplicantTypes(runner, { selection: sel, by: 'total' }),
    sankey: await runSankey(runner, { selection: sel }),
  }));
  // each built when its rows or the language change, not on every render (<EChart> redraws on a new option)
  const d = q.data;
  const anim = state.anim;
  const outcomesOption = useMemo(() => (d?.groups.length ? buildOutcomesOption(d.groups, { lang, animation: anim, mode: state.mode }) : null), [d, lang, anim, state.mode]);
  const reasonsOption = useMemo(() => (d?.reasons.length ? buildReasonsOption(d.reasons, { lang, animation: anim }) : null), [d, lang, anim]);
  const applicantsOption = useMemo(() => (d?.applicants.length ? buildApplicantTypesOption(d.applicants, { lang, animation: anim }) : null), [d, lang, anim]);
  const sankeyOption = useMemo(() => (d?.sankey.length ? buildSankeyOption(d.sankey, { lang, animation: anim }) : null), [d, lang, anim]);
  if (!q.data) return <Status q={q} />;
  const { groups, reasons, applicants, sankey } = q.data;
  const longCols: Column<LongValueRow>[] = [
    { key: 'year', label: s.year, render: (r) => (r.year === null ? s.allYearsTotal : String(r.year)) },
    { key: 'group', label: s.cols.group, render: (r) => (r.group ? keyLabel(r.group, lang) : '') },
    { key: 'key', label: s.cols.item, render: (r) => keyLabel(r.key, lang, r.key in APPLICANT ? 'column' : 'any') },
    { key: 'value', label: s.cols.count, numeric: true, render: (r) => formatNumber(r.value, lang) },
    { key: 'n_data', label: s.cols.reportsWithData, numeric: true },
  ];
  // the CSV cells in words, as in the table: item and group labels, never their keys
  const longCells = { key: (v: unknown) => keyLabel(String(v), lang, String(v) in APPLICANT ? 'column' : 'any'), group: (v: unknown) => keyLabel(String(v), lang) };
  const sankeyCols: Column<SankeyLinkRow>[] = [
    { key: 'source', label: s.cols.from, render: (r) => sankeyNodeLabel(r.source, lang) },
    { key: 'target', label: s.cols.to, render: (r) => sankeyNodeLabel(r.target, lang) },
    { key: 'value', label: s.cols.count, numeric: true, render: (r) => formatNumber(r.value, lang) },
  ];
  return (
    <>
      <div className="controls">
        <fieldset>
          <legend>{s.mode}</legend>
          {(['absolute', 'percent'] as const).map((m) => (
            <label key={m} className="inline"><input type="radio" name="mode" value={m} checked={state.mode === m} onChange={() => update({ mode: m })} />{s[m]}</label>
          ))}
        </fieldset>
        <label>{s.reasons}
          <select value={group} onChange={(e) => setGroup(e.currentTarget.value as OutcomeGroup | '')}>
            <option value="">{s.allGroups}</option>
            {OUTCOME_GROUPS.filter((g) => g.key !== 'granted' && g.key !== 'partial').map((g) => <option key={g.key} value={g.key}>{g[lang]}</option>)}
          </select>
        </label>
      </div>
      <ChartPanel id="outcomes" title={s.views.outcomes}
        option={outcomesOption}
        table={<DataTable caption={s.views.outcomes} columns={longCols} rows={groups} />}
        csv={labelledCsv(LONG_FIELDS, groups as unknown as Record<string, unknown>[], lang, longCells)} />
      <ChartPanel id="reasons" title={s.reasons}
        option={reasonsOption}
        height={560}
        table={<DataTable caption={s.reasons} columns={longCols} rows={reasons} />}
        csv={labelledCsv(LONG_FIELDS, reasons as unknown as Record<string, unknown>[], lang, longCells)} />
      <ChartPanel id="applicants" title={s.applicants}
        option={applicantsOption}
        table={<DataTable caption={s.applicants} columns={longCols} rows={applicants} />}
        csv={labelledCsv(LONG_FIELDS, applicants as unknown as Record<string, unknown>[], lang, longCells)} />
      <ChartPanel id="flow" title={s.flow}
        option={sankeyOption}
        height={520}
        table={<DataTable caption={s.flow} columns={sankeyCols} rows={sankey} />}
        csv={labelledCsv(['source', 'target', 'stage', 'value', 'n_data'], sankey as unknown as Record<string, unknown>[], lang, { source: (v) => sankeyNodeLabel(String(v), lang), target: (v) => sankeyNodeLabel(String(v), lang) })} />
    </>
  );
}
