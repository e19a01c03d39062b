/** What a view needs from the engine, for a state: pure query plan, one async loader. */
import type { Source } from '../data/types';
import {
  allFiguresQuery,
  gapQuery,
  observationsQuery,
  type FigureRow,
  type GapRow,
  type ObservationFilter,
  type ObservationRow,
} from '../queries/observations';
import { sourcesQuery } from '../queries/sources';
import type { Query } from '../queries/sql';
import { effectiveReferenceOf, type Catalog } from '../data/catalog';
import type { ViewState } from '../state/view-state';

/** Anything that runs a query: DuckDB-WASM in the browser, DuckDB in Node for boot.json and tests. */
export interface QueryRunner {
  query<T = Record<string, unknown>>(q: Query): Promise<T[]>;
}

export interface ViewData {
  filter: ObservationFilter;
  reference: string | null;
  rows: ObservationRow[];
  figures: FigureRow[];
  gaps: GapRow[];
  sources: Source[];
}

/** The rows a state asks for. Comparison and target views pick their year from all years. */
export function filterOf(c: Catalog, s: ViewState): ObservationFilter & { reference: string | null } {
  const reference = s.view === 'gap' ? effectiveReferenceOf(c, s) : null;
  const groups = reference && !s.groups.includes(reference) ? [reference, ...s.groups] : s.groups;
  const years = s.view === 'trend' || s.view === 'table' || (s.view === 'gap' && s.geos.length === 1) ? s.years : null;
  return { indicator: s.indicator, geos: s.geos, groups, years, reference };
}

export function sameFilter(a: object, b: object): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export async function loadView(engine: QueryRunner, c: Catalog, s: ViewState): Promise<ViewData> {
  const { reference, ...filter } = filterOf(c, s);
  if (filter.groups.length === 0 || filter.geos.length === 0) return { filter, reference, rows: [], figures: [], gaps: [], sources: [] };
  // One after the other: a connection runs one prepared statement at a time.
  const rows = await engine.query<ObservationRow>(observationsQuery(filter));
  const figures = await engine.query<FigureRow>(allFiguresQuery(filter));
  const gaps =
    reference && filter.groups.some((g) => g !== reference)
      ? await engine.query<GapRow>(
          gapQuery({ ...filter, reference, lowerIsBetter: c.indicators.find((i) => i.id === s.indicator)?.better === 'lower' }),
        )
      : [];
  const ids = [...new Set([...rows.map((r) => r.source), ...figures.map((f) => f.source)])];
  const sources = ids.length ? await engine.query<Source>(sourcesQuery(ids)) : [];
  return { filter, reference, rows, figures, gaps, sources };
}
