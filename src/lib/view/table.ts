/** The table view: the exact rows behind the chart, sorted by any column. */
import type { ObservationRow } from '../queries/observations';

export const SORT_KEYS = ['geo', 'group', 'period', 'value', 'source'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export interface SortOrder {
  key: SortKey;
  dir: 'asc' | 'desc';
}

export const DEFAULT_SORT: SortOrder = { key: 'period', dir: 'asc' };

/** `value` is ascending, `-value` descending; anything else is not a sort order. */
export function parseSort(text: string): SortOrder | null {
  const desc = text.startsWith('-');
  const key = desc ? text.slice(1) : text;
  return (SORT_KEYS as readonly string[]).includes(key) ? { key: key as SortKey, dir: desc ? 'desc' : 'asc' } : null;
}

export function formatSort(order: SortOrder): string {
  return `${order.dir === 'desc' ? '-' : ''}${order.key}`;
}

export function sortRows(
  rows: ObservationRow[],
  order: SortOrder,
  labelOf: (key: SortKey, row: ObservationRow) => string,
): ObservationRow[] {
  const sign = order.dir === 'asc' ? 1 : -1;
  const compare = (a: ObservationRow, b: ObservationRow): number => {
    if (order.key === 'value') return (a.value - b.value) * sign;
    if (order.key === 'period') return (a.period_sort - b.period_sort) * sign;
    return labelOf(order.key, a).localeCompare(labelOf(order.key, b), 'nl') * sign;
  };
  // Stable: ties keep place, group, period order.
  return rows
    .map((r, i) => [r, i] as const)
    .sort((x, y) => compare(x[0], y[0]) || x[1] - y[1])
    .map(([r]) => r);
}
