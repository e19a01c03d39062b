/**
 * What checking a researcher's file gives (the checks run in DuckDB: sql.ts, lookups.ts and
 * pipeline.ts): each figure is accepted as an observation or rejected with one reason, never
 * dropped. Labels are kept as plain text, never evaluated.
 *
 * Places and groups the catalogue does not know are, by default, kept as the user's own (keyed
 * `own:<label>`): a monitor extract has some 300 municipalities and many origin groups the
 * catalogue lacks, and they are the point of bringing one's own file. `unknownPlaces` /
 * `unknownGroups: 'reject'` rejects them instead, for a comparison with curated figures only.
 * Either way they come back in `unmatchedPlaces` / `unmatchedGroups`. Indicators are always
 * accepted: matched to the catalogue where the id or label is one of its own, else the user's.
 */
import { cleanLabel } from './text';
import type { DecimalStyle, PeriodStyle } from './values';

export type OwnReason =
  | { code: 'row_empty' }
  | { code: 'cell_empty'; role: 'indicator' | 'place' | 'period' | 'group' }
  | { code: 'period_unreadable'; cell: string }
  | { code: 'no_figure'; cell: string }
  | { code: 'value_not_a_number'; cell: string }
  | { code: 'sex_unreadable'; cell: string }
  | { code: 'age_unreadable'; cell: string }
  | { code: 'place_unknown'; cell: string }
  | { code: 'group_unknown'; cell: string }
  | { code: 'duplicate'; firstLine: number };

export type OwnReasonCode = OwnReason['code'];

export interface OwnRejection {
  line: number;
  /** The column (0-based) of the figure's cell. */
  column: number;
  reason: OwnReason;
}

/** A distinct indicator, place or group of the file. */
export interface OwnName {
  /** As first written in the file. */
  text: string;
  /** The key its observations carry: the catalogue id, or `own:<label>` for the user's own. */
  key: string;
  /** The catalogue id it matched; null for the user's own. */
  id: string | null;
  /** Figures that name it, accepted or not. */
  rows: number;
  firstLine: number;
}

export interface OwnOptions {
  unknownPlaces: 'own' | 'reject';
  unknownGroups: 'own' | 'reject';
}

export interface OwnCheck {
  /** The first rejections, by line and column (all of them: rejectionsOf in pipeline.ts). */
  rejected: OwnRejection[];
  /** Every place of the file (each becomes a place of the user's own, named after it). */
  places: OwnName[];
  unmatchedPlaces: OwnName[];
  unmatchedGroups: OwnName[];
  indicators: OwnName[];
  /** Per indicator key: the most decimals an accepted figure is written with. */
  decimals: Map<string, number>;
  summary: {
    /** Figures checked: a row of a long file, a cell of a wide one. */
    rows: number;
    accepted: number;
    rejected: number;
    byReason: Partial<Record<OwnReasonCode, number>>;
    decimalStyle: DecimalStyle;
    periodStyle: PeriodStyle;
    /** The lines the accepted figures are on, first and last; null when none is. */
    acceptedLines: [number, number] | null;
  };
}

export const DEFAULT_OWN_OPTIONS: OwnOptions = { unknownPlaces: 'own', unknownGroups: 'own' };

/** The key of a label the catalogue does not know; labels differing only in case and spacing share one. */
export function ownKey(label: string): string {
  return `own:${cleanLabel(label).toLowerCase()}`;
}
