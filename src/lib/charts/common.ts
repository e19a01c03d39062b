/** Pieces every chart spec shares: labels of series, axis labels, number formats, colours. */
import * as Plot from '@observablehq/plot';
import type { Indicator } from '../data/types';
import { formatNumber, label, t } from '../i18n';
import type { Lang } from '../state/view-state';

export const isNarrow = (width: number) => width < 520;

/** Chart text is never smaller than 11 px: the SVG is drawn at the container's width, never scaled down. */
export const chartFontPx = (width: number) => (isNarrow(width) ? 11 : 12);

export function unitLabel(unit: string, lang: Lang): string {
  return unit === '%' ? '%' : unit === 'pp' ? t(lang, 'unit_pp') : t(lang, 'unit_count');
}

export function yAxisLabel(indicator: Indicator, lang: Lang): string {
  return `${label(lang, indicator)} (${unitLabel(indicator.unit, lang)})`;
}

/** Roughly how wide a text is in pixels (system sans-serif averages about 0.58 em per character). */
export const textWidth = (text: string, fontPx: number) => text.length * fontPx * 0.58;

/**
 * An axis label that fits: the full label where there is room, else only the unit (the chart's
 * title names the indicator). Never cut off at the chart's edge.
 */
export function fittingLabel(full: string, unit: string, roomPx: number, fontPx: number): string {
  return textWidth(`${full} →`, fontPx) <= roomPx ? full : unit;
}

/** As many value ticks as fit: one per 60 px of the plot's width, at least two. */
export const tickCount = (plotWidth: number) => Math.max(2, Math.floor(plotWidth / 60));

/**
 * The value axis of a bar chart (horizontal bars): from zero, gridlines, as many ticks as fit, and
 * a label that fits the plot's width or else the unit alone.
 */
export function valueAxis(a: {
  label: string;
  unit: string;
  lang: Lang;
  width: number;
  marginLeft: number;
  marginRight: number;
  fontPx: number;
}) {
  return {
    label: fittingLabel(a.label, a.unit, a.width - a.marginLeft, a.fontPx),
    labelOffset: X_AXIS.labelOffset,
    labelAnchor: 'right' as const,
    grid: true,
    nice: true,
    zero: true,
    tickFormat: tickFormatter(a.lang),
    ticks: tickCount(a.width - a.marginLeft - a.marginRight),
  };
}

/** Below the x axis: room for the tick labels and, under them, the axis label. */
export const X_AXIS = { marginBottom: 46, labelOffset: 38 } as const;

export function tickFormatter(lang: Lang): (v: number) => string {
  return (v: number) => formatNumber(lang, v, Number.isInteger(v) ? 0 : 1);
}

/** Whole-year ticks, at most `max` of them, on steps of 1, 2, 5, 10 or 20 years. */
export function yearTicks(xs: number[], max: number): number[] {
  if (xs.length === 0) return [];
  const lo = Math.ceil(Math.min(...xs));
  const hi = Math.floor(Math.max(...xs));
  const step = [1, 2, 5, 10, 20].find((s) => (hi - lo) / s + 1 <= max) ?? 25;
  const ticks: number[] = [];
  for (let y = Math.ceil(lo / step) * step; y <= hi; y += step) ticks.push(y);
  return ticks.length ? ticks : [lo];
}

/**
 * The left axis of a bar chart: labels wrap onto a second line rather than being cut off, the
 * margin fits the longest line but never takes more than 45 % of the chart.
 */
export function bandAxis(labels: string[], width: number, fontPx: number): { marginLeft: number; mark: Plot.CompoundMark } {
  const marginLeft = labelMargin(labels, width, fontPx);
  // Plot's lineWidth is in ems.
  const lineWidth = Math.max(4, (marginLeft - 14) / fontPx);
  return { marginLeft, mark: Plot.axisY({ tickSize: 0, lineWidth, label: null, fontSize: fontPx }) };
}

/** Left margin that fits the longest band label, but never more than 45 % of the chart. */
export function labelMargin(labels: string[], width: number, fontPx = 12): number {
  const longest = Math.max(0, ...labels.map((l) => l.length));
  return Math.min(Math.round(width * 0.45), Math.max(60, Math.round(longest * fontPx * 0.56) + 16));
}
