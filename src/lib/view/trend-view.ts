/** View model of the trend view: the rows and sources for a state, and what to say about them. */
import type { Catalog } from '../data/catalog';
import { indicatorById } from '../data/catalog';
import type { Group, Indicator, Source } from '../data/types';
import type { Engine } from '../db/engine';
import { sourcesQuery } from '../queries/sources';
import { trendQuery, type TrendFilter, type TrendRow } from '../queries/trend';
import type { ViewState } from '../state/view-state';

export interface TrendData {
  filter: TrendFilter;
  rows: TrendRow[];
  sources: Source[];
}

export function filterOf(s: ViewState): TrendFilter {
  return { indicator: s.indicator, geo: s.geo, groups: s.groups, years: s.years };
}

export function sameFilter(a: TrendFilter, b: TrendFilter): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export async function loadTrend(engine: Engine, filter: TrendFilter): Promise<TrendData> {
  if (filter.groups.length === 0) return { filter, rows: [], sources: [] };
  const rows = await engine.query<TrendRow>(trendQuery(filter));
  const ids = [...new Set(rows.map((r) => r.source))];
  const sources = ids.length ? await engine.query<Source>(sourcesQuery(ids)) : [];
  return { filter, rows, sources };
}

export interface TrendSummary {
  indicator: Indicator;
  groups: Group[];
  /** Group kinds with figures in the view. */
  kinds: string[];
  /** Group kinds present, when more than one. */
  mixedKinds: string[];
  /** Chosen groups without a single figure in the view. */
  missingGroups: Group[];
  /** Figures for which sources disagree. */
  disagreements: number;
  span: [number, number] | null;
}

export function summarise(c: Catalog, data: TrendData): TrendSummary | null {
  const indicator = indicatorById(c, data.filter.indicator);
  if (!indicator) return null;
  const groups = c.groups.filter((g) => data.filter.groups.includes(g.id));
  const kinds = [...new Set(groups.filter((g) => data.rows.some((r) => r.group === g.id)).map((g) => g.group_kind))];
  const years = data.rows.map((r) => Math.floor(r.period_sort));
  return {
    indicator,
    groups,
    kinds,
    missingGroups: groups.filter((g) => !data.rows.some((r) => r.group === g.id)),
    mixedKinds: kinds.length > 1 ? kinds : [],
    disagreements: data.rows.filter((r) => r.n_sources > 1 && r.min_value !== r.max_value).length,
    span: years.length ? [Math.min(...years), Math.max(...years)] : null,
  };
}
