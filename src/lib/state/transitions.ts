/**
 * Deliberate changes that replace much of the state: another domain, another indicator. A view
 * that cannot work for the new choice is not carried into it: the nearest view that can is shown,
 * and the change says so.
 */
import type { Catalog, Domain } from '../data/catalog';
import { domainDefaultIndicator } from '../data/catalog';
import { carryView } from '../views/index';
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
