// URL ⇄ state: pushState on a change (replaceState while typing), popstate for back/forward.
import { useCallback, useEffect, useState } from 'react';
import { decode, encode, type State } from '../state/url';

export function useUrlState(): [State, (patch: Partial<State>, replace?: boolean) => void] {
  const [state, setState] = useState<State>(() => decode(window.location.search));
  useEffect(() => {
    const onPop = () => setState(decode(window.location.search));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const update = useCallback((patch: Partial<State>, replace = false) => {
    setState((prev) => {
      const next = { ...prev, ...patch };
      const url = window.location.pathname + encode(next) + window.location.hash;
      if (replace) window.history.replaceState(null, '', url);
      else window.history.pushState(null, '', url);
      return next;
    });
  }, []);
  return [state, update];
}
