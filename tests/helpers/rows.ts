/** Synthetic rows for chart and view-model tests (labelled synthetic; never shown to users). */
import type { GapRow, ObservationRow } from '../../src/lib/queries/observations';

export function row(group: string, year: number, value: number, extra: Partial<ObservationRow> = {}): ObservationRow {
  return {
    geo: 'vlaams_gewest',
    period: String(year),
    period_kind: 'year',
    period_sort: year + 0.5,
    year_start: year,
    year_end: year,
    group,
    age: null,
    value,
    source: 'old',
    note: null,
    n_sources: 1,
    min_value: value,
    max_value: value,
    ...extra,
  };
}

export function gapRow(group: string, year: number, reference: number, value: number, geo = 'vlaams_gewest'): GapRow {
  return {
    geo,
    period: String(year),
    period_kind: 'year',
    period_sort: year + 0.5,
    year_end: year,
    group,
    reference_value: reference,
    value,
    gap: Math.round((reference - value) * 1e6) / 1e6,
    reference_source: 'old',
    source: 'old',
  };
}
