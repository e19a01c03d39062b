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

const COVERAGE_FROM = `FROM observations WHERE sex = 'T'`;
const COVERAGE_GROUPS = `GROUP BY ALL ORDER BY indicator, geo, "group"`;

export const coverageQuery: Query = {
  sql: `SELECT indicator, geo, "group", min(year_start)::INTEGER AS first_year, max(year_end)::INTEGER AS last_year,
       list(DISTINCT year_end::INTEGER ORDER BY year_end::INTEGER) AS years, count(*)::INTEGER AS n
${COVERAGE_FROM} ${COVERAGE_GROUPS}`,
  params: [],
};

/**
 * The coverage of some indicators only (a user's file added figures to them), every column as
 * text (years joined by commas): tens of thousands of rows come back as columns, not row objects.
 */
export function coverageTextQuery(indicators: string[]): Query {
  return {
    sql: `SELECT indicator, geo, "group", min(year_start)::VARCHAR AS first_year, max(year_end)::VARCHAR AS last_year,
       string_agg(DISTINCT year_end::VARCHAR, ',' ORDER BY year_end::VARCHAR) AS years, count(*)::VARCHAR AS n
${COVERAGE_FROM} AND indicator IN (${indicators.map(() => '?').join(', ') || 'NULL'}) ${COVERAGE_GROUPS}`,
    params: indicators,
  };
}
