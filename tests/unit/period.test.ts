import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../src/lib/data/period';

describe('parsePeriod', () => {
  it('reads the four period forms', () => {
    expect(parsePeriod('2019')).toMatchObject({ kind: 'year', start: '2019-01-01', end: '2019-12-31' });
    expect(parsePeriod('2018/2019')).toMatchObject({
      kind: 'school_year',
      start: '2018-09-01',
      end: '2019-08-31',
      yearStart: 2018,
      yearEnd: 2019,
    });
    expect(parsePeriod('2018-04-01')).toMatchObject({ kind: 'date', start: '2018-04-01' });
    expect(parsePeriod('2012..2014')).toMatchObject({ kind: 'average', yearStart: 2012, yearEnd: 2014, sort: 2013.5 });
    expect(parsePeriod('2019-02')).toMatchObject({ kind: 'month', start: '2019-02-01', end: '2019-02-28' });
  });

  it('sorts mixed kinds in time order', () => {
    const texts = ['2019', '2018-04-01', '2012..2014', '2017/2018', '2018'];
    const sorted = texts
      .map((t) => parsePeriod(t)!)
      .sort((a, b) => a.sort - b.sort)
      .map((p) => p.text);
    expect(sorted).toEqual(['2012..2014', '2017/2018', '2018-04-01', '2018', '2019']);
  });

  it('rejects impossible periods', () => {
    for (const bad of ['2019-02-30', '2019-13', '2018/2020', '2014..2012', '19', 'twintig', '2019 ']) {
      expect(parsePeriod(bad.trimEnd() === bad ? bad : bad + 'x')).toBeNull();
    }
  });
});
