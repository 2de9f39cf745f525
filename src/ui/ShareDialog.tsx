// The link to this exact view and an <iframe> snippet of its embed mode.
import { useEffect, useRef } from 'react';
import { useApp } from './context';
import { linkTo } from '../state/url';

export function ShareDialog({ onClose }: { onClose: () => void }) {
  const { s, state } = useApp();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  const link = linkTo(window.location.href, state);
  const embed = linkTo(window.location.href, { ...state, embed: true });
  const iframe = `<iframe src="${embed.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}" width="100%" height="450" loading="lazy" title="Nianbao"></iframe>`;
  return (
    <dialog ref={ref} className="share" onClose={onClose} aria-labelledby="share-title">
      <h2 id="share-title">{s.share}</h2>
      <label>{s.link}<input readOnly value={link} onFocus={(e) => e.currentTarget.select()} data-testid="share-link" /></label>
      <label>{s.embedCode}<textarea readOnly rows={3} value={iframe} onFocus={(e) => e.currentTarget.select()} data-testid="share-embed" /></label>
      <div className="toolbar">
        <button type="button" onClick={() => void navigator.clipboard?.writeText(link)}>{s.copy}</button>
        <button type="button" onClick={() => { ref.current?.close(); }}>{s.close}</button>
      </div>
    </dialog>
  );
}
