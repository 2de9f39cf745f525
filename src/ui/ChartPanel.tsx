// One figure: title, note (denominators), chart or table, and the exports (PNG, SVG, CSV) and the
// share/embed dialog. In embed mode only the chart is shown.
import { useRef, useState, type ReactNode } from 'react';
import type { EChartsOption } from 'echarts';
import { EChart, type EChartHandle } from './EChart';
import { useApp } from './context';
import { downloadBlob, downloadCsv, downloadUrl } from './download';
import { ShareDialog } from './ShareDialog';
import { getMetric } from '../data/metric-catalog';
import { linkTo } from '../state/url';

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

export function ChartPanel({ id, title, note, option, table, csv, height, onPointClick }: Props) {
  const { s, state, update } = useApp();
  // the glossary entry of the chart's (first) metric, read from its own rows: no caller passes it
  const term = csv.rows.map((r) => String(r.metric ?? '')).find((m) => getMetric(m) !== undefined) ?? '';
  const [showTable, setShowTable] = useState(false);
  const [share, setShare] = useState(false);
  const chart = useRef<EChartHandle>(null);
  const file = `nianbao-${id}`;
  if (state.embed) {
    return option ? <EChart option={option} animation={state.anim} label={title} handle={chart} height="100vh" /> : null;
  }
  return (
    <section className="panel" aria-labelledby={`${id}-title`} data-panel={id}>
      <header className="panel-head">
        <h2 id={`${id}-title`}>{title}<a className="term-link" data-testid="glossary-link" title={s.glossary.linkTitle}
          href={linkTo(window.location.href, { ...state, view: 'glossary', term })}
          onClick={(e) => { e.preventDefault(); update({ view: 'glossary', term }); }}>{s.glossary.link}</a></h2>
        <div className="toolbar">
          <button type="button" onClick={() => setShowTable((v) => !v)} aria-pressed={showTable}>{showTable ? s.showChart : s.showTable}</button>
          <button type="button" disabled={!option || showTable} onClick={() => { const u = chart.current?.png(); if (u) downloadUrl(`${file}.png`, u); }}>{s.downloadPng}</button>
          <button type="button" disabled={!option || showTable} onClick={() => { const t = chart.current?.svg(); if (t) downloadBlob(`${file}.svg`, new Blob([t], { type: 'image/svg+xml' })); }}>{s.downloadSvg}</button>
          <button type="button" onClick={() => downloadCsv(`${file}.csv`, csv.fields, csv.rows)}>{s.downloadCsv}</button>
          <button type="button" onClick={() => setShare(true)}>{s.share}</button>
        </div>
      </header>
      {note ? <p className="note">{note}</p> : null}
      {showTable || !option ? table : <EChart option={option} animation={state.anim} label={title} handle={chart} height={height} onPointClick={onPointClick} />}
      {share ? <ShareDialog onClose={() => setShare(false)} /> : null}
    </section>
  );
}
