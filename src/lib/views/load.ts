/** Fetch what a view needs from the engine: the stated figures and the sources they (and the targets) cite. */
import type { Catalog } from '../data/catalog';
import type { Source } from '../data/types';
import { figuresQuery, type ObservationFilter, type StatedFigure } from '../queries/observations';
import { sourcesQuery } from '../queries/sources';
import type { Query } from '../queries/sql';
import type { ViewState } from '../state/view-state';
import { needKey, needOf } from './index';
import type { ViewData } from './types';

/** Anything that runs a query: DuckDB-WASM in the browser, DuckDB in Node for boot.json and tests. */
export interface QueryRunner {
  query<T = Record<string, unknown>>(q: Query): Promise<T[]>;
}

export async function loadNeed(runner: QueryRunner, c: Catalog, need: ObservationFilter): Promise<ViewData> {
  const key = needKey(need);
  if (need.groups.length === 0 || need.geos.length === 0) return { key, need, figures: [], sources: [] };
  const figures = await runner.query<StatedFigure>(figuresQuery(need));
  const targetSources = c.targets.filter((tg) => tg.indicator === need.indicator && need.geos.includes(tg.geo)).map((tg) => tg.source);
  const ids = [...new Set([...figures.map((f) => f.source), ...targetSources])];
  const sources = ids.length ? await runner.query<Source>(sourcesQuery(ids)) : [];
  return { key, need, figures, sources };
}

export function loadView(runner: QueryRunner, c: Catalog, s: ViewState): Promise<ViewData> {
  return loadNeed(runner, c, needOf(c, s).need);
}
