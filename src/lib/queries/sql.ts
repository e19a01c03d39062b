/**
 * Queries are data: SQL text with positional `?` placeholders and the values bound to them.
 * Every value from the user or the URL is bound; table and column names are fixed in the
 * builders' SQL text and never come from input.
 */
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
