/** Table: every stated figure behind the trend, the drawn one and the alternatives, each with its source. */
import type { Figure } from '../figure/types';
import { t } from '../i18n';
import { figuresOfSeries, slotRows, sourcesOf } from './common';
import { chosenSeries, seriesSummary, trend } from './trend';
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
    // The trend's Figure already holds the table, caption and disagreements; the table names
    // only the figures' sources, since it draws no target marks.
    const series = chosenSeries(ctx);
    return {
      ...asTrend,
      view: 'table',
      title,
      plot: null,
      // Dashes, hollow dots and target marks are the chart's; the table says "other source" itself.
      notes: asTrend.notes.filter((n) => n.kind !== 'bridged' && n.kind !== 'alternatives' && n.kind !== 'target'),
      sources: sourcesOf(ctx.data.sources, figuresOfSeries(series)),
      // The table lists every stated figure, also other sources' equal ones.
      rows: series.flatMap((x) => slotRows(ctx, x.slots, true)),
      summary: [
        t(lang, 'summaryTable', { title, n: asTrend.table.rows.length }),
        seriesSummary(ctx, series, new Set(series.map((s) => s.geo)).size > 1),
      ].join(' '),
    };
  },
};
