// Stage — decide the template once: from the year when the report names one, else from the tables;
// table 2's own column headers decide how its rows are read (a 2021 report may print the 2019
// table 2). Disagreements are returned for the caller to report, never corrected.

import type { Template } from '../model';
import type { Assembled } from './tables';

export interface TemplateDecision {
  /** The report's template (the year's, else the tables'). */
  report: Template | null;
  /** The template table 2's rows are read with. */
  active: Template;
  yearTemplate: Template | null;
  contentTemplate: Template | null;
  /** The 2021 report prints （六）其他处理 as one row (the 2019 form): its line. */
  singleOtherRow: number | null;
}

export function decideTemplate(yearTemplate: Template | null, a: Assembled | null, legacy: boolean): TemplateDecision {
  const contentTemplate = templateFromContent(a, legacy);
  const report = yearTemplate ?? contentTemplate;
  const active: Template = !a ? (report === '2019' ? '2019' : '2021')
    : a.activeTemplate['2019'] > a.activeTemplate['2021'] ? '2019'
    : a.activeTemplate['2021'] > 0 ? '2021' : report === '2019' ? '2019' : '2021';
  const other = a?.requests.find((r) => r.item === 'other_total' && r.values.length > 0);
  return { report, active, yearTemplate, contentTemplate, singleOtherRow: report === '2021' && other ? other.line : null };
}

function templateFromContent(a: Assembled | null, legacy: boolean): Template | null {
  if (legacy) return 'legacy';
  if (!a) return null;
  if (a.activeTemplate['2021'] > a.activeTemplate['2019']) return '2021';
  if (a.activeTemplate['2019'] > 0) return '2019';
  if (a.requests.some((r) => r.item.startsWith('other_') && r.item !== 'other_total' && r.values.length > 0)) return '2021';
  if (a.requests.some((r) => r.item === 'other_total' && r.values.length > 0)) return '2019';
  return null;
}

