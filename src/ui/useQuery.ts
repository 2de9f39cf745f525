// Run an async query when its key changes; a stale answer (the user changed the selection
// meanwhile) is dropped so the screen never shows numbers for a selection it no longer has.
import { useEffect, useState } from 'react';

export interface QueryState<T> {
  data: T | null;
  error: string | null;
  /** `code` of the error when it has one (e.g. 'detail-too-large', src/data/detail.ts). */
  errorCode?: string;
  loading: boolean;
}

let firstViewQuery = true;

/** Query answers are plain rows (numbers, strings, null, arrays): equal text, equal answer. Run once
 * per answer, not per render. */
function sameAnswer(a: unknown, b: unknown): boolean {
  try { return JSON.stringify(a) === JSON.stringify(b); } catch { return false; }
}

/** `benchMark`: false for queries that are not a view's data (the agency search box). */
export function useQuery<T>(key: string, run: () => Promise<T>, benchMark = true): QueryState<T> {
  const [st, setSt] = useState<QueryState<T>>({ data: null, error: null, loading: true });
  // a new key shows as loading in the same render (React's "adjust state when a prop changes"),
  // not one render later from the effect
  const [askedKey, setAskedKey] = useState(key);
  if (askedKey !== key) {
    setAskedKey(key);
    setSt((p) => ({ ...p, loading: true, error: null }));
  }
  useEffect(() => {
    let live = true;
    const mark = benchMark && firstViewQuery;
    if (benchMark) firstViewQuery = false;
    if (mark) performance.mark('nb:view-query-start'); // for bench/first-chart.ts
    run().then(
      (data) => {
        if (mark) performance.mark('nb:view-query-end');
        // the same answer as before (a filter that changes nothing, a refresh) keeps the previous
        // object, so the views' memoised chart options hold and nothing is redrawn
        if (live) setSt((p) => ({ data: p.data !== null && sameAnswer(p.data, data) ? p.data : data, error: null, loading: false }));
      },
      (e) => {
        const code = e && typeof e === 'object' && 'code' in e && typeof e.code === 'string' ? e.code : undefined;
        if (live) setSt({ data: null, error: e instanceof Error ? e.message : String(e), errorCode: code, loading: false });
      },
    );
    return () => { live = false; };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return st;
}
