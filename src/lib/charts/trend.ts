/**
 * Trend chart spec: rows → Observable Plot options. One line and one dot per figure for each
 * group; a missing year breaks the line instead of being bridged.
 */
import * as Plot from '@observablehq/plot';
import type { TrendRow } from '../queries/trend';
import type { Group, Indicator } from '../data/types';
import type { Lang } from '../state/view-state';
import { formatNumber, formatValue, label, t } from '../i18n';
import { groupColours } from './palette';

export interface TrendPoint {
  x: number;
  value: number | null;
  group: string;
  groupLabel: string;
  period: string;
  source: string;
  n_sources: number;
}

export interface TrendSpecInput {
  rows: TrendRow[];
  indicator: Indicator;
  groups: Group[];
  lang: Lang;
  width: number;
}

/** Calendar years sit on their tick; other periods at their midpoint. */
export function xOf(r: Pick<TrendRow, 'period_kind' | 'period_sort'>): number {
  return r.period_kind === 'year' ? Math.floor(r.period_sort) : r.period_sort;
}

/** Points per group in period order, with a null point at each missing calendar year. */
export function trendPoints(rows: TrendRow[], groups: Group[], lang: Lang): TrendPoint[] {
  const out: TrendPoint[] = [];
  for (const g of groups) {
    const own = rows.filter((r) => r.group === g.id).sort((a, b) => a.period_sort - b.period_sort);
    own.forEach((r, i) => {
      const prev = own[i - 1];
      if (prev && r.period_kind === 'year' && prev.period_kind === 'year' && r.period_sort - prev.period_sort > 1) {
        out.push({ x: xOf(prev) + 1, value: null, group: g.id, groupLabel: label(lang, g), period: '', source: '', n_sources: 0 });
      }
      out.push({
        x: xOf(r),
        value: r.value,
        group: g.id,
        groupLabel: label(lang, g),
        period: r.period,
        source: r.source,
        n_sources: r.n_sources,
      });
    });
  }
  return out;
}

/** Whole-year ticks, at most `max` of them, on steps of 1, 2 or 5 years. */
/** True when some series skips a calendar year, i.e. the chart shows a dashed bridge. */
export function hasMissingYears(points: TrendPoint[]): boolean {
  return points.some((p) => p.value === null);
}

export function yearTicks(xs: number[], max: number): number[] {
  if (xs.length === 0) return [];
  const lo = Math.ceil(Math.min(...xs));
  const hi = Math.floor(Math.max(...xs));
  const step = [1, 2, 5, 10, 20].find((s) => (hi - lo) / s + 1 <= max) ?? 25;
  const ticks: number[] = [];
  for (let y = Math.ceil(lo / step) * step; y <= hi; y += step) ticks.push(y);
  return ticks.length ? ticks : [lo];
}

export function yAxisLabel(indicator: Indicator, lang: Lang): string {
  const unit = indicator.unit === '%' ? '%' : indicator.unit === 'pp' ? t(lang, 'unit_pp') : t(lang, 'unit_count');
  return `${label(lang, indicator)} (${unit})`;
}

export function trendSpec({ rows, indicator, groups, lang, width }: TrendSpecInput): Plot.PlotOptions {
  const points = trendPoints(rows, groups, lang);
  const shown = groups.filter((g) => rows.some((r) => r.group === g.id));
  const real = points.filter((p) => p.value !== null);
  const fmt = (v: number) => formatValue(lang, v, indicator.unit, indicator.decimals);
  const narrow = width < 520;
  return {
    width,
    height: narrow ? 300 : 400,
    marginLeft: 48,
    style: { fontSize: narrow ? '11px' : '12px' },
    marginRight: 16,
    x: { label: t(lang, 'year'), ticks: yearTicks(real.map((p) => p.x), narrow ? 4 : 10), tickFormat: (d: number) => String(d), labelAnchor: 'right' },
    // Rates and counts start at zero, so the size of a gap is not exaggerated by the axis.
    y: { label: yAxisLabel(indicator, lang), grid: true, zero: true, nice: true, labelAnchor: 'top', tickFormat: (v: number) => formatNumber(lang, v, 0) },
    color: {
      type: 'ordinal',
      domain: shown.map((g) => label(lang, g)),
      range: groupColours(shown.map((g) => g.id)),
      legend: true,
    },
    marks: [
      Plot.ruleY([0]),
      // Dashed: joins figures across years without one, so the eye can follow the series
      // while it is plain that nothing was measured (or published) in between.
      Plot.lineY(real, { x: 'x', y: 'value', z: 'group', stroke: 'groupLabel', strokeWidth: 1.5, strokeDasharray: '4,4', strokeOpacity: 0.7, className: 'trend-bridge' }),
      Plot.lineY(points, { x: 'x', y: 'value', z: 'group', stroke: 'groupLabel', strokeWidth: 2.5, className: 'trend-line' }),
      Plot.dot(real, { x: 'x', y: 'value', fill: 'groupLabel', r: 4, stroke: 'white', strokeWidth: 1, className: 'trend-point' }),
      Plot.tip(
        real,
        Plot.pointer({
          x: 'x',
          y: 'value',
          title: (p: TrendPoint) => `${p.groupLabel}\n${p.period}: ${fmt(p.value as number)}${p.n_sources > 1 ? ` (${p.n_sources} ${t(lang, 'sources').toLowerCase()})` : ''}`,
        }),
      ),
    ],
  };
}
