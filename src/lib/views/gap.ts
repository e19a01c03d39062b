/**
 * Herkomstkloof: the gap between each group and a reference group, in percentage points,
 * computed from two stated figures for the same place and period (docs/figure-rules.md §5).
 * Over time for one place; ranked across places for one year.
 */
import { defaultReference, effectiveReferenceOf, groupsWithData, yearsWithData } from '../data/catalog';
import type { Figure, FigureNote, FigureRow } from '../figure/types';
import { adjacent, type Series, type Slot } from '../figure/series';
import { linesSpec, type LinePoint, type LineSegment } from '../charts/lines';
import { rankedGapSpec, type RankedBar } from '../charts/gap';
import { formatNumber, t } from '../i18n';
import type { StatedFigure } from '../queries/observations';
import {
  catalogOrder,
  emptyFigure,
  fmtFigure,
  approxNotes,
  geoName,
  groupName,
  mixedKindsCaption,
  placesText,
  seriesStyle,
  sourcesOf,
  suggestion,
} from './common';
import { nearestYears } from './compare';
import { unitLabel } from '../charts/common';
import type { ViewModule } from './types';

export interface Gap {
  key: string;
  geo: string;
  group: string;
  slot: Slot;
  reference: StatedFigure;
  figure: StatedFigure;
  /** Positive when the group is behind the reference. */
  gap: number;
  dashedBefore: boolean;
}

/** Gaps for every place, group and slot where both the group and the reference have a figure. */
export function gapsOf(series: Series[], reference: string, lowerIsBetter: boolean): Gap[] {
  const out: Gap[] = [];
  for (const s of series) {
    if (s.group === reference) continue;
    const ref = series.find((r) => r.geo === s.geo && r.group === reference);
    if (!ref) continue;
    let prev: Slot | null = null;
    for (const slot of s.slots) {
      const r = ref.slots.find((x) => x.id === slot.id);
      if (!r) continue;
      const diff = lowerIsBetter ? slot.primary.value - r.primary.value : r.primary.value - slot.primary.value;
      out.push({
        key: s.key,
        geo: s.geo,
        group: s.group,
        slot,
        reference: r.primary,
        figure: slot.primary,
        gap: Math.round(diff * 1e6) / 1e6,
        dashedBefore: prev !== null && !adjacent(prev, slot),
      });
      prev = slot;
    }
  }
  return out;
}

