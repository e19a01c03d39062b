/**
 * Trend chart spec: rows → Observable Plot options. One line and one dot per figure for each
 * group (and place); a missing year breaks the solid line and a dashed line bridges it, so the
 * eye can follow the series while nothing is filled in. Policy targets are labelled marks at
 * their year.
 */
import * as Plot from '@observablehq/plot';
import type { Target } from '../data/types';
import type { ObservationRow } from '../queries/observations';
import { t } from '../i18n';
import type { Lang } from '../state/view-state';
import type { Catalog } from '../data/catalog';
import { colourScale, isNarrow, seriesLabel, tickFormatter, valueFormatter, yAxisLabel, yearTicks, type ChartContext } from './common';

export interface TrendPoint {
  x: number;
  value: number | null;
  series: string;
  group: string;
  geo: string;
  label: string;
  period: string;
  n_sources: number;
}

/** Calendar years sit on their tick; other periods at their midpoint. */
export function xOf(r: Pick<ObservationRow, 'period_kind' | 'period_sort'>): number {
  return r.period_kind === 'year' ? Math.floor(r.period_sort) : r.period_sort;
}

/** Points per series in period order, with a null point at each missing calendar year. */
export function trendPoints(rows: ObservationRow[], c: Catalog, lang: Lang): TrendPoint[] {
  const severalPlaces = new Set(rows.map((r) => r.geo)).size > 1;
  const out: TrendPoint[] = [];
  // One series per place and group; figures with another (or no stated) age range stay in it,
  // and the table says which age range each figure has.
  const seriesKeys = [...new Set(rows.map((r) => `${r.geo}|${r.group}`))];
  for (const key of seriesKeys) {
    const own = rows.filter((r) => `${r.geo}|${r.group}` === key).sort((a, b) => a.period_sort - b.period_sort);
    const { geo, group } = own[0];
    const lbl = seriesLabel(c, lang, group, geo, severalPlaces);
    own.forEach((r, i) => {
      const prev = own[i - 1];
      if (prev && r.period_kind === 'year' && prev.period_kind === 'year' && xOf(r) - xOf(prev) > 1) {
        out.push({ x: xOf(prev) + 1, value: null, series: key, group, geo, label: lbl, period: '', n_sources: 0 });
      }
      out.push({ x: xOf(r), value: r.value, series: key, group, geo, label: lbl, period: r.period, n_sources: r.n_sources });
    });
  }
  return out;
}

/** True when some series skips a calendar year, i.e. the chart shows a dashed bridge. */
export function hasMissingYears(points: TrendPoint[]): boolean {
  return points.some((p) => p.value === null);
}

export function trendSpec(ctx: ChartContext & { rows: ObservationRow[]; targets: Target[] }): Plot.PlotOptions {
  const { rows, targets, catalog, indicator, lang, width } = ctx;
  const points = trendPoints(rows, catalog, lang);
  const real = points.filter((p) => p.value !== null);
  const labels = [...new Map(real.map((p) => [p.label, { label: p.label, group: p.group }])).values()];
  const fmt = valueFormatter(indicator, lang);
  const narrow = isNarrow(width);
  const xs = [...real.map((p) => p.x), ...targets.map((tg) => tg.year)];
  const targetLabel = (tg: Target) => `${lang === 'en' ? tg.label_en : tg.label_nl}`;
  return {
    width,
    height: narrow ? 300 : 420,
    marginLeft: 52,
    marginRight: narrow ? 16 : 24,
    style: { fontSize: narrow ? '11px' : '12px' },
    x: { label: t(lang, 'year'), ticks: yearTicks(xs, narrow ? 4 : 10), tickFormat: (d: number) => String(d), labelAnchor: 'right' },
    // Rates and counts start at zero, so the size of a gap is not exaggerated by the axis.
    y: { label: yAxisLabel(indicator, lang), grid: true, zero: true, nice: true, labelAnchor: 'top', tickFormat: tickFormatter(lang) },
    // A single whole-population series needs no legend.
    color: { type: 'ordinal', ...colourScale(labels), legend: labels.length > 1 || labels.some((l) => l.group !== 'totaal') },
    marks: [
      Plot.ruleY([0]),
      Plot.lineY(real, {
        x: 'x',
        y: 'value',
        z: 'series',
        stroke: 'label',
        strokeWidth: 1.5,
        strokeDasharray: '4,4',
        strokeOpacity: 0.7,
        className: 'trend-bridge',
      }),
      Plot.lineY(points, { x: 'x', y: 'value', z: 'series', stroke: 'label', strokeWidth: 2.5, className: 'trend-line' }),
      Plot.dot(real, { x: 'x', y: 'value', fill: 'label', r: 4, stroke: 'white', strokeWidth: 1, className: 'trend-point' }),
      Plot.dot(targets, {
        x: 'year',
        y: 'value',
        symbol: 'diamond2',
        r: 7,
        stroke: '#222',
        fill: 'white',
        strokeWidth: 1.5,
        className: 'target-mark',
      }),
      Plot.text(targets, {
        x: 'year',
        y: 'value',
        text: targetLabel,
        dy: -14,
        textAnchor: 'end',
        fill: '#222',
        fontWeight: 600,
        className: 'target-label',
      }),
      Plot.tip(
        real,
        Plot.pointer({
          x: 'x',
          y: 'value',
          title: (p: TrendPoint) =>
            `${p.label}\n${p.period}: ${fmt(p.value as number)}${p.n_sources > 1 ? ` (${p.n_sources} ${t(lang, 'sources').toLowerCase()})` : ''}`,
        }),
      ),
    ],
  };
}
