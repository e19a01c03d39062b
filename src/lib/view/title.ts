/** Chart titles: what, where, when — in the chosen language. */
import type { Catalog } from '../data/catalog';
import { label, t } from '../i18n';
import type { ViewState } from '../state/view-state';
import type { ObservationRow } from '../queries/observations';

function places(c: Catalog, s: ViewState): string {
  return s.geos.map((id) => label(s.lang, c.geos.find((g) => g.id === id) ?? { name_nl: id, name_en: id })).join(', ');
}

function span(rows: ObservationRow[]): string {
  if (rows.length === 0) return '';
  const first = Math.min(...rows.map((r) => r.year_start));
  const last = Math.max(...rows.map((r) => r.year_end));
  return first === last ? String(first) : `${first}–${last}`;
}

/** The group kinds among the rows shown. */
export function kindsShown(c: Catalog, rows: ObservationRow[], groups: string[]): string[] {
  const ids = new Set(rows.filter((r) => groups.includes(r.group)).map((r) => r.group));
  return [...new Set(c.groups.filter((g) => ids.has(g.id)).map((g) => g.group_kind))];
}

export function viewTitle(c: Catalog, s: ViewState, rows: ObservationRow[], year: number | null, reference: string | null): string {
  const indicator = c.indicators.find((i) => i.id === s.indicator);
  if (!indicator) return '';
  const name = label(s.lang, indicator);
  const shown = rows.filter((r) => s.groups.includes(r.group));
  switch (s.view) {
    case 'trend': {
      const kinds = kindsShown(c, shown, s.groups);
      const what =
        kinds.length === 1 && kinds[0] !== 'total'
          ? `${name} ${t(s.lang, 'byKind', { kind: t(s.lang, `kind_${kinds[0]}` as 'kind_origin') })}`
          : name;
      return [what, places(c, s), span(shown)].filter(Boolean).join(', ');
    }
    case 'compare':
      // Without a year (nothing to compare) the title stops at the place, with no dangling comma.
      return year === null ? [name, places(c, s)].join(', ') : t(s.lang, 'compareTitle', { indicator: name, geo: places(c, s), year });
    case 'gap': {
      const ref = c.groups.find((g) => g.id === reference);
      return s.geos.length > 1
        ? t(s.lang, 'gapTitlePlaces', { indicator: name, year: year ?? '' }).replace(/,\s*$/, '')
        : t(s.lang, 'gapTitleTime', { indicator: name, reference: ref ? label(s.lang, ref) : '', geo: places(c, s) });
    }
    case 'target':
      return t(s.lang, 'targetTitle', { indicator: name });
    case 'table':
      return t(s.lang, 'tableTitle', { indicator: name });
  }
}
