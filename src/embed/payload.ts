// The static embed's payload: a chart option as JSON, carried in the embed URL's hash (deflated,
// base64url), so embed.html draws it with ECharts alone — no DuckDB, no wasm, no data files.
// ECharts options hold functions (formatters) that JSON cannot carry: each becomes a marker saying
// which locale formatter to re-attach (counts, percents, the value of a data point), decided by
// calling the function once. Anything else function-valued (an axis max rule) is left to ECharts.
import type { EChartsOption } from 'echarts';
import { formatNumber, formatPercent, formatRate } from '../charts/format';
import type { Lang } from '../model/types';
import { isLang } from '../i18n/locale';
import type { StandaloneText } from '../charts/standalone';

export const PAYLOAD_VERSION = 1;

export interface EmbedPayload {
  v: number;
  lang: Lang;
  text: StandaloneText;
  /** The page the numbers come from (the live dashboard). */
  link: string;
  option: unknown;
}

type Marker = { __f: 'number' | 'percent' | 'tooltip' | 'item' };

function marker(path: string[], f: (...a: unknown[]) => unknown): Marker | undefined {
  const at = path[path.length - 2] ?? '';
  if (path.includes('tooltip')) return { __f: 'tooltip' };
  if (at === 'axisLabel') {
    try { return { __f: /%\s*$/.test(String(f(0.5))) ? 'percent' : 'number' }; } catch { return { __f: 'number' }; }
  }
  if (at === 'label') return { __f: 'item' };
  return undefined;
}

/** The option as plain JSON data (functions replaced by markers). */
export function serializeOption(option: EChartsOption): unknown {
  const walk = (v: unknown, path: string[]): unknown => {
    if (typeof v === 'function') return marker(path, v as (...a: unknown[]) => unknown);
    if (Array.isArray(v)) return v.map((x, i) => walk(x, [...path, String(i)]));
    if (v && typeof v === 'object') {
      const o: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) {
        const w = walk(x, [...path, k]);
        if (w !== undefined) o[k] = w;
      }
      return o;
    }
    return typeof v === 'number' && !Number.isFinite(v) ? null : v;
  };
  return walk(option, []);
}

interface Point { value?: unknown; numerator?: number | null; denominator?: number | null }

/** A data point's value as the dashboard prints it: a rate with its fraction, a count per locale. */
function pointText(d: unknown, lang: Lang): string {
  const p = (d && typeof d === 'object' ? d : { value: d }) as Point;
  const v = Array.isArray(p.value) ? p.value[p.value.length - 1] : p.value;
  const n = typeof v === 'number' ? v : v === null || v === undefined ? null : Number(v);
  if (p.denominator !== undefined && p.numerator !== undefined) return formatRate(n, p.numerator ?? null, p.denominator ?? null, lang);
  return formatNumber(n, lang);
}

/** The option back with locale formatters in place of the markers. */
export function reviveOption(option: unknown, lang: Lang): EChartsOption {
  const fns: Record<Marker['__f'], unknown> = {
    number: (v: number) => formatNumber(v, lang),
    percent: (v: number) => formatPercent(v, lang, 0),
    item: (p: { data: unknown }) => pointText(p.data, lang),
    // plain text: the tooltip is drawn as rich text on the canvas (below), never as HTML
    tooltip: (params: unknown) => {
      const ps = (Array.isArray(params) ? params : [params]) as { name?: string; seriesName?: string; data: unknown }[];
      const head = ps[0]?.name ? `${ps[0].name}\n` : '';
      return head + ps.map((p) => `${p.seriesName ?? ''}: ${pointText(p.data, lang)}`).join('\n');
    },
  };
  // The payload is hostile text (anyone can write a URL): no string formatter survives (a tooltip
  // template would be HTML), and the tooltip renders as canvas rich text, not innerHTML.
  const walk = (v: unknown, key: string): unknown => {
    if (Array.isArray(v)) return v.map((x) => walk(x, ''));
    if (v && typeof v === 'object') {
      const f = (v as Partial<Marker>).__f;
      if (typeof f === 'string' && f in fns && Object.keys(v).length === 1) return fns[f as Marker['__f']];
      return Object.fromEntries(Object.entries(v).filter(([k, x]) => !(/formatter$/i.test(k) && typeof x === 'string') && k !== 'extraCssText').map(([k, x]) => [k, walk(x, k)]));
    }
    return key === 'formatter' || key === 'valueFormatter' ? undefined : v;
  };
  const o = (walk(option, '') ?? {}) as Record<string, unknown>;
  const tip = o.tooltip && typeof o.tooltip === 'object' && !Array.isArray(o.tooltip) ? o.tooltip as Record<string, unknown> : {};
  return { ...o, tooltip: { ...tip, renderMode: 'richText', formatter: fns.tooltip } } as EChartsOption;
}

/** The link back, if it is an http(s) URL (a payload is hostile text). */
export function safeLink(link: unknown): string | null {
  try {
    const u = new URL(String(link));
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
  } catch {
    return null;
  }
}

const b64url = (bytes: Uint8Array): string => {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};
const unb64url = (s: string): Uint8Array => Uint8Array.from(atob(s.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Response(new Blob([bytes as BlobPart]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

/** Payload → URL hash text (without '#'). */
export async function encodePayload(p: EmbedPayload): Promise<string> {
  return b64url(await pipe(new TextEncoder().encode(JSON.stringify(p)), new CompressionStream('deflate-raw')));
}

/** URL hash text → payload; null for anything that is not one (hostile or truncated text). */
export async function decodePayload(hash: string): Promise<EmbedPayload | null> {
  try {
    const text = new TextDecoder().decode(await pipe(unb64url(hash.replace(/^#/, '')), new DecompressionStream('deflate-raw')));
    const p = JSON.parse(text) as EmbedPayload;
    if (!p || p.v !== PAYLOAD_VERSION || !isLang(p.lang) || typeof p.text?.title !== 'string' || !p.option || typeof p.option !== 'object') return null;
    return p;
  } catch {
    return null;
  }
}
