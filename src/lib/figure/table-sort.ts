/** Sorting a Figure's table by any column; the order is written in the URL as `value` or `-value`. */
import type { FigureTable } from './types';

export const SORT_KEYS = ['geo', 'group', 'period', 'value', 'source'] as const;

export interface SortOrder {
  key: string;
  dir: 'asc' | 'desc';
}

export const DEFAULT_SORT: SortOrder = { key: 'period', dir: 'asc' };

/** `value` is ascending, `-value` descending; anything else is not a sort order. */
export function parseSort(text: string): SortOrder | null {
  const desc = text.startsWith('-');
  const key = desc ? text.slice(1) : text;
  return (SORT_KEYS as readonly string[]).includes(key) ? { key, dir: desc ? 'desc' : 'asc' } : null;
}

export function formatSort(order: SortOrder): string {
  return `${order.dir === 'desc' ? '-' : ''}${order.key}`;
}

/** Numbers sort as numbers (a period by its place in time), words by Dutch collation; ties keep the table's order. */
export function sortTable(table: FigureTable, order: SortOrder): FigureTable['rows'] {
  const sign = order.dir === 'asc' ? 1 : -1;
  const compare = (a: FigureTable['rows'][number], b: FigureTable['rows'][number]): number => {
    const x = a.values[order.key];
    const y = b.values[order.key];
    if (typeof x === 'number' && typeof y === 'number') return (x - y) * sign;
    return (a.cells[order.key] ?? '').localeCompare(b.cells[order.key] ?? '', 'nl') * sign;
  };
  return table.rows
    .map((r, i) => [r, i] as const)
    .sort((p, q) => compare(p[0], q[0]) || p[1] - q[1])
    .map(([r]) => r);
}
