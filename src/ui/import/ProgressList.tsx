// <progress> per file and overall, each with a label (screen readers announce name and value).
import { overallFraction, type FileProgress } from './progress';
import { importText as t } from '../../i18n/strings';
import type { Lang } from '../../model/types';

export function ProgressList({ files, lang }: { files: FileProgress[]; lang: Lang }) {
  if (files.length === 0) return null;
  const overall = overallFraction(files);
  return (
    <div className="import-progress">
      <label>
        {t(lang, 'overall')} ({Math.round(overall * 100)}%)
        <progress id="import-overall" max={1} value={overall} />
      </label>
      <ul>
        {files.map((f, i) => (
          <li key={i} data-state={f.state}>
            <label>
              {f.name} — {stateText(f, lang)}
              {/* no value while parsing: the bar shows activity, the worker reports per file */}
              {f.state === 'parsing' ? <progress max={1} /> : <progress max={1} value={f.fraction} />}
            </label>
          </li>
        ))}
      </ul>
    </div>
  );
}

function stateText(f: FileProgress, lang: Lang): string {
  if (f.state === 'rejected') return t(lang, f.kind === 'too-large' ? 'tooLarge' : 'unsupported');
  const message = { zh: f.messageZh || f.message, en: f.message }[lang];
  if (f.state === 'failed') return `${t(lang, 'error')}${message ? `: ${message}` : ''}`;
  return t(lang, f.state);
}
