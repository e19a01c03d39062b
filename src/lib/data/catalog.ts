/** The catalog: dimension tables plus coverage, and the questions the UI asks of it. */
import type { CoverageRow } from '../queries/catalog';
import { DOMAINS, type GroupKind } from './schema';
import type { Geo, Group, Indicator, Target } from './types';

export interface Catalog {
  indicators: Indicator[];
  groups: Group[];
  geos: Geo[];
  targets: Target[];
  coverage: CoverageRow[];
}

export type Domain = (typeof DOMAINS)[number];

/** The app's default indicator when an extract marks none: the werk domain's default in the curated data. */
export const DEFAULT_INDICATOR = 'werkzaamheidsgraad';
export const DEFAULT_GEO = 'vlaams_gewest';

/** The domain whose default indicator is the app's default view. */
const DEFAULT_DOMAIN: Domain = 'werk';

/** The group a gap is measured against for this kind (`groups.reference`), if the kind has one. */
export function referenceOfKind(c: Catalog, kind: GroupKind): string | null {
  return c.groups.find((g) => g.group_kind === kind && g.reference)?.id ?? null;
}

// A catalog never changes once loaded: its coverage is grouped by indicator once, on first use.
const coverageIndex = new WeakMap<CoverageRow[], Map<string, CoverageRow[]>>();

/** The coverage rows of one indicator. */
function coverageOf(c: Catalog, indicator: string): CoverageRow[] {
  let index = coverageIndex.get(c.coverage);
  if (!index) {
    index = new Map();
    for (const r of c.coverage) {
      const rows = index.get(r.indicator);
      if (rows) rows.push(r);
      else index.set(r.indicator, [r]);
    }
    coverageIndex.set(c.coverage, index);
  }
  return index.get(indicator) ?? [];
}

function figures(c: Catalog, indicator: string): number {
  return coverageOf(c, indicator).reduce((a, r) => a + r.n, 0);
}

export function hasFigures(c: Catalog, indicator: string): boolean {
  return coverageOf(c, indicator).length > 0;
}

/** Indicators of a domain that have figures, best covered first. */
export function indicatorsOf(c: Catalog, domain: string): Indicator[] {
  return c.indicators.filter((i) => i.domain === domain && hasFigures(c, i.id)).sort((a, b) => figures(c, b.id) - figures(c, a.id));
}

/** The indicator a domain tab opens on (`indicators.domain_default`) when it has figures; else the domain's best-covered one. */
export function domainDefaultIndicator(c: Catalog, domain: Domain): string | null {
  const preferred = c.indicators.find((i) => i.domain === domain && i.domain_default)?.id;
  if (preferred && hasFigures(c, preferred)) return preferred;
  return indicatorsOf(c, domain)[0]?.id ?? null;
}

/** The werk domain's default indicator, or the first with figures when an extract lacks it. */
export function defaultIndicator(c: Catalog): string {
  const preferred = c.indicators.find((i) => i.domain === DEFAULT_DOMAIN && i.domain_default)?.id ?? DEFAULT_INDICATOR;
  if (hasFigures(c, preferred)) return preferred;
  return c.indicators.find((i) => hasFigures(c, i.id))?.id ?? preferred;
}

export function geosWithData(c: Catalog, indicator: string): string[] {
  const ids = new Set(coverageOf(c, indicator).map((r) => r.geo));
  return c.geos.filter((g) => ids.has(g.id)).map((g) => g.id);
}

/** Groups with figures for this indicator in any of the places, in the catalog's display order. */
export function groupsWithData(c: Catalog, indicator: string, geos: string | string[]): string[] {
  const places = new Set(Array.isArray(geos) ? geos : [geos]);
  const ids = new Set(
    coverageOf(c, indicator)
      .filter((r) => places.has(r.geo))
      .map((r) => r.group),
  );
  return c.groups.filter((g) => ids.has(g.id)).map((g) => g.id);
}

