/**
 * Marks read by the benchmark (scripts/bench.ts): when the first figure of this page load — a
 * chart or a table — was on screen. Only the first one counts.
 */
export const FIRST_CHART_MARK = 'herkomstkloof:first-chart';

export function markFirstChart(): void {
  if (performance.getEntriesByName(FIRST_CHART_MARK).length === 0) performance.mark(FIRST_CHART_MARK);
}
