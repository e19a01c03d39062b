/** Comparison chart spec: a bar per group (and place) for one year, the value written on each bar. */
import * as Plot from '@observablehq/plot';
import type { Indicator } from '../data/types';
import type { Lang } from '../state/view-state';
import { bandAxis, chartFontPx, unitLabel, valueAxis, X_AXIS, yAxisLabel } from './common';

export interface CompareBar {
  key: string;
  label: string;
  /** The colour legend's entry (the group), shared by the group's bars in every place. */
  colourKey: string;
  colour: string;
  value: number;
  text: string;
  /** Other sources' different figures for the same period: drawn as hollow ticks. */
  alternatives: number[];
}

export function compareSpec(ctx: {
  indicator: Indicator;
  lang: Lang;
  width: number;
  bars: CompareBar[];
  caption: string | null;
}): Plot.PlotOptions {
  const { bars, width } = ctx;
  const font = chartFontPx(width);
  const colours = [...new Map(bars.map((b) => [b.colourKey, b.colour])).entries()];
  const alts = bars.flatMap((b) => b.alternatives.map((value) => ({ label: b.label, value })));
  const longestText = Math.max(0, ...bars.map((b) => b.text.length));
  const axis = bandAxis(
    bars.map((b) => b.label),
    width,
    font,
  );
  const marginRight = Math.round(longestText * font * 0.6) + 14;
  return {
    width,
    height: Math.max(140, bars.length * 38 + 70),
    marginLeft: axis.marginLeft,
    marginRight,
    marginBottom: X_AXIS.marginBottom,
    style: { fontSize: `${font}px` },
    caption: ctx.caption ?? undefined,
    x: valueAxis({
      label: yAxisLabel(ctx.indicator, ctx.lang),
      unit: unitLabel(ctx.indicator.unit, ctx.lang),
      lang: ctx.lang,
      width,
      marginLeft: axis.marginLeft,
      marginRight,
      fontPx: font,
    }),
    y: { label: null, domain: bars.map((b) => b.label), axis: null },
    color: { type: 'ordinal', domain: colours.map(([k]) => k), range: colours.map(([, c]) => c) },
    marks: [
      axis.mark,
      Plot.barX(bars, { y: 'label', x: 'value', fill: 'colourKey', className: 'compare-bar' }),
      Plot.tickX(alts, {
        y: 'label',
        x: 'value',
        stroke: '#222',
        strokeWidth: 2,
        strokeDasharray: '2,2',
        className: 'compare-alternative',
      }),
      Plot.text(bars, { y: 'label', x: 'value', text: 'text', dx: 6, textAnchor: 'start', fontSize: font, className: 'compare-label' }),
      Plot.ruleX([0]),
    ],
  };
}
