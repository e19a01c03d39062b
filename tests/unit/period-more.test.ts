/** Periods: exact dates and time-axis positions, the year bounds, and the edges of each form. */
import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../src/lib/data/period';

describe('parsePeriod: where each period sits on the time axis', () => {
  it('puts a calendar year at its middle', () => {
    expect(parsePeriod('2019')).toEqual({
      text: '2019',
      kind: 'year',
      start: '2019-01-01',
      end: '2019-12-31',
      sort: 2019.5,
      yearStart: 2019,
      yearEnd: 2019,
    });
  });

  it('runs a school year from 1 September to 31 August, plotted at about 1 March', () => {
    expect(parsePeriod('2018/2019')).toEqual({
      text: '2018/2019',
      kind: 'school_year',
      start: '2018-09-01',
      end: '2019-08-31',
      sort: 2019 + 1 / 6,
      yearStart: 2018,
      yearEnd: 2019,
    });
  });

  it('spans an average from 1 January of its first year to 31 December of its last, plotted at the middle', () => {
    expect(parsePeriod('2012..2014')).toEqual({
      text: '2012..2014',
      kind: 'average',
      start: '2012-01-01',
      end: '2014-12-31',
      sort: 2013.5,
      yearStart: 2012,
      yearEnd: 2014,
    });
    expect(parsePeriod('2010..2011')).toMatchObject({ start: '2010-01-01', end: '2011-12-31', sort: 2011 });
  });

  it('spans a month to its last day and plots it at the 15th', () => {
    // 2019-01-15 is day 14 of a 365-day year.
    expect(parsePeriod('2019-01')).toEqual({
      text: '2019-01',
      kind: 'month',
      start: '2019-01-01',
      end: '2019-01-31',
      sort: 2019 + 14 / 365,
      yearStart: 2019,
      yearEnd: 2019,
    });
    expect(parsePeriod('2019-04')).toMatchObject({ start: '2019-04-01', end: '2019-04-30' });
    expect(parsePeriod('2019-12')).toMatchObject({ start: '2019-12-01', end: '2019-12-31', sort: 2019 + 348 / 365 });
    // February has 29 days in a leap year.
    expect(parsePeriod('2020-02')).toMatchObject({ end: '2020-02-29', sort: 2020 + 45 / 366 });
  });

  it('plots a reference date at its own day of the year, counting 29 February only in leap years', () => {
    expect(parsePeriod('2018-04-01')).toEqual({
      text: '2018-04-01',
      kind: 'date',
      start: '2018-04-01',
      end: '2018-04-01',
      sort: 2018 + 90 / 365,
      yearStart: 2018,
      yearEnd: 2018,
    });
    // Divisible by 4: leap year.
    expect(parsePeriod('2020-03-01')!.sort).toBe(2020 + 60 / 366);
    // Divisible by 100 but not by 400: no leap year.
    expect(parsePeriod('1900-03-01')!.sort).toBe(1900 + 59 / 365);
    expect(parsePeriod('2100-12-31')!.sort).toBe(2100 + 364 / 365);
    // Divisible by 400: leap year.
    expect(parsePeriod('2000-03-01')!.sort).toBe(2000 + 60 / 366);
    expect(parsePeriod('2000-12-31')!.sort).toBe(2000 + 365 / 366);
    // Not divisible by 4: no leap year.
    expect(parsePeriod('2019-03-01')!.sort).toBe(2019 + 59 / 365);
    expect(parsePeriod('2024-01-01')!.sort).toBe(2024);
  });

  it('reads a period written with surrounding spaces as the period itself', () => {
    expect(parsePeriod('  2019 ')).toMatchObject({ text: '2019', kind: 'year' });
    expect(parsePeriod(' 2018-04-01\t')).toMatchObject({ text: '2018-04-01', start: '2018-04-01', end: '2018-04-01' });
  });
});

describe('parsePeriod: what it refuses', () => {
  it('accepts the years 1900 to 2100 and no others, in every form', () => {
    expect(parsePeriod('1900')).toMatchObject({ yearStart: 1900 });
    expect(parsePeriod('2100')).toMatchObject({ yearStart: 2100 });
    for (const bad of ['1899', '2101', '0000', '9999']) expect(parsePeriod(bad), bad).toBeNull();

    expect(parsePeriod('1900/1901')).toMatchObject({ kind: 'school_year' });
    expect(parsePeriod('1899/1900')).toBeNull();

    expect(parsePeriod('1900..2100')).toMatchObject({ kind: 'average' });
    expect(parsePeriod('1899..1901')).toBeNull();
    expect(parsePeriod('2099..2101')).toBeNull();

    expect(parsePeriod('1900-01')).toMatchObject({ kind: 'month' });
    expect(parsePeriod('1899-06')).toBeNull();
    expect(parsePeriod('2101-06')).toBeNull();

    expect(parsePeriod('2100-12-31')).toMatchObject({ kind: 'date' });
    expect(parsePeriod('1899-06-15')).toBeNull();
    expect(parsePeriod('2101-06-15')).toBeNull();
  });

  it('refuses a school year that is not two consecutive years', () => {
    expect(parsePeriod('2019/2019')).toBeNull();
    expect(parsePeriod('2019/2018')).toBeNull();
    expect(parsePeriod('2018/2020')).toBeNull();
  });

  it('refuses an average over a single year or a reversed range', () => {
    expect(parsePeriod('2014..2014')).toBeNull();
    expect(parsePeriod('2014..2012')).toBeNull();
  });

  it('refuses month 00 and 13 but accepts 01 and 12', () => {
    expect(parsePeriod('2019-00')).toBeNull();
    expect(parsePeriod('2019-13')).toBeNull();
    expect(parsePeriod('2019-01')).not.toBeNull();
    expect(parsePeriod('2019-12')).not.toBeNull();
  });

  it('refuses dates that do not exist', () => {
    for (const bad of ['2019-02-29', '2019-04-31', '2019-00-10', '2019-13-01', '2019-01-00', '2019-01-32']) {
      expect(parsePeriod(bad), bad).toBeNull();
    }
    expect(parsePeriod('2020-02-29')).toMatchObject({ kind: 'date', start: '2020-02-29' });
  });

  it('refuses text before or after a period', () => {
    for (const bad of [
      'x2019',
      '2019x',
      'jaar 2018/2019',
      '2018/2019 (schooljaar)',
      'ca. 2012..2014',
      '2012..2014 gemiddeld',
      'x2019-01',
      '2019-01x',
      'x2018-04-01',
      '2018-04-01x',
      '2018-04-01T00:00',
      '12018-04-01',
    ]) {
      expect(parsePeriod(bad), bad).toBeNull();
    }
  });

  it('refuses an empty text and other separators', () => {
    for (const bad of ['', '   ', '2018-2019', '2012...2014', '2012.2014', '2019/01', '2019-1', '2019-1-1']) {
      expect(parsePeriod(bad), bad).toBeNull();
    }
  });
});
