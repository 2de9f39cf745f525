// The ONE quoting helper set. Every user- or URL-supplied value reaches SQL through these
// functions and nowhere else; builders never concatenate raw input (house style #8).

/** Thrown for values that cannot be represented safely (e.g. NUL bytes, non-finite numbers). */
export class SqlValueError extends Error {}

/**
 * A SQL string literal. Single quotes are doubled; backslashes are plain characters in DuckDB
 * standard strings ('…'), so they need no escaping. NUL cannot be stored in a DuckDB VARCHAR
 * and would truncate the statement in some drivers: it is rejected.
 */
export function str(value: string): string {
  if (typeof value !== 'string') throw new SqlValueError(`expected a string, got ${typeof value}`);
  if (value.includes('\u0000')) throw new SqlValueError('string contains a NUL character');
  return `'${value.replace(/'/g, "''")}'`;
}

/** A quoted identifier ("a""b"). Rejects NUL and empty names. */
export function ident(name: string): string {
  if (typeof name !== 'string' || name.length === 0) throw new SqlValueError('empty identifier');
  if (name.includes('\u0000')) throw new SqlValueError('identifier contains a NUL character');
  return `"${name.replace(/"/g, '""')}"`;
}

/** A numeric literal; throws unless it is a finite number (guards NaN, Infinity, '1; DROP'). */
export function num(value: number): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new SqlValueError(`not a finite number: ${String(value)}`);
  return String(value);
}

/** An integer literal (years, limits). */
export function int(value: number): string {
  if (typeof value !== 'number' || !Number.isInteger(value)) throw new SqlValueError(`not an integer: ${String(value)}`);
  return String(value);
}

/** `(a, b, c)` of string literals; an empty list gives `(NULL)` so `x IN (NULL)` matches nothing. */
export function inList(values: readonly string[]): string {
  if (values.length === 0) return '(NULL)';
  return `(${values.map(str).join(', ')})`;
}

/**
 * A LIKE pattern matching `value` anywhere, with %, _ and the escape char itself escaped.
 * Use as `col LIKE ${likeContains(q)} ESCAPE '\\'`.
 */
export function likeContains(value: string): string {
  const escaped = value.replace(/[\\%_]/g, (c) => `\\${c}`);
  return `${str(`%${escaped}%`)} ESCAPE '\\'`;
}

/** A LIKE pattern for a prefix (region codes). */
export function likePrefix(value: string): string {
  const escaped = value.replace(/[\\%_]/g, (c) => `\\${c}`);
  return `${str(`${escaped}%`)} ESCAPE '\\'`;
}
