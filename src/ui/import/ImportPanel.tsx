// "Import your own reports": drop zone / file picker, progress, source switch, check cards, CSV
// errors and exports. Nothing leaves the browser: files are read with File APIs and parsed in a
// worker; the only outputs are the local database and downloads the user asks for.
import { useEffect, useMemo, useState, type DragEvent } from 'react';
import './import.css';
import { checkCardModel } from './check-card';
import { CheckCard } from './CheckCard';
import { CsvErrorList } from './CsvErrorList';
import { downloadText } from './download';
import { findingsReportCsv, importedFactsCsv } from './export';
import { ACCEPT_ATTR } from './file-kind';
import { ProgressList } from './ProgressList';
import { importText as t } from '../../i18n/strings';
import type { Lang } from '../../model/types';
import { useImport, type ImportTarget } from './use-import';

export type Source = 'bundled' | 'imported' | 'both';
// Survives the panel unmounting, like the views the switch re-pointed.
let lastSource: Source = 'both';
// Cards per page: 100 cards with their check tables rendered at once is one ~340 ms main-thread
// task (bench/import.ts); 20 at a time keeps the page responsive.
const CARD_PAGE = 20;

export interface ImportPanelProps {
  lang: Lang;
  target: ImportTarget | null;
  /** Controlled by the shell's URL state when given; otherwise kept here. */
  source?: Source;
  onSourceChange?: (s: Source) => void;
  /** Called after imported rows changed, so views can re-query. */
  onImported?: () => void;
}

export function ImportPanel({ lang, target, source, onSourceChange, onImported }: ImportPanelProps) {
  const imp = useImport(target, onImported);
  const [localSource, setLocalSource] = useState<Source>(lastSource);
  const [dragging, setDragging] = useState(false);
  const [shown, setShown] = useState(CARD_PAGE);
  // remembered after the render that shows it (a render must not write module state)
  useEffect(() => { lastSource = localSource; }, [localSource]);
  const current = source ?? localSource;
  const setSource = (s: Source) => {
    setLocalSource(s);
    onSourceChange?.(s);
    if (target?.setSource) void target.setSource(s).then(() => onImported?.());
  };
  const cards = useMemo(() => imp.reports.map((r) => checkCardModel(r, lang)), [imp.reports, lang]);

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    void imp.importFiles(Array.from(e.dataTransfer?.files ?? []));
  };
  const hasData = imp.dataset.reports.length > 0;

  return (
    <section className="import-panel" aria-labelledby="import-title">
      <h2 id="import-title">{t(lang, 'title')}</h2>
      <p className="privacy-note" role="note">{t(lang, 'privacy')}</p>
      <div
        className={dragging ? 'drop-zone dragging' : 'drop-zone'}
        data-testid="drop-zone"
        onDragOver={(e) => { e.preventDefault(); setDragging(true); }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        {t(lang, 'drop')}{' '}
        <label className="file-pick">
          {t(lang, 'choose')}
          <input
            type="file" multiple accept={ACCEPT_ATTR} data-testid="import-input"
            onChange={(e) => { const fl = Array.from(e.currentTarget.files ?? []); e.currentTarget.value = ''; void imp.importFiles(fl); }}
          />
        </label>
      </div>
      <ProgressList files={imp.files} lang={lang} />
      {imp.busy && <p role="status">{t(lang, 'loading')}</p>}
      {imp.error && <p role="alert" className="import-error">{imp.error === 'db-unavailable' ? t(lang, 'dbUnavailable') : imp.error}</p>}
      <fieldset className="source-switch">
        <legend>{t(lang, 'source')}</legend>
        {(['bundled', 'imported', 'both'] as const).map((s) => (
          <label key={s}>
            <input type="radio" name="import-source" value={s} checked={current === s} onChange={() => setSource(s)} /> {t(lang, s)}
          </label>
        ))}
      </fieldset>
      <div className="import-actions">
        <button type="button" disabled={!hasData} onClick={() => downloadText('nianbao-imported-facts.csv', importedFactsCsv(imp.dataset))}>{t(lang, 'exportFacts')}</button>
        <button type="button" disabled={!hasData && imp.csvResults.length === 0} onClick={() => downloadText('nianbao-my-findings.csv', findingsReportCsv(imp.dataset, imp.csvResults))}>{t(lang, 'exportFindings')}</button>
        <button type="button" disabled={!hasData || imp.busy} onClick={() => void imp.clear()}>{t(lang, 'clear')}</button>
      </div>
      {imp.replaced.length > 0 && (
        <div className="import-replaced" role="status" data-testid="import-replaced">
          <p>{t(lang, 'replacedTitle')}</p>
          <ul>
            {imp.replaced.map((r) => (
              <li key={r.bundled}>
                {r.agency ?? r.bundled} {r.year ?? ''} ({r.bundled}) — {t(lang, 'replacedBy')} {r.imported}{' '}
                <button type="button" disabled={imp.busy} onClick={() => void imp.keepBundled(r.bundled)}>{t(lang, 'keepBundled')}</button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {imp.csvResults.map((c, i) => <CsvErrorList key={i} file={c.file} errors={c.errors} loaded={c.loaded} lang={lang} />)}
      {cards.slice(0, shown).map((m) => <CheckCard key={m.reportId} model={m} lang={lang} />)}
      {cards.length > shown && (
        <button type="button" className="more-cards" onClick={() => setShown(shown + CARD_PAGE)}>
          {t(lang, 'moreCards')} ({shown}/{cards.length})
        </button>
      )}
    </section>
  );
}
