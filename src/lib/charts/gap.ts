/** Herkomstkloof across places: places ranked by gap for one year, one panel per group. */
import * as Plot from '@observablehq/plot';
import type { Lang } from '../state/view-state';
import { bandAxis, chartFontPx, valueAxis, X_AXIS } from './common';

export interface RankedBar {
  place: string;
  group: string;
  colour: string;
  gap: number;
  text: string;
}

export function rankedGapSpec(ctx: {
  lang: Lang;
  width: number;
  bars: RankedBar[];
  axisLabel: string;
  /** The unit alone, where the axis label would not fit. */
  unit: string;
  caption: string | null;
}): Plot.PlotOptions {
  const { bars, width } = ctx;
  const font = chartFontPx(width);
  const groups = [...new Map(bars.map((b) => [b.group, b.colour])).entries()];
  const severalGroups = groups.length > 1;
  const places = [...new Set(bars.map((b) => b.place))];
  const axis = bandAxis(places, width, font);
  const longestText = Math.max(0, ...bars.map((b) => b.text.length));
  const marginRight = Math.round(longestText * font * 0.6) + 14;
  return {
    width,
    height: Math.max(160, bars.length * 34 + (severalGroups ? groups.length * 30 : 0) + 80),
    marginLeft: axis.marginLeft,
    marginRight,
    marginTop: severalGroups ? 30 : 20,
    marginBottom: X_AXIS.marginBottom,
    style: { fontSize: `${font}px` },
    caption: ctx.caption ?? undefined,
    x: valueAxis({ label: ctx.axisLabel, unit: ctx.unit, lang: ctx.lang, width, marginLeft: axis.marginLeft, marginRight, fontPx: font }),
    y: { label: null, domain: places, axis: null },
    fy: severalGroups ? { label: null, axis: null, domain: groups.map(([g]) => g) } : undefined,
    color: { type: 'ordinal', domain: groups.map(([g]) => g), range: groups.map(([, c]) => c) },
    marks: [
      axis.mark,
      Plot.barX(bars, { y: 'place', x: 'gap', fy: severalGroups ? 'group' : undefined, fill: 'group', className: 'gap-bar' }),
      Plot.text(bars, {
        y: 'place',
        x: 'gap',
        fy: severalGroups ? 'group' : undefined,
        text: 'text',
        dx: 6,
        textAnchor: 'start',
        fontSize: font,
        className: 'gap-label',
      }),
      severalGroups
        ? Plot.text(
            groups.map(([g]) => g),
            { fy: (d: string) => d, text: (d: string) => d, frameAnchor: 'top-left', dy: -18, fontWeight: 700, className: 'facet-label' },
          )
        : null,
      Plot.ruleX([0]),
    ],
  };
}
