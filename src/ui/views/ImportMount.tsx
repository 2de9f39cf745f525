// Mount point for "Import your reports" (src/ui/import/, owned by the import helper): the panel
// gets the app's runner as its import target; after an import the shell refreshes what it caches
// (the year list), and every view re-queries when it mounts.
import { useMemo } from 'react';
import { ImportPanel } from '../import/ImportPanel';
import { targetFromRunner } from '../import/target';
import { useApp } from '../context';

export function ImportMount() {
  const { state, runnerFor, refresh } = useApp();
  // every detail file: an imported report id must be checked against all bundled reports
  const target = useMemo(() => targetFromRunner(runnerFor({})), [runnerFor]);
  return <ImportPanel lang={state.lang} target={target} onImported={refresh} />;
}
