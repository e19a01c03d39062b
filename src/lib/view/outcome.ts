/**
 * What a view will show for a state and its data: a chart, or a message saying what is missing
 * plus the nearest views that do have figures. Pure, so every empty case is unit-tested.
 */
import type { Catalog } from '../data/catalog';
import { domainDefaultIndicator, defaultGroups, targetsFor } from '../data/catalog';
import type { MessageKey } from '../i18n/nl';
import { defaultState, type ViewState } from '../state/view-state';
import { comparisonYear, nearestYears, rowsForYear, yearsIn } from './compare';
import type { ViewData } from './load';
import { targetProgress } from './target';

export interface Suggestion {
  key: MessageKey;
  vars: Record<string, string | number>;
  state: ViewState;
}

export type Outcome =
  | { kind: 'chart'; year: number | null }
  | { kind: 'empty'; message: MessageKey; vars: Record<string, string | number>; suggestions: Suggestion[] };

const empty = (message: MessageKey, suggestions: Suggestion[], vars: Record<string, string | number> = {}): Outcome => ({
  kind: 'empty',
  message,
  vars,
  suggestions,
});

export function outcomeOf(c: Catalog, s: ViewState, data: ViewData): Outcome {
  const trend: Suggestion = { key: 'suggestTrend', vars: {}, state: { ...s, view: 'trend', years: null } };
  if (s.groups.length === 0) {
    return empty('empty_noGroups', [
      { key: 'suggestDefaultGroups', vars: {}, state: { ...s, groups: defaultGroups(c, s.indicator, s.geos) } },
    ]);
  }
  const shownGroups = data.rows.filter((r) => s.groups.includes(r.group));
  switch (s.view) {
    case 'trend':
    case 'table':
      if (shownGroups.length > 0) return { kind: 'chart', year: null };
      return s.years
        ? empty('empty_noRowsInYears', [{ key: 'suggestAllYears', vars: {}, state: { ...s, years: null } }])
        : empty('empty_noRows', []);
    case 'compare': {
      const year = comparisonYear(shownGroups, s.year);
      if (year !== null && rowsForYear(shownGroups, year).length > 0) return { kind: 'chart', year };
      const near = nearestYears(yearsIn(shownGroups), s.year ?? 0);
      return empty(
        'empty_noYear',
        near.map((y) => ({ key: 'suggestYear', vars: { year: y }, state: { ...s, year: y } })),
        { year: s.year ?? '' },
      );
    }
    case 'gap': {
      if (!data.reference) return empty('empty_noReference', [trend]);
      if (data.gaps.length === 0) return empty('empty_noGaps', [trend], { reference: data.reference });
      if (s.geos.length === 1) return { kind: 'chart', year: null };
      const years = [...new Set(data.gaps.map((g) => g.year_end))].sort((a, b) => a - b);
      const year = s.year ?? years.at(-1)!;
      if (years.includes(year)) return { kind: 'chart', year };
      const near = nearestYears(years, year);
      return empty(
        'empty_noYear',
        near.map((y) => ({ key: 'suggestYear', vars: { year: y }, state: { ...s, year: y } })),
        { year },
      );
    }
    case 'target': {
      const targets = targetsFor(c, s.indicator, s.geos);
      if (targets.length === 0) {
        const indicator = c.indicators.find((i) => i.id === s.indicator);
        const withTargets = [...new Set(c.targets.map((tg) => tg.indicator))]
          .map((id) => c.indicators.find((i) => i.id === id)!)
          .filter((i) => i && (!indicator || i.domain === indicator.domain));
        const suggestions = withTargets.slice(0, 3).map((i) => {
          const geos = [...new Set(c.targets.filter((tg) => tg.indicator === i.id).map((tg) => tg.geo))];
          return {
            key: 'suggestIndicator' as MessageKey,
            vars: { indicator: i.id },
            state: {
              ...s,
              indicator: i.id,
              geos: geos.slice(0, 1),
              groups: defaultGroups(c, i.id, geos.slice(0, 1)),
              years: null,
              year: null,
              ref: null,
            },
          };
        });
        return empty('empty_noTargets', suggestions.length ? suggestions : [trend]);
      }
      const progress = targetProgress(data.rows, targets);
      return progress.some((p) => p.latest) ? { kind: 'chart', year: null } : empty('empty_noTargetFigures', [trend]);
    }
  }
}

/** The tab a domain opens on: its default indicator in the current view and language. */
export function domainState(c: Catalog, s: ViewState, domain: Parameters<typeof domainDefaultIndicator>[1]): ViewState | null {
  const indicator = domainDefaultIndicator(c, domain);
  if (!indicator) return null;
  return defaultState(c, indicator, s.lang, s.view);
}
