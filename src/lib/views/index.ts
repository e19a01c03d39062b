/**
 * The views, in tab order, and the one function the app calls: (state, catalog, data) → Figure.
 * Adding a view: one module here plus its chart spec, one line below, its tab label in i18n.
 */
import type { Catalog } from '../data/catalog';
import { OWN_SOURCE_KIND } from '../data/schema';
import type { Figure } from '../figure/types';
import { toSeries } from '../figure/series';
import { t } from '../i18n';
import type { ViewKind, ViewState } from '../state/view-state';
import type { ObservationFilter } from '../queries/observations';
import { compare } from './compare';
import { noTable, placesText } from './common';
import { gap } from './gap';
import { representation } from './representation';
import { table } from './table';
import { target } from './target';
import { trend } from './trend';
import { unitLabel } from '../charts/common';
import { dataInLanguage } from './language';
import type { ViewData, ViewModule } from './types';

export const VIEW_MODULES: Record<ViewKind, ViewModule> = { trend, compare, gap, target, representation, table };

export function viewModule(kind: ViewKind): ViewModule {
  return VIEW_MODULES[kind];
}

/** The rows a state needs, and a key that names them: data for one key never serves another. */
export function needOf(c: Catalog, s: ViewState): { need: ObservationFilter; key: string } {
  const need = viewModule(s.view).needs(c, s);
  return { need, key: needKey(need) };
}

export function needKey(need: ObservationFilter): string {
  return JSON.stringify([need.indicator, need.geos, need.groups, need.years, ...(need.yardstick ? [need.yardstick] : [])]);
}

function placeholderFigure(c: Catalog, s: ViewState, status: 'loading' | 'error', message: string | null): Figure {
  const indicator = c.indicators.find((i) => i.id === s.indicator);
  const name = indicator ? (s.lang === 'en' ? indicator.label_en : indicator.label_nl) : s.indicator;
  return {
    status,
    view: s.view,
    indicator: s.indicator,
    title: [name, placesText({ catalog: c, lang: s.lang }, s.geos)].filter(Boolean).join(', '),
    subtitle: '',
    unit: indicator ? unitLabel(indicator.unit, s.lang) : '',
    series: [],
    plot: null,
    caption: null,
    notes: [],
    sources: [],
    disagreements: [],
    table: noTable,
    rows: [],
    summary: message ?? t(s.lang, 'loadingFigures'),
    message,
    suggestions: [],
  };
}

/**
 * The Figure for a state. Data for another need (an older choice, still on its way) never
 * shows: the Figure says it is loading instead.
 */
export function figureOf(c: Catalog, s: ViewState, data: ViewData | null, error: string | null = null): Figure {
  if (error) return placeholderFigure(c, s, 'error', error);
  const indicator = c.indicators.find((i) => i.id === s.indicator);
  if (!indicator) return placeholderFigure(c, s, 'error', t(s.lang, 'unknownIndicator', { indicator: s.indicator }));
  const { key } = needOf(c, s);
  if (!data || data.key !== key) return placeholderFigure(c, s, 'loading', null);
  // Series of the chosen indicator only: a view may ask for a second one (the representation view's yardstick).
  const local = dataInLanguage(data, s.lang);
  const own = local.figures.filter((f) => (f.indicator ?? s.indicator) === s.indicator);
  const figure = viewModule(s.view).figure({ state: s, catalog: c, indicator, lang: s.lang, data: local, series: toSeries(own) });
  return withOwnNote(figure, s.lang);
}

/** A Figure that draws figures from a user's file says so, naming the files, wherever it is rendered or exported. */
function withOwnNote(figure: Figure, lang: ViewState['lang']): Figure {
  const files = figure.sources.filter((src) => (src.kind as string) === OWN_SOURCE_KIND).map((src) => src.title);
  if (!files.length) return figure;
  return { ...figure, notes: [...figure.notes, { kind: 'own', text: t(lang, 'ownNote', { files: files.join(', ') }) }] };
}

/** Which views can show figures for a state (tabs mark the others). */
export function possibleViews(c: Catalog, s: ViewState): Record<ViewKind, boolean> {
  const out = {} as Record<ViewKind, boolean>;
  for (const [kind, m] of Object.entries(VIEW_MODULES) as [ViewKind, ViewModule][]) out[kind] = m.possible(c, { ...s, view: kind });
  return out;
}

/** The views whose tabs are shown for a state, in tab order (a view may be offered only for some indicators). */
export function offeredViews(c: Catalog, s: ViewState): ViewKind[] {
  return (Object.keys(VIEW_MODULES) as ViewKind[]).filter((v) => VIEW_MODULES[v].offered?.(c, s) ?? true);
}

/** The view to show for a state: its own if it can work, else the nearest that can (trend, then table). */
export function carryView(c: Catalog, s: ViewState): ViewKind {
  if (viewModule(s.view).possible(c, s)) return s.view;
  const order: ViewKind[] = s.view === 'gap' ? ['compare', 'trend', 'table'] : ['trend', 'compare', 'table'];
  return order.find((v) => viewModule(v).possible(c, { ...s, view: v })) ?? 'table';
}

export type { ViewData };
