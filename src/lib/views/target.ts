/** Progress to target: where the indicator last stood, the target and its year, the distance left. */
import { defaultGroups, geosWithData, groupsWithData, targetsFor, type Catalog } from '../data/catalog';
import type { Target } from '../data/types';
import type { Figure, FigureRow } from '../figure/types';
import { targetSpec, type TargetBar } from '../charts/target';
import { t } from '../i18n';
import type { ViewState } from '../state/view-state';
import type { StatedFigure } from '../queries/observations';
import {
  approxNotes,
  statedRow,
  emptyFigure,
  fmtFigure,
  fmtValue,
  geoName,
  groupName,
  latestSlot,
  placesText,
  sourcesOf,
  suggestion,
} from './common';
import { unitLabel } from '../charts/common';
import type { ViewModule } from './types';

export interface TargetProgress {
  target: Target;
  latest: StatedFigure | null;
  /** Target minus latest, in the indicator's unit; positive while the target is not reached. */
  remaining: number | null;
  reached: boolean;
}

function targetsOf(c: Catalog, s: ViewState): Target[] {
  return targetsFor(c, s.indicator, s.geos);
}

export const target: ViewModule = {
  kind: 'target',
  needs: (c, s) => {
    const groups = [...new Set(targetsOf(c, s).map((tg) => tg.group))];
    return { indicator: s.indicator, geos: s.geos, groups: groups.length ? groups : s.groups, years: null };
  },
  possible: (c, s) => targetsOf(c, s).some((tg) => groupsWithData(c, s.indicator, [tg.geo]).includes(tg.group)),
  figure(ctx): Figure {
    const { catalog: c, state: s, lang, indicator } = ctx;
    const name = lang === 'en' ? indicator.label_en : indicator.label_nl;
    const title = t(lang, 'targetTitle', { indicator: name, geo: placesText(ctx, s.geos) });
    const targets = targetsOf(c, s);
    if (targets.length === 0) {
      const withTargets = [...new Set(c.targets.map((tg) => tg.indicator))]
        .map((id) => c.indicators.find((i) => i.id === id))
        .filter((i) => i && i.domain === indicator.domain && geosWithData(c, i.id).length > 0);
      const suggestions = withTargets.slice(0, 3).map((i) => {
        const geos = [...new Set(c.targets.filter((tg) => tg.indicator === i!.id).map((tg) => tg.geo))].slice(0, 1);
        const next: ViewState = { ...s, indicator: i!.id, geos, groups: defaultGroups(c, i!.id, geos), years: null, year: null, ref: null };
        return suggestion(lang, 'suggestIndicator', next, { indicator: lang === 'en' ? i!.label_en : i!.label_nl });
      });
      return emptyFigure(
        ctx,
        title,
        t(lang, 'empty_noTargets', { geo: placesText(ctx, s.geos) }),
        suggestions.length ? suggestions : [suggestion(lang, 'suggestTrend', { ...s, view: 'trend' })],
      );
    }
    const progress: TargetProgress[] = targets.map((tg) => {
      const series = ctx.series.find((x) => x.geo === tg.geo && x.group === tg.group);
      const latest = series ? (latestSlot(series)?.primary ?? null) : null;
      // What is still to go, positive while the target is not reached (for either direction).
      const toGo = latest ? (indicator.better === 'lower' ? latest.value - tg.value : tg.value - latest.value) : null;
      const remaining = toGo === null ? null : Math.round(toGo * 1e6) / 1e6;
      return { target: tg, latest, remaining, reached: remaining !== null && remaining <= 0 };
    });
    const withFigures = progress.filter((p) => p.latest);
    const missing = progress
      .filter((p) => !p.latest)
      .map((p) => ({
        kind: 'missing' as const,
        text: t(lang, 'targetMissing', {
          target: lang === 'en' ? p.target.label_en : p.target.label_nl,
          group: groupName(c, lang, p.target.group),
          place: geoName(c, lang, p.target.geo),
        }),
      }));
    if (withFigures.length === 0) {
      return emptyFigure(
        ctx,
        title,
        t(lang, 'empty_noTargetFigures'),
        [suggestion(lang, 'suggestTrend', { ...s, view: 'trend' })],
        missing,
      );
    }
    const diffUnit = indicator.unit === '%' ? 'pp' : indicator.unit;
    const places = new Set(withFigures.map((p) => p.target.geo)).size;
    const bars: TargetBar[] = withFigures.map((p) => {
      const who = [p.target.group === 'totaal' ? '' : groupName(c, lang, p.target.group), places > 1 ? geoName(c, lang, p.target.geo) : '']
        .filter(Boolean)
        .join(', ');
      return {
        label: who ? `${who} → ${p.target.year}` : `→ ${p.target.year}`,
        value: p.latest!.value,
        target: p.target.value,
        latestText: `${fmtFigure(ctx, p.latest!)} (${p.latest!.period})`,
        targetText: `${t(lang, 'targetShort')} ${fmtValue(ctx, p.target.value)}`,
        remainingText: p.reached
          ? t(lang, 'targetReached')
          : t(lang, 'targetRemaining', { value: fmtFigure(ctx, { value: p.remaining!, approx: p.latest!.approx }, diffUnit) }),
        reached: p.reached,
      };
    });
    return {
      status: 'ready',
      view: 'target',
      indicator: indicator.id,
      rows: withFigures.flatMap((p): FigureRow[] => [
        statedRow(indicator.id, indicator.unit, p.latest!),
        {
          measure: 'target',
          indicator: indicator.id,
          geo: p.target.geo,
          group: p.target.group,
          period: String(p.target.year),
          value: p.target.value,
          unit: indicator.unit,
          approx: false,
          sources: [p.target.source],
        },
      ]),
      title,
      subtitle: '',
      unit: unitLabel(indicator.unit, lang),
      series: [],
      caption: null,
      plot: (width) => targetSpec({ indicator, lang, width, bars }),
      notes: [
        ...withFigures.map((p) => ({
          kind: 'target' as const,
          text: t(lang, 'targetNote', { target: lang === 'en' ? p.target.label_en : p.target.label_nl }),
        })),
        ...approxNotes(
          lang,
          withFigures.map((p) => p.latest!),
        ),
        ...missing,
      ],
      sources: sourcesOf(
        ctx.data.sources,
        withFigures.map((p) => p.latest!),
        withFigures.map((p) => p.target.source),
      ),
      disagreements: [],
      table: {
        columns: [
          { key: 'label', label: t(lang, 'col_target') },
          { key: 'latest', label: t(lang, 'col_latest'), numeric: true },
          { key: 'target', label: t(lang, 'col_targetValue'), numeric: true },
          { key: 'remaining', label: t(lang, 'col_remaining'), numeric: true },
        ],
        rows: bars.map((b, i) => ({
          key: withFigures[i].target.id,
          primary: true,
          cells: { label: b.label, latest: b.latestText, target: fmtValue(ctx, b.target), remaining: b.remainingText },
          values: { latest: b.value, target: b.target, remaining: withFigures[i].remaining },
        })),
      },
      summary: [
        t(lang, 'summaryIntro', { title }),
        bars.map((b) => `${b.label}: ${b.latestText}, ${b.targetText}, ${b.remainingText}.`).join(' '),
      ].join(' '),
      message: null,
      suggestions: [],
    };
  },
};
