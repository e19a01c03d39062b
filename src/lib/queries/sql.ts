/** Queries are data: SQL text with positional `?` placeholders and the values bound to them. */
export type Param = string | number;

export interface Query {
  sql: string;
  params: Param[];
}

/** `?, ?, ?` for a list of n bound values. */
export function placeholders(n: number): string {
  if (n < 1) throw new Error('a list needs at least one value');
  return Array.from({ length: n }, () => '?').join(', ');
}

/** Quote an identifier, but only one from the given whitelist. */
export function ident(name: string, allowed: readonly string[]): string {
  if (!allowed.includes(name)) throw new Error(`identifier not allowed: ${name}`);
  return `"${name}"`;
}
