// "Where does this number come from?": finds the agency's report for the year (provenance query)
// and opens the Source view on the cell behind the metric (or the whole report for a metric that
// combines cells, e.g. received = new + carried over).
import { runProvenance } from '../data/queries';
import { useApp, type AppCtx } from './context';

// Metrics that are one printed cell: table:item:column (canonical keys, src/model/keys.ts).
const CELL: Record<string, string> = {
  new: 'requests:new:total', carried_over: 'requests:carried_over:total', outcome_total: 'requests:outcome_total:total',
  carried_forward: 'requests:carried_forward:total', natural_new: 'requests:new:natural',
  review_total: 'appeals:review:total', review_upheld: 'appeals:review:upheld', review_corrected: 'appeals:review:corrected',
  review_other: 'appeals:review:other', review_pending: 'appeals:review:pending',
  suit_direct_total: 'appeals:suit_direct:total', suit_after_review_total: 'appeals:suit_after_review:total',
};

/** Open the Source view on the report of `agency` in `year` (and the metric's cell, if it is one). */
export async function openSource(ctx: Pick<AppCtx, 'runner' | 'update'>, agency: string, year: number, metric?: string): Promise<void> {
  const rows = await runProvenance(ctx.runner, { selection: { agencies: [agency], years: [year, year] } });
  const r = rows.find((x) => x.year === year);
  if (r) ctx.update({ view: 'source', report: r.report_id, cell: (metric && CELL[metric]) || '' });
}

export function SourceLink({ agency, year, metric }: { agency: string | null; year: number | null; metric?: string }) {
 const app = useApp();
  const { s } = app;
  if (!agency || year === null) return null;
  return <button type="button" className="link" onClick={() => void openSource(app, agency, year, metric)} aria-label={`${s.views.source}: ${agency} ${year}`}>{s.views.source}</button>;
}
