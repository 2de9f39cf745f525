// Run an async query when its key changes; a stale answer (the user changed the selection
// meanwhile) is dropped so the screen never shows numbers for a selection it no longer has.
import { useEffect, useState } from 'react';

export interface QueryState<T> { data: T | null; error: string | null; loading: boolean }

export function useQuery<T>(key: string, run: () => Promise<T>): QueryState<T> {
  const [st, setSt] = useState<QueryState<T>>({ data: null, error: null, loading: true });
  useEffect(() => {
    let live = true;
    setSt((p) => ({ ...p, loading: true, error: null }));
    run().then(
      (data) => { if (live) setSt({ data, error: null, loading: false }); },
      (e) => { if (live) setSt({ data: null, error: e instanceof Error ? e.message : String(e), loading: false }); },
    );
    return () => { live = false; };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return st;
}
