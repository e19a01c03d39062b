/** Comparison: the groups side by side for one year, in each chosen place. */
import { geosWithData } from '../data/catalog';
import type { Figure, FigureNote } from '../figure/types';
import type { Series, Slot } from '../figure/series';
import { compareSpec, type CompareBar } from '../charts/compare';
import { t } from '../i18n';
import {
  disagreementLines,
  emptyFigure,
  approxNotes,
  fmtFigure,
  geoName,
  missingNotes,
  mixedKindsCaption,
  placesText,
  seriesStyle,
  slotRows,
  sourcesOf,
  publisherOf,
  suggestion,
} from './common';
import { chosenSeries } from './trend';
import { unitLabel } from '../charts/common';
import type { ViewModule } from './types';

/** Calendar years in which some drawn figure ends, ascending. */
export function yearsOf(series: Series[]): number[] {
  return [...new Set(series.flatMap((s) => s.slots.map((slot) => slot.primary.year_end)))].sort((a, b) => a - b);
}

/** Of these years, the ones closest to a year, nearest first (ties: the later year). */
export function nearestYears(years: number[], year: number, n = 2): number[] {
  return years
    .filter((y) => y !== year)
    .sort((a, b) => Math.abs(a - year) - Math.abs(b - year) || b - a)
    .slice(0, n);
}

/** A series' figure for a year: the slot whose primary ends in it; of several, the one ending last. */
export function slotInYear(s: Series, year: number): Slot | null {
  const own = s.slots.filter((slot) => slot.primary.year_end === year);
  return own.reduce<Slot | null>((best, slot) => (!best || slot.primary.period_sort >= best.primary.period_sort ? slot : best), null);
}

export const compare: ViewModule = {
  kind: 'compare',
  needs: (_c, s) => ({ indicator: s.indicator, geos: s.geos, groups: s.groups, years: null }),
  possible: (c, s) => s.geos.some((g) => geosWithData(c, s.indicator).includes(g)),
  figure(ctx): Figure {
    const { catalog: c, state: s, lang, indicator } = ctx;
    const name = lang === 'en' ? indicator.label_en : indicator.label_nl;
    const series = chosenSeries(ctx);
    const years = yearsOf(series);
    const year = s.year ?? years.at(-1) ?? null;
    const title =
      year === null
        ? [name, placesText(ctx, s.geos)].join(', ')
        : t(lang, 'compareTitle', { indicator: name, geo: placesText(ctx, s.geos), year });
    if (s.groups.length === 0) return emptyFigure(ctx, title, t(lang, 'empty_noGroups'), []);
    const inYear = year === null ? [] : series.map((x) => ({ series: x, slot: slotInYear(x, year) })).filter((x) => x.slot);
    if (year === null || inYear.length === 0) {
      const near = nearestYears(years, year ?? 0);
      return emptyFigure(
        ctx,
        title,
        year === null ? t(lang, 'empty_noRows') : t(lang, 'empty_noYear', { year }),
        near.map((y) => suggestion(lang, 'suggestYear', { ...s, year: y }, { year: y })),
        missingNotes(ctx, series),
      );
    }
    const several = new Set(inYear.map((x) => x.series.geo)).size > 1;
    const drawnSeries = inYear.map((x) => x.series);
    const styles = drawnSeries.map((x) => seriesStyle(c, lang, x, several));
    const bars: CompareBar[] = inYear.map(({ series: x, slot }, i) => ({
      key: x.key,
      label: several ? `${geoName(c, lang, x.geo)} · ${styles[i].label.split(' — ')[0]}` : styles[i].label,
      colourKey: styles[i].label.split(' — ')[0],
      colour: styles[i].colour,
      value: slot!.primary.value,
      text: `${fmtFigure(ctx, slot!.primary)}${slot!.primary.period === String(year) ? '' : ` (${slot!.primary.period})`}`,
      alternatives: slot!.alternatives.filter((a) => a.value !== slot!.primary.value).map((a) => a.value),
    }));
    const notes: FigureNote[] = [];
    for (const x of series.filter((x) => !drawnSeries.includes(x))) {
      const last = x.slots.at(-1)!.primary;
      notes.push({
        kind: 'missing',
        text: t(lang, 'missingInYear', { series: seriesStyle(c, lang, x, true).label, year, last: last.period }),
      });
    }
    notes.push(
      ...approxNotes(
        lang,
        inYear.map(({ slot }) => slot!.primary),
      ),
    );
    notes.push(...missingNotes(ctx, series));
    if (bars.some((b) => b.alternatives.length)) notes.push({ kind: 'alternatives', text: t(lang, 'alternativesNote') });
    const caption = mixedKindsCaption(
      c,
      lang,
      drawnSeries.map((x) => x.group),
    );
    const drawn = inYear.flatMap(({ slot }) => [slot!.primary, ...slot!.alternatives]);
    const onlyYear = drawnSeries.map((x) => ({ ...x, slots: [slotInYear(x, year)!] }));
    const sorted = [...bars].sort((a, b) => b.value - a.value);
    const spread =
      sorted.length > 1
        ? t(lang, 'summarySpread', {
            high: sorted[0].label,
            highValue: sorted[0].text,
            low: sorted.at(-1)!.label,
            lowValue: sorted.at(-1)!.text,
          })
        : '';
    return {
      status: 'ready',
      indicator: indicator.id,
      rows: slotRows(
        ctx,
        inYear.map(({ slot }) => slot!),
      ),
      view: 'compare',
      title,
      subtitle: '',
      unit: unitLabel(indicator.unit, lang),
      series: styles,
      caption,
      plot: (width) => compareSpec({ indicator, lang, width, bars, caption }),
      notes,
      sources: sourcesOf(ctx.data.sources, drawn),
      disagreements: disagreementLines(ctx, onlyYear, several).map((text) => ({ text })),
      table: {
        columns: [
          { key: 'label', label: t(lang, 'col_group') },
          { key: 'period', label: t(lang, 'col_period') },
          { key: 'value', label: t(lang, 'col_value'), numeric: true },
          { key: 'source', label: t(lang, 'col_source') },
        ],
        rows: inYear.map(({ series: x, slot }, i) => ({
          key: x.key,
          primary: true,
          cells: {
            label: bars[i].label,
            period: slot!.primary.period,
            value: fmtFigure(ctx, slot!.primary),
            source: publisherOf(ctx.data.sources, slot!.primary.source),
          },
          values: { value: slot!.primary.value },
        })),
      },
      summary: [t(lang, 'summaryIntro', { title }), bars.map((b) => `${b.label}: ${b.text}.`).join(' '), spread].filter(Boolean).join(' '),
      message: null,
      suggestions: [],
    };
  },
};