export const gap: ViewModule = {
  kind: 'gap',
  needs: (c, s) => {
    const reference = effectiveReferenceOf(c, s);
    const groups = reference && !s.groups.includes(reference) ? [reference, ...s.groups] : s.groups;
    return { indicator: s.indicator, geos: s.geos, groups, years: s.geos.length === 1 ? s.years : null };
  },
  possible: (c, s) => {
    const reference = defaultReference(c, s.indicator, s.geos, s.groups) ?? s.ref;
    if (!reference) return false;
    const others = groupsWithData(c, s.indicator, s.geos).filter((g) => g !== reference && s.groups.includes(g));
    return s.geos.some((geo) => {
      const refYears = yearsWithData(c, s.indicator, [geo], [reference]);
      return others.some((g) => yearsWithData(c, s.indicator, [geo], [g]).some((y) => refYears.includes(y)));
    });
  },
  figure(ctx): Figure {
    const { catalog: c, state: s, lang, indicator } = ctx;
    const name = lang === 'en' ? indicator.label_en : indicator.label_nl;
    const reference = effectiveReferenceOf(c, s);
    const acrossPlaces = s.geos.length > 1;
    // A gap between percentages is in percentage points; other units stay as they are.
    const gapUnit = indicator.unit === '%' ? 'pp' : indicator.unit;
    const empty = (...args: Parameters<typeof emptyFigure>) => ({ ...emptyFigure(...args), unit: unitLabel(gapUnit, lang) });
    if (!reference) {
      const title = t(lang, 'gapTitleNoReference', { indicator: name, geo: placesText(ctx, s.geos) });
      return empty(ctx, title, t(lang, 'empty_noReference'), [suggestion(lang, 'suggestTrend', { ...s, view: 'trend' })]);
    }
    const refName = groupName(c, lang, reference);
    // ctx.series holds only the chosen places, the chosen groups and the reference: `needs` asks for no others.
    const series = catalogOrder(c, ctx.series);
    const all = gapsOf(series, reference, indicator.better === 'lower');
    const years = [...new Set(all.map((g) => g.figure.year_end))].sort((a, b) => a - b);
    const year = acrossPlaces ? (s.year ?? years.at(-1) ?? null) : null;
    const title = acrossPlaces
      ? year === null
        ? t(lang, 'gapTitlePlacesNoYear', { indicator: name, reference: refName })
        : t(lang, 'gapTitlePlaces', { indicator: name, reference: refName, year })
      : t(lang, 'gapTitleTime', { indicator: name, reference: refName, geo: placesText(ctx, s.geos) });
    const gaps = acrossPlaces ? all.filter((g) => g.figure.year_end === year) : all;
    // One gap per place and group in a ranking: the period ending last in the year.
    const shown = acrossPlaces ? [...new Map(gaps.map((g) => [g.key, g])).values()] : gaps;

    const noteMissing: FigureNote[] = [];
    for (const geo of s.geos) {
      for (const group of s.groups.filter((g) => g !== reference)) {
        if (shown.some((g) => g.geo === geo && g.group === group)) continue;
        const hasGroup = series.some((x) => x.geo === geo && x.group === group);
        const hasRef = series.some((x) => x.geo === geo && x.group === reference);
        const key = !hasGroup
          ? 'gapMissingGroup'
          : !hasRef
            ? 'gapMissingReference'
            : year !== null && all.some((g) => g.geo === geo && g.group === group)
              ? 'gapMissingYear'
              : 'gapMissingCommon';
        noteMissing.push({
          kind: 'missing',
          text: t(lang, key, { place: geoName(c, lang, geo), group: groupName(c, lang, group), reference: refName, year: year ?? '' }),
        });
      }
    }
    if (shown.length === 0) {
      const suggestions =
        acrossPlaces && years.length
          ? nearestYears(years, year ?? 0).map((y) => suggestion(lang, 'suggestYear', { ...s, year: y }, { year: y }))
          : [suggestion(lang, 'suggestTrend', { ...s, view: 'trend' })];
      const message =
        acrossPlaces && years.length
          ? t(lang, 'empty_noGapYear', { year: year ?? '', reference: refName })
          : t(lang, 'empty_noGaps', { reference: refName });
      return empty(ctx, title, message, suggestions, noteMissing);
    }

    const several = acrossPlaces;
    const drawnSeries = catalogOrder(c, [...new Map(shown.map((g) => [g.key, series.find((x) => x.key === g.key)!])).values()]);
    const styles = drawnSeries.map((x) => seriesStyle(c, lang, x, several));
    const styleOf = (key: string) => styles.find((x) => x.key === key)!;
    // A gap computed from an approximate figure is itself approximate.
    const gapText = (g: Gap) => fmtFigure(ctx, { value: g.gap, approx: g.figure.approx || g.reference.approx }, gapUnit);
    const axisLabel = t(lang, 'gapAxis', { reference: refName, unit: unitLabel(gapUnit, lang) });
    const explain = t(lang, indicator.better === 'lower' ? 'gapExplainLower' : 'gapExplain', { reference: refName });
    const notes: FigureNote[] = [
      { kind: 'gap_explain', text: explain },
      ...approxNotes(
        lang,
        shown.flatMap((g) => [g.figure, g.reference]),
      ),
      ...noteMissing,
    ];
    const caption = mixedKindsCaption(c, lang, [reference, ...drawnSeries.map((x) => x.group)]);
    const table = {
      columns: [
        { key: 'geo', label: t(lang, 'col_geo') },
        { key: 'group', label: t(lang, 'col_group') },
        { key: 'period', label: t(lang, 'col_period') },
        { key: 'value', label: t(lang, 'col_value'), numeric: true },
        { key: 'reference', label: refName, numeric: true },
        { key: 'gap', label: t(lang, 'col_gap'), numeric: true },
      ],
      rows: shown.map((g) => ({
        key: `${g.key}|${g.slot.id}`,
        primary: true,
        cells: {
          geo: geoName(c, lang, g.geo),
          group: groupName(c, lang, g.group),
          period: g.slot.id,
          value: fmtFigure(ctx, g.figure),
          reference: fmtFigure(ctx, g.reference),
          gap: gapText(g),
        },
        values: { value: g.figure.value, reference: g.reference.value, gap: g.gap, period: g.slot.x },
      })),
    };
    const largest = [...shown].sort((a, b) => b.gap - a.gap)[0];
    const summary = [
      t(lang, 'summaryIntro', { title }),
      shown.map((g) => `${styleOf(g.key).label}, ${g.slot.id}: ${gapText(g)}.`).join(' '),
      t(lang, 'summaryLargestGap', { series: styleOf(largest.key).label, period: largest.slot.id, gap: gapText(largest) }),
    ].join(' ');
    const common = {
      status: 'ready' as const,
      view: 'gap' as const,
      indicator: indicator.id,
      rows: shown.map((g): FigureRow => ({
        measure: 'gap',
        indicator: indicator.id,
        geo: g.geo,
        group: g.group,
        reference,
        period: g.slot.id,
        age: g.figure.age,
        value: g.gap,
        unit: gapUnit,
        approx: Boolean(g.figure.approx || g.reference.approx),
        sources: [...new Set([g.figure.source, g.reference.source])],
      })),
      title,
      subtitle: '',
      unit: unitLabel(gapUnit, lang),
      series: styles,
      caption,
      notes,
      sources: sourcesOf(
        ctx.data.sources,
        shown.flatMap((g) => [g.figure, g.reference]),
      ),
      disagreements: [],
      table,
      summary,
      message: null,
      suggestions: [],
    };
    if (acrossPlaces) {
      const bars: RankedBar[] = [...shown]
        .sort((a, b) => b.gap - a.gap)
        .map((g) => ({
          place: geoName(c, lang, g.geo),
          group: styleOf(g.key).label.split(' — ')[0],
          colour: styleOf(g.key).colour,
          gap: g.gap,
          text: gapText(g),
        }));
      const unit = unitLabel(gapUnit, lang);
      return { ...common, plot: (width: number) => rankedGapSpec({ lang, width, bars, axisLabel, unit, caption }) };
    }
    const points: LinePoint[] = shown.map((g) => ({
      series: g.key,
      x: g.slot.x,
      value: g.gap,
      title: `${styleOf(g.key).label}, ${g.slot.id}: ${gapText(g)}\n(${fmtFigure(ctx, g.reference)} − ${fmtFigure(ctx, g.figure)})`,
    }));
    const segments: LineSegment[] = [];
    for (const key of new Set(shown.map((g) => g.key))) {
      const own = shown.filter((g) => g.key === key);
      own
        .slice(1)
        .forEach((g, i) =>
          segments.push({ series: key, x1: own[i].slot.x, y1: own[i].gap, x2: g.slot.x, y2: g.gap, dashed: g.dashedBefore }),
        );
    }
    if (segments.some((x) => x.dashed)) notes.push({ kind: 'bridged', text: t(lang, 'gapNote') });
    return {
      ...common,
      plot: (width: number) =>
        linesSpec({
          lang,
          width,
          xLabel: t(lang, 'year'),
          yLabel: axisLabel,
          yUnit: unitLabel(gapUnit, lang),
          series: styles,
          facetOf: () => null,
          facets: [],
          points,
          alternatives: [],
          segments,
          markers: [],
          includeZero: true,
          caption,
          className: 'gap',
          endLabel: (key) => `${styleOf(key).label} ${gapText(shown.filter((g) => g.key === key).at(-1)!)}`,
          pointLabel: (value) => formatNumber(lang, value, indicator.decimals),
        }),
    };
  },
};
