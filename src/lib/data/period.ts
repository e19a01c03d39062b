/**
 * Periods as sources state them: a calendar year (2019), a school year (2018/2019),
 * a month (2019-01, when a source names no day), a reference date (2018-04-01) or an
 * average over years (2012..2014).
 * Each is mapped to a start and end date and a sortable decimal year (its midpoint),
 * so mixed kinds sort and plot on one time axis.
 */

export type PeriodKind = 'year' | 'school_year' | 'month' | 'date' | 'average';

export interface Period {
  text: string;
  kind: PeriodKind;
  /** ISO date of the first day. */
  start: string;
  /** ISO date of the last day. */
  end: string;
  /** Midpoint as a decimal year, for sorting and plotting. */
  sort: number;
  yearStart: number;
  yearEnd: number;
}

const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function dayOfYear(y: number, m: number, d: number): number {
  return (Date.UTC(y, m - 1, d) - Date.UTC(y, 0, 1)) / 86_400_000;
}

function decimalYear(y: number, m: number, d: number): number {
  return y + dayOfYear(y, m, d) / (isLeap(y) ? 366 : 365);
}

function validYear(y: number): boolean {
  return Number.isInteger(y) && y >= MIN_YEAR && y <= MAX_YEAR;
}

/** Parse a period; returns null when the text is not one of the four forms. */
export function parsePeriod(text: string): Period | null {
  const t = text.trim();
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})$/.exec(t))) {
    const y = Number(m[1]);
    if (!validYear(y)) return null;
    return { text: t, kind: 'year', start: `${y}-01-01`, end: `${y}-12-31`, sort: y + 0.5, yearStart: y, yearEnd: y };
  }
  if ((m = /^(\d{4})\/(\d{4})$/.exec(t))) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (!validYear(a) || b !== a + 1) return null;
    // A Flemish school year runs from 1 September to 31 August; its midpoint is about 1 March.
    return { text: t, kind: 'school_year', start: `${a}-09-01`, end: `${b}-08-31`, sort: a + 1 + 1 / 6, yearStart: a, yearEnd: b };
  }
  if ((m = /^(\d{4})\.\.(\d{4})$/.exec(t))) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (!validYear(a) || !validYear(b) || b <= a) return null;
    return { text: t, kind: 'average', start: `${a}-01-01`, end: `${b}-12-31`, sort: (a + b + 1) / 2, yearStart: a, yearEnd: b };
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(t))) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    if (!validYear(y) || mo < 1 || mo > 12) return null;
    const last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
    const mm = String(mo).padStart(2, '0');
    return {
      text: t,
      kind: 'month',
      start: `${y}-${mm}-01`,
      end: `${y}-${mm}-${last}`,
      sort: decimalYear(y, mo, 15),
      yearStart: y,
      yearEnd: y,
    };
  }
  if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t))) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    const date = new Date(Date.UTC(y, mo - 1, d));
    if (!validYear(y) || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
    return { text: t, kind: 'date', start: t, end: t, sort: decimalYear(y, mo, d), yearStart: y, yearEnd: y };
  }
  return null;
}
