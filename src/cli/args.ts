// Command-line options through node:util parseArgs (one parser for every command), with the
// messages a user can act on instead of parseArgs' internal wording.
import { parseArgs } from 'node:util';

export interface OptionSpec { type: 'string' | 'boolean'; short?: string; multiple?: boolean }
export type Parsed = { values: Record<string, string | boolean | string[] | undefined>; positionals: string[] };

/** Parses argv against `options`; returns a message (never throws) on bad usage. */
export function readArgs(argv: string[], options: Record<string, OptionSpec>): Parsed | string {
  try {
    const r = parseArgs({ args: argv, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
    return { values: r.values as Parsed['values'], positionals: r.positionals };
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const opt = /Option '(--[\w-]+)/.exec(msg)?.[1] ?? /'(-[\w-]+)'/.exec(msg)?.[1];
    const code = (e as { code?: string }).code;
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && opt) return `${opt} needs a value`;
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && opt) return `unknown option ${opt}`;
    return msg;
  }
}

/** An integer option ≥ min, its default when absent, or a message. */
export function intOption(values: Parsed['values'], name: string, min: number, dflt: number): number | string {
  const v = values[name];
  if (v === undefined) return dflt;
  const n = Number(v);
  return typeof v === 'string' && v.trim() !== '' && Number.isInteger(n) && n >= min ? n : `--${name} needs an integer ≥ ${min} (got ${String(v)})`;
}
