// One figure: title, note (denominators), chart or table, and the exports (PNG, SVG, CSV) and the
// share/embed dialog. Exports stand alone: title, the filters in words, the full legend and the
// source are drawn into the picture; the CSV says its filters and labels its columns. In embed mode
// (?embed=1) the figure is the chart alone with its title, filters and a source line linking back.
import { useRef, useState, type ReactNode } from 'react';
import type { EChartsOption } from 'echarts';
import { EChart, type EChartHandle } from './EChart';
import { useApp } from './context';
import { downloadBlob, downloadChartCsv, downloadUrl, fileStem, filterText } from './download';
import { ShareDialog } from './ShareDialog';
import { getMetric } from '../data/metric-catalog';
import { linkTo } from '../state/url';
import type { StandaloneText } from '../charts/standalone';

interface Props {
  id: string;
  title: string;
  note?: ReactNode;
  option: EChartsOption | null;
  table: ReactNode;
  /** The data behind the chart, for CSV: field names and raw rows (blanks stay empty). */
  csv: { fields: string[]; rows: Record<string, unknown>[] };
  height?: number;
  onPointClick?: (p: { name: string; seriesName?: string; dataIndex: number }) => void;
}

/** `?chart=<panel id>` picks the figure an embed shows (a view with several charts); default: the first. */
function embedChart(): string | null {
  return new URLSearchParams(window.location.search).get('chart');
}

export function ChartPanel({ id, title, note, option, table, csv, height, onPointClick }: Props) {
  const { s, state, update } = useApp();
  // the glossary entry of the chart's (first) metric, read from its own rows: no caller passes it
  const term = csv.rows.map((r) => String(r.metric ?? '')).find((m) => getMetric(m) !== undefined) ?? '';
  const [showTable, setShowTable] = useState(false);
  const [share, setShare] = useState(false);
  const chart = useRef<EChartHandle>(null);
  const file = fileStem(id, state);
  const subtitle = filterText(state, s);
  const back = linkTo(window.location.href, { ...state, embed: false, anim: true });
  const text: StandaloneText = { title, subtitle, source: `${s.exp.source} · ${back}` };
  if (state.embed) {
    const want = embedChart();
    if (want && want !== id) return null;
    return (
      <figure className="embed-figure" data-panel={id}>
        <figcaption className="embed-head"><h1>{title}</h1><p>{subtitle}</p></figcaption>
        <div className="embed-chart">{option ? <EChart option={option} animation={state.anim} label={title} handle={chart} height="100%" /> : table}</div>
        <p className="embed-source">{s.exp.source} · <a href={back} target="_blank" rel="noopener">{s.embedOpen}</a></p>
      </figure>
    );
  }
  return (
    <section className="panel" aria-labelledby={`${id}-title`} data-panel={id}>
      <header className="panel-head">
        <h2 id={`${id}-title`}>{title}<a className="term-link" data-testid="glossary-link" title={s.glossary.linkTitle}
          href={linkTo(window.location.href, { ...state, view: 'glossary', term })}
          onClick={(e) => { e.preventDefault(); update({ view: 'glossary', term }); }}>{s.glossary.link}</a></h2>
        <div className="toolbar">
          <button type="button" onClick={() => setShowTable((v) => !v)} aria-pressed={showTable}>{showTable ? s.showChart : s.showTable}</button>
          <button type="button" disabled={!option || showTable} onClick={() => { const u = chart.current?.png(text); if (u) downloadUrl(`${file}.png`, u); }}>{s.downloadPng}</button>
          <button type="button" disabled={!option || showTable} onClick={() => { void chart.current?.svg(text).then((t) => { if (t) downloadBlob(`${file}.svg`, new Blob([t], { type: 'image/svg+xml' })); }); }}>{s.downloadSvg}</button>
          <button type="button" onClick={() => downloadChartCsv(`${file}.csv`, csv.fields, csv.rows, state, s)}>{s.downloadCsv}</button>
          <button type="button" onClick={() => setShare(true)}>{s.share}</button>
        </div>
      </header>
      {note ? <p className="note">{note}</p> : null}
      {showTable || !option ? table : <EChart option={option} animation={state.anim} label={title} handle={chart} height={height} onPointClick={onPointClick} />}
      {share ? <ShareDialog onClose={() => setShare(false)} chart={id} title={title} option={option} text={text} /> : null}
    </section>
  );
}
