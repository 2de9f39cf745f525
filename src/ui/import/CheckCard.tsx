// One imported report: template, identity checks with both sides, findings, and (on demand) the
// table exactly as parsed next to the raw cells. Everything from the file is rendered as text.
import { useState } from 'react';
import type { CheckCardModel } from './check-card';
import { importText as t } from '../../i18n/strings';
import type { Lang } from '../../model/types';

export function CheckCard({ model, lang }: { model: CheckCardModel; lang: Lang }) {
  const [open, setOpen] = useState(false);
  const m = model;
  const statusText = (s: 'pass' | 'fail' | 'skip') => t(lang, s === 'pass' ? 'passed' : s === 'fail' ? 'failed' : 'skipped');
  return (
    <article className="check-card" data-report-id={m.reportId} data-status={m.status}>
      <h3>
        <span className="imported-mark">{t(lang, 'importedMark')}</span>{' '}
        {m.agency ?? m.sourceFile} {m.year ?? ''}
      </h3>
      <p className="check-card-meta">
        {m.sourceFile} · {t(lang, 'template')}: <span data-field="template">{m.template ?? t(lang, 'noTemplate')}</span>
        {' · '}{t(lang, 'checks')}: <span data-field="counts">{m.counts.pass} {t(lang, 'passed')}, {m.counts.fail} {t(lang, 'failed')}, {m.counts.skip} {t(lang, 'skipped')}</span>
      </p>
      {m.checks.length > 0 && (
        <table className="check-list">
          <caption>{t(lang, 'checks')}</caption>
          <tbody>
            {m.checks.map((c, i) => (
              <tr key={i} data-check={c.id} data-status={c.status}>
                <td>{statusText(c.status)}</td>
                <td>{c.id} · {c.subject}</td>
                <td>{c.lhsLabel} = {c.lhs}</td>
                <td>{c.rhsLabel} = {c.rhs}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h4>{t(lang, 'findings')}</h4>
      {m.findings.length === 0 ? <p>{t(lang, 'none')}</p> : (
        <ul className="finding-list">
          {m.findings.map((f, i) => (
            <li key={i} data-code={f.code} data-severity={f.severity}>
              <code>{f.code}</code> [{f.severity}] {f.message}{f.location ? ` (${f.location})` : ''}
            </li>
          ))}
        </ul>
      )}
      <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>{t(lang, 'showTable')}</button>
      {open && (
        <table className="raw-cells">
          <thead>
            <tr><th>{t(lang, 'rowLabel')}</th><th>{t(lang, 'columnLabel')}</th><th>{t(lang, 'raw')}</th><th>{t(lang, 'value')}</th></tr>
          </thead>
          <tbody>
            {m.cells.map((c, i) => (
              <tr key={i} data-derived={c.derived ? 'true' : undefined}>
                <td>{c.rowLabel}</td><td>{c.columnLabel}</td><td>{c.raw}</td><td>{c.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </article>
  );
}
