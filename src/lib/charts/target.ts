/**
 * Progress-to-target chart spec: per target a bar to the latest figure and a tick at the target.
 * Every label sits on its own line above or below the bar, starting at zero, wrapped to the
 * chart's width, so nothing runs into the tick or off the edge.
 */
import * as Plot from '@observablehq/plot';
import type { Indicator } from '../data/types';
import type { Lang } from '../state/view-state';
import { chartFontPx, unitLabel, valueAxis, X_AXIS, yAxisLabel } from './common';

export interface TargetBar {
  label: string;
  value: number;
  target: number;
  latestText: string;
  targetText: string;
  remainingText: string;
  reached: boolean;
}

const ROW = 104;

export function targetSpec(ctx: { indicator: Indicator; lang: Lang; width: number; bars: TargetBar[] }): Plot.PlotOptions {
  const { bars, width } = ctx;
  const font = chartFontPx(width);
  const marginLeft = 16;
  const marginRight = 24;
  // Plot's lineWidth is in ems.
  // Bold text runs wider than Plot's estimate: wrap a little early.
  const lineWidth = (0.8 * (width - marginLeft - marginRight)) / font;
  return {
    width,
    height: bars.length * ROW + 60,
    marginLeft,
    marginRight,
    marginTop: 8,
    marginBottom: X_AXIS.marginBottom,
    style: { fontSize: `${font}px` },
    x: valueAxis({
      label: yAxisLabel(ctx.indicator, ctx.lang),
      unit: unitLabel(ctx.indicator.unit, ctx.lang),
      lang: ctx.lang,
      width,
      marginLeft,
      marginRight,
      fontPx: font,
    }),
    y: { label: null, domain: bars.map((b) => b.label), axis: null, paddingInner: 0.72, paddingOuter: 0.5, align: 0.35 },
    marks: [
      Plot.barX(bars, { y: 'label', x: 'value', fill: (b: TargetBar) => (b.reached ? '#009E73' : '#0072B2'), className: 'target-bar' }),
      Plot.tickX(bars, { y: 'label', x: 'target', stroke: '#222', strokeWidth: 3, inset: -6, className: 'target-tick' }),
      Plot.text(bars, {
        y: 'label',
        x: 0,
        text: 'label',
        dy: -30,
        textAnchor: 'start',
        fontWeight: 700,
        fill: '#222',
        lineWidth,
        className: 'target-name',
      }),
      Plot.text(bars, {
        y: 'label',
        x: 0,
        text: (b: TargetBar) => `${b.latestText} · ${b.targetText} · ${b.remainingText}`,
        dy: 28,
        textAnchor: 'start',
        fill: '#222',
        lineWidth,
        className: 'target-text',
      }),
      Plot.ruleX([0]),
    ],
  };
}
