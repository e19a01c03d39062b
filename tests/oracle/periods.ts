/**
 * Periods as docs/figure-rules.md and data/README.md describe them, parsed from their text:
 * `2019` (calendar year), `2018/2019` (school year, 1 September–31 August), `2012..2014`
 * (average over years), `2019-01` (month), `2018-04-01` (date).
 *
 * Part of the test oracle: imports nothing from src/.
 */

export type PeriodKind = 'year' | 'school_year' | 'average' | 'month' | 'date';

export interface Period {
  text: string;
  kind: PeriodKind;
  /** Spec §1: the period's first and last calendar year (`2018/2019` → 2018 and 2019). */
  yearStart: number;
  yearEnd: number;
  /** Spec §4: the years the period spans for adjacency (a school year `Y/Y+1` counts as Y..Y). */
  spanFirst: number;
  spanLast: number;
  /** First and last day, as days since 1970-01-01 (UTC). */
  startDay: number;
  endDay: number;
  /** Months since year 0 (year * 12 + month - 1), only for a month. */
  monthIndex: number | null;
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a calendar day; throws on a day that does not exist. */
export function dayNumber(year: number, month: number, day: number): number {
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) {
    throw new Error(`no such day: ${year}-${month}-${day}`);
  }
  return ms / DAY_MS;
}

function lastDayOfMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one.
  return Date.UTC(year, month, 0) / DAY_MS;
}

export function parsePeriod(text: string): Period {
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})$/.exec(text))) {
    const y = Number(m[1]);
    return {
      text,
      kind: 'year',
      yearStart: y,
      yearEnd: y,
      spanFirst: y,
      spanLast: y,
      startDay: dayNumber(y, 1, 1),
      endDay: dayNumber(y, 12, 31),
      monthIndex: null,
    };
  }
  if ((m = /^(\d{4})\/(\d{4})$/.exec(text))) {
    const y = Number(m[1]);
    if (Number(m[2]) !== y + 1) throw new Error(`school year must be Y/Y+1: ${text}`);
    return {
      text,
      kind: 'school_year',
      yearStart: y,
      yearEnd: y + 1,
      spanFirst: y,
      spanLast: y,
      startDay: dayNumber(y, 9, 1),
      endDay: dayNumber(y + 1, 8, 31),
      monthIndex: null,
    };
  }
  if ((m = /^(\d{4})\.\.(\d{4})$/.exec(text))) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (b < a) throw new Error(`average ends before it starts: ${text}`);
    return {
      text,
      kind: 'average',
      yearStart: a,
      yearEnd: b,
      spanFirst: a,
      spanLast: b,
      startDay: dayNumber(a, 1, 1),
      endDay: dayNumber(b, 12, 31),
      monthIndex: null,
    };
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(text))) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    if (mo < 1 || mo > 12) throw new Error(`no such month: ${text}`);
    return {
      text,
      kind: 'month',
      yearStart: y,
      yearEnd: y,
      spanFirst: y,
      spanLast: y,
      startDay: dayNumber(y, mo, 1),
      endDay: lastDayOfMonth(y, mo),
      monthIndex: y * 12 + mo - 1,
    };
  }
  if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text))) {
    const y = Number(m[1]);
    const day = dayNumber(y, Number(m[2]), Number(m[3]));
    return {
      text,
      kind: 'date',
      yearStart: y,
      yearEnd: y,
      spanFirst: y,
      spanLast: y,
      startDay: day,
      endDay: day,
      monthIndex: null,
    };
  }
  throw new Error(`not a period: ${JSON.stringify(text)}`);
}
