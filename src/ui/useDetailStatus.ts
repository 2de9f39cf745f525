// What detail parts are downloading right now (for the status line), or null when none are.
import { useEffect, useState } from 'react';
import type { DatasetSession } from '../data/session';

// A failed download surfaces as the error of the view's query that needed it.
export function useDetailStatus(data: DatasetSession | null): { parts: number; bytes: number } | null {
  const [inflight, setInflight] = useState<Map<string, number>>(new Map());
  useEffect(() => {
    if (!data) return;
    return data.onDetail((e) => {
      setInflight((m) => {
        const n = new Map(m);
        if (e.stage === 'downloading') n.set(e.code, e.bytes); else n.delete(e.code);
        return n;
      });
    });
  }, [data]);
  if (inflight.size === 0) return null;
  return { parts: inflight.size, bytes: [...inflight.values()].reduce((a, b) => a + b, 0) };
}
