/** Slots, primary figures and dashed bridges (docs/figure-rules.md §2–4), on hand-made rows. */
import { describe, expect, it } from 'vitest';
import { adjacent, byPriority, disagreeing, toSeries } from '../../src/lib/figure/series';
import type { StatedFigure } from '../../src/lib/queries/observations';

/** A stated figure (synthetic); period fields written out by hand. */
function fig(period: string, value: number, source: string, kind: string, year: number, extra: Partial<StatedFigure> = {}): StatedFigure {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(period);
  const school = /^(\d{4})\/(\d{4})$/.exec(period);
  let f: Partial<StatedFigure>;
  if (school) {
    f = {
      period_kind: 'school_year',
      period_start: `${school[1]}-09-01`,
      period_end: `${school[2]}-08-31`,
      year_start: +school[1],
      year_end: +school[2],
      period_sort: +school[2] + 0.17,
    };
  } else if (m && m[3]) {
    f = { period_kind: 'date', period_start: period, period_end: period, year_start: +m[1], year_end: +m[1], period_sort: +m[1] + 0.5 };
  } else if (m && m[2]) {
    f = {
      period_kind: 'month',
      period_start: `${period}-01`,
      period_end: `${period}-28`,
      year_start: +m[1],
      year_end: +m[1],
      period_sort: +m[1] + (+m[2] - 0.5) / 12,
    };
  } else {
    f = {
      period_kind: 'year',
      period_start: `${period}-01-01`,
      period_end: `${period}-12-31`,
      year_start: +period,
      year_end: +period,
      period_sort: +period + 0.5,
    };
  }
  return {
    geo: 'vlaams_gewest',
    group: 'belgisch',
    age: null,
    note: null,
    period,
    value,
    source,
    source_kind: kind,
    source_year: year,
    ...f,
    ...extra,
  } as StatedFigure;
}

describe('which figure of a period is drawn', () => {
  it('prefers official statistics over an agency, parliament, research and the press, whatever their publication year', () => {
    const rows = [
      fig('2019', 266, 'barometer', 'research', 2021),
      fig('2019', 222, 'agency', 'agency', 2019),
      fig('2019', 230, 'paper', 'press', 2022),
    ];
    expect(byPriority(rows).map((r) => r.source)).toEqual(['agency', 'barometer', 'paper']);
    expect(byPriority([fig('2019', 1, 'p', 'parliament', 2019), fig('2019', 2, 's', 'statistics', 2010)]).map((r) => r.source)).toEqual([
      's',
      'p',
    ]);
    expect(byPriority([fig('2019', 1, 'r', 'research', 2030), fig('2019', 2, 'p', 'parliament', 2010)]).map((r) => r.source)).toEqual([
      'p',
      'r',
    ]);
  });

  it('between sources of one kind: the value most sources state, then the latest publication, then the id', () => {
    const two = [
      fig('2016', 25631, 'metro', 'press', 2017),
      fig('2016', 25574, 'hln', 'press', 2018),
      fig('2016', 25631, 'knack', 'press', 2016),
    ];
    expect(byPriority(two)[0].value).toBe(25631);
    expect(byPriority(two)[0].source).toBe('metro');
    expect(byPriority([fig('2016', 1, 'b', 'press', 2017), fig('2016', 2, 'a', 'press', 2017)])[0].source).toBe('a');
  });
});

describe('series and slots', () => {
  it('puts a year and its year-end date in one slot, so one measurement is drawn once', () => {
    const [s] = toSeries([
      fig('2016', 8.8, 'agency', 'agency', 2017),
      fig('2016-12-31', 8.9, 'paper', 'press', 2017),
      fig('2017', 9.6, 'paper', 'press', 2018),
    ]);
    expect(s.slots.map((slot) => `${slot.id}:${slot.primary.value}`)).toEqual(['2016:8.8', '2017:9.6']);
    expect(disagreeing(s.slots[0]).map((a) => a.value)).toEqual([8.9]);
    expect(s.slots.map((slot) => slot.dashedBefore)).toEqual([false, false]);
  });

  it('keeps dates apart in a series without calendar years, and orders slots in time', () => {
    const [s] = toSeries([
      fig('2018-04-01', 153, 'b', 'agency', 2018),
      fig('2018-03-02', 153, 'a', 'agency', 2018),
      fig('2020-01-28', 224, 'c', 'press', 2020),
    ]);
    expect(s.slots.map((slot) => slot.id)).toEqual(['2018-03-02', '2018-04-01', '2020-01-28']);
    // 30 days apart: solid; 667 days apart: a dashed bridge.
    expect(s.slots.map((slot) => slot.dashedBefore)).toEqual([false, false, true]);
  });

  it('dashes the line over a missing year, school year or month, never over adjacent ones', () => {
    const years = toSeries([fig('2011', 1, 's', 'press', 2012), fig('2012', 2, 's', 'press', 2013), fig('2015', 3, 's', 'press', 2016)])[0];
    expect(years.slots.map((s) => s.dashedBefore)).toEqual([false, false, true]);
    const school = toSeries([
      fig('2017/2018', 1, 's', 'press', 2019),
      fig('2018/2019', 2, 's', 'press', 2019),
      fig('2020/2021', 3, 's', 'press', 2021),
    ])[0];
    expect(school.slots.map((s) => s.dashedBefore)).toEqual([false, false, true]);
    const months = toSeries([
      fig('2019-01', 1, 's', 'press', 2019),
      fig('2019-02', 2, 's', 'press', 2019),
      fig('2019-04', 3, 's', 'press', 2019),
    ])[0];
    expect(months.slots.map((s) => s.dashedBefore)).toEqual([false, false, true]);
  });

  it('separates places and groups into their own series', () => {
    const series = toSeries([
      fig('2017', 55.1, 'n', 'press', 2020, { geo: 'gent', group: 'niet_eu' }),
      fig('2017', 73, 'n', 'press', 2020),
      fig('2017', 55.1, 'n', 'press', 2020, { group: 'niet_eu' }),
    ]);
    expect(series.map((s) => s.key)).toEqual(['gent|niet_eu', 'vlaams_gewest|belgisch', 'vlaams_gewest|niet_eu']);
  });

  it('adjacency: a date at most 366 days after the last, a month exactly one month after', () => {
    expect(adjacent({ id: '2019-01-01', kind: 'date', yearEnd: 2019 }, { id: '2020-01-02', kind: 'date', yearStart: 2020 })).toBe(true);
    expect(adjacent({ id: '2019-01-01', kind: 'date', yearEnd: 2019 }, { id: '2020-01-03', kind: 'date', yearStart: 2020 })).toBe(false);
    expect(adjacent({ id: '2019-12', kind: 'month', yearEnd: 2019 }, { id: '2020-01', kind: 'month', yearStart: 2020 })).toBe(true);
    expect(adjacent({ id: '2012..2014', kind: 'average', yearEnd: 2014 }, { id: '2015', kind: 'year', yearStart: 2015 })).toBe(true);
    expect(adjacent({ id: '2012..2014', kind: 'average', yearEnd: 2014 }, { id: '2016', kind: 'year', yearStart: 2016 })).toBe(false);
  });
});
