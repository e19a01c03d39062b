/**
 * Trend: the indicator over time per group, one small chart per place when there are several;
 * policy targets as labelled marks at their year.
 */
import { defaultGroups, geosWithData, targetsFor } from '../data/catalog';
import type { Figure } from '../figure/types';
import type { Series } from '../figure/series';
import { linesSpec, type LinePoint, type LineSegment } from '../charts/lines';
import { unitLabel, yAxisLabel } from '../charts/common';
import { t } from '../i18n';
import type { MessageKey } from '../i18n/nl';
import {
  approxNotes,
  catalogOrder,
  disagreementLines,
  emptyFigure,
  figuresOfSeries,
  figureTable,
  fmtFigure,
  fmtValue,
  geoName,
  kindOfGroups,
  latestSlot,
  missingNotes,
  mixedKindsCaption,
  placesText,
  seriesStyle,
  slotRows,
  sourcesOf,
  suggestion,
  yearSpanText,
} from './common';
import type { ViewContext, ViewModule } from './types';
import type { FigureNote } from '../figure/types';
import type { StatedFigure } from '../queries/observations';

export function trendTitle(ctx: ViewContext, series: Series[]): string {
  const { catalog: c, lang, indicator } = ctx;
  const kind = kindOfGroups(c, ctx.state.groups);
  const name = t(lang, 'indicatorByKind', {
    indicator: lang === 'en' ? indicator.label_en : indicator.label_nl,
    kind: kind && kind !== 'total' ? ` ${t(lang, 'byKind', { kind: t(lang, `kind_${kind}` as MessageKey) })}` : '',
  });
  const years = series.flatMap((s) => s.slots.flatMap((slot) => [slot.primary.year_start, slot.primary.year_end]));
  return [name, placesText(ctx, ctx.state.geos), yearSpanText(years)].filter(Boolean).join(', ');
}

/** Series of the chosen groups, in the catalog's order of places and groups. */
export function chosenSeries(ctx: ViewContext, groups = ctx.state.groups): Series[] {
  return catalogOrder(
    ctx.catalog,
    ctx.series.filter((s) => groups.includes(s.group) && ctx.state.geos.includes(s.geo)),
  );
}

/** "Group: from A (period) to B (period), n figures." per series; the largest difference in the last shared period. */
export function seriesSummary(ctx: ViewContext, series: Series[], several: boolean): string {
  const parts = series.map((s) => {
    const name = seriesStyle(ctx.catalog, ctx.lang, s, several).label;
    const first = s.slots[0].primary;
    const last = latestSlot(s)!.primary;
    return s.slots.length === 1
      ? t(ctx.lang, 'summaryOne', { series: name, value: fmtFigure(ctx, first), period: first.period })
      : t(ctx.lang, 'summaryMany', {
          series: name,
          n: s.slots.length,
          first: fmtFigure(ctx, first),
          firstPeriod: first.period,
          last: fmtFigure(ctx, last),
          lastPeriod: last.period,
        });
  });
  return [...parts, largestDifference(ctx, series, several)].filter(Boolean).join(' ');
}

/**
 * The widest distance between two series of one place in the latest period they share, in words:
 * what a reader of the trend most wants to know about the gap.
 */
export function largestDifference(ctx: ViewContext, series: Series[], several: boolean): string {
  let best: { period: string; diff: number; approx: boolean; high: Series; low: Series } | null = null;
  for (const geo of new Set(series.map((s) => s.geo))) {
    const own = series.filter((s) => s.geo === geo);
    const slots = own.flatMap((s) => s.slots);
    const shared = slots.filter((x) => own.filter((s) => s.slots.some((y) => y.id === x.id)).length > 1);
    const latest = shared.sort((a, b) => a.start.localeCompare(b.start) || a.end.localeCompare(b.end)).at(-1);
    if (!latest) continue;
    const period = latest.id;
    const at = own
      .map((s) => ({ s, f: s.slots.find((x) => x.id === period)?.primary }))
      .filter((x): x is { s: Series; f: StatedFigure } => x.f !== undefined)
      .sort((a, b) => b.f.value - a.f.value);
    const [high, low] = [at[0], at[at.length - 1]];
    const diff = Math.round((high.f.value - low.f.value) * 1e6) / 1e6;
    const approx = Boolean(high.f.approx || low.f.approx);
    if (!best || diff > best.diff) best = { period, diff, approx, high: high.s, low: low.s };
  }
  if (!best) return '';
  const unit = ctx.indicator.unit === '%' ? 'pp' : ctx.indicator.unit;
  return t(ctx.lang, 'summaryLargestDifference', {
    period: best.period,
    diff: fmtFigure(ctx, { value: best.diff, approx: best.approx }, unit),
    high: seriesStyle(ctx.catalog, ctx.lang, best.high, several).label,
    low: seriesStyle(ctx.catalog, ctx.lang, best.low, several).label,
  });
}

