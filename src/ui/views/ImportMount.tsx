// Mount point for the "Import your reports" panel (src/ui/import/, written separately). Until it is
// wired in, the view says so instead of pretending.
import { useApp } from '../context';

export function ImportMount() {
  const { s } = useApp();
  return <section className="panel" data-testid="import-placeholder"><h2>{s.views.import}</h2><p>{s.importPlaceholder}</p></section>;
}
