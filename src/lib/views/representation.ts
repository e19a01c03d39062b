/**
 * Representation: a staff share next to the share of the same groups in the population of the
 * same place and year (the indicator's `yardstick`), with their ratio. The policy plan's own
 * comparison: 16 % of city staff against 34 % of the working-age population in the centrumsteden.
 */
import { yearsWithData } from '../data/catalog';
import type { Indicator } from '../data/types';
import type { Figure, FigureNote, FigureRow } from '../figure/types';
import { toSeries, type Series, type Slot } from '../figure/series';
import { representationSpec, type RepresentationRow } from '../charts/representation';
import { unitLabel } from '../charts/common';
import { formatNumber, label, t } from '../i18n';
import type { Catalog } from '../data/catalog';
import type { ViewState } from '../state/view-state';
import {
  approxNotes,
  catalogOrder,
  emptyFigure,
  fmtFigure,
  geoName,
  groupName,
  placesText,
  publisherOf,
  seriesStyle,
  sourcesOf,
  statedRow,
  suggestion,
} from './common';
import { slotInYear } from './compare';
import type { ViewModule } from './types';

function yardstickOf(c: Catalog, indicator: string): Indicator | null {
  const id = c.indicators.find((i) => i.id === indicator)?.yardstick;
  return (id && c.indicators.find((i) => i.id === id)) || null;
}

/** Places (of those given) with a staff figure and a yardstick figure for one group in one calendar year. */
function placesWithPairs(c: Catalog, s: ViewState, geos: string[]): string[] {
  const yardstick = yardstickOf(c, s.indicator);
  if (!yardstick) return [];
  return geos.filter((geo) =>
    s.groups.some((g) => {
      const own = yearsWithData(c, yardstick.id, [geo], [g]);
      return yearsWithData(c, s.indicator, [geo], [g]).some((y) => own.includes(y));
    }),
  );
}

interface Pair {
  staffSeries: Series;
  staff: Slot;
  population: Slot;
  ratio: number;
}

