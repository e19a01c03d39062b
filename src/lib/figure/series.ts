/**
 * Stated figures → series of slots, one drawn (primary) figure per slot, the rest kept as
 * alternatives; and whether consecutive slots are adjacent (solid line) or not (dashed bridge).
 * The rules are written down in docs/figure-rules.md; tests hold them against an oracle.
 */
import type { StatedFigure } from '../queries/observations';

/** Highest first: where sources state different figures for one period, the first kind wins. */
export const SOURCE_PRIORITY = ['statistics', 'agency', 'parliament', 'research', 'press'] as const;

export interface Slot {
  /** `2016` for a calendar-year slot, else the period text (`2018/2019`, `2012..2014`, `2018-03-02`). */
  id: string;
  /** Position on the time axis, in decimal years (a calendar year sits on its tick). */
  x: number;
  /** The slot's first and last calendar year, for adjacency and year filters. */
  yearStart: number;
  yearEnd: number;
  kind: string;
  /** First and last day (ISO dates), for ordering. */
  start: string;
  end: string;
  /** The figure drawn and used in every computation. */
  primary: StatedFigure;
  /** Other figures for the same slot, by priority. */
  alternatives: StatedFigure[];
  /** True when the line from the previous slot is a dashed bridge over missing periods. */
  dashedBefore: boolean;
}

export interface Series {
  /** Stable across views and languages: `geo|group`. */
  key: string;
  geo: string;
  group: string;
  slots: Slot[];
}

const priority = (kind: string) => {
  const i = (SOURCE_PRIORITY as readonly string[]).indexOf(kind);
  return i === -1 ? SOURCE_PRIORITY.length : i;
};

/** The rows of one slot, primary first (docs/figure-rules.md §3). */
export function byPriority(rows: StatedFigure[]): StatedFigure[] {
  const stated = (v: number) => rows.filter((r) => r.value === v).length;
  return [...rows].sort(
    (a, b) =>
      priority(a.source_kind) - priority(b.source_kind) ||
      stated(b.value) - stated(a.value) ||
      b.source_year - a.source_year ||
      (a.source < b.source ? -1 : a.source > b.source ? 1 : 0),
  );
}

type SlotPlace = Pick<Slot, 'id' | 'x' | 'yearStart' | 'yearEnd' | 'kind' | 'start' | 'end'>;

function slotOf(row: StatedFigure, onYears: boolean): SlotPlace {
  const kind = row.period_kind;
  if (kind === 'year' || (onYears && (kind === 'month' || kind === 'date'))) {
    const y = row.year_end;
    return { id: String(y), x: y, yearStart: y, yearEnd: y, kind: 'year', start: `${y}-01-01`, end: `${y}-12-31` };
  }
  // A school year Y/Y+1 counts as Y for adjacency; it is drawn at its midpoint.
  const yearEnd = kind === 'school_year' ? row.year_start : row.year_end;
  return { id: row.period, x: row.period_sort, yearStart: row.year_start, yearEnd, kind, start: row.period_start, end: row.period_end };
}

const monthIndex = (period: string) => Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7));
const dayIndex = (period: string) => Date.parse(`${period}T00:00:00Z`) / 86_400_000;

/** Whether two consecutive slots are joined by a solid line (docs/figure-rules.md §4). */
export function adjacent(prev: Pick<Slot, 'id' | 'kind' | 'yearEnd'>, next: Pick<Slot, 'id' | 'kind' | 'yearStart'>): boolean {
  if (prev.kind === 'month' && next.kind === 'month') return monthIndex(next.id) - monthIndex(prev.id) === 1;
  if (prev.kind === 'date' && next.kind === 'date') return dayIndex(next.id) - dayIndex(prev.id) <= 366;
  return next.yearStart <= prev.yearEnd + 1;
}

/** Group stated figures into series (place × group) of slots, in the order the rows come. */
export function toSeries(rows: StatedFigure[]): Series[] {
  const bySeries = new Map<string, StatedFigure[]>();
  for (const r of rows) {
    const key = `${r.geo}|${r.group}`;
    bySeries.set(key, [...(bySeries.get(key) ?? []), r]);
  }
  return [...bySeries.entries()].map(([key, own]) => {
    const onYears = own.some((r) => r.period_kind === 'year');
    const bySlot = new Map<string, { slot: SlotPlace; rows: StatedFigure[] }>();
    for (const r of own) {
      const slot = slotOf(r, onYears);
      const entry = bySlot.get(slot.id) ?? { slot, rows: [] };
      entry.rows.push(r);
      bySlot.set(slot.id, entry);
    }
    // Chronological: by first day, then last day, then name.
    const ordered = [...bySlot.values()].sort(
      (a, b) => a.slot.start.localeCompare(b.slot.start) || a.slot.end.localeCompare(b.slot.end) || a.slot.id.localeCompare(b.slot.id),
    );
    const slots: Slot[] = ordered.map(({ slot, rows: slotRows }, i) => {
      const [primary, ...alternatives] = byPriority(slotRows);
      const prev = ordered[i - 1]?.slot;
      return { ...slot, primary, alternatives, dashedBefore: prev ? !adjacent(prev, slot) : false };
    });
    return { key, geo: own[0].geo, group: own[0].group, slots };
  });
}

/** Alternatives whose value differs from the slot's primary figure. */
export function disagreeing(slot: Slot): StatedFigure[] {
  return slot.alternatives.filter((a) => a.value !== slot.primary.value);
}
