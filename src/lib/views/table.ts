/** Table: every stated figure behind the trend, the drawn one and the alternatives, each with its source. */
import type { Figure } from '../figure/types';
import { t } from '../i18n';
import { disagreementLines, figuresOfSeries, figureTable, mixedKindsCaption, sourcesOf } from './common';
import { chosenSeries, seriesSummary, trend } from './trend';
import { unitLabel } from '../charts/common';
import type { ViewModule } from './types';

export const table: ViewModule = {
  kind: 'table',
  needs: trend.needs,
  possible: trend.possible,
  figure(ctx): Figure {
    const { lang, indicator } = ctx;
    const title = t(lang, 'tableTitle', { indicator: lang === 'en' ? indicator.label_en : indicator.label_nl });
    const asTrend = trend.figure(ctx);
    if (asTrend.status !== 'ready') return { ...asTrend, view: 'table', title };
    const series = chosenSeries(ctx);
    const several = new Set(series.map((s) => s.geo)).size > 1;
    const tableOf = figureTable(ctx, series);
    return {
      ...asTrend,
      view: 'table',
      title,
      unit: unitLabel(indicator.unit, lang),
      plot: null,
      caption: mixedKindsCaption(
        ctx.catalog,
        lang,
        series.map((s) => s.group),
      ),
      notes: asTrend.notes.filter((n) => n.kind !== 'bridged'),
      sources: sourcesOf(ctx.data.sources, figuresOfSeries(series)),
      disagreements: disagreementLines(ctx, series, several).map((text) => ({ text })),
      table: tableOf,
      summary: [t(lang, 'summaryTable', { title, n: tableOf.rows.length }), seriesSummary(ctx, series, several)].join(' '),
    };
  },
};
