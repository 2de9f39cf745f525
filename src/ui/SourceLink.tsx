// "Where does this number come from?": finds the agency's report for the year (provenance query)
// and opens the Source view on the cell behind the metric (or the whole report for a metric that
// combines cells, e.g. received = new + carried over).
import { runProvenance } from '../data/queries';
import { useApp } from './context';

// Metrics that are one printed cell: table:item:column (spec/report-format.md canonical keys).
const CELL: Record<string, string> = {
  new: 'requests:new:total', carried_over: 'requests:carried_over:total', outcome_total: 'requests:outcome_total:total',
  carried_forward: 'requests:carried_forward:total', natural_new: 'requests:new:natural',
  review_total: 'appeals:review:total', review_upheld: 'appeals:review:upheld', review_corrected: 'appeals:review:corrected',
  review_other: 'appeals:review:other', review_pending: 'appeals:review:pending',
  suit_direct_total: 'appeals:suit_direct:total', suit_after_review_total: 'appeals:suit_after_review:total',
};

export function SourceLink({ agency, year, metric }: { agency: string | null; year: number | null; metric?: string }) {
  const { runner, update, s } = useApp();
  if (!agency || year === null) return null;
  const go = async () => {
    const rows = await runProvenance(runner, { selection: { agencies: [agency], years: [year, year] } });
    const r = rows.find((x) => x.year === year);
    if (r) update({ view: 'source', report: r.report_id, cell: (metric && CELL[metric]) || '' });
  };
  return <button type="button" className="link" onClick={() => void go()} aria-label={`${s.views.source}: ${agency} ${year}`}>{s.views.source}</button>;
}
