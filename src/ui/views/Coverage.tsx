// What is loaded, on the landing: a one-sentence summary (reports, counted, agencies, years, how
// many with the full tables) and the agency × year grid — each agency's name opens its profile.
import { runCoverage, summarise, type CoverageRow } from '../../data/queries';
import { useState } from 'react';
import { useApp } from '../context';
import { useQuery } from '../useQuery';
import { keyOf } from '../helpers';
import { SET_ASIDE_TEXT, type SetAside } from '../../dataset/identity';

interface AgencyLine { key: string; agency: string; cells: Map<number, CoverageRow[]> }

function lines(rows: readonly CoverageRow[]): { agencies: AgencyLine[]; years: number[] } {
  const by = new Map<string, AgencyLine>();
  const years = new Set<number>();
  for (const r of rows) {
    if (r.year === null || !r.agency) continue;
    years.add(r.year);
    const key = r.agency_id ?? r.agency;
    const line = by.get(key) ?? { key, agency: r.agency, cells: new Map() };
    line.cells.set(r.year, [...(line.cells.get(r.year) ?? []), r]);
    by.set(key, line);
  }
  return { agencies: [...by.values()].sort((a, b) => a.agency.localeCompare(b.agency, 'zh')), years: [...years].sort((a, b) => a - b) };
}

export function Coverage() {
  const { state, s, runner, update } = useApp();
  const lang = state.lang;
  // the index's coverage table: no detail file is fetched for it
  const q = useQuery(keyOf('coverage'), () => runCoverage(runner), false);
  // the grid (a cell per agency and year: most of the landing page's DOM) is built when opened
  const [open, setOpen] = useState(false);
  // no grid in a large dataset's index (src/cli/dashboard-files.ts COVERAGE_MAX_REPORTS): nothing to say here
  if (!q.data || q.data.length === 0) return null;
  const sum = summarise(q.data);
  const grid = lines(q.data);
  const reason = (r: CoverageRow) => (r.set_aside && r.set_aside in SET_ASIDE_TEXT ? SET_ASIDE_TEXT[r.set_aside as SetAside][lang] : '');
  return (
    <section className="coverage" aria-label={s.honest.coverage} data-testid="coverage">
      <p data-testid="loaded-summary">{s.honest.loaded(sum.reports, sum.counted, sum.agencies, sum.from, sum.to, sum.full)}{sum.setAside ? ` ${s.honest.setAside(sum.setAside)}` : ''}</p>
      <details onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>{s.honest.coverage} ({grid.agencies.length} × {grid.years.length})</summary>
        <p className="card-sub">{s.honest.coverageNote}</p>
        {open ? <div className="coverage-scroll">
          <table className="coverage-grid" data-testid="coverage-grid">
            <thead><tr><th scope="col">{s.honest.profile}</th>{grid.years.map((y) => <th key={y} scope="col">{y}</th>)}</tr></thead>
            <tbody>
              {grid.agencies.map((a) => (
                <tr key={a.key}>
                  <th scope="row"><button type="button" className="linklike" onClick={() => update({ view: 'profile', agencies: [a.agency] })}>{a.agency}</button></th>
                  {grid.years.map((y) => {
                    const cell = a.cells.get(y) ?? [];
                    const title = cell.map((r) => `${r.report_id}${r.counted ? '' : ` — ${reason(r)}`}`).join('\n');
                    return <td key={y} title={title}>{cell.map((r) => (r.counted ? '●' : '○')).join('')}</td>;
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div> : null}
      </details>
    </section>
  );
}
