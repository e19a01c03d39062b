/** What a view module declares: what it needs, whether it can work for a state, and its Figure. */
import type { Catalog } from '../data/catalog';
import type { Indicator, Source } from '../data/types';
import type { Figure } from '../figure/types';
import type { Series } from '../figure/series';
import type { ObservationFilter, StatedFigure } from '../queries/observations';
import type { Lang, ViewKind, ViewState } from '../state/view-state';

/** The figures a need asked for, and the sources they cite. `key` identifies the need. */
export interface ViewData {
  key: string;
  need: ObservationFilter;
  figures: StatedFigure[];
  sources: Source[];
}

/** Everything a view's figure function reads; all of it plain data. */
export interface ViewContext {
  state: ViewState;
  catalog: Catalog;
  indicator: Indicator;
  lang: Lang;
  data: ViewData;
  /** The data grouped into series of slots, primary figure per slot (docs/figure-rules.md). */
  series: Series[];
}

export interface ViewModule {
  kind: ViewKind;
  /** The rows this view needs for a state. */
  needs(c: Catalog, s: ViewState): ObservationFilter;
  /** Whether the view's tab is shown at all for a state's indicator (default: always). */
  offered?(c: Catalog, s: ViewState): boolean;
  /** Whether this view can show figures for a state, judged from the catalog alone (tabs, carrying a view over). */
  possible(c: Catalog, s: ViewState): boolean;
  /** The Figure for a state and its data: status ready or empty. */
  figure(ctx: ViewContext): Figure;
}
