/** Coverage rows of two sources of figures (the curated extract and a user's file) as one. */
import type { CoverageRow } from '../queries/catalog';

const keyOf = (r: CoverageRow) => `${r.indicator}\u0000${r.geo}\u0000${r.group}`;

/** Rows of the same indicator, place and group become one: years joined, the span widened, figures summed. */
export function mergeCoverage(before: CoverageRow[], added: CoverageRow[]): CoverageRow[] {
  const merged = new Map(before.map((r) => [keyOf(r), r]));
  for (const r of added) {
    const key = keyOf(r);
    const old = merged.get(key);
    if (!old) {
      merged.set(key, r);
      continue;
    }
    merged.set(key, {
      ...old,
      first_year: Math.min(old.first_year, r.first_year),
      last_year: Math.max(old.last_year, r.last_year),
      years: [...new Set([...old.years, ...r.years])].sort((a, b) => a - b),
      n: old.n + r.n,
    });
  }
  return [...merged.values()];
}
