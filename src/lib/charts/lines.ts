/**
 * Lines over time (the trend and the gap over time): a solid segment between adjacent periods, a
 * dashed bridge over missing ones (nothing filled in), a dot per stated figure, a hollow dot for a
 * figure another source states differently, a label at the end of each line, one small chart per
 * place when there are several. Pure: data and options in, Plot options out.
 */
import * as Plot from '@observablehq/plot';
import type { FigureSeries } from '../figure/types';
import { chartFontPx, fittingLabel, isNarrow, textWidth, tickFormatter, X_AXIS, yearTicks } from './common';
import type { Lang } from '../state/view-state';

export interface LinePoint {
  series: string;
  x: number;
  value: number;
  /** Tooltip text. */
  title: string;
}

export interface LineSegment {
  series: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  dashed: boolean;
}

export interface LineMarker {
  x: number;
  value: number;
  label: string;
  place: string | null;
}

export interface LinesInput {
  lang: Lang;
  width: number;
  xLabel: string;
  yLabel: string;
  /** The y axis unit alone, used where the full label would not fit. */
  yUnit: string;
  series: FigureSeries[];
  /** Facet (place) of each series key; null when there is one place. */
  facetOf: (seriesKey: string) => string | null;
  facets: string[];
  points: LinePoint[];
  alternatives: LinePoint[];
  segments: LineSegment[];
  /** Target marks (diamonds with a label). */
  markers: LineMarker[];
  /** A zero line and a y axis from zero (rates, counts) or around zero (gaps). */
  includeZero: boolean;
  caption: string | null;
  /** Class prefix of the marks: `trend` or `gap`. */
  className: string;
  /** Labels at the end of each line, e.g. "Belgische herkomst 73,6 %". */
  endLabel: (seriesKey: string, value: number) => string;
  /** A value written above every point (the gap chart, with few points); none when absent. */
  pointLabel?: (value: number) => string;
}

const LABEL_LINE_PX = 14;
const MARGIN_LEFT = 56;
/**
 * Space between rows of small charts, and above the first: a place's name sits above its chart, and
 * above the target labels that a target at the top of the scale puts just over the frame.
 */
const FACET_GAP = 52;
/** How far above its chart a place's name sits (a target label takes the 10–22 px above the frame). */
const FACET_LABEL_DY = -30;

/**
 * Push labels apart so no two overlap. `ys` are the wanted centres in pixels, `heights` each
 * label's height; the result keeps the order of the wanted positions and stays within [lo, hi]
 * where the labels fit there.
 */
export function spreadLabels(ys: number[], heights: number[], lo: number, hi: number): number[] {
  const order = ys.map((y, i) => i).sort((a, b) => ys[a] - ys[b]);
  const out = new Array<number>(ys.length);
  let prevBottom = lo;
  for (const i of order) {
    out[i] = Math.max(ys[i], prevBottom + heights[i] / 2);
    prevBottom = out[i] + heights[i] / 2;
  }
  // Past the bottom: move the run back up, never above the top.
  let nextTop = hi;
  for (const i of [...order].reverse()) {
    out[i] = Math.max(lo + heights[i] / 2, Math.min(out[i], nextTop - heights[i] / 2));
    nextTop = out[i] - heights[i] / 2;
  }
  return out;
}

