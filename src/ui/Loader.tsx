// Progress while DuckDB starts and the data downloads (in parallel), and a clear error when either
// fails — never an endless spinner.
import type { LoadProgress } from '../data/duckdb-wasm';
import type { Strings } from '../i18n/strings';

export function Loader({ progress, s }: { progress: LoadProgress | null; s: Strings }) {
  let text = s.loading;
  let value: number | undefined;
  if (progress?.stage === 'instantiating') text = s.instantiating;
  if (progress?.stage === 'attaching') text = s.attaching;
  if (progress?.stage === 'downloading') {
    text = `${s.downloading} ${(progress.loaded / 1e6).toFixed(1)} MB${progress.total ? ` / ${(progress.total / 1e6).toFixed(1)} MB` : ''}`;
    value = progress.total ? progress.loaded / progress.total : undefined;
  }
  return (
    <div className="loader" role="status" aria-live="polite">
      <p>{text}</p>
      <progress max={1} value={value} aria-label={text} />
    </div>
  );
}

export function LoadError({ code, message, s }: { code: string; message: string; s: Strings }) {
  return (
    <div className="error-box" role="alert" data-testid="load-error">
      <h2>{s.errorTitle}</h2>
      <p>{s.errors[code] ?? s.errors.query}</p>
      <p className="detail"><code>{code}</code> {message}</p>
    </div>
  );
}