/** Calendar years with figures for the indicator in these places and groups, ascending. */
export function yearsWithData(c: Catalog, indicator: string, geos: string[], groups?: string[]): number[] {
  const years = new Set<number>();
  for (const r of coverageOf(c, indicator)) {
    if (geos.includes(r.geo) && (!groups || groups.includes(r.group))) r.years.forEach((y) => years.add(y));
  }
  return [...years].sort((a, b) => a - b);
}

export function yearSpan(c: Catalog, indicator: string, geos: string | string[]): [number, number] | null {
  const places = Array.isArray(geos) ? geos : [geos];
  const rows = coverageOf(c, indicator).filter((r) => places.includes(r.geo));
  if (rows.length === 0) return null;
  return [Math.min(...rows.map((r) => r.first_year)), Math.max(...rows.map((r) => r.last_year))];
}

/**
 * The place a view opens on: the Flemish Region, or Flanders and Brussels, when it has at least
 * half as many figures as the best-covered place; otherwise the best-covered place.
 */
export function defaultGeo(c: Catalog, indicator: string): string | null {
  const geos = geosWithData(c, indicator);
  // Figures per place, counted once (a user's file can bring hundreds of places).
  const totals = new Map<string, number>();
  for (const r of coverageOf(c, indicator)) totals.set(r.geo, (totals.get(r.geo) ?? 0) + r.n);
  const n = (geo: string) => totals.get(geo) ?? 0;
  const most = Math.max(0, ...geos.map(n));
  const preferred = [DEFAULT_GEO, 'vlaanderen_brussel'].find((g) => geos.includes(g) && n(g) * 2 >= most);
  return preferred ?? [...geos].sort((a, b) => n(b) - n(a))[0] ?? null;
}

/**
 * The groups shown when the URL names none: every group with data, but only of one kind,
 * so a default chart never mixes origin with nationality. The kind with the most figures
 * wins (ties: the kind listed first), the whole-population group never leads.
 */
export function defaultGroups(c: Catalog, indicator: string, geo: string | string[]): string[] {
  const places = new Set(Array.isArray(geo) ? geo : [geo]);
  const ids = groupsWithData(c, indicator, [...places]);
  const kinds = new Map(c.groups.map((g) => [g.id, g.group_kind]));
  const counts = new Map<string, number>();
  for (const r of coverageOf(c, indicator)) {
    const kind = kinds.get(r.group);
    if (places.has(r.geo) && kind && kind !== 'total') counts.set(kind, (counts.get(kind) ?? 0) + r.n);
  }
  let best: string | undefined;
  for (const id of ids) {
    const kind = kinds.get(id)!;
    if (kind !== 'total' && (best === undefined || (counts.get(kind) ?? 0) > (counts.get(best) ?? 0))) best = kind;
  }
  return ids.filter((id) => kinds.get(id) === (best ?? kinds.get(ids[0])));
}

/** The reference group for a gap among these groups: the kind's reference, if it has figures. */
export function defaultReference(c: Catalog, indicator: string, geos: string[], groups: string[]): string | null {
  const available = groupsWithData(c, indicator, geos);
  const kinds = c.groups.filter((g) => groups.includes(g.id)).map((g) => g.group_kind);
  for (const kind of kinds) {
    const ref = referenceOfKind(c, kind);
    if (ref && available.includes(ref)) return ref;
  }
  return null;
}

export function targetsFor(c: Catalog, indicator: string, geos: string[]): Target[] {
  return c.targets.filter((t) => t.indicator === indicator && geos.includes(t.geo));
}

/** The reference group a gap view uses: the state's choice, or the default for its groups' kind. */
export function effectiveReferenceOf(
  c: Catalog,
  s: { ref: string | null; indicator: string; geos: string[]; groups: string[] },
): string | null {
  return s.ref ?? defaultReference(c, s.indicator, s.geos, s.groups);
}
