// Selection controls shared by every view: agency search (partial Chinese name), level, region
// prefix, year range, and the switch that drops reports whose identities fail.
import { useState } from 'react';
import { runAgencies } from '../data/queries';
import { useApp } from './context';
import { useQuery } from './useQuery';
import { Status } from './Status';
import { keyOf } from './helpers';

const LEVELS = ['province', 'city', 'county', 'township', 'department', 'other'];

export function Filters() {
  const { state, update, s, runner, years, allDetail } = useApp();
  const [search, setSearch] = useState('');
  // On a phone the filters fold behind one button (CSS shows it below 600 px) so the chart is on
  // the first screen; the button says how many filters are set.
  const [open, setOpen] = useState(false);
  const active = state.agencies.length + state.levels.length + (state.region ? 1 : 0) + (state.years ? 1 : 0) + (state.excludeFailing ? 1 : 0);
  // within the selected region (its detail file is all the search waits for); national otherwise.
  // An empty box has one constant key: a filter change must not re-render for a search nobody typed.
  const found = useQuery(search.trim() ? keyOf('agencies', search, state.region, allDetail) : 'agencies:none', () => (search.trim() ? runAgencies(runner, { search: search.trim(), region: state.region || undefined, limit: 12 }) : Promise.resolve([])), false);
  const [from, to] = state.years ?? [null, null];
  const setYears = (a: number | null, b: number | null) => {
    const lo = a ?? years[0];
    const hi = b ?? years[years.length - 1];
    update({ years: a === null && b === null ? null : [lo, hi] });
  };
  return (
    <section className={`filters${open ? ' open' : ''}`} aria-label={s.filters}>
      <button type="button" className="filters-toggle" aria-expanded={open} onClick={() => setOpen((v) => !v)} data-testid="filters-toggle">
        {open ? s.exp.hideFilters : s.exp.showFilters}{active ? ` (${active})` : ''}
      </button>
      <div className="search">
        <label>{s.agencySearch}
          <input type="search" value={search} onChange={(e) => setSearch(e.currentTarget.value)} maxLength={60} />
        </label>
        {found.data && found.data.length ? (
          <ul className="results" aria-label={s.agencySearch}>
            {found.data.filter((a) => !state.agencies.includes(a.agency)).map((a) => (
              <li key={a.agency}>
                <button type="button" onClick={() => { update({ agencies: [...state.agencies, a.agency] }); setSearch(''); }}>
                  {a.agency} <small>{[a.province, a.city, a.county].filter(Boolean).join(' ')} · {a.years.join(', ')}</small>
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        {search.trim() && found.error ? <Status q={found} /> : null}
      </div>
      {state.agencies.length ? (
        <ul className="chips" aria-label={s.agencies}>
          {state.agencies.map((a) => (
            <li key={a}>
              <span>{a}</span>
              <button type="button" aria-label={`${s.remove} ${a}`} onClick={() => update({ agencies: state.agencies.filter((x) => x !== a) })}>×</button>
            </li>
          ))}
        </ul>
      ) : null}
      <label>{s.level}
        <select value={state.levels[0] ?? ''} onChange={(e) => update({ levels: e.currentTarget.value ? [e.currentTarget.value] : [] })}>
          <option value="">{s.anyLevel}</option>
          {LEVELS.map((l) => <option key={l} value={l}>{s.filterLevels[l]}</option>)}
        </select>
      </label>
      <label>{s.region}
        <input type="text" inputMode="numeric" pattern="\d{1,6}" maxLength={6} size={7} value={state.region}
          onChange={(e) => { const v = e.currentTarget.value; if (/^\d{0,6}$/.test(v)) update({ region: v }, true); }} />
      </label>
      <label>{s.yearFrom}
        <select value={from ?? ''} onChange={(e) => setYears(e.currentTarget.value ? Number(e.currentTarget.value) : null, to)}>
          <option value="">{s.allYears}</option>
          {years.map((y) => <option key={y} value={y}>{y}</option>)}
        </select>
      </label>
      <label>{s.yearTo}
        <select value={to ?? ''} onChange={(e) => setYears(from, e.currentTarget.value ? Number(e.currentTarget.value) : null)}>
          <option value="">{s.allYears}</option>
          {years.map((y) => <option key={y} value={y}>{y}</option>)}
        </select>
      </label>
      <label className="inline">
        <input type="checkbox" checked={state.excludeFailing} onChange={(e) => update({ excludeFailing: e.currentTarget.checked })} />
        {s.excludeFailing}
      </label>
    </section>
  );
}
