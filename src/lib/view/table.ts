/** The table view: the exact rows behind the chart, sorted by any column. */
import type { ObservationRow } from '../queries/observations';

export type SortKey = 'geo' | 'group' | 'period' | 'value' | 'source';
export interface SortOrder {
  key: SortKey;
  dir: 'asc' | 'desc';
}

export function sortRows(rows: ObservationRow[], order: SortOrder, labelOf: (key: SortKey, row: ObservationRow) => string): ObservationRow[] {
  const sign = order.dir === 'asc' ? 1 : -1;
  const compare = (a: ObservationRow, b: ObservationRow): number => {
    if (order.key === 'value') return (a.value - b.value) * sign;
    if (order.key === 'period') return (a.period_sort - b.period_sort) * sign;
    return labelOf(order.key, a).localeCompare(labelOf(order.key, b), 'nl') * sign;
  };
  // Stable: ties keep place, group, period order.
  return rows.map((r, i) => [r, i] as const).sort((x, y) => compare(x[0], y[0]) || x[1] - y[1]).map(([r]) => r);
}
