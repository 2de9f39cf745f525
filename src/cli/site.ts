// `nianbao site <files or folders…> --out <dir> [--title …] [--base /path/]`
//
//   parse the reports into <dir>/data (the same files `nianbao parse` writes) → copy the built
//   dashboard (dist-app/, made once by `npm run build:package`, shipped in the package) beside
//   it → write the title and base path into index.html. The result is a static folder for any
//   host: no server code, no build step, no dev dependency.
//
// Exit codes as `parse`: 0 done, 2 usage, 1 the output could not be written (or the app is missing).
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { intOption, readArgs } from './args';
import { runParse } from './parse-command';

export const SITE_USAGE = `usage: nianbao site <files or folders…> --out <dir> [--title <text>] [--base /path/] [--manifest manifest.csv] [--jobs N] [--quiet]

  Parses the reports (as nianbao parse) and writes a complete static dashboard of them into
  <dir>: index.html and assets/ (the app), data/ (index.duckdb, detail/, nianbao.duckdb, CSVs).
  Copy <dir> to any static host; see "Publish your own dashboard" in the README for the headers.

  --out <dir>          output folder: new, empty, or written by an earlier nianbao site (its app
                       files and data/ are replaced; any other folder is refused)
  --title <text>       the dashboard's title (page title and heading; default 年报 · …)
  --base </path/>      the path the folder is served under, e.g. /reports/2024/ (optional: the app
                       uses relative URLs; with --base it also works when the address lacks the
                       trailing slash, and links to itself with that path)
  --manifest <csv>     corpus manifest recording each report's origin (as nianbao parse)
  --jobs <N>           parallel parser threads (default: number of cores)
  --quiet              no progress on stderr
`;

export interface SiteArgs { inputs: string[]; out: string; title: string | null; base: string | null; passThrough: string[]; quiet: boolean }

