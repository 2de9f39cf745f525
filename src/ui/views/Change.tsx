// The change table (Grapher's table tab): every metric of the catalog at a start and an end year
// for the selection, with the absolute change (percentage points for rates) and the relative
// change, sortable, on like-for-like sets (src/data/queries/change.ts). The two years are the
// filter's year range (years=a-b in the URL; the first and last year when none is set), so the
// link shares them.
import { useState } from 'react';
import { runChange, runChangeSet, type ChangeRow } from '../../data/queries';
import { METRICS } from '../../data/metric-catalog';
import { formatChange, formatNumber } from '../../charts/format';
import { htmlLang } from '../../i18n/locale';
import { useApp } from '../context';
import { useQuery } from '../useQuery';
import { keyOf, selectionOf, valueText, isMutedRate } from '../helpers';
import { Status } from '../Status';
import { downloadCsv } from '../download';
import { labelledCsv } from '../../data/key-labels';
import './analyst.css';

type SortKey = 'order' | 'metric' | 'start' | 'end' | 'change' | 'relative' | 'agencies';

/** The two years compared: the filter's range, else the first and the last year of the data. */
export function changeYears(range: [number, number] | null, years: number[]): [number, number] | null {
  if (range && range[0] !== range[1]) return range;
  return years.length >= 2 ? [years[0], years[years.length - 1]] : null;
}

export function Change() {
  const { state, runner, s, years, yearsReady } = useApp();
  const t = s.change;
  const lang = state.lang;
  const pair = changeYears(state.years, years);
  const sel = { ...selectionOf(state), years: undefined };
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'order', desc: false });
  const q = useQuery(keyOf('change', sel, pair), async () => {
    if (!pair) return null;
    const p = { selection: sel, start: pair[0], end: pair[1] };
    return { rows: await runChange(runner, p), set: await runChangeSet(runner, p) };
  });
  if (!yearsReady) return <Status q={{ data: null, error: null, loading: true }} />;
  if (!pair) return <p className="empty">{t.needYears}</p>;
  const [a, b] = pair;
  if (!q.data) return <Status q={q} />;
  const { rows: all, set } = q.data;
  const rows = all.filter((r) => r.agencies > 0);
  const label = (id: string) => METRICS.find((m) => m.id === id)?.[lang] ?? id;
  const isRate = (id: string) => METRICS.find((m) => m.id === id)?.kind === 'rate';
  const order = new Map(METRICS.map((m, i) => [m.id, i]));
  const keyVal = (r: ChangeRow, k: SortKey): number | string | null => {
    switch (k) {
      case 'order': return order.get(r.metric) ?? 0;
      case 'metric': return label(r.metric);
      case 'start': return r.start_value;
      case 'end': return r.end_value;
      case 'change': return r.change;
      case 'relative': return r.relative;
      case 'agencies': return r.agencies;
    }
  };
  const sorted = [...rows].sort((x, y) => {
    const u = keyVal(x, sort.key), v = keyVal(y, sort.key);
    // blanks last in either direction: a missing change is not a small one
    if (u === null || v === null) return u === null && v === null ? 0 : u === null ? 1 : -1;
    const c = typeof u === 'string' ? u.localeCompare(String(v), htmlLang(lang)) : u - (v as number);
    return sort.desc ? -c : c;
  });
  const changeText = (r: ChangeRow) => {
    if (r.change === null) return formatNumber(null, lang);
    if (isRate(r.metric)) {
      const pp = 100 * r.change;
      return `${pp > 0 ? '+' : pp < 0 ? '−' : ''}${formatNumber(Math.abs(pp), lang, 1)} ${t.pp}`;
    }
    return `${r.change > 0 ? '+' : r.change < 0 ? '−' : ''}${formatNumber(Math.abs(r.change), lang)}`;
  };
  const head = (k: SortKey, text: string, numeric = false) => (
    <th scope="col" className={numeric ? 'num' : undefined} aria-sort={sort.key === k ? (sort.desc ? 'descending' : 'ascending') : undefined}>
      <button type="button" title={t.sortBy(text)} data-sort={k} onClick={() => setSort((p) => ({ key: k, desc: p.key === k ? !p.desc : k !== 'metric' }))}>
        {text}{sort.key === k ? (sort.desc ? ' ▼' : ' ▲') : ''}
      </button>
    </th>
  );
  const csvRows = sorted.map((r) => ({ ...r, metric_label: label(r.metric), start_year: a, end_year: b }));
  return (
    <>
      <section className="panel" aria-labelledby="change-title" data-panel="change">
        <header className="panel-head">
          <h2 id="change-title">{s.views.change} · {a} → {b}</h2>
          <div className="toolbar">
            <button type="button" onClick={() => { const c = labelledCsv(['metric_label', 'start_year', 'end_year', 'agencies', 'start_value', 'end_value', 'change', 'relative', 'start_numerator', 'start_denominator', 'end_numerator', 'end_denominator'], csvRows, lang); downloadCsv(`nianbao-change-${a}-${b}.csv`, c.fields, c.rows); }}>{s.downloadCsv}</button>
          </div>
        </header>
        <p className="note">{t.pickYears}</p>
        <p className="note" data-testid="change-set">{t.likeForLike(set.both, a, b)}</p>
        {a < 2021 && b >= 2021 ? <p className="note">{t.templateNote}</p> : null}
        {set.missing.length ? (
          <details className="note" data-testid="change-missing">
            <summary>{t.missing(set.missing.length)}</summary>
            <ul>{set.missing.map((m) => <li key={`${m.agency}-${m.year}`}>{m.agency} · {t.onlyIn(m.year)}</li>)}</ul>
          </details>
        ) : null}
        {set.both === 0 ? <p className="empty">{t.noneBoth}</p> : (
          <div className="table-wrap" tabIndex={0} role="region" aria-label={s.views.change}>
            <table className="change-table" data-testid="change-table">
              <caption>{s.views.change} · {a} → {b}</caption>
              <thead>
                <tr>
                  {head('metric', t.metric)}
                  {head('start', t.startValue(a), true)}
                  {head('end', t.endValue(b), true)}
                  {head('change', t.change, true)}
                  {head('relative', t.relative, true)}
                  {head('agencies', t.agencies, true)}
                </tr>
              </thead>
              <tbody>
                {sorted.map((r) => (
                  <tr key={r.metric} data-metric={r.metric}>
                    <td>{label(r.metric)}</td>
                    <td className={`num${isMutedRate(r.metric, { value: r.start_value, denominator: r.start_denominator }) ? ' muted' : ''}`} data-col="start">{valueText(r.metric, { value: r.start_value, numerator: r.start_numerator, denominator: r.start_denominator }, lang)}</td>
                    <td className={`num${isMutedRate(r.metric, { value: r.end_value, denominator: r.end_denominator }) ? ' muted' : ''}`} data-col="end">{valueText(r.metric, { value: r.end_value, numerator: r.end_numerator, denominator: r.end_denominator }, lang)}</td>
                    <td className={`num ${r.change !== null && r.change > 0 ? 'up' : r.change !== null && r.change < 0 ? 'down' : ''}`} data-col="change">{changeText(r)}</td>
                    <td className="num" data-col="relative">{formatChange(r.relative, lang)}</td>
                    <td className="num" data-col="agencies">{r.agencies}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {all.length > rows.length ? <p className="note">{t.hidden(all.length - rows.length)}</p> : null}
      </section>
    </>
  );
}
