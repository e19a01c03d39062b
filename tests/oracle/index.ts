/**
 * Test oracle: an independent, deliberately plain implementation of docs/figure-rules.md, read
 * straight from the curated CSV files in data/. It imports nothing from src/ or scripts/, so the
 * end-to-end tests can hold what the app shows against it.
 *
 * Conventions the spec leaves open (and the app must match):
 * - Series come in query order: places as listed in `geos`, then groups as listed in `groups`;
 *   a series without rows is left out.
 * - Slots sort by first day, then last day, then slot name (a year slot spans 1 January–31
 *   December, a school year 1 September–31 August, an average 1 January A – 31 December B).
 * - Rule 2 of the source priority counts, for each candidate value, every row of the slot with
 *   that value (numerically equal: `12` and `12.0` are one value).
 * - Alternatives are listed in the order of the same priority (best first).
 * - `years` applies to series, table, disagreements and gaps over time; comparison, ranking and
 *   targets ignore it (README: `yrs` is the range for trend, table and gap over time).
 */
import { loadData, type OracleData, type SourceKind, type TargetRow } from './load';
import { dayNumber, parsePeriod, type Period, type PeriodKind } from './periods';

export { loadData, parsePeriod };
export type { OracleData, Period, PeriodKind, SourceKind };

export interface Query {
  indicator: string;
  geos: string[];
  groups: string[];
  /** Inclusive year range `a..b`: keeps rows with year_start ≥ a and year_end ≤ b. */
  years?: [number, number] | null;
}

/** One stated figure: a row of observations.csv. */
export interface Figure {
  indicator: string;
  geo: string;
  group: string;
  period: string;
  value: number;
  source: string;
}

export interface SlotFigures {
  /** `2016` for a calendar-year slot, else the period text (`2018/2019`, `2012..2014`, `2018-03-02`, `2019-01`). */
  slot: string;
  /** The slot's last calendar year (a year slot: its year; a school year `Y/Y+1`: Y+1; `A..B`: B). */
  yearEnd: number;
  primary: Figure;
  alternatives: Figure[];
  /** §4: the line from the previous slot to this one is a dashed bridge; false for the first slot. */
  dashedBefore: boolean;
}

export interface Series {
  geo: string;
  group: string;
  slots: SlotFigures[];
}

export interface Disagreement {
  geo: string;
  group: string;
  slot: string;
  primary: Figure;
  /** Alternatives whose value differs from the primary's. */
  others: Figure[];
}

export interface Comparison {
  year: number | null;
  bars: Figure[];
}

export interface GapQuery extends Query {
  reference: string;
}

export interface Gap {
  geo: string;
  group: string;
  slot: string;
  yearEnd: number;
  reference: Figure;
  figure: Figure;
  /** Reference − group (group − reference where lower is better), rounded to six decimals. */
  gap: number;
}

export interface Ranking {
  year: number | null;
  /** One gap per place and group, for the year; largest gap first (ties: place id, then group id). */
  rows: Gap[];
}

export interface TargetBar {
  target: { id: string; indicator: string; geo: string; group: string; value: number; year: number; source: string };
  latest: Figure | null;
  /** target − latest, rounded to six decimals; null without a latest figure. */
  remaining: number | null;
}

export type View = 'trend' | 'table' | 'compare' | 'gap' | 'ranked' | 'target';

export interface Oracle {
  data: OracleData;
  /** §1–4: every series of the query, its slots in time order, one primary per slot. */
  series(q: Query): Series[];
  /** §3: per slot, the alternatives whose value differs from the primary. */
  disagreements(q: Query): Disagreement[];
  /** §5 comparison for `year` (default: the latest year any primary ends in). */
  compare(q: Query & { year?: number | null }): Comparison;
  /** §5 gap against `reference`, over time, for every place of the query. */
  gaps(q: GapQuery): Gap[];
  /** §5 gap ranked across places for `year` (default: the latest year with a gap). */
  ranked(q: GapQuery & { year?: number | null }): Ranking;
  /** §5 target: every target of the indicator in the chosen places (whatever its group). */
  targets(q: Query): TargetBar[];
  /** §6: the ids of the sources of exactly the figures the view draws, sorted, once each. */
  sourcesOf(view: View, q: Query & { reference?: string; year?: number | null }): string[];
}

