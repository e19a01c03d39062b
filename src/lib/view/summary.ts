/**
 * A sentence per series for screen readers (and anyone who prefers words): from the first to the
 * last figure shown, with their periods.
 */
import type { Catalog } from '../data/catalog';
import type { Indicator } from '../data/types';
import { formatValue, t } from '../i18n';
import type { ObservationRow } from '../queries/observations';
import type { Lang } from '../state/view-state';
import { seriesLabel } from '../charts/common';

export function seriesSummary(c: Catalog, indicator: Indicator, lang: Lang, rows: ObservationRow[]): string {
  const severalPlaces = new Set(rows.map((r) => r.geo)).size > 1;
  const keys = [...new Set(rows.map((r) => `${r.geo}|${r.group}`))];
  const fmt = (v: number) => formatValue(lang, v, indicator.unit, indicator.decimals);
  return keys
    .map((key) => {
      const own = rows.filter((r) => `${r.geo}|${r.group}` === key).sort((a, b) => a.period_sort - b.period_sort);
      const first = own[0];
      const last = own[own.length - 1];
      const name = seriesLabel(c, lang, first.group, first.geo, severalPlaces);
      return own.length === 1
        ? t(lang, 'summaryOne', { series: name, value: fmt(first.value), period: first.period })
        : t(lang, 'summaryMany', {
            series: name,
            n: own.length,
            first: fmt(first.value),
            firstPeriod: first.period,
            last: fmt(last.value),
            lastPeriod: last.period,
          });
    })
    .join(' ');
}
