/**
 * Deliberate changes that replace much of the state: another domain, another indicator. A view
 * that cannot work for the new choice is not carried into it: the nearest view that can is shown,
 * and the change says so.
 */
import type { Catalog, Domain } from '../data/catalog';
import { DEFAULT_GEO, defaultGroups, domainDefaultIndicator, geosWithData, groupsWithData } from '../data/catalog';
import { carryView, offeredViews, possibleViews } from '../views/index';
import { defaultState, type ViewKind, type ViewState } from './view-state';

export interface Transition {
  state: ViewState;
  /** Set when the chosen view could not work for the new choice and another is shown. */
  carried: { from: ViewKind; to: ViewKind } | null;
}

/** A state in which the view can work: its own view, or the nearest that can. */
export function withWorkingView(c: Catalog, next: ViewState): Transition {
  const view = carryView(c, next);
  return view === next.view ? { state: next, carried: null } : { state: { ...next, view }, carried: { from: next.view, to: view } };
}

/** The domain's default indicator, in the current view and language where that view can work. */
export function toDomain(c: Catalog, s: ViewState, domain: Domain): Transition | null {
  const indicator = domainDefaultIndicator(c, domain);
  if (!indicator) return null;
  return withWorkingView(c, defaultState(c, indicator, s.lang, s.view));
}

export function toIndicator(c: Catalog, s: ViewState, indicator: string): Transition {
  return withWorkingView(c, { ...defaultState(c, indicator, s.lang, s.view), years: s.years });
}

/**
 * A user's file just added: its first indicator, in the file's first place, beside the Flemish
 * figure where the catalogue has one for that indicator.
 */
export function toOwnFigures(c: Catalog, s: ViewState, indicator: string, place: string): Transition {
  // The evolution over every year: whatever years the file has, its figures are on the chart.
  const start: ViewState = { ...defaultState(c, indicator, s.lang, 'trend'), years: null };
  const withData = geosWithData(c, indicator);
  const geos = [place, DEFAULT_GEO].filter((g, i, all) => withData.includes(g) && all.indexOf(g) === i);
  if (!geos.length) return withWorkingView(c, start);
  // The file's own groups in its place, not the indicator's default groups (which it may lack).
  const groups = groupsWithData(c, indicator, place);
  const next = withGeos(c, start, geos);
  return withWorkingView(c, groups.length ? { ...next, groups } : next);
}

/** Other places: the groups that still have figures are kept; when none is left, the default groups. */
export function withGeos(c: Catalog, s: ViewState, geos: string[]): ViewState {
  const withData = groupsWithData(c, s.indicator, geos);
  const keep = s.groups.filter((g) => withData.includes(g));
  return { ...s, geos, groups: keep.length ? keep : defaultGroups(c, s.indicator, geos) };
}

/** `ids` with `id` added or taken out, in the order of `all` (the URL and the legend stay stable). */
export function toggled(all: string[], ids: string[], id: string, on: boolean): string[] {
  const next = on ? [...ids, id] : ids.filter((x) => x !== id);
  return all.filter((x) => next.includes(x));
}

/**
 * The states one click away, the first `limit` of them: each other view tab, each group or place
 * ticked or unticked. What the app prefetches while the engine is idle, so the next click draws
 * from its cache. A file that brings hundreds of places stops at the limit, not after them all.
 */
export function oneClickAway(c: Catalog, s: ViewState, limit = Infinity): ViewState[] {
  const out: ViewState[] = [];
  const possible = possibleViews(c, s);
  for (const v of offeredViews(c, s)) if (v !== s.view && possible[v]) out.push({ ...s, view: v });
  const groups = groupsWithData(c, s.indicator, s.geos);
  for (const g of groups) {
    if (out.length >= limit) return out.slice(0, limit);
    const next = toggled(groups, s.groups, g, !s.groups.includes(g));
    if (next.length) out.push({ ...s, groups: next });
  }
  const geos = geosWithData(c, s.indicator);
  if (geos.length > 1)
    for (const g of geos) {
      if (out.length >= limit) break;
      const next = toggled(geos, s.geos, g, !s.geos.includes(g));
      if (next.length) out.push(withGeos(c, s, next));
    }
  return out.slice(0, limit);
}