export function linesSpec(input: LinesInput): Plot.PlotOptions {
  const { width, lang, series } = input;
  const narrow = isNarrow(width);
  const font = chartFontPx(width);
  const several = input.facets.length > 1;
  // Places stack in one column: they share the time axis, so years line up from chart to chart.
  const columns = 1;
  const rows = several ? Math.ceil(input.facets.length / columns) : 1;
  const facetHeight = several ? (narrow ? 180 : 210) : narrow ? 300 : 400;
  const marginTop = several ? 38 : 24;
  const marginBottom = X_AXIS.marginBottom;
  const height = rows * facetHeight + (rows - 1) * FACET_GAP + marginTop + marginBottom;

  const values = [...input.points, ...input.alternatives].map((p) => p.value).concat(input.markers.map((m) => m.value));
  const lo = Math.min(input.includeZero ? 0 : Infinity, ...values);
  const hi = Math.max(input.includeZero ? 0 : -Infinity, ...values);
  const yDomain = Plot.scale({ y: { type: 'linear', domain: [lo, hi === lo ? lo + 1 : hi], nice: true } }).domain as [number, number];

  const groupLabel = (key: string) => {
    const s = series.find((x) => x.key === key);
    return s ? (several ? s.label.split(' — ')[0] : s.label) : key;
  };
  const colourKeys = [...new Map(series.map((s) => [groupLabel(s.key), s])).values()];
  const facetIndex = (key: string) => Math.max(0, input.facets.indexOf(input.facetOf(key) ?? ''));
  const fx = (key: string) => (several ? facetIndex(key) % columns : undefined);
  const fy = (key: string) => (several ? Math.floor(facetIndex(key) / columns) : undefined);

  // End labels sit in the right margin, wrapped to its width (Plot's lineWidth is in ems).
  const lastPoints = [...new Map(input.points.map((p) => [p.series, p])).values()];
  const longest = Math.max(0, ...lastPoints.map((p) => textWidth(input.endLabel(p.series, p.value), font)));
  const labelRoom = Math.min(Math.round(longest) + 14, Math.round(width * (narrow ? 0.42 : 0.3)));
  const marginRight = labelRoom;
  const lineWidthEms = Math.max(4, (labelRoom - 14) / font);
  const linesOf = (text: string) => Math.max(1, Math.ceil(textWidth(text, font) / (lineWidthEms * font * 0.92)));

  // End labels: at each line's last point, spread so they never overlap, in pixel space.
  const innerHeight = facetHeight;
  const toPx = (v: number) => ((yDomain[1] - v) / (yDomain[1] - yDomain[0])) * innerHeight;
  const toValue = (px: number) => yDomain[1] - (px / innerHeight) * (yDomain[1] - yDomain[0]);
  const maxX = Math.max(...input.points.map((p) => p.x));
  const ends: { series: string; x: number; value: number; text: string }[] = [];
  for (const facet of several ? input.facets : [null]) {
    const own = lastPoints.filter((p) => (several ? input.facetOf(p.series) === facet : true));
    const texts = own.map((p) => input.endLabel(p.series, p.value));
    const heights = texts.map((text) => linesOf(text) * LABEL_LINE_PX + 2);
    const ys = spreadLabels(
      own.map((p) => toPx(p.value)),
      heights,
      0,
      innerHeight,
    );
    own.forEach((p, i) => ends.push({ series: p.series, x: maxX, value: toValue(ys[i]), text: texts[i] }));
  }

  const xs = [...input.points.map((p) => p.x), ...input.markers.map((m) => m.x)];
  // A target label runs right from its mark where it fits inside the frame, else left.
  const xLo = Math.min(...xs) - 0.3;
  const xHi = Math.max(...xs) + 0.3;
  const frameWidth = width - MARGIN_LEFT - marginRight;
  const fitsRight = (m: LineMarker) => ((xHi - m.x) / (xHi - xLo)) * frameWidth >= textWidth(m.label, font) + 12;
  // One small chart per place: facets laid out in a grid of `columns`.
  const facet = several ? { fx: (d: { series: string }) => fx(d.series), fy: (d: { series: string }) => fy(d.series) } : {};
  const markerFacet = several
    ? {
        fx: (m: LineMarker) => facetIndex(seriesOfPlace(m.place)) % columns,
        fy: (m: LineMarker) => Math.floor(facetIndex(seriesOfPlace(m.place)) / columns),
      }
    : {};

  // Fill and symbol read one field, so Plot colours the symbols in the legend.
  const points = input.points.map((p) => ({ ...p, g: groupLabel(p.series) }));

  const marks: Plot.Markish[] = [
    input.includeZero ? Plot.ruleY([0], { stroke: '#444' }) : null,
    Plot.link(
      input.segments.filter((s) => !s.dashed),
      {
        x1: 'x1',
        y1: 'y1',
        x2: 'x2',
        y2: 'y2',
        stroke: (d: LineSegment) => groupLabel(d.series),
        strokeWidth: 2.5,
        className: `${input.className}-line`,
        ...facet,
      },
    ),
    Plot.link(
      input.segments.filter((s) => s.dashed),
      {
        x1: 'x1',
        y1: 'y1',
        x2: 'x2',
        y2: 'y2',
        stroke: (d: LineSegment) => groupLabel(d.series),
        strokeWidth: 1.5,
        strokeDasharray: '5,4',
        className: `${input.className}-bridge`,
        ...facet,
      },
    ),
    Plot.dot(input.alternatives, {
      x: 'x',
      y: 'value',
      stroke: (d: LinePoint) => groupLabel(d.series),
      fill: 'white',
      r: 4,
      strokeWidth: 1.5,
      className: `${input.className}-alternative`,
      title: 'title',
      ...facet,
    }),
    Plot.dot(points, {
      x: 'x',
      y: 'value',
      fill: 'g',
      symbol: 'g',
      r: 4.5,
      stroke: 'white',
      strokeWidth: 1,
      className: `${input.className}-point`,
      ...facet,
    }),
    input.pointLabel
      ? Plot.text(
          // The last point of each line says its value in the end label.
          points.filter((p) => lastPoints.every((l) => l.series !== p.series || l.x !== p.x)),
          {
            x: 'x',
            y: 'value',
            text: (d: LinePoint) => input.pointLabel!(d.value),
            dy: -13,
            fontSize: font,
            fill: '#222',
            stroke: 'white',
            strokeWidth: 3,
            paintOrder: 'stroke',
            className: `${input.className}-value`,
            ...facet,
          },
        )
      : null,
    Plot.text(ends, {
      x: 'x',
      y: 'value',
      text: 'text',
      fill: (d: { series: string }) => groupLabel(d.series),
      dx: 9,
      textAnchor: 'start',
      lineWidth: lineWidthEms,
      fontSize: font,
      className: `${input.className}-end-label`,
      ...facet,
    }),
    Plot.dot(input.markers, {
      x: 'x',
      y: 'value',
      symbol: 'diamond2',
      r: 7,
      stroke: '#222',
      fill: 'white',
      strokeWidth: 1.5,
      className: 'target-mark',
      ...markerFacet,
    }),
    // Target labels are short ("doel 10,0 % (2020)"), start left of the middle and end right of it, so they stay inside.
    ...(['start', 'end'] as const).map((anchor) =>
      Plot.text(
        input.markers.filter((m) => fitsRight(m) === (anchor === 'start')),
        {
          x: 'x',
          y: 'value',
          text: 'label',
          dy: -16,
          dx: anchor === 'end' ? 8 : -8,
          textAnchor: anchor,
          fill: '#222',
          fontWeight: 600,
          fontSize: font,
          stroke: 'white',
          strokeWidth: 3,
          paintOrder: 'stroke',
          className: 'target-label',
          ...markerFacet,
        },
      ),
    ),
    several
      ? Plot.text(input.facets, {
          fx: (_: string, i: number) => i % columns,
          fy: (_: string, i: number) => Math.floor(i / columns),
          text: (d: string) => d,
          frameAnchor: 'top-left',
          dy: FACET_LABEL_DY,
          fontWeight: 700,
          fontSize: font + 1,
          className: 'facet-label',
        })
      : null,
    Plot.tip(input.points, Plot.pointer({ x: 'x', y: 'value', title: 'title', ...facet })),
  ];

  function seriesOfPlace(place: string | null): string {
    return series.find((s) => input.facetOf(s.key) === place)?.key ?? '';
  }

  return {
    width,
    height,
    marginLeft: MARGIN_LEFT,
    marginRight,
    marginTop,
    marginBottom,
    style: { fontSize: `${font}px` },
    caption: input.caption ?? undefined,
    x: {
      label: input.xLabel,
      ticks: yearTicks(xs, narrow ? 4 : 10),
      tickFormat: (d: number) => String(d),
      labelAnchor: 'right',
      labelOffset: X_AXIS.labelOffset,
      domain: [xLo, xHi],
    },
    // With several places the unit is said above the chart (the Figure's subtitle), not over the first place's name.
    y: {
      label: several ? null : fittingLabel(input.yLabel, input.yUnit, width - 20, font),
      grid: true,
      domain: yDomain,
      labelAnchor: 'top',
      tickFormat: tickFormatter(lang),
      ticks: narrow ? 5 : 8,
    },
    fx: several ? { axis: null, padding: 0.18 } : undefined,
    fy: several ? { axis: null, padding: FACET_GAP / (facetHeight + FACET_GAP) } : undefined,
    color: { type: 'ordinal', domain: colourKeys.map((s) => groupLabel(s.key)), range: colourKeys.map((s) => s.colour) },
    symbol: {
      type: 'ordinal',
      domain: colourKeys.map((s) => groupLabel(s.key)),
      range: colourKeys.map((s) => s.symbol),
      legend: colourKeys.length > 1 || series.some((s) => s.group !== 'totaal'),
    },
    marks,
  };
}
