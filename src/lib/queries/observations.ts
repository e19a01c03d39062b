/**
 * Observations of one indicator for chosen places and groups (all sexes combined).
 * Where several sources state the same figure, the most recently published one is the row's
 * value, and the row says how many sources there are and how far apart they are.
 */
import { placeholders, type Query } from './sql';

export interface ObservationFilter {
  indicator: string;
  geos: string[];
  groups: string[];
  /** Inclusive year range; null for all years. */
  years: [number, number] | null;
}

export interface ObservationRow {
  geo: string;
  period: string;
  period_kind: string;
  period_sort: number;
  year_start: number;
  year_end: number;
  group: string;
  age: string | null;
  value: number;
  source: string;
  note: string | null;
  n_sources: number;
  min_value: number;
  max_value: number;
}

function yearClause(years: [number, number] | null, params: (string | number)[], alias = 'o'): string {
  if (!years) return '';
  params.push(years[0], years[1]);
  return `AND ${alias}.year_start >= ? AND ${alias}.year_end <= ?`;
}

export function observationsQuery(f: ObservationFilter): Query {
  if (f.groups.length === 0 || f.geos.length === 0) throw new Error('observations need at least one place and one group');
  const params: (string | number)[] = [f.indicator, ...f.geos, ...f.groups];
  const years = yearClause(f.years, params);
  const sql = `SELECT o.geo, o.period, o.period_kind, o.period_sort, o.year_start, o.year_end, o."group", o.age, o.value, o.source, o.note,
       (count(*) OVER w)::INTEGER AS n_sources, min(o.value) OVER w AS min_value, max(o.value) OVER w AS max_value
FROM observations o JOIN sources s ON s.id = o.source
WHERE o.indicator = ? AND o.sex = 'T' AND o.geo IN (${placeholders(f.geos.length)}) AND o."group" IN (${placeholders(f.groups.length)}) ${years}
WINDOW w AS (PARTITION BY o.geo, o."group", o.period, o.age)
QUALIFY row_number() OVER (PARTITION BY o.geo, o."group", o.period, o.age ORDER BY s.year DESC, o.source) = 1
ORDER BY o.geo, o."group", o.period_sort`;
  return { sql, params };
}

export interface GapFilter extends ObservationFilter {
  /** The reference group (e.g. Belgian origin). */
  reference: string;
  /**
   * Where lower is better (early school leaving), the gap is group minus reference; otherwise
   * reference minus group. Either way a positive gap means the group is behind.
   */
  lowerIsBetter: boolean;
}

export interface GapRow {
  geo: string;
  period: string;
  period_kind: string;
  period_sort: number;
  year_end: number;
  group: string;
  reference_value: number;
  value: number;
  /** In percentage points (or the unit of a count), positive when the group is behind the reference. */
  gap: number;
  reference_source: string;
  source: string;
}

/**
 * The herkomstkloof computed from two stated figures: the reference group's and the group's, for the
 * same place, period and age range. Periods where either figure is missing yield no row.
 */
export function gapQuery(f: GapFilter): Query {
  const groups = f.groups.filter((g) => g !== f.reference);
  if (groups.length === 0 || f.geos.length === 0) throw new Error('a gap needs a place and a group other than the reference');
  const { reference, lowerIsBetter: _, ...filter } = f;
  const inner = observationsQuery({ ...filter, groups: [reference, ...groups] });
  const sql = `WITH obs AS (${inner.sql})
SELECT g.geo, g.period, g.period_kind, g.period_sort, g.year_end, g."group", r.value AS reference_value, g.value,
       round(${f.lowerIsBetter ? 'g.value - r.value' : 'r.value - g.value'}, 6) AS gap, r.source AS reference_source, g.source
FROM obs g JOIN obs r ON r.geo = g.geo AND r.period = g.period AND r.age IS NOT DISTINCT FROM g.age AND r."group" = ?
WHERE g."group" <> ?
ORDER BY g.geo, g."group", g.period_sort`;
  return { sql, params: [...inner.params, reference, reference] };
}

export interface FigureRow {
  geo: string;
  period: string;
  group: string;
  age: string | null;
  value: number;
  source: string;
}

/** Every source's figure for the filter, not only the shown one: to say where sources disagree. */
export function allFiguresQuery(f: ObservationFilter): Query {
  if (f.groups.length === 0 || f.geos.length === 0) throw new Error('figures need at least one place and one group');
  const params: (string | number)[] = [f.indicator, ...f.geos, ...f.groups];
  const years = yearClause(f.years, params);
  return {
    sql: `SELECT o.geo, o.period, o."group", o.age, o.value, o.source
FROM observations o
WHERE o.indicator = ? AND o.sex = 'T' AND o.geo IN (${placeholders(f.geos.length)}) AND o."group" IN (${placeholders(f.groups.length)}) ${years}
ORDER BY o.geo, o."group", o.period_sort, o.source`,
    params,
  };
}
