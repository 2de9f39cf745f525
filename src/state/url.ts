// The whole dashboard state lives in the URL so that a shared link reproduces the view and
// back/forward works. Pure codec (tested in Node): decode never throws — an unknown key is ignored
// and a malformed value falls back to its default, because a URL is hostile text like any other.

export const VIEWS = ['overview', 'trends', 'change', 'compare', 'regions', 'outcomes', 'appeals', 'quality', 'source', 'sql', 'glossary', 'import', 'profile'] as const;
export type View = (typeof VIEWS)[number];
import type { Lang } from '../model/types';
import { isLang } from '../i18n/locale';
export type OutcomeMode = 'absolute' | 'percent';

export interface State {
  view: View;
  lang: Lang;
  /** Trends: catalog metric ids. */
  metrics: string[];
  /** Compare: one catalog metric id. */
  metric: string;
  /** Selected agencies, names exactly as printed. */
  agencies: string[];
  levels: string[];
  /** Region code prefix (1–6 digits). */
  region: string;
  /** Inclusive year range; null = all years. */
  years: [number, number] | null;
  /** Compare: the year ranked; null = the latest year in the data. */
  year: number | null;
  /** Outcomes: absolute counts or 100% stacked. */
  mode: OutcomeMode;
  /** Drop reports with a failed identity check from rankings and aggregates. */
  excludeFailing: boolean;
  /** Quality/Source: selected report id. */
  report: string;
  /** Source: the cell traced, as `table:item:column`. */
  cell: string;
  /** Chart alone, sized to the frame. */
  embed: boolean;
  /** Chart animation (tests and the benchmark pass anim=0). */
  anim: boolean;
  /** SQL view: the query text (run when the view opens, so a link shares a result). */
  q: string;
  /** SQL view: rows shown at most. */
  rows: number;
  /** Glossary: the metric id to show first. */
  term: string;
}

/** Row limits the SQL view offers (src/data/queries/sql-view.ts uses the same). */
export const SQL_ROWS = [100, 1000, 10000] as const;

export const DEFAULT_STATE: State = {
  view: 'overview', lang: 'zh', metrics: ['received'], metric: 'received', agencies: [], levels: [], region: '',
  years: null, year: null, mode: 'absolute', excludeFailing: false, report: '', cell: '', embed: false, anim: true,
  q: '', rows: 1000, term: '',
};

const YEAR = /^(19|20)\d\d$/;
const ID = /^[a-z0-9_]{1,64}$/;
const CELL = /^[a-z0-9_]{1,40}:[a-z0-9_]{1,60}:[a-z0-9_]{1,40}$/;
const MAX_LIST = 50;
const MAX_TEXT = 200;
/** A query fits in a link: browsers and servers take at least 8 kB of URL. */
const MAX_QUERY = 4000;

const list = (v: string | null): string[] => (v ? v.split(',').filter((s) => ID.test(s)).slice(0, MAX_LIST) : []);
// eslint-disable-next-line no-control-regex -- a text parameter with control characters is refused
const text = (v: string): string | null => (v.length > 0 && v.length <= MAX_TEXT && !/[\u0000-\u001f]/.test(v) ? v : null);
const bool = (v: string | null, dflt: boolean): boolean => (v === '1' ? true : v === '0' ? false : dflt);

export function decode(search: string): State {
  const p = new URLSearchParams(search);
  const s: State = { ...DEFAULT_STATE, metrics: [...DEFAULT_STATE.metrics] };
  const view = p.get('view');
  if (view && (VIEWS as readonly string[]).includes(view)) s.view = view as View;
  const lang = p.get('lang');
  if (isLang(lang)) s.lang = lang;
  const metrics = list(p.get('metrics'));
  if (metrics.length) s.metrics = [...new Set(metrics)];
  const metric = p.get('metric');
  if (metric && ID.test(metric)) s.metric = metric;
  // Agency names may contain commas: one parameter per agency.
  s.agencies = [...new Set(p.getAll('agency').map(text).filter((a): a is string => a !== null))].slice(0, MAX_LIST);
  s.levels = list(p.get('level'));
  const region = p.get('region');
  if (region && /^\d{1,6}$/.test(region)) s.region = region;
  const years = p.get('years')?.match(/^(\d{4})-(\d{4})$/);
  if (years && YEAR.test(years[1]) && YEAR.test(years[2])) {
    const [a, b] = [Number(years[1]), Number(years[2])];
    s.years = [Math.min(a, b), Math.max(a, b)];
  }
  const year = p.get('year');
  if (year && YEAR.test(year)) s.year = Number(year);
  const mode = p.get('mode');
  if (mode === 'absolute' || mode === 'percent') s.mode = mode;
  s.excludeFailing = bool(p.get('exclude'), DEFAULT_STATE.excludeFailing);
  const report = p.get('report');
  if (report && /^[A-Za-z0-9_.-]{1,120}$/.test(report)) s.report = report;
  const cell = p.get('cell');
  if (cell && CELL.test(cell)) s.cell = cell;
  s.embed = bool(p.get('embed'), DEFAULT_STATE.embed);
  s.anim = bool(p.get('anim'), DEFAULT_STATE.anim);
  // SQL text may span lines; other control characters are refused (never shown, never run)
  const q = p.get('q');
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  if (q && q.length <= MAX_QUERY && !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(q)) s.q = q;
  const rows = Number(p.get('rows'));
  if ((SQL_ROWS as readonly number[]).includes(rows)) s.rows = rows;
  const term = p.get('term');
  if (term && ID.test(term)) s.term = term;
  return s;
}

/** `?key=value…` with only the values that differ from the defaults ('' when all are default). */
export function encode(s: State): string {
  const p = new URLSearchParams();
  const d = DEFAULT_STATE;
  if (s.view !== d.view) p.set('view', s.view);
  if (s.lang !== d.lang) p.set('lang', s.lang);
  if (s.metrics.join(',') !== d.metrics.join(',') && s.metrics.length) p.set('metrics', s.metrics.join(','));
  if (s.metric !== d.metric) p.set('metric', s.metric);
  for (const a of s.agencies) p.append('agency', a);
  if (s.levels.length) p.set('level', s.levels.join(','));
  if (s.region) p.set('region', s.region);
  if (s.years) p.set('years', `${s.years[0]}-${s.years[1]}`);
  if (s.year !== null) p.set('year', String(s.year));
  if (s.mode !== d.mode) p.set('mode', s.mode);
  if (s.excludeFailing !== d.excludeFailing) p.set('exclude', s.excludeFailing ? '1' : '0');
  if (s.report) p.set('report', s.report);
  if (s.cell) p.set('cell', s.cell);
  if (s.embed !== d.embed) p.set('embed', s.embed ? '1' : '0');
  if (s.anim !== d.anim) p.set('anim', s.anim ? '1' : '0');
  if (s.q) p.set('q', s.q);
  if (s.rows !== d.rows) p.set('rows', String(s.rows));
  if (s.term) p.set('term', s.term);
  const q = p.toString();
  return q ? `?${q}` : '';
}

/** The link to a state (for the share dialog). `base` is the page URL without its query. */
export function linkTo(base: string, s: State): string {
  return base.replace(/[?#].*$/, '') + encode(s);
}
