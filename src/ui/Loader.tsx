// Progress while DuckDB starts and the data downloads (in parallel), and a clear error when either
// fails — never an endless spinner. The error names the step that failed (src/data/download.ts
// LoadStep) and offers a retry: every state is in the URL, so reloading the page is the retry.
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

export function LoadError({ code, message, step, s }: { code: string; message: string; step?: string; s: Strings }) {
  return (
    <div className="error-box" role="alert" data-testid="load-error" data-step={step}>
      <h2>{s.errorTitle}</h2>
      <p>{s.errors[code] ?? s.errors.query}</p>
      {step ? <p data-testid="load-step">{s.loadStep}: {s.loadSteps[step] ?? step}</p> : null}
      <p className="detail"><code>{code}</code> {message}</p>
      <RetryButton s={s} />
    </div>
  );
}

export function RetryButton({ s }: { s: Strings }) {
  return <button type="button" data-testid="retry" onClick={() => window.location.reload()}>{s.retry}</button>;
}
