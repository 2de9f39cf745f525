// Nianbao command line: `parse` (real reports → dataset), `site` (reports → a static dashboard,
// src/cli/site.ts), `synth` (synthetic dataset for scale tests, src/cli/synth.ts) and
// `dashboard-files` (src/cli/dashboard-files.ts). The only code, with its siblings in src/cli/,
// that touches fs/process. Compiled to dist-cli/main.js (vite.cli.config.ts), the `nianbao` bin.
import { PARSE_USAGE, runParse } from './parse-command';
import { runDashboardFiles } from './dashboard-files';
import { SITE_USAGE, runSite } from './site';

const USAGE = `usage: nianbao <command> …   (in a checkout: npx nianbao …, or npm run parse -- …)

commands:
  parse   parse report files into a dataset folder (nianbao parse --help)
  site    parse report files and write a static dashboard of them (nianbao site --help)
  synth   write a SYNTHETIC dataset for scale tests (needs the dev dependencies; nianbao synth --help)
  dashboard-files <dir>
          (re)write the dashboard's index.duckdb + detail/ from <dir>/nianbao.duckdb

${PARSE_USAGE}
${SITE_USAGE}`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const io = { out: (s: string) => void process.stdout.write(s), err: (s: string) => void process.stderr.write(s) };
  if (command === 'parse') return runParse(rest, io);
  if (command === 'site') return runSite(rest, io);
  if (command === 'dashboard-files') return runDashboardFiles(rest, io);
  if (command === 'synth') {
    let mod: { runSynth?: (argv: string[]) => Promise<number> };
    try {
      mod = await import('./synth');
    } catch (e) {
      io.err(`synth: the synth command is not available (src/cli/synth.ts could not be loaded: ${e instanceof Error ? e.message : String(e)})\n`);
      return 1;
    }
    if (typeof mod.runSynth !== 'function') { io.err('synth: src/cli/synth.ts does not export runSynth(argv)\n'); return 1; }
    return mod.runSynth(rest);
  }
  if (command === '--help' || command === '-h' || command === 'help') { io.out(USAGE); return 0; }
  io.err(command ? `unknown command "${command}"\n\n${USAGE}` : USAGE);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (e) => { process.stderr.write(`nianbao: unexpected error: ${e instanceof Error ? e.stack : String(e)}\n`); process.exitCode = 1; },
);