export const trend: ViewModule = {
  kind: 'trend',
  needs: (_c, s) => ({ indicator: s.indicator, geos: s.geos, groups: s.groups, years: s.years }),
  possible: (c, s) => s.geos.some((g) => geosWithData(c, s.indicator).includes(g)),
  figure(ctx): Figure {
    const { catalog: c, state: s, lang, indicator } = ctx;
    const series = chosenSeries(ctx);
    const title = trendTitle(ctx, series);
    if (s.groups.length === 0) {
      return emptyFigure(ctx, title, t(lang, 'empty_noGroups'), [
        suggestion(lang, 'suggestDefaultGroups', { ...s, groups: defaultGroups(c, s.indicator, s.geos) }),
      ]);
    }
    if (series.length === 0) {
      return s.years
        ? emptyFigure(
            ctx,
            title,
            t(lang, 'empty_noRowsInYears', { years: `${s.years[0]}–${s.years[1]}` }),
            [suggestion(lang, 'suggestAllYears', { ...s, years: null })],
            missingNotes(ctx, []),
          )
        : emptyFigure(
            ctx,
            title,
            t(lang, 'empty_noRows'),
            [suggestion(lang, 'suggestDefaultGroups', { ...s, groups: defaultGroups(c, s.indicator, s.geos) })],
            missingNotes(ctx, []),
          );
    }
    const places = [...new Set(series.map((x) => x.geo))];
    const several = places.length > 1;
    const styles = series.map((x) => seriesStyle(c, lang, x, several));
    const styleOf = (key: string) => styles.find((x) => x.key === key)!;
    const placeName = (geo: string) => geoName(c, lang, geo);

    const tip = (key: string, f: StatedFigure) =>
      `${styleOf(key).label}\n${f.period}: ${fmtFigure(ctx, f)}\n${ctx.data.sources.find((x) => x.id === f.source)?.publisher ?? f.source}`;
    const points: LinePoint[] = series.flatMap((x) =>
      x.slots.map((slot) => ({
        series: x.key,
        x: slot.x,
        value: slot.primary.value,
        title: tip(x.key, slot.primary),
      })),
    );
    const alternatives: LinePoint[] = series.flatMap((x) =>
      x.slots.flatMap((slot) =>
        slot.alternatives
          .filter((a) => a.value !== slot.primary.value)
          .map((a) => ({
            series: x.key,
            x: slot.x,
            value: a.value,
            title: `${tip(x.key, a)}\n${t(lang, 'alternativeTip')}`,
          })),
      ),
    );
    const segments: LineSegment[] = series.flatMap((x) =>
      x.slots.slice(1).map((slot, i) => ({
        series: x.key,
        x1: x.slots[i].x,
        y1: x.slots[i].primary.value,
        x2: slot.x,
        y2: slot.primary.value,
        dashed: slot.dashedBefore,
      })),
    );
    const targets = targetsFor(c, s.indicator, places).filter((tg) => s.groups.includes(tg.group) || tg.group === 'totaal');
    const markers = targets.map((tg) => ({
      x: tg.year,
      value: tg.value,
      label: `${t(lang, 'targetShort')} ${fmtValue(ctx, tg.value)} (${tg.year})`,
      place: several ? placeName(tg.geo) : null,
    }));

    const notes: FigureNote[] = [];
    if (segments.some((x) => x.dashed)) notes.push({ kind: 'bridged', text: t(lang, 'gapNote') });
    if (alternatives.length) notes.push({ kind: 'alternatives', text: t(lang, 'alternativesNote') });
    notes.push(...approxNotes(lang, figuresOfSeries(series, false)));
    // A line whose figures cover different age bands (20-64 one year, 15-64 another) says so.
    for (const x of series) {
      const ages = [...new Set(x.slots.map((slot) => slot.primary.age ?? t(lang, 'ageNotStated')))];
      if (ages.length > 1)
        notes.push({ kind: 'mixed_kinds', text: t(lang, 'mixedAges', { series: styleOf(x.key).label, ages: ages.join(', ') }) });
    }
    notes.push(...missingNotes(ctx, series));
    for (const tg of targets) {
      notes.push({ kind: 'target', text: t(lang, 'targetNote', { target: lang === 'en' ? tg.label_en : tg.label_nl }) });
    }
    const caption = mixedKindsCaption(
      c,
      lang,
      series.map((x) => x.group),
    );
    const drawn = figuresOfSeries(series);
    return {
      status: 'ready',
      indicator: indicator.id,
      rows: series.flatMap((x) => slotRows(ctx, x.slots)),
      view: 'trend',
      title,
      subtitle: several ? yAxisLabel(indicator, lang) : '',
      unit: unitLabel(indicator.unit, lang),
      series: styles,
      caption,
      plot: (width) =>
        linesSpec({
          lang,
          width,
          xLabel: t(lang, 'year'),
          yLabel: yAxisLabel(indicator, lang),
          yUnit: unitLabel(indicator.unit, lang),
          series: styles,
          facetOf: (key) => (several ? placeName(styleOf(key).geo) : null),
          facets: places.map(placeName),
          points,
          alternatives,
          segments,
          markers,
          includeZero: true,
          caption,
          className: 'trend',
          endLabel: (key) =>
            `${several ? styleOf(key).label.split(' — ')[0] : styleOf(key).label} ${fmtFigure(ctx, latestSlot(series.find((x) => x.key === key)!)!.primary)}`,
        }),
      notes,
      sources: sourcesOf(
        ctx.data.sources,
        drawn,
        targets.map((tg) => tg.source),
      ),
      disagreements: disagreementLines(ctx, series, several).map((text) => ({ text })),
      table: figureTable(ctx, series),
      summary: [t(lang, 'summaryIntro', { title }), seriesSummary(ctx, series, several)].join(' '),
      message: null,
      suggestions: [],
    };
  },
};
