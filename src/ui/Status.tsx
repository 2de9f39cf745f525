// Loading / error line for a view's query: never an endless spinner without words.
import type { QueryState } from './useQuery';
import { useApp } from './context';
import { RetryButton } from './Loader';

// Errors of a download a view needed: once the index is loaded, the only downloads left are the
// detail files, so the step is named as such; the message says which file; a retry is offered.
const LOAD_CODES = new Set(['stalled', 'timeout', 'network', 'http', 'not-found', 'corrupt']);

export function Status({ q }: { q: QueryState<unknown> }) {
  const { s, loadAllDetail } = useApp();
  if (q.errorCode === 'detail-too-large') {
    return (
      <div className="detail-large" role="status" data-testid="detail-large">
        <p>{s.detailTooLarge} <span className="muted">({q.error})</span></p>
        <button type="button" onClick={loadAllDetail}>{s.detailLoadAll}</button>
      </div>
    );
  }
  if (q.error && q.errorCode && LOAD_CODES.has(q.errorCode)) {
    return (
      <div className="error" role="alert" data-testid="detail-error">
        <p>{s.errors[q.errorCode] ?? s.errors.query}</p>
        <p>{s.loadStep}: {s.loadSteps['detail-download']}</p>
        <p className="muted load-detail">{q.error}</p>
        <RetryButton s={s} />
      </div>
    );
  }
  if (q.error) return <p className="error" role="alert">{s.errors.query} {q.error}</p>;
  return <p className="loading" role="status">{s.loading}</p>;
}
