/**
 * What exists in the extract: the dimension tables and, per indicator, the places, groups
 * and years that have figures. The UI builds its pickers and validates URLs from this.
 */
import type { Query } from './sql';

export const indicatorsQuery: Query = { sql: 'SELECT * FROM indicators ORDER BY domain, id', params: [] };
export const groupsQuery: Query = { sql: 'SELECT * FROM groups ORDER BY sort, id', params: [] };
/** Places from large to small (country, regions, aggregates, cities), then by name. */
export const geosQuery: Query = {
  sql: `SELECT * FROM geos ORDER BY list_position(['land', 'gewest', 'aggregate', 'provincie', 'centrumstad', 'gemeente'], level), name_nl`,
  params: [],
};
export const targetsQuery: Query = { sql: 'SELECT * FROM targets ORDER BY indicator, year', params: [] };

export interface CoverageRow {
  indicator: string;
  geo: string;
  group: string;
  first_year: number;
  last_year: number;
  /** Calendar years in which a period with figures ends, ascending. */
  years: number[];
  n: number;
}

export const coverageQuery: Query = {
  sql: `SELECT indicator, geo, "group", min(year_start)::INTEGER AS first_year, max(year_end)::INTEGER AS last_year,
       list(DISTINCT year_end::INTEGER ORDER BY year_end::INTEGER) AS years, count(*)::INTEGER AS n
FROM observations WHERE sex = 'T' GROUP BY ALL ORDER BY indicator, geo, "group"`,
  params: [],
};