/** Parses argv (after `site`); 'help', a message for bad usage, or the arguments. */
export function parseSiteArgs(argv: string[]): SiteArgs | 'help' | string {
  const r = readArgs(argv, { out: { type: 'string' }, title: { type: 'string' }, base: { type: 'string' }, manifest: { type: 'string' }, jobs: { type: 'string' }, quiet: { type: 'boolean' } });
  if (typeof r === 'string') return r;
  if (r.values.help) return 'help';
  const jobs = intOption(r.values, 'jobs', 1, 1);
  if (typeof jobs === 'string') return jobs;
  if (r.positionals.length === 0) return 'no input files or folders given';
  const out = String(r.values.out ?? '');
  if (!out) return '--out <dir> is required';
  const title = r.values.title === undefined ? null : String(r.values.title).trim();
  if (title === '') return '--title needs a text';
  let base = r.values.base === undefined ? null : String(r.values.base);
  if (base !== null) {
    // a path on the same host: an absolute URL would make the app fetch its data cross-origin,
    // which the page's CSP (connect-src 'self') refuses
    if (!/^\/[^\s"'<>\\?#]*$/.test(base)) return `--base needs a path starting with / (got ${base})`;
    if (!base.endsWith('/')) base += '/';
  }
  const passThrough: string[] = [];
  if (r.values.manifest) passThrough.push('--manifest', String(r.values.manifest));
  if (r.values.jobs !== undefined) passThrough.push('--jobs', String(jobs));
  if (r.values.quiet) passThrough.push('--quiet');
  return { inputs: r.positionals, out, title, base, passThrough, quiet: r.values.quiet === true };
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&${({ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39' } as Record<string, string>)[c]};`);

/**
 * index.html of the built app with the title and base path written in: `<title>`, a
 * `nianbao:title` meta the app reads for its heading (src/ui/site-meta.ts), and `<base href>`.
 */
export function siteHtml(html: string, opts: { title: string | null; base: string | null }): string {
  let out = html;
  if (opts.title !== null) {
    const t = escapeHtml(opts.title);
    out = out.replace(/<title>[^<]*<\/title>/, `<title>${t}</title>`);
    out = out.replace('</title>', `</title>\n    <meta name="nianbao:title" content="${t}" />`);
  }
  if (opts.base !== null) {
    // right after the charset, before any relative URL is resolved
    out = out.replace(/(<meta charset="[^"]*" \/>)/i, `$1\n    <base href="${escapeHtml(opts.base)}" />`);
    out = out.replace('</title>', `</title>\n    <meta name="nianbao:base" content="${escapeHtml(opts.base)}" />`);
  }
  return out;
}

/** The built app shipped with the package: dist-app/ beside dist-cli/ (or the checkout's, under tsx). */
export function findApp(): string | null {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const rel of ['../dist-app', '../../dist-app']) {
    const dir = path.resolve(here, rel);
    if (existsSync(path.join(dir, 'index.html'))) return dir;
  }
  return null;
}

/** Written into every site folder; a folder with it may be replaced by the next run. */
export const SITE_MARKER = 'nianbao-site.json';

/**
 * Whether `dir` may receive a site: missing, empty, or a previous site (it has SITE_MARKER).
 * Anything else is refused, so `--out .` in a checkout cannot overwrite its index.html or assets.
 */
export function outDirProblem(dir: string): string | null {
  if (!existsSync(dir)) return null;
  if (!statSync(dir).isDirectory()) return `${dir} is a file, not a folder`;
  const entries = readdirSync(dir).filter((e) => !e.startsWith('.'));
  if (entries.length === 0 || entries.includes(SITE_MARKER)) return null;
  return `${dir} is not empty and is not a folder written by nianbao site (no ${SITE_MARKER}); give a new or empty folder`;
}

const dirBytes = (dir: string): { files: number; bytes: number } => {
  let files = 0, bytes = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    files++;
    bytes += statSync(path.join(e.parentPath, e.name)).size;
  }
  return { files, bytes };
};

export async function runSite(argv: string[], io: { out: (s: string) => void; err: (s: string) => void }): Promise<number> {
  const args = parseSiteArgs(argv);
  if (args === 'help') { io.out(SITE_USAGE); return 0; }
  if (typeof args !== 'object') { io.err(`site: ${args}\n\n${SITE_USAGE}`); return 2; }
  const app = findApp();
  if (!app) {
    io.err('site: the built dashboard (dist-app/) is missing; in a checkout run `npm run build:package` first\n');
    return 1;
  }
  const problem = outDirProblem(args.out);
  if (problem) { io.err(`site: ${problem}\n`); return 2; }
  const t0 = performance.now();
  try { mkdirSync(args.out, { recursive: true }); } catch (e) {
    io.err(`site: cannot write to ${args.out}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
  const data = path.join(args.out, 'data');
  if (!args.quiet) io.err(`site: parsing the reports into ${data}\n`);
  // `parse` writes its files under temporary names and renames them at the end, so a failed run
  // leaves a previous site's data as it was
  const code = await runParse([...args.inputs, '--out', data, ...args.passThrough], {
    out: (s) => io.out(s),
    err: (s) => io.err(s.startsWith('parse: ') && s.includes('usage:') ? s.replace(/usage:[\s\S]*$/, '') : s),
  });
  if (code !== 0) return code;
  try {
    if (!args.quiet) io.err(`site: copying the dashboard from ${app}\n`);
    // hashed asset names differ between versions: the old ones go, so the folder holds one app
    rmSync(path.join(args.out, 'assets'), { recursive: true, force: true });
    for (const e of readdirSync(app)) {
      if (e === 'index.html') continue;
      cpSync(path.join(app, e), path.join(args.out, e), { recursive: true });
    }
    writeFileSync(path.join(args.out, 'index.html'), siteHtml(readFileSync(path.join(app, 'index.html'), 'utf8'), args));
    writeFileSync(path.join(args.out, SITE_MARKER), `${JSON.stringify({ generator: 'nianbao site', title: args.title, base: args.base, written_at: new Date().toISOString() }, null, 2)}\n`);
  } catch (e) {
    io.err(`site: failed to write the app into ${args.out}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
  const size = dirBytes(args.out);
  io.out(
    `site: wrote ${args.out} (${size.files} files, ${(size.bytes / 1e6).toFixed(1)} MB) in ${((performance.now() - t0) / 1000).toFixed(1)}s; ` +
      `serve the folder${args.base ? ` under ${args.base}` : ''} from any static host (wasm as application/wasm)\n`,
  );
  return 0;
}