export const representation: ViewModule = {
  kind: 'representation',
  offered: (c, s) => yardstickOf(c, s.indicator) !== null,
  needs: (c, s) => ({
    indicator: s.indicator,
    yardstick: yardstickOf(c, s.indicator)?.id,
    geos: s.geos,
    groups: s.groups,
    years: null,
  }),
  possible: (c, s) => placesWithPairs(c, s, s.geos).length > 0,
  figure(ctx): Figure {
    const { catalog: c, state: s, lang, indicator } = ctx;
    const yardstick = yardstickOf(c, s.indicator);
    const staffName = label(lang, indicator);
    const title = yardstick
      ? t(lang, 'reprTitle', { staff: staffName, population: label(lang, yardstick), geo: placesText(ctx, s.geos) })
      : `${staffName}, ${placesText(ctx, s.geos)}`;
    if (!yardstick)
      return emptyFigure(ctx, title, t(lang, 'empty_noYardstick'), [suggestion(lang, 'suggestTrend', { ...s, view: 'trend' })]);

    // ctx.series holds only the chosen places and groups: `needs` asks for no others.
    const staffSeries = catalogOrder(c, ctx.series);
    const populationSeries = toSeries(ctx.data.figures.filter((f) => f.indicator === yardstick.id));
    const pairs: Pair[] = [];
    const unpaired: { series: Series; periods: string[] }[] = [];
    for (const x of staffSeries) {
      const pop = populationSeries.find((p) => p.geo === x.geo && p.group === x.group);
      const without: string[] = [];
      for (const slot of x.slots) {
        const population = pop ? slotInYear(pop, slot.primary.year_end) : null;
        if (!population || population.primary.value === 0) {
          without.push(slot.id);
          continue;
        }
        const ratio = Math.round((slot.primary.value / population.primary.value) * 1e6) / 1e6;
        pairs.push({ staffSeries: x, staff: slot, population, ratio });
      }
      if (without.length) unpaired.push({ series: x, periods: without });
    }

    const several = new Set(staffSeries.map((x) => x.geo)).size > 1;
    const unpairedNotes: FigureNote[] = unpaired.map(({ series, periods }) => ({
      kind: 'missing',
      text: t(lang, 'reprUnpaired', {
        series: seriesStyle(c, lang, series, true).label,
        periods: periods.join(', '),
        population: label(lang, yardstick),
      }),
    }));
    const chosenWithout = s.geos.filter((geo) => !staffSeries.some((x) => x.geo === geo));
    const placeNotes: FigureNote[] = chosenWithout.map((geo) => ({
      kind: 'missing',
      text: t(lang, 'reprNoStaff', { place: geoName(c, lang, geo), staff: staffName }),
    }));

    if (pairs.length === 0) {
      const elsewhere = placesWithPairs(
        c,
        s,
        c.geos.map((g) => g.id),
      ).filter((g) => !s.geos.includes(g));
      return emptyFigure(
        ctx,
        title,
        t(lang, 'empty_noPairs', { population: label(lang, yardstick) }),
        elsewhere.slice(0, 3).map((geo) => suggestion(lang, 'suggestPlace', { ...s, geos: [geo] }, { place: geoName(c, lang, geo) })),
        [...unpairedNotes, ...placeNotes],
      );
    }

    const ratioText = (p: Pair) => formatNumber(lang, p.ratio, 2);
    const popText = (p: Pair) =>
      `${fmtFigure(ctx, p.population.primary)}${p.population.primary.age ? ` (${p.population.primary.age})` : ''}`;
    const rowLabel = (p: Pair) => {
      const who = [several ? geoName(c, lang, p.staffSeries.geo) : '', s.groups.length > 1 ? groupName(c, lang, p.staffSeries.group) : '']
        .filter(Boolean)
        .join(', ');
      return who ? `${who}, ${p.staff.primary.period}` : p.staff.primary.period;
    };
    const rows: RepresentationRow[] = pairs.map((p) => ({
      key: `${p.staffSeries.key}|${p.staff.id}`,
      label: rowLabel(p),
      colour: seriesStyle(c, lang, p.staffSeries, several).colour,
      staff: p.staff.primary.value,
      population: p.population.primary.value,
      staffText: t(lang, 'reprStaffBar', { value: fmtFigure(ctx, p.staff.primary), ratio: ratioText(p) }),
      populationText: t(lang, 'reprPopulationBar', { value: popText(p) }),
      staffShort: `${fmtFigure(ctx, p.staff.primary)} (${ratioText(p)})`,
      populationShort: popText(p),
    }));
    const figures = pairs.flatMap((p) => [p.staff.primary, p.population.primary]);
    const notes: FigureNote[] = [
      { kind: 'gap_explain', text: t(lang, 'reprExplain') },
      ...approxNotes(lang, figures),
      ...unpairedNotes,
      ...placeNotes,
    ];
    return {
      status: 'ready',
      view: 'representation',
      indicator: indicator.id,
      rows: pairs.flatMap((p): FigureRow[] => [
        statedRow(indicator.id, indicator.unit, p.staff.primary),
        statedRow(yardstick.id, yardstick.unit, p.population.primary),
        {
          measure: 'ratio',
          indicator: indicator.id,
          geo: p.staffSeries.geo,
          group: p.staffSeries.group,
          period: p.staff.primary.period,
          value: p.ratio,
          unit: 'ratio',
          approx: Boolean(p.staff.primary.approx || p.population.primary.approx),
          sources: [...new Set([p.staff.primary.source, p.population.primary.source])],
        },
      ]),
      title,
      subtitle: '',
      unit: unitLabel(indicator.unit, lang),
      series: [...new Map(pairs.map((p) => [p.staffSeries.key, seriesStyle(c, lang, p.staffSeries, several)])).values()],
      caption: null,
      plot: (width) =>
        representationSpec({ lang, width, rows, unit: unitLabel(indicator.unit, lang), shortCaption: t(lang, 'reprShortCaption') }),
      notes,
      sources: sourcesOf(ctx.data.sources, figures),
      disagreements: [],
      table: {
        columns: [
          { key: 'row', label: t(lang, 'col_period') },
          { key: 'staff', label: staffName, numeric: true },
          { key: 'population', label: label(lang, yardstick), numeric: true },
          { key: 'ratio', label: t(lang, 'col_ratio'), numeric: true },
          { key: 'source', label: t(lang, 'col_source') },
        ],
        rows: pairs.map((p, i) => ({
          key: rows[i].key,
          primary: true,
          cells: {
            row: rows[i].label,
            staff: fmtFigure(ctx, p.staff.primary),
            population: `${popText(p)}${p.population.primary.period === p.staff.primary.period ? '' : `, ${p.population.primary.period}`}`,
            ratio: ratioText(p),
            source: [...new Set([p.staff.primary.source, p.population.primary.source])]
              .map((id) => publisherOf(ctx.data.sources, id))
              .join('; '),
          },
          values: { staff: p.staff.primary.value, population: p.population.primary.value, ratio: p.ratio },
        })),
      },
      summary: [
        t(lang, 'summaryIntro', { title }),
        pairs
          .map((p, i) =>
            t(lang, 'reprSummaryRow', {
              row: rows[i].label,
              staff: fmtFigure(ctx, p.staff.primary),
              population: popText(p),
              ratio: ratioText(p),
            }),
          )
          .join(' '),
      ].join(' '),
      message: null,
      suggestions: [],
    };
  },
};
