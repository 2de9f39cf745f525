// URL ⇄ state: pushState on a change (replaceState while typing), popstate for back/forward.
// The history call happens outside React's state updater: updaters run twice under StrictMode,
// which pushed every entry twice (Back then seemed to do nothing — caught by test/e2e).
import { useCallback, useEffect, useRef, useState } from 'react';
import { decode, encode, type State } from '../state/url';

export function useUrlState(): [State, (patch: Partial<State>, replace?: boolean) => void] {
  const [state, setState] = useState<State>(() => decode(window.location.search));
  const current = useRef(state);
  useEffect(() => {
    const onPop = () => { current.current = decode(window.location.search); setState(current.current); };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const update = useCallback((patch: Partial<State>, replace = false) => {
    const next = { ...current.current, ...patch };
    const url = window.location.pathname + encode(next) + window.location.hash;
    if (url !== window.location.pathname + window.location.search + window.location.hash) {
      if (replace) window.history.replaceState(null, '', url);
      else window.history.pushState(null, '', url);
    }
    current.current = next;
    setState(next);
  }, []);
  return [state, update];
}
