import type { CsvError } from './facts-csv';
import { importText as t } from '../../i18n/strings';
import type { Lang } from '../../model/types';

export function CsvErrorList({ file, errors, loaded, lang }: { file: string; errors: CsvError[]; loaded: number; lang: Lang }) {
  return (
    <section className="csv-result" data-file={file}>
      <h3>{file}</h3>
      <p>{t(lang, 'rowsLoaded')}: <span data-field="rows-loaded">{loaded}</span></p>
      {errors.length > 0 && (
        <table className="csv-errors">
          <caption>{t(lang, 'csvErrors')}</caption>
          <thead><tr><th>{t(lang, 'line')}</th><th>{t(lang, 'column')}</th><th>{t(lang, 'message')}</th></tr></thead>
          <tbody>
            {errors.map((e, i) => (
              <tr key={i} data-line={e.line} data-column={e.column}><td>{e.line}</td><td>{e.column}</td><td>{e.message}</td></tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
