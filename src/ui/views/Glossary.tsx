// Definitions of every metric (src/data/glossary.ts): what it counts, its denominator, the template
// rows it comes from, whether it compares across the 2019 / 2021 template change; and a "cite
// this" text with the dataset's version (meta table) and the link. Chart titles link here
// (term=<metric id> in the URL scrolls to and marks that entry).
import { useEffect } from 'react';
import { METRICS, type MetricDef } from '../../data/metric-catalog';
import { glossaryFor } from '../../data/glossary';
import { metaSql } from '../../data/queries';
import { htmlLang } from '../../i18n/locale';
import { useApp } from '../context';
import { useQuery } from '../useQuery';
import { siteBase } from '../site-meta';
import './analyst.css';

const SECTIONS: MetricDef['section'][] = ['requests', 'outcomes', 'appeals', 'active', 'legacy'];

/** The dashboard's own address (a portal's --base path, else this page without its query). */
export function citeUrl(): string {
  const here = new URL(siteBase() ?? './', document.baseURI);
  return here.href.replace(/[?#].*$/, '');
}

export function Glossary() {
  const { state, s, runner } = useApp();
  const lang = state.lang;
  const g = s.glossary;
  const colon = s.punct.colon;
  useEffect(() => {
    if (!state.term) return;
    document.getElementById(`g-${state.term}`)?.scrollIntoView({ block: 'start' });
  }, [state.term]);
  return (
    <div className="glossary">
      <section className="panel" aria-labelledby="glossary-title">
        <header className="panel-head"><h2 id="glossary-title">{s.views.glossary}</h2></header>
        <p className="note">{g.intro}</p>
        {SECTIONS.map((sec) => (
          <section key={sec} aria-label={g.sections[sec]}>
            <h3>{g.sections[sec]}</h3>
            <dl>
              {METRICS.filter((m) => m.section === sec).map((m) => {
                const e = glossaryFor(m.id, lang);
                return (
                  <div key={m.id} data-term={m.id}>
                    <dt id={`g-${m.id}`} className={state.term === m.id ? 'current' : undefined} aria-current={state.term === m.id ? 'true' : undefined}>
                      {e.label}
                    </dt>
                    <dd>
                      <p><strong>{g.counts}{colon}</strong>{e.counts}{e.kind === 'rate' ? ` — ${g.rate}` : e.unit ? ` (${g.unit}: ${e.unit})` : ''}</p>
                      {e.denominator ? <p><strong>{g.denominator}{colon}</strong>{e.denominator}</p> : null}
                      <p><strong>{g.rows}{colon}</strong></p>
                      <ul>{e.rows.map((r) => <li key={`${r.role}-${r.key}`}>{e.kind === 'rate' ? `${r.role === 'value' ? g.numeratorRow : g.denominatorRow}: ` : ''}{r.label}</li>)}</ul>
                      <p className={e.comparability ? 'caveat' : undefined}><strong>{g.comparability}{colon}</strong>{e.comparability ?? g.comparable}</p>
                    </dd>
                  </div>
                );
              })}
            </dl>
          </section>
        ))}
      </section>
      <Cite runner={runner} />
    </div>
  );
}

function Cite({ runner }: { runner: ReturnType<typeof useApp>['runner'] }) {
  const { state, s } = useApp();
  const g = s.glossary;
  const meta = useQuery('cite-meta', () => runner.query<{ key: string; value: unknown }>(metaSql()), false);
  const m = new Map((meta.data ?? []).map((r) => [String(r.key), String(r.value ?? '')]));
  // only what the dataset's meta table records (a hand-made dataset may lack a version)
  const edition = [
    m.get('version') ? g.citeParts.version(m.get('version')!) : null,
    m.get('generated_at') ? g.citeParts.generated(m.get('generated_at')!.slice(0, 10)) : null,
    m.get('files') ? g.citeParts.files(m.get('files')!) : null,
  ].filter((x): x is string => x !== null);
  const text = g.citeText({ title: s.title, edition, url: citeUrl(), date: new Date().toISOString().slice(0, 10) });
  return (
    <section className="panel" aria-labelledby="cite-title">
      <header className="panel-head">
        <h2 id="cite-title">{g.cite}</h2>
        <div className="toolbar"><button type="button" onClick={() => void navigator.clipboard?.writeText(text)}>{g.copy}</button></div>
      </header>
      {meta.data ? <p className="cite" data-testid="cite" lang={htmlLang(state.lang)}>{text}</p> : null}
    </section>
  );
}
