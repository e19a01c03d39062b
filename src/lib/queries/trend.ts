/**
 * Trend view: one indicator over time for chosen groups in one place.
 * Where several sources state the same figure, the most recently published one is shown
 * and the row says how many sources there are and how far they differ.
 */
import { placeholders, type Query } from './sql';

export interface TrendFilter {
  indicator: string;
  geo: string;
  groups: string[];
  /** Inclusive year range; null for all years. */
  years: [number, number] | null;
}

export interface TrendRow {
  period: string;
  period_kind: string;
  period_sort: number;
  group: string;
  value: number;
  source: string;
  note: string | null;
  n_sources: number;
  min_value: number;
  max_value: number;
}

export function trendQuery(f: TrendFilter): Query {
  if (f.groups.length === 0) throw new Error('a trend needs at least one group');
  const params: (string | number)[] = [f.indicator, f.geo, ...f.groups];
  let yearClause = '';
  if (f.years) {
    yearClause = 'AND o.year_start >= ? AND o.year_end <= ?';
    params.push(f.years[0], f.years[1]);
  }
  const sql = `SELECT o.period, o.period_kind, o.period_sort, o."group", o.value, o.source, o.note,
       (count(*) OVER w)::INTEGER AS n_sources, min(o.value) OVER w AS min_value, max(o.value) OVER w AS max_value
FROM observations o JOIN sources s ON s.id = o.source
WHERE o.indicator = ? AND o.geo = ? AND o.sex = 'T' AND o."group" IN (${placeholders(f.groups.length)}) ${yearClause}
WINDOW w AS (PARTITION BY o."group", o.period)
QUALIFY row_number() OVER (PARTITION BY o."group", o.period ORDER BY s.year DESC, o.source) = 1
ORDER BY o."group", o.period_sort`;
  return { sql, params };
}
