/** Comparison chart spec: the groups side by side for one year, one row of bars per place. */
import * as Plot from '@observablehq/plot';
import type { ObservationRow } from '../queries/observations';
import {
  colourScale,
  geoLabel,
  groupLabel,
  isNarrow,
  labelMargin,
  tickFormatter,
  valueFormatter,
  yAxisLabel,
  type ChartContext,
} from './common';

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
  const geoOrder = ctx.catalog.geos.map((g) => g.id);
  const severalPlaces = new Set(rows.map((r) => r.geo)).size > 1;
  return [...rows]
    .sort((a, b) => geoOrder.indexOf(a.geo) - geoOrder.indexOf(b.geo) || groupOrder.indexOf(a.group) - groupOrder.indexOf(b.group))
    .map((r) => ({
      // With several places each bar says where: "Gent · Niet-EU-herkomst".
      label: severalPlaces
        ? `${geoLabel(ctx.catalog, ctx.lang, r.geo)} · ${groupLabel(ctx.catalog, ctx.lang, r.group)}`
        : groupLabel(ctx.catalog, ctx.lang, r.group),
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
  const labels = bars.map((b) => ({ label: b.label, group: b.group }));
  const narrow = isNarrow(ctx.width);
  return {
    width: ctx.width,
    height: Math.max(140, bars.length * 36 + 60),
    marginLeft: labelMargin(
      labels.map((l) => l.label),
      ctx.width,
    ),
    marginRight: 72,
    style: { fontSize: narrow ? '11px' : '12px' },
    x: {
      label: yAxisLabel(ctx.indicator, ctx.lang),
      grid: true,
      nice: true,
      zero: true,
      tickFormat: tickFormatter(ctx.lang),
      ticks: narrow ? 4 : undefined,
    },
    y: { label: null, domain: labels.map((l) => l.label) },
    color: { type: 'ordinal', ...colourScale(ctx.catalog, labels) },
    marks: [
      Plot.barX(bars, { y: 'label', x: 'value', fill: 'label', className: 'compare-bar' }),
      Plot.text(bars, { y: 'label', x: 'value', text: 'text', dx: 6, textAnchor: 'start', className: 'compare-label' }),
      Plot.ruleX([0]),
    ],
  };
}
