/** Comparison view: the groups side by side for one year, in each chosen place. */
import type { ObservationRow } from '../queries/observations';

/** Calendar years (the year a period ends) that have a figure in these rows, ascending. */
export function yearsIn(rows: ObservationRow[]): number[] {
  return [...new Set(rows.map((r) => r.year_end))].sort((a, b) => a - b);
}

/** The year shown: the chosen one if it has figures, else none; without a choice, the latest. */
export function comparisonYear(rows: ObservationRow[], chosen: number | null): number | null {
  const years = yearsIn(rows);
  if (chosen === null) return years.at(-1) ?? null;
  return years.includes(chosen) ? chosen : null;
}

/** Of these years, the ones closest to a year, nearest first (ties: the later year). */
export function nearestYears(years: number[], year: number, n = 2): number[] {
  return years
    .filter((y) => y !== year)
    .sort((a, b) => Math.abs(a - year) - Math.abs(b - year) || b - a)
    .slice(0, n);
}

export function rowsForYear(rows: ObservationRow[], year: number): ObservationRow[] {
  return rows.filter((r) => r.year_end === year);
}
