// Mount point for "Import your reports" (src/ui/import/): the panel gets the app's runner as its
// import target; after an import the shell refreshes what it caches (the year list), and every view
// re-queries when it mounts. The panel and what it brings (file kinds, the CSV reader, exports) are
// a chunk of their own, fetched when this tab opens — never on the first chart's path. No
// React.lazy: a Suspense boundary holds the whole tree back for its throttle (~300 ms, React 19).
import { useEffect, useMemo, useState } from 'react';
import { targetFromRunner } from '../import/target';
import { useApp } from '../context';
import { RetryButton } from '../Loader';

type Panel = typeof import('../import/ImportPanel').ImportPanel;

export function ImportMount() {
  const { state, runnerFor, refresh, s } = useApp();
  // every detail file: an imported report id must be checked against all bundled reports
  const target = useMemo(() => targetFromRunner(runnerFor({})), [runnerFor]);
  const [panel, setPanel] = useState<{ Panel: Panel } | { failed: string } | null>(null);
  useEffect(() => {
    let live = true;
    import('../import/ImportPanel').then((m) => { if (live) setPanel({ Panel: m.ImportPanel }); },
      (e: unknown) => { if (live) setPanel({ failed: e instanceof Error ? e.message : String(e) }); });
    return () => { live = false; };
  }, []);
  if (panel === null) return <p className="loading" role="status">{s.loading}</p>;
  if ('failed' in panel) {
    return <div className="error" role="alert"><p>{s.errors.chunk}</p><p className="muted">{panel.failed}</p><RetryButton s={s} /></div>;
  }
  return <panel.Panel lang={state.lang} target={target} onImported={refresh} />;
}
