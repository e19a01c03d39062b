/** What every view's Figure is made of: labels, series styles, notes, sources, the table of figures. */
import type { Catalog } from '../data/catalog';
import { groupsWithData, geosWithData, yearsWithData } from '../data/catalog';
import type { Source } from '../data/types';
import type { Figure, FigureNote, FigureRow, FigureSeries, FigureTable, Suggestion } from '../figure/types';
import { disagreeing, type Series, type Slot } from '../figure/series';
import { formatValue, label, t } from '../i18n';
import type { MessageKey } from '../i18n/nl';
import type { StatedFigure } from '../queries/observations';
import type { Lang, ViewState } from '../state/view-state';
import { colourOf } from '../charts/palette';
import { unitLabel } from '../charts/common';
import type { ViewContext } from './types';

export function groupName(c: Catalog, lang: Lang, id: string): string {
  const g = c.groups.find((x) => x.id === id);
  return g ? label(lang, g) : id;
}

export function geoName(c: Catalog, lang: Lang, id: string): string {
  const g = c.geos.find((x) => x.id === id);
  return g ? label(lang, g) : id;
}

export function listOf(lang: Lang, items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${t(lang, 'and')} ${items.at(-1)}`;
}

/** The symbol of a group's kind: with colour and a direct label, never colour alone tells series apart. */
const SYMBOL_BY_KIND: Record<string, string> = {
  origin: 'circle',
  country_of_birth: 'square',
  nationality: 'triangle',
  home_language: 'diamond',
  status: 'star',
  total: 'circle',
};

export function seriesStyle(c: Catalog, lang: Lang, s: { key: string; geo: string; group: string }, severalPlaces: boolean): FigureSeries {
  const group = c.groups.find((g) => g.id === s.group);
  const name = groupName(c, lang, s.group);
  return {
    key: s.key,
    geo: s.geo,
    group: s.group,
    label: severalPlaces ? `${name} — ${geoName(c, lang, s.geo)}` : name,
    colour: colourOf(c, s.group),
    symbol: SYMBOL_BY_KIND[group?.group_kind ?? 'origin'] ?? 'circle',
  };
}

export const fmtValue = (ctx: Pick<ViewContext, 'indicator' | 'lang'>, v: number, unit: string = ctx.indicator.unit) =>
  formatValue(ctx.lang, v, unit, ctx.indicator.decimals);

/** A stated figure as text: "≈" before it where the source states it approximately. */
export const fmtFigure = (ctx: Pick<ViewContext, 'indicator' | 'lang'>, f: { value: number; approx?: boolean }, unit?: string) =>
  `${f.approx ? '≈\u00a0' : ''}${fmtValue(ctx, f.value, unit)}`;

/** The note that explains "≈", when any figure shown is approximate. */
export function approxNotes(lang: Lang, figures: { approx?: boolean }[]): FigureNote[] {
  return figures.some((f) => f.approx) ? [{ kind: 'approx', text: t(lang, 'approxNote') }] : [];
}

/** The kinds of the groups drawn; a chart that mixes kinds says so on the chart itself. */
export function mixedKindsCaption(c: Catalog, lang: Lang, groups: string[]): string | null {
  const kinds = [...new Set(c.groups.filter((g) => groups.includes(g.id) && g.group_kind !== 'total').map((g) => g.group_kind))];
  if (kinds.length < 2) return null;
  return t(lang, 'mixedKinds', { kinds: kinds.map((k) => t(lang, `kind_${k}` as MessageKey)).join(', ') });
}

export function kindOfGroups(c: Catalog, groups: string[]): string | null {
  const kinds = [...new Set(c.groups.filter((g) => groups.includes(g.id)).map((g) => g.group_kind))];
  return kinds.length === 1 ? kinds[0] : null;
}

export function yearSpanText(years: number[]): string {
  if (years.length === 0) return '';
  const lo = Math.min(...years);
  const hi = Math.max(...years);
  return lo === hi ? String(lo) : `${lo}–${hi}`;
}

export function placesText(ctx: Pick<ViewContext, 'catalog' | 'lang'>, geos: string[]): string {
  return listOf(
    ctx.lang,
    geos.map((g) => geoName(ctx.catalog, ctx.lang, g)),
  );
}

/**
 * Every chosen place and group that has no figure in the series drawn, named with the reason:
 * none for this indicator at all, none in the chosen years, or (for the caller) none for its year.
 */
export function missingNotes(ctx: ViewContext, drawn: { geo: string; group: string }[], groups = ctx.state.groups): FigureNote[] {
  const { catalog: c, state: s, lang } = ctx;
  const notes: FigureNote[] = [];
  const years = s.years ? `${s.years[0]}–${s.years[1]}` : '';
  for (const geo of s.geos) {
    if (drawn.some((d) => d.geo === geo)) continue;
    const has = geosWithData(c, s.indicator).includes(geo);
    const key: MessageKey = !has ? 'missingPlaceIndicator' : s.years ? 'missingPlaceYears' : 'missingPlaceGroups';
    notes.push({ kind: 'missing', text: t(lang, key, { place: geoName(c, lang, geo), years }) });
  }
  const placesWithFigures = s.geos.filter((g) => drawn.some((d) => d.geo === g));
  for (const group of groups) {
    const without = placesWithFigures.filter((geo) => !drawn.some((d) => d.geo === geo && d.group === group));
    if (without.length === 0) continue;
    const inYears = s.years ? yearsWithData(c, s.indicator, without, [group]) : [];
    const anyYear = groupsWithData(c, s.indicator, without).includes(group);
    const key: MessageKey = anyYear && inYears.length ? 'missingGroupYears' : 'missingGroupPlaces';
    notes.push({
      kind: 'missing',
      text: t(lang, key, { group: groupName(c, lang, group), places: placesText(ctx, without), years }),
    });
  }
  return notes;
}

/** Sources of exactly these figures, in the order of the catalog's sources list. */
export function sourcesOf(all: Source[], figures: { source: string }[], extra: string[] = []): Source[] {
  const ids = new Set([...figures.map((f) => f.source), ...extra]);
  return all.filter((s) => ids.has(s.id));
}

export const publisherOf = (sources: Source[], id: string) => {
  const s = sources.find((x) => x.id === id);
  return s ? `${s.publisher} ${s.year}` : id;
};

/** One line per slot where sources state different figures: the drawn one first. */
export function disagreementLines(ctx: ViewContext, series: Series[], several: boolean): string[] {
  const lines: string[] = [];
  for (const s of series) {
    for (const slot of s.slots) {
      const others = disagreeing(slot);
      if (others.length === 0) continue;
      const fig = (f: StatedFigure) => `${fmtFigure(ctx, f)} (${publisherOf(ctx.data.sources, f.source)}, ${f.period})`;
      lines.push(
        t(ctx.lang, 'disagreeLine', {
          series: seriesStyle(ctx.catalog, ctx.lang, s, several).label,
          period: slot.id,
          primary: fig(slot.primary),
          others: others.map(fig).join('; '),
        }),
      );
    }
  }
  return lines;
}

export function figuresOfSeries(series: Series[], withAlternatives = true): StatedFigure[] {
  return series.flatMap((s) => s.slots.flatMap((slot) => (withAlternatives ? [slot.primary, ...slot.alternatives] : [slot.primary])));
}

/** The table of stated figures behind a trend: every figure, the drawn one and the alternatives. */
export function figureTable(ctx: ViewContext, series: Series[]): FigureTable {
  const { catalog: c, lang } = ctx;
  const columns: FigureTable['columns'] = [
    { key: 'geo', label: t(lang, 'col_geo') },
    { key: 'group', label: t(lang, 'col_group') },
    { key: 'period', label: t(lang, 'col_period') },
    { key: 'value', label: t(lang, 'col_value'), numeric: true },
    { key: 'source', label: t(lang, 'col_source') },
    { key: 'note', label: t(lang, 'col_note') },
  ];
  const rows: FigureTable['rows'] = [];
  for (const s of series) {
    for (const slot of s.slots) {
      for (const f of [slot.primary, ...slot.alternatives]) {
        const primary = f === slot.primary;
        const status = primary ? (slot.alternatives.length ? t(lang, 'tablePrimary') : '') : t(lang, 'tableAlternative');
        rows.push({
          key: `${s.key}|${f.period}|${f.source}|${f.age ?? ''}`,
          primary,
          cells: {
            geo: geoName(c, lang, f.geo),
            group: groupName(c, lang, f.group),
            period: f.age ? `${f.period} (${f.age})` : f.period,
            value: fmtFigure(ctx, f),
            source: publisherOf(ctx.data.sources, f.source),
            note: [status, f.note ?? ''].filter(Boolean).join(' · '),
          },
          values: { value: f.value, period: f.period_sort },
        });
      }
    }
  }
  return { columns, rows };
}

export const noTable: FigureTable = { columns: [], rows: [] };

/** A stated figure as an export row. */
export function statedRow(indicator: string, unit: string, f: StatedFigure, measure: FigureRow['measure'] = 'value'): FigureRow {
  return {
    measure,
    indicator: f.indicator ?? indicator,
    geo: f.geo,
    group: f.group,
    period: f.period,
    age: f.age,
    value: f.value,
    unit,
    approx: Boolean(f.approx),
    sources: [f.source],
  };
}

/** The export rows of drawn slots: each primary, and each other source's figure drawn beside it. */
export function slotRows(ctx: Pick<ViewContext, 'indicator'>, slots: Slot[], allAlternatives = false): FigureRow[] {
  return slots.flatMap((slot) => [
    statedRow(ctx.indicator.id, ctx.indicator.unit, slot.primary),
    ...slot.alternatives
      .filter((a) => allAlternatives || a.value !== slot.primary.value)
      .map((a) => statedRow(ctx.indicator.id, ctx.indicator.unit, a, 'alternative')),
  ]);
}

/** A Figure with nothing drawn: says why, offers the nearest choices that have figures. */
export function emptyFigure(ctx: ViewContext, title: string, message: string, suggestions: Suggestion[], notes: FigureNote[] = []): Figure {
  return {
    status: 'empty',
    view: ctx.state.view,
    indicator: ctx.state.indicator,
    title,
    subtitle: '',
    unit: unitLabel(ctx.indicator.unit, ctx.lang),
    series: [],
    plot: null,
    caption: null,
    notes,
    sources: [],
    disagreements: [],
    table: noTable,
    rows: [],
    summary: message,
    message,
    suggestions,
  };
}

export function suggestion(lang: Lang, key: MessageKey, state: ViewState, vars: Record<string, string | number> = {}): Suggestion {
  return { label: t(lang, key, vars), state };
}

/** The latest slot of a series (by period end), or null. */
export function latestSlot(s: Series): Slot | null {
  return s.slots.reduce<Slot | null>((best, slot) => (!best || slot.primary.period_sort >= best.primary.period_sort ? slot : best), null);
}

/** Groups ordered as the catalog orders them; places likewise. */
export function catalogOrder<T extends { geo: string; group: string }>(c: Catalog, items: T[]): T[] {
  const g = (id: string) => c.groups.findIndex((x) => x.id === id);
  const p = (id: string) => c.geos.findIndex((x) => x.id === id);
  return [...items].sort((a, b) => p(a.geo) - p(b.geo) || g(a.group) - g(b.group));
}
