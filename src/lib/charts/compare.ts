/** Comparison chart spec: the groups side by side for one year, one row of bars per place. */
import * as Plot from '@observablehq/plot';
import type { ObservationRow } from '../queries/observations';
import { colourScale, geoLabel, groupLabel, isNarrow, labelMargin, tickFormatter, valueFormatter, yAxisLabel, type ChartContext } from './common';

export interface CompareBar {
  label: string;
  group: string;
  geo: string;
  place: string;
  value: number;
  text: string;
  period: string;
}

export function compareBars(ctx: ChartContext, rows: ObservationRow[]): CompareBar[] {
  const fmt = valueFormatter(ctx.indicator, ctx.lang);
  const groupOrder = ctx.catalog.groups.map((g) => g.id);
  return [...rows]
    .sort((a, b) => a.geo.localeCompare(b.geo) || groupOrder.indexOf(a.group) - groupOrder.indexOf(b.group))
    .map((r) => ({
      label: groupLabel(ctx.catalog, ctx.lang, r.group),
      group: r.group,
      geo: r.geo,
      place: geoLabel(ctx.catalog, ctx.lang, r.geo),
      value: r.value,
      text: fmt(r.value),
      period: r.period,
    }));
}

export function compareSpec(ctx: ChartContext & { rows: ObservationRow[] }): Plot.PlotOptions {
  const bars = compareBars(ctx, ctx.rows);
  const places = [...new Set(bars.map((b) => b.place))];
  const labels = [...new Map(bars.map((b) => [b.label, { label: b.label, group: b.group }])).values()];
  const narrow = isNarrow(ctx.width);
  const rowHeight = 34;
  return {
    width: ctx.width,
    height: Math.max(160, bars.length * rowHeight + places.length * 24 + 60),
    marginLeft: labelMargin(labels.map((l) => l.label), ctx.width),
    marginRight: 72,
    style: { fontSize: narrow ? '11px' : '12px' },
    x: { label: yAxisLabel(ctx.indicator, ctx.lang), grid: true, nice: true, zero: true, tickFormat: tickFormatter(ctx.lang), ticks: narrow ? 4 : undefined },
    y: { label: null, domain: labels.map((l) => l.label) },
    fy: places.length > 1 ? { label: null, domain: places } : undefined,
    color: { type: 'ordinal', ...colourScale(labels) },
    marks: [
      Plot.barX(bars, { y: 'label', x: 'value', fy: places.length > 1 ? 'place' : undefined, fill: 'label', className: 'compare-bar' }),
      Plot.text(bars, { y: 'label', x: 'value', fy: places.length > 1 ? 'place' : undefined, text: 'text', dx: 6, textAnchor: 'start', className: 'compare-label' }),
      Plot.ruleX([0]),
    ],
  };
}
