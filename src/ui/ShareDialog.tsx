// The link to this exact view, and two ways to embed its chart: live (the dashboard's embed mode,
// queries DuckDB in the frame) and static (embed.html with the chart's numbers in the URL: ECharts
// only, no database — for a page that shows a fixed chart). Sizes to pick and a preview.
import { useEffect, useRef, useState } from 'react';
import type { EChartsOption } from 'echarts';
import { useApp } from './context';
import { linkTo } from '../state/url';
import type { StandaloneText } from '../charts/standalone';
import { encodePayload, PAYLOAD_VERSION, serializeOption } from '../embed/payload';

const SIZES = [
  { id: 'wide', w: '100%', h: 450 },
  { id: 'medium', w: '600', h: 400 },
  { id: 'phone', w: '390', h: 500 },
] as const;

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

interface Props { onClose: () => void; chart: string; title: string; option: EChartsOption | null; text: StandaloneText }

export function ShareDialog({ onClose, chart, title, option, text }: Props) {
  const { s, state } = useApp();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  const [size, setSize] = useState<(typeof SIZES)[number]['id']>('wide');
  const [kind, setKind] = useState<'live' | 'static'>('live');
  const [staticUrl, setStaticUrl] = useState<string | null>(null);
  const link = linkTo(window.location.href, { ...state, embed: false });
  const live = `${linkTo(window.location.href, { ...state, embed: true, anim: true })}&chart=${encodeURIComponent(chart)}`;
  useEffect(() => {
    if (!option) return;
    let on = true;
    void encodePayload({ v: PAYLOAD_VERSION, lang: state.lang, text, link, option: serializeOption(option) })
      .then((h) => { if (on) setStaticUrl(`${new URL('embed.html', document.baseURI).href}#${h}`); });
    return () => { on = false; };
    // the option's content is what matters; text and link follow the state
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [option, state.lang, link]);
  const src = kind === 'static' && staticUrl ? staticUrl : live;
  const sz = SIZES.find((x) => x.id === size) ?? SIZES[0];
  const iframe = `<iframe src="${attr(src)}" width="${sz.w}" height="${sz.h}" loading="lazy" title="${attr(title)}" style="border:0;max-width:100%"></iframe>`;
  return (
    <dialog ref={ref} className="share" onClose={onClose} aria-labelledby="share-title">
      <h2 id="share-title">{s.share}</h2>
      <label>{s.link}<input readOnly value={link} onFocus={(e) => e.currentTarget.select()} data-testid="share-link" /></label>
      <fieldset className="share-kind">
        <label className="inline"><input type="radio" name="kind" checked={kind === 'live'} onChange={() => setKind('live')} />{s.exp.live}</label>
        <label className="inline"><input type="radio" name="kind" checked={kind === 'static'} disabled={!staticUrl} onChange={() => setKind('static')} data-testid="share-static" />{s.exp.staticEmbed}</label>
      </fieldset>
      <label>{s.exp.size}
        <select value={size} onChange={(e) => setSize(e.currentTarget.value as typeof size)} data-testid="share-size">
          {SIZES.map((x) => <option key={x.id} value={x.id}>{x.w === '100%' ? '100%' : `${x.w} px`} × {x.h} px</option>)}
        </select>
      </label>
      <label>{s.embedCode}<textarea readOnly rows={4} value={iframe} onFocus={(e) => e.currentTarget.select()} data-testid="share-embed" /></label>
      <p className="note">{s.exp.preview}</p>
      <div className={`share-preview size-${size}`}>
        <iframe src={src} title={`${s.exp.preview}: ${title}`} loading="lazy" data-testid="share-preview" />
      </div>
      <div className="toolbar">
        <button type="button" onClick={() => void navigator.clipboard?.writeText(iframe)}>{s.copy}</button>
        <button type="button" onClick={() => { ref.current?.close(); }}>{s.close}</button>
      </div>
    </dialog>
  );
}
