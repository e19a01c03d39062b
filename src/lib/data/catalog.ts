/** The catalog: dimension tables plus coverage, and the questions the UI asks of it. */
import type { CoverageRow } from '../queries/catalog';
import type { Geo, Group, Indicator, Target } from './types';

export interface Catalog {
  indicators: Indicator[];
  groups: Group[];
  geos: Geo[];
  targets: Target[];
  coverage: CoverageRow[];
}

export const DEFAULT_INDICATOR = 'werkzaamheidsgraad';
export const DEFAULT_GEO = 'vlaams_gewest';

/** The preferred default indicator, or the first with figures when an extract lacks it. */
export function defaultIndicator(c: Catalog): string {
  if (geosWithData(c, DEFAULT_INDICATOR).length > 0) return DEFAULT_INDICATOR;
  return c.indicators.find((i) => geosWithData(c, i.id).length > 0)?.id ?? DEFAULT_INDICATOR;
}

export function geosWithData(c: Catalog, indicator: string): string[] {
  const ids = new Set(c.coverage.filter((r) => r.indicator === indicator).map((r) => r.geo));
  return c.geos.filter((g) => ids.has(g.id)).map((g) => g.id);
}

/** Groups with figures for this indicator and place, in the catalog's display order. */
export function groupsWithData(c: Catalog, indicator: string, geo: string): string[] {
  const ids = new Set(c.coverage.filter((r) => r.indicator === indicator && r.geo === geo).map((r) => r.group));
  return c.groups.filter((g) => ids.has(g.id)).map((g) => g.id);
}

export function yearSpan(c: Catalog, indicator: string, geo: string): [number, number] | null {
  const rows = c.coverage.filter((r) => r.indicator === indicator && r.geo === geo);
  if (rows.length === 0) return null;
  return [Math.min(...rows.map((r) => r.first_year)), Math.max(...rows.map((r) => r.last_year))];
}

export function defaultGeo(c: Catalog, indicator: string): string | null {
  const geos = geosWithData(c, indicator);
  return geos.includes(DEFAULT_GEO) ? DEFAULT_GEO : (geos[0] ?? null);
}

/**
 * The groups shown when the URL names none: every group with data, but only of one kind,
 * so a default chart never mixes origin with nationality. The kind with the most figures
 * wins (ties: the kind listed first), the whole-population group never leads.
 */
export function defaultGroups(c: Catalog, indicator: string, geo: string): string[] {
  const ids = groupsWithData(c, indicator, geo);
  const kinds = new Map(c.groups.map((g) => [g.id, g.group_kind]));
  const figures = new Map<string, number>();
  for (const r of c.coverage) {
    const kind = kinds.get(r.group);
    if (r.indicator === indicator && r.geo === geo && kind && kind !== 'total') figures.set(kind, (figures.get(kind) ?? 0) + r.n);
  }
  let best: string | undefined;
  for (const id of ids) {
    const kind = kinds.get(id)!;
    if (kind !== 'total' && (best === undefined || (figures.get(kind) ?? 0) > (figures.get(best) ?? 0))) best = kind;
  }
  return ids.filter((id) => kinds.get(id) === (best ?? kinds.get(ids[0])));
}

export function indicatorById(c: Catalog, id: string): Indicator | undefined {
  return c.indicators.find((i) => i.id === id);
}
