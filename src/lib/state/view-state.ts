/** The view state: everything a URL can say about what is on screen. */
import type { Catalog } from '../data/catalog';
import { defaultGeo, defaultGroups, defaultIndicator } from '../data/catalog';

export type Lang = 'nl' | 'en';
export const LANGS: readonly Lang[] = ['nl', 'en'];

export interface ViewState {
  lang: Lang;
  indicator: string;
  geo: string;
  groups: string[];
  /** Inclusive year range; null shows every year with figures. */
  years: [number, number] | null;
}

/** The default view for an indicator (and language). */
export function defaultState(c: Catalog, indicator = defaultIndicator(c), lang: Lang = 'nl'): ViewState {
  const geo = defaultGeo(c, indicator) ?? '';
  return { lang, indicator, geo, groups: defaultGroups(c, indicator, geo), years: null };
}

export function sameState(a: ViewState, b: ViewState): boolean {
  return (
    a.lang === b.lang &&
    a.indicator === b.indicator &&
    a.geo === b.geo &&
    a.groups.join('~') === b.groups.join('~') &&
    (a.years?.join('..') ?? '') === (b.years?.join('..') ?? '')
  );
}
