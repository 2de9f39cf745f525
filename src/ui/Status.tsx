// Loading / error line for a view's query: never an endless spinner without words.
import type { QueryState } from './useQuery';
import { useApp } from './context';

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
  if (q.error) return <p className="error" role="alert">{s.errors.query} {q.error}</p>;
  return <p className="loading" role="status">{s.loading}</p>;
}
