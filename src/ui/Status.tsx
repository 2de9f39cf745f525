// Loading / error line for a view's query: never an endless spinner without words.
import type { QueryState } from './useQuery';
import { useApp } from './context';

export function Status({ q }: { q: QueryState<unknown> }) {
  const { s } = useApp();
  if (q.error) return <p className="error" role="alert">{s.errors.query} {q.error}</p>;
  return <p className="loading" role="status">{s.loading}</p>;
}
