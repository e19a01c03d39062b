/**
 * Herkomstkloof chart specs. The gap is the reference group's figure minus the group's, in
 * percentage points, computed from two stated figures for the same place and period.
 * Over time (one place): a line per group. Across places (several places, one year): places ranked.
 */
import * as Plot from '@observablehq/plot';
import type { GapRow } from '../queries/observations';
import { t } from '../i18n';
import {
  colourScale,
  geoLabel,
  groupLabel,
  isNarrow,
  labelMargin,
  ppShort,
  tickFormatter,
  valueFormatter,
  yearTicks,
  type ChartContext,
} from './common';
import { xOf } from './trend';

export function gapAxisLabel(ctx: ChartContext, reference: string): string {
  return t(ctx.lang, 'gapAxis', { reference: groupLabel(ctx.catalog, ctx.lang, reference) });
}

export function gapOverTimeSpec(ctx: ChartContext & { gaps: GapRow[]; reference: string }): Plot.PlotOptions {
  const fmt = valueFormatter(ctx.indicator, ctx.lang, 'pp');
  const points = ctx.gaps.map((g) => ({ ...g, x: xOf(g), label: groupLabel(ctx.catalog, ctx.lang, g.group) }));
  const labels = [...new Map(points.map((p) => [p.label, { label: p.label, group: p.group }])).values()];
  const narrow = isNarrow(ctx.width);
  return {
    width: ctx.width,
    height: narrow ? 300 : 400,
    marginLeft: 52,
    marginRight: 40,
    style: { fontSize: narrow ? '11px' : '12px' },
    x: {
      label: t(ctx.lang, 'year'),
      ticks: yearTicks(
        points.map((p) => p.x),
        narrow ? 4 : 10,
      ),
      tickFormat: (d: number) => String(d),
      labelAnchor: 'right',
    },
    y: {
      label: gapAxisLabel(ctx, ctx.reference),
      grid: true,
      zero: true,
      nice: true,
      labelAnchor: 'top',
      tickFormat: tickFormatter(ctx.lang),
    },
    color: { type: 'ordinal', ...colourScale(ctx.catalog, labels), legend: true },
    marks: [
      Plot.ruleY([0], { stroke: '#444' }),
      Plot.lineY(points, {
        x: 'x',
        y: 'gap',
        z: 'group',
        stroke: 'label',
        strokeWidth: 1.5,
        strokeDasharray: '4,4',
        className: 'gap-line',
      }),
      Plot.dot(points, { x: 'x', y: 'gap', fill: 'label', r: 4.5, stroke: 'white', className: 'gap-point' }),
      Plot.text(points, {
        x: 'x',
        y: 'gap',
        text: (p: GapRow) => ppShort(ctx.lang, p.gap, ctx.indicator.decimals),
        dy: -12,
        fontSize: 11,
        className: 'gap-label',
      }),
      Plot.tip(
        points,
        Plot.pointer({ x: 'x', y: 'gap', title: (p: GapRow & { label: string }) => `${p.label}, ${p.period}: ${fmt(p.gap)}` }),
      ),
    ],
  };
}

export interface RankedGap {
  place: string;
  geo: string;
  group: string;
  label: string;
  gap: number;
  text: string;
}

/** Places ranked by gap, largest first, for one group and one year. */
export function rankPlaces(ctx: ChartContext, gaps: GapRow[], year: number): RankedGap[] {
  return gaps
    .filter((g) => g.year_end === year)
    .map((g) => ({
      place: geoLabel(ctx.catalog, ctx.lang, g.geo),
      geo: g.geo,
      group: g.group,
      label: groupLabel(ctx.catalog, ctx.lang, g.group),
      gap: g.gap,
      text: ppShort(ctx.lang, g.gap, ctx.indicator.decimals),
    }))
    .sort((a, b) => b.gap - a.gap);
}

export function gapAcrossPlacesSpec(ctx: ChartContext & { ranked: RankedGap[]; reference: string }): Plot.PlotOptions {
  const labels = [...new Map(ctx.ranked.map((r) => [r.label, { label: r.label, group: r.group }])).values()];
  const narrow = isNarrow(ctx.width);
  const severalGroups = labels.length > 1;
  return {
    width: ctx.width,
    height: Math.max(160, ctx.ranked.length * 30 + 80),
    marginLeft: labelMargin(
      ctx.ranked.map((r) => r.place),
      ctx.width,
    ),
    marginRight: 70,
    style: { fontSize: narrow ? '11px' : '12px' },
    x: {
      label: gapAxisLabel(ctx, ctx.reference),
      grid: true,
      nice: true,
      zero: true,
      tickFormat: tickFormatter(ctx.lang),
      ticks: narrow ? 4 : undefined,
    },
    y: { label: null, domain: [...new Set(ctx.ranked.map((r) => r.place))] },
    fy: severalGroups ? { label: null } : undefined,
    color: { type: 'ordinal', ...colourScale(ctx.catalog, labels), legend: severalGroups },
    marks: [
      Plot.barX(ctx.ranked, { y: 'place', x: 'gap', fy: severalGroups ? 'label' : undefined, fill: 'label', className: 'gap-bar' }),
      Plot.text(ctx.ranked, { y: 'place', x: 'gap', fy: severalGroups ? 'label' : undefined, text: 'text', dx: 6, textAnchor: 'start' }),
      Plot.ruleX([0]),
    ],
  };
}
