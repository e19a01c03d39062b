/**
 * Every stated figure of one indicator for chosen places and groups (all sexes combined), with
 * the kind and publication year of its source. Which figure of a period is drawn, and which are
 * alternatives, is decided in the view model (src/lib/figure/series.ts, docs/figure-rules.md).
 */
import { placeholders, type Query } from './sql';

export interface ObservationFilter {
  indicator: string;
  /** A second indicator whose figures come along (the representation view's population shares). */
  yardstick?: string;
  geos: string[];
  groups: string[];
  /** Inclusive year range; null for all years. */
  years: [number, number] | null;
}

/** One row of observations.csv as a view reads it. */
export interface StatedFigure {
  /** Always present in query results; optional only so that rows made by hand (tests) need not state it. */
  indicator?: string;
  geo: string;
  period: string;
  period_kind: string;
  period_start: string;
  period_end: string;
  period_sort: number;
  year_start: number;
  year_end: number;
  group: string;
  age: string | null;
  value: number;
  source: string;
  /** statistics | agency | parliament | research | press: decides which figure of a period is drawn. */
  source_kind: string;
  source_year: number;
  note: string | null;
  /**
   * The quote states the figure approximately ("ongeveer", "around"…). Always present in query
   * results; optional only so that rows made by hand (tests) need not state it.
   */
  approx?: boolean;
  /** The note in English (null where there is none); optional for rows made by hand (tests). */
  note_en?: string | null;
}

export function figuresQuery(f: ObservationFilter): Query {
  if (f.groups.length === 0 || f.geos.length === 0) throw new Error('figures need at least one place and one group');
  const indicators = f.yardstick ? [f.indicator, f.yardstick] : [f.indicator];
  const params: (string | number)[] = [...indicators, ...f.geos, ...f.groups];
  let years = '';
  if (f.years) {
    params.push(f.years[0], f.years[1]);
    years = 'AND o.year_start >= ? AND o.year_end <= ?';
  }
  return {
    sql: `SELECT o.indicator, o.geo, o.period, o.period_kind, o.period_start, o.period_end, o.period_sort, o.year_start, o.year_end, o."group", o.age, o.value, o.source,
       s.kind AS source_kind, s.year AS source_year, o.note, o.approx, o.note_en
FROM observations o JOIN sources s ON s.id = o.source
WHERE o.indicator IN (${placeholders(indicators.length)}) AND o.sex = 'T' AND o.geo IN (${placeholders(f.geos.length)}) AND o."group" IN (${placeholders(f.groups.length)}) ${years}
ORDER BY o.indicator, o.geo, o."group", o.period_sort, o.source`,
    params,
  };
}
