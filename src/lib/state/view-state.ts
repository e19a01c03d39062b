/** The view state: everything a URL can say about what is on screen. */
import type { Catalog } from '../data/catalog';
import { defaultGeo, defaultGroups, defaultIndicator } from '../data/catalog';

export type Lang = 'nl' | 'en';
export const LANGS: readonly Lang[] = ['nl', 'en'];

export const VIEWS = ['trend', 'compare', 'gap', 'target', 'representation', 'table'] as const;
export type ViewKind = (typeof VIEWS)[number];

export interface ViewState {
  lang: Lang;
  view: ViewKind;
  indicator: string;
  /** One or more places; several places draw one line per place and group, or rank places. */
  geos: string[];
  groups: string[];
  /** Inclusive year range for trends and tables; null shows every year with figures. */
  years: [number, number] | null;
  /** The single year of a comparison or a ranking across places; null is the latest with figures. */
  year: number | null;
  /** Reference group of the gap view; null is the default for the groups' kind. */
  ref: string | null;
  /** Sort order of the table, e.g. `-value`; null is by period, ascending. */
  sort: string | null;
}

/** The default view for an indicator (and language and view). */
export function defaultState(c: Catalog, indicator = defaultIndicator(c), lang: Lang = 'nl', view: ViewKind = 'trend'): ViewState {
  const geo = defaultGeo(c, indicator);
  const geos = geo ? [geo] : [];
  return { lang, view, indicator, geos, groups: defaultGroups(c, indicator, geos), years: null, year: null, ref: null, sort: null };
}