const KIND_RANK: Record<SourceKind, number> = { statistics: 0, agency: 1, parliament: 2, research: 3, press: 4 };

interface Row {
  figure: Figure;
  period: Period;
}

interface Slot {
  key: string;
  kind: PeriodKind;
  spanFirst: number;
  spanLast: number;
  startDay: number;
  endDay: number;
  yearEnd: number;
  monthIndex: number | null;
  rows: Row[];
}

function round6(x: number): number {
  const r = Math.round(x * 1e6) / 1e6;
  return r === 0 ? 0 : r; // no -0
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

/** §2: the slot a period sits in; `yearSeries` when its series has a calendar-year period. */
function slotShape(p: Period, yearSeries: boolean): Omit<Slot, 'rows'> {
  if (yearSeries && (p.kind === 'year' || p.kind === 'month' || p.kind === 'date')) {
    const y = p.yearStart;
    return {
      key: String(y),
      kind: 'year',
      spanFirst: y,
      spanLast: y,
      startDay: dayNumber(y, 1, 1),
      endDay: dayNumber(y, 12, 31),
      yearEnd: y,
      monthIndex: null,
    };
  }
  return {
    key: p.text,
    kind: p.kind,
    spanFirst: p.spanFirst,
    spanLast: p.spanLast,
    startDay: p.startDay,
    endDay: p.endDay,
    yearEnd: p.yearEnd,
    monthIndex: p.monthIndex,
  };
}

/** §4: consecutive slots a, b (a before b) are joined by a solid line. */
function adjacent(a: Slot, b: Slot): boolean {
  if (a.kind === 'month' && b.kind === 'month') return b.monthIndex! - a.monthIndex! <= 1;
  if (a.kind === 'date' && b.kind === 'date') return b.startDay - a.startDay <= 366;
  return b.spanFirst <= a.spanLast + 1;
}

export function createOracle(data: OracleData): Oracle {
  const sourceById = new Map(data.sources.map((s) => [s.id, s]));
  const indicatorById = new Map(data.indicators.map((i) => [i.id, i]));

  function source(id: string) {
    const s = sourceById.get(id);
    if (!s) throw new Error(`unknown source ${id}`);
    return s;
  }

  /** §3: the slot's rows, primary first. */
  function byPriority(rows: Row[]): Row[] {
    const count = (v: number) => rows.filter((r) => r.figure.value === v).length;
    return [...rows].sort((x, y) => {
      const sx = source(x.figure.source);
      const sy = source(y.figure.source);
      return (
        KIND_RANK[sx.kind] - KIND_RANK[sy.kind] || // 1. highest source kind
        count(y.figure.value) - count(x.figure.value) || // 2. value stated by most rows of the slot
        sy.year - sx.year || // 3. published last
        (sx.id < sy.id ? -1 : sx.id > sy.id ? 1 : 0) || // 4. source id
        (x.period.text < y.period.text ? -1 : x.period.text > y.period.text ? 1 : 0) // (never reached in the data)
      );
    });
  }

  /** §1: the rows a view reads. */
  function rowsOf(q: Query): Row[] {
    return data.observations
      .filter((o) => o.indicator === q.indicator && o.sex === 'T' && q.geos.includes(o.geo) && q.groups.includes(o.group))
      .map((o) => ({
        figure: {
          indicator: o.indicator,
          geo: o.geo,
          group: o.group,
          period: o.period,
          value: o.value,
          source: o.source,
        },
        period: parsePeriod(o.period),
      }))
      .filter((r) => !q.years || (r.period.yearStart >= q.years[0] && r.period.yearEnd <= q.years[1]));
  }

  /** §2–4 for one series' rows. */
  function slotsOf(rows: Row[]): (Slot & { ordered: Row[]; dashedBefore: boolean })[] {
    const yearSeries = rows.some((r) => r.period.kind === 'year');
    const slots = new Map<string, Slot>();
    for (const row of rows) {
      const shape = slotShape(row.period, yearSeries);
      const slot = slots.get(shape.key) ?? { ...shape, rows: [] };
      slot.rows.push(row);
      slots.set(shape.key, slot);
    }
    const ordered = [...slots.values()].sort(
      (a, b) => a.startDay - b.startDay || a.endDay - b.endDay || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
    );
    return ordered.map((slot, i) => ({
      ...slot,
      ordered: byPriority(slot.rows),
      dashedBefore: i > 0 && !adjacent(ordered[i - 1], slot),
    }));
  }

  function series(q: Query): Series[] {
    const rows = rowsOf(q);
    const out: Series[] = [];
    for (const geo of unique(q.geos)) {
      for (const group of unique(q.groups)) {
        const mine = rows.filter((r) => r.figure.geo === geo && r.figure.group === group);
        if (mine.length === 0) continue;
        out.push({
          geo,
          group,
          slots: slotsOf(mine).map((s) => ({
            slot: s.key,
            yearEnd: s.yearEnd,
            primary: s.ordered[0].figure,
            alternatives: s.ordered.slice(1).map((r) => r.figure),
            dashedBefore: s.dashedBefore,
          })),
        });
      }
    }
    return out;
  }

  function disagreements(q: Query): Disagreement[] {
    const out: Disagreement[] = [];
    for (const s of series(q)) {
      for (const slot of s.slots) {
        const others = slot.alternatives.filter((a) => a.value !== slot.primary.value);
        if (others.length > 0) out.push({ geo: s.geo, group: s.group, slot: slot.slot, primary: slot.primary, others });
      }
    }
    return out;
  }

  const endOf = (f: Figure) => parsePeriod(f.period).endDay;

  /** The last of the candidates by period end; of equal ends, the later one in slot order. */
  function endingLast<T>(candidates: T[], figure: (c: T) => Figure): T | null {
    let best: T | null = null;
    for (const c of candidates) if (best === null || endOf(figure(c)) >= endOf(figure(best))) best = c;
    return best;
  }

  function compare(q: Query & { year?: number | null }): Comparison {
    const all = series({ ...q, years: null });
    const yearEnds = all.flatMap((s) => s.slots.map((slot) => parsePeriod(slot.primary.period).yearEnd));
    const year = q.year ?? (yearEnds.length > 0 ? Math.max(...yearEnds) : null);
    const bars: Figure[] = [];
    if (year !== null) {
      for (const s of all) {
        const inYear = s.slots.map((slot) => slot.primary).filter((f) => parsePeriod(f.period).yearEnd === year);
        const bar = endingLast(inYear, (f) => f);
        if (bar) bars.push(bar);
      }
    }
    return { year, bars };
  }

  function gaps(q: GapQuery): Gap[] {
    const indicator = indicatorById.get(q.indicator);
    if (!indicator) throw new Error(`unknown indicator ${q.indicator}`);
    const all = series({ ...q, groups: unique([...q.groups, q.reference]) });
    const out: Gap[] = [];
    for (const geo of unique(q.geos)) {
      const ref = all.find((s) => s.geo === geo && s.group === q.reference);
      if (!ref) continue;
      for (const group of unique(q.groups)) {
        if (group === q.reference) continue;
        const s = all.find((x) => x.geo === geo && x.group === group);
        if (!s) continue;
        for (const slot of s.slots) {
          const r = ref.slots.find((x) => x.slot === slot.slot);
          if (!r) continue;
          const diff = indicator.better === 'lower' ? slot.primary.value - r.primary.value : r.primary.value - slot.primary.value;
          out.push({
            geo,
            group,
            slot: slot.slot,
            yearEnd: slot.yearEnd,
            reference: r.primary,
            figure: slot.primary,
            gap: round6(diff),
          });
        }
      }
    }
    return out;
  }

  function ranked(q: GapQuery & { year?: number | null }): Ranking {
    const all = gaps({ ...q, years: null });
    const year = q.year ?? (all.length > 0 ? Math.max(...all.map((g) => g.yearEnd)) : null);
    const rows: Gap[] = [];
    if (year !== null) {
      for (const geo of unique(q.geos)) {
        for (const group of unique(q.groups)) {
          const inYear = all.filter((g) => g.geo === geo && g.group === group && g.yearEnd === year);
          const row = endingLast(inYear, (g) => g.figure);
          if (row) rows.push(row);
        }
      }
    }
    rows.sort(
      (a, b) => b.gap - a.gap || (a.geo < b.geo ? -1 : a.geo > b.geo ? 1 : 0) || (a.group < b.group ? -1 : a.group > b.group ? 1 : 0),
    );
    return { year, rows };
  }

  function targets(q: Query): TargetBar[] {
    const out: TargetBar[] = [];
    for (const geo of unique(q.geos)) {
      for (const t of data.targets.filter((x: TargetRow) => x.indicator === q.indicator && x.geo === geo)) {
        const primaries = series({ indicator: t.indicator, geos: [t.geo], groups: [t.group], years: null }).flatMap((s) =>
          s.slots.map((slot) => slot.primary),
        );
        const latest = endingLast(primaries, (f) => f);
        out.push({
          target: { id: t.id, indicator: t.indicator, geo: t.geo, group: t.group, value: t.value, year: t.year, source: t.source },
          latest,
          // Still to go, positive until the target is reached: below it where lower is better.
          remaining: latest
            ? round6(indicatorById.get(t.indicator)?.better === 'lower' ? latest.value - t.value : t.value - latest.value)
            : null,
        });
      }
    }
    return out;
  }

  function sourcesOf(view: View, q: Query & { reference?: string; year?: number | null }): string[] {
    let ids: string[];
    const reference = () => {
      if (!q.reference) throw new Error(`the ${view} view needs a reference group`);
      return q.reference;
    };
    switch (view) {
      case 'trend':
      case 'table':
        ids = series(q).flatMap((s) => s.slots.flatMap((slot) => [slot.primary, ...slot.alternatives].map((f) => f.source)));
        // The trend also draws the targets of the chosen groups (or of the whole population) as marks.
        if (view === 'trend') {
          ids.push(
            ...data.targets
              .filter(
                (t: TargetRow) =>
                  t.indicator === q.indicator && q.geos.includes(t.geo) && (q.groups.includes(t.group) || t.group === 'totaal'),
              )
              .map((t: TargetRow) => t.source),
          );
        }
        break;
      case 'compare': {
        // A bar and every other source's figure for the same slot (drawn as a tick where it differs).
        const same = (a: Figure, b: Figure) => a.geo === b.geo && a.group === b.group && a.period === b.period && a.source === b.source;
        const bars = compare(q).bars;
        ids = series({ ...q, years: null }).flatMap((s) =>
          s.slots
            .filter((slot) => bars.some((b) => same(b, slot.primary)))
            .flatMap((slot) => [slot.primary, ...slot.alternatives].map((f) => f.source)),
        );
        break;
      }
      case 'gap':
        ids = gaps({ ...q, reference: reference() }).flatMap((g) => [g.reference.source, g.figure.source]);
        break;
      case 'ranked':
        ids = ranked({ ...q, reference: reference() }).rows.flatMap((g) => [g.reference.source, g.figure.source]);
        break;
      case 'target':
        ids = targets(q).flatMap((t) => [t.target.source, ...(t.latest ? [t.latest.source] : [])]);
        break;
    }
    return unique(ids).sort();
  }

  return { data, series, disagreements, compare, gaps, ranked, targets, sourcesOf };
}

/** Loads data/*.csv and returns the oracle over it. */
export async function loadOracle(dataDir = 'data'): Promise<Oracle> {
  return createOracle(await loadData(dataDir));
}
