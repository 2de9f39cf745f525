// Report ids: the one rule for the CLI's folder walk and the browser import (docs/dataset.md:
// unique within a dataset). An id is the file name without its extension; files in one batch that
// share a name are told apart by their relative path (`a/x`, `b/x`); an id still taken (by an
// earlier import or a bundled report) gets `~2`, `~3`… rather than replacing the other report.

const stem = (p: string) => (p.split('/').pop() ?? p).replace(/\.[^.]*$/, '') || p || 'report';

/** Ids for `paths` (forward slashes), in order; `taken` is read and extended. */
export function assignReportIds(paths: readonly string[], taken: Set<string> = new Set()): string[] {
  const count = new Map<string, number>();
  for (const p of paths) count.set(stem(p), (count.get(stem(p)) ?? 0) + 1);
  return paths.map((p) => {
    const base = count.get(stem(p))! > 1 ? p.replace(/\.[^./]*$/, '') : stem(p);
    let id = base;
    for (let k = 2; taken.has(id); k++) id = `${base}~${k}`;
    taken.add(id);
    return id;
  });
}

/** The id of one file given on its own. */
export const reportIdOf = (path: string) => stem(path.split('\\').join('/'));
