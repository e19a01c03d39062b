/** Progress-to-target chart spec: for each target, the latest figure, the target and the distance left. */
import * as Plot from '@observablehq/plot';
import { t } from '../i18n';
import type { TargetProgress } from '../view/target';
import { geoLabel, groupLabel, isNarrow, labelMargin, tickFormatter, valueFormatter, yAxisLabel, type ChartContext } from './common';

export interface TargetBar {
  label: string;
  value: number;
  target: number;
  latestText: string;
  targetText: string;
  remainingText: string;
  reached: boolean;
}

export function targetBars(ctx: ChartContext, progress: TargetProgress[]): TargetBar[] {
  const fmt = valueFormatter(ctx.indicator, ctx.lang);
  const fmtDiff = valueFormatter(ctx.indicator, ctx.lang, ctx.indicator.unit === '%' ? 'pp' : ctx.indicator.unit);
  return progress
    .filter((p) => p.latest)
    .map((p) => {
      const places = new Set(progress.map((x) => x.target.geo)).size;
      const parts = [
        p.target.group === 'totaal' ? '' : groupLabel(ctx.catalog, ctx.lang, p.target.group),
        places > 1 ? geoLabel(ctx.catalog, ctx.lang, p.target.geo) : '',
      ];
      const who = parts.filter(Boolean).join(', ');
      return {
        label: who ? `${who} → ${p.target.year}` : `→ ${p.target.year}`,
        value: p.latest!.value,
        target: p.target.value,
        latestText: `${fmt(p.latest!.value)} (${p.latest!.period})`,
        targetText: `${t(ctx.lang, 'targetShort')} ${fmt(p.target.value)}`,
        remainingText: p.reached ? t(ctx.lang, 'targetReached') : t(ctx.lang, 'targetRemaining', { value: fmtDiff(p.remaining!) }),
        reached: p.reached,
      };
    });
}

export function targetSpec(ctx: ChartContext & { progress: TargetProgress[] }): Plot.PlotOptions {
  const bars = targetBars(ctx, ctx.progress);
  const narrow = isNarrow(ctx.width);
  return {
    width: ctx.width,
    height: Math.max(190, bars.length * 90 + 70),
    marginLeft: labelMargin(
      bars.map((b) => b.label),
      ctx.width,
    ),
    marginRight: narrow ? 60 : 90,
    style: { fontSize: narrow ? '11px' : '12px' },
    x: {
      label: yAxisLabel(ctx.indicator, ctx.lang),
      grid: true,
      nice: true,
      zero: true,
      tickFormat: tickFormatter(ctx.lang),
      ticks: narrow ? 4 : undefined,
    },
    y: { label: null, domain: bars.map((b) => b.label), padding: 0.5 },
    marks: [
      Plot.barX(bars, { y: 'label', x: 'value', fill: (b: TargetBar) => (b.reached ? '#009E73' : '#0072B2'), className: 'target-bar' }),
      Plot.tickX(bars, { y: 'label', x: 'target', stroke: '#222', strokeWidth: 3, className: 'target-tick' }),
      // Both labels start at zero, above and below the bar, so they never run into the target tick.
      Plot.text(bars, { y: 'label', x: 0, text: 'latestText', dy: -24, textAnchor: 'start', fill: '#222', className: 'target-latest' }),
      Plot.text(bars, {
        y: 'label',
        x: 0,
        text: (b: TargetBar) => `${b.targetText} · ${b.remainingText}`,
        dy: 22,
        textAnchor: 'start',
        fill: '#222',
        fontWeight: 600,
        className: 'target-text',
      }),
      Plot.ruleX([0]),
    ],
  };
}
