/**
 * Checking a researcher's long rows against the catalogue: each row is accepted as an observation
 * or rejected with one reason, never dropped. Labels are kept as plain text, never evaluated.
 *
 * Places and groups the catalogue does not know are, by default, kept as the user's own (keyed
 * `own:<label>`): a monitor extract has some 300 municipalities and many origin groups the
 * catalogue lacks, and they are the point of bringing one's own file. `unknownPlaces` /
 * `unknownGroups: 'reject'` rejects them instead, for a comparison with curated figures only.
 * Either way they come back in `unmatchedPlaces` / `unmatchedGroups`. Indicators are always
 * accepted: matched to the catalogue where the id or label is one of its own, else the user's.
 */
import type { Observation } from '../data/types';
import { matchGroup, matchIndicator, matchPlace, type OwnCatalog } from './match';
import type { LongRow } from './reshape';
import { cleanLabel } from './text';
import { decimalStyle, periodStyle, readAge, readPeriod, readSex, readValue, type DecimalStyle, type PeriodStyle } from './values';

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

/** One observation of the user's file, shaped as the app's observations (without source and approximation). */
export type OwnObservation = Omit<Observation, 'source' | 'approx' | 'note_en'> & { line: number };

/** A distinct indicator, place or group of the file. */
export interface OwnName {
  /** As first written in the file. */
  text: string;
  /** The key its observations carry: the catalogue id, or `own:<label>` for the user's own. */
  key: string;
  /** The catalogue id it matched; null for the user's own. */
  id: string | null;
  /** Rows that name it, accepted or not. */
  rows: number;
  firstLine: number;
}

export interface OwnOptions {
  unknownPlaces: 'own' | 'reject';
  unknownGroups: 'own' | 'reject';
}

export interface OwnCheck {
  accepted: OwnObservation[];
  rejected: OwnRejection[];
  unmatchedPlaces: OwnName[];
  unmatchedGroups: OwnName[];
  indicators: OwnName[];
  summary: {
    rows: number;
    accepted: number;
    rejected: number;
    byReason: Partial<Record<OwnReasonCode, number>>;
    decimalStyle: DecimalStyle;
    periodStyle: PeriodStyle;
  };
}

export const DEFAULT_OWN_OPTIONS: OwnOptions = { unknownPlaces: 'own', unknownGroups: 'own' };

/** The key of a label the catalogue does not know; labels differing only in case and spacing share one. */
export function ownKey(label: string): string {
  return `own:${cleanLabel(label).toLowerCase()}`;
}

/** Distinct labels of one dimension, in order of first appearance, each matched once. */
class Names {
  private byKey = new Map<string, OwnName>();
  constructor(private match: (cell: string) => string | null) {}

  /** The name of a cell, counted once more; null for an empty cell. */
  see(cell: string, line: number): OwnName | null {
    const text = cleanLabel(cell);
    if (text === '') return null;
    const own = ownKey(text);
    let name = this.byKey.get(own);
    if (!name) {
      const id = this.match(text);
      name = { text, key: id ?? own, id, rows: 0, firstLine: line };
      this.byKey.set(own, name);
    }
    name.rows++;
    return name;
  }

  all(): OwnName[] {
    return [...this.byKey.values()];
  }
}

/** Check long rows: every row comes back accepted or rejected with one reason. */
export function checkOwnRows(rows: LongRow[], c: OwnCatalog, options: OwnOptions = DEFAULT_OWN_OPTIONS): OwnCheck {
  const decimals = decimalStyle(rows.map((r) => r.value));
  const periods = periodStyle(rows.map((r) => r.period));
  const indicators = new Names((cell) => matchIndicator(c, cell));
  const places = new Names((cell) => matchPlace(c, cell));
  const groups = new Names((cell) => matchGroup(c, cell));
  const firstLines = new Map<string, number>();
  const accepted: OwnObservation[] = [];
  const rejected: OwnRejection[] = [];

  const check = (r: LongRow): OwnReason | OwnObservation => {
    if (r.blank) return { code: 'row_empty' };
    const indicator = indicators.see(r.indicator, r.line);
    const place = places.see(r.place, r.line);
    const group = groups.see(r.group, r.line);
    if (!indicator) return { code: 'cell_empty', role: 'indicator' };
    if (!place) return { code: 'cell_empty', role: 'place' };
    if (cleanLabel(r.period) === '') return { code: 'cell_empty', role: 'period' };
    if (!group) return { code: 'cell_empty', role: 'group' };
    const period = readPeriod(r.period, periods);
    if (!period) return { code: 'period_unreadable', cell: r.period };
    const value = readValue(r.value, decimals);
    if (!value.ok) return { code: value.reason, cell: r.value };
    const sex = readSex(r.sex ?? '');
    if (!sex) return { code: 'sex_unreadable', cell: r.sex ?? '' };
    const age = readAge(r.age ?? '');
    if (age === null) return { code: 'age_unreadable', cell: r.age ?? '' };
    if (!place.id && options.unknownPlaces === 'reject') return { code: 'place_unknown', cell: r.place };
    if (!group.id && options.unknownGroups === 'reject') return { code: 'group_unknown', cell: r.group };
    const key = JSON.stringify([indicator.key, place.key, period.text, group.key, sex, age]);
    const firstLine = firstLines.get(key);
    if (firstLine !== undefined) return { code: 'duplicate', firstLine };
    firstLines.set(key, r.line);
    const note = cleanLabel(r.note ?? '');
    return {
      line: r.line,
      indicator: indicator.key,
      geo: place.key,
      period: period.text,
      period_kind: period.kind,
      period_start: period.start,
      period_end: period.end,
      period_sort: period.sort,
      year_start: period.yearStart,
      year_end: period.yearEnd,
      group: group.key,
      sex,
      age: age === '' ? null : age,
      value: value.value,
      note: note === '' ? null : note,
    };
  };

  const byReason: OwnCheck['summary']['byReason'] = {};
  for (const r of rows) {
    const result = check(r);
    if ('code' in result) {
      rejected.push({ line: r.line, column: r.column, reason: result });
      byReason[result.code] = (byReason[result.code] ?? 0) + 1;
    } else accepted.push(result);
  }
  return {
    accepted,
    rejected,
    unmatchedPlaces: places.all().filter((n) => !n.id),
    unmatchedGroups: groups.all().filter((n) => !n.id),
    indicators: indicators.all(),
    summary: {
      rows: rows.length,
      accepted: accepted.length,
      rejected: rejected.length,
      byReason,
      decimalStyle: decimals,
      periodStyle: periods,
    },
  };
}
