/** Reading the cells of a researcher's own file: figures in both notations, missing markers, periods, sex and age. */
import { describe, expect, it } from 'vitest';
import { countedDecimalStyle, isMissing, periodStyle, readAge, readPeriod, readSex, readValue } from '../../src/lib/own/values';

const value = (cell: string, style?: 'comma' | 'point') => {
  const r = readValue(cell, style);
  return r.ok ? r.value : r.reason;
};

describe('readValue', () => {
  it('reads a decimal comma and a decimal point', () => {
    expect(value('12,5')).toBe(12.5);
    expect(value('12.5')).toBe(12.5);
    expect(value('0,125')).toBe(0.125);
    expect(value('3.14159')).toBe(3.14159);
    expect(value('75')).toBe(75);
  });

  it('reads thousands separators in both styles, and spaces (also non-breaking) between thousands', () => {
    expect(value('1.234,5')).toBe(1234.5);
    expect(value('1,234.5')).toBe(1234.5);
    expect(value('1.234.567')).toBe(1234567);
    expect(value('1,234,567')).toBe(1234567);
    expect(value('1.234.567,89')).toBe(1234567.89);
    expect(value('1 234,5')).toBe(1234.5);
    expect(value('1\u00a0234,5')).toBe(1234.5);
    expect(value('1\u202f234\u202f567')).toBe(1234567);
  });

  it('settles 1.234 and 1,234 by the file style only', () => {
    expect(value('1.234', 'comma')).toBe(1234);
    expect(value('1,234', 'comma')).toBe(1.234);
    expect(value('1.234', 'point')).toBe(1.234);
    expect(value('1,234', 'point')).toBe(1234);
    // Self-describing cells read the same in either style.
    expect(value('12.5', 'comma')).toBe(12.5);
    expect(value('12,5', 'point')).toBe(12.5);
    expect(value('1.234,5', 'point')).toBe(1234.5);
  });

  it('drops a percent sign and spaces, and reads signs', () => {
    expect(value('12,5%')).toBe(12.5);
    expect(value(' 12,5 % ')).toBe(12.5);
    expect(value('12,5\u00a0%')).toBe(12.5);
    expect(value('-3,2')).toBe(-3.2);
    expect(value('\u22123,2')).toBe(-3.2);
    expect(value('+3,2')).toBe(3.2);
  });

  it('reads missing markers as "no figure", never as zero', () => {
    for (const cell of ['', '  ', '-', '–', '.', '..', '…', '...', 'n.b.', 'N.B.', 'nb', 'nvt', 'n.v.t.', 'NA', 'n/a', 'n.a.']) {
      expect(value(cell), cell).toBe('no_figure');
      expect(isMissing(cell), cell).toBe(true);
    }
    expect(isMissing('0')).toBe(false);
    expect(value('0')).toBe(0);
  });

  it('rejects anything else as not a number', () => {
    for (const cell of [
      'abc',
      '12,5,6',
      '1.23.4',
      '12 5',
      '1e3',
      '12,5 kg',
      '=1+1',
      '(12,5)',
      ',5',
      '12,',
      '1.234,5.6',
      '--3',
      'NaN',
      'Infinity',
    ]) {
      expect(value(cell), cell).toBe('value_not_a_number');
    }
  });
});

describe('countedDecimalStyle', () => {
  const decimalStyle = (cells: string[]) => countedDecimalStyle(cells.map((cell) => ({ cell, n: 1 })));
  it('follows the cells that state their decimal mark, and a decimal comma when none or as many do', () => {
    expect(decimalStyle(['12,5', '3,1', '1.234'])).toBe('comma');
    expect(decimalStyle(['12.5', '3.1', '1,234'])).toBe('point');
    expect(decimalStyle(['1.234'])).toBe('comma');
    expect(decimalStyle(['1,234', '7'])).toBe('comma');
    expect(decimalStyle([])).toBe('comma');
    expect(decimalStyle(['1,5', '1.5'])).toBe('comma');
    // Thousands written with points state a decimal comma; with commas, a decimal point.
    expect(decimalStyle(['1.234.567', '2.345.678', '1.5'])).toBe('comma');
    expect(decimalStyle(['1,234,567', '2,345,678', '1,5'])).toBe('point');
  });

  it('counts each distinct cell as often as the file holds it', () => {
    // One cell stating a point, held three times, outweighs two cells stating a comma once each.
    expect(
      countedDecimalStyle([
        { cell: '12.5', n: 3 },
        { cell: '3,1', n: 1 },
        { cell: '4,2', n: 1 },
      ]),
    ).toBe('point');
    expect(
      countedDecimalStyle([
        { cell: '12.5', n: 2 },
        { cell: '3,1', n: 1 },
        { cell: '4,2', n: 1 },
      ]),
    ).toBe('comma');
  });
});

describe('readPeriod', () => {
  const text = (cell: string, style?: 'month' | 'school_year') => readPeriod(cell, style)?.text ?? null;

  it('reads the forms of period.ts', () => {
    expect(readPeriod('2019')).toMatchObject({ text: '2019', kind: 'year', yearStart: 2019, yearEnd: 2019 });
    expect(readPeriod('2018/2019')).toMatchObject({ text: '2018/2019', kind: 'school_year', start: '2018-09-01', end: '2019-08-31' });
    expect(readPeriod('2012..2014')).toMatchObject({ kind: 'average', yearStart: 2012, yearEnd: 2014 });
    expect(readPeriod('2018-04-01')).toMatchObject({ kind: 'date', start: '2018-04-01' });
    expect(readPeriod('2019-03')).toMatchObject({ kind: 'month', start: '2019-03-01', end: '2019-03-31' });
  });

  it('reads school years as Flemish tables write them', () => {
    expect(text('2019-2020')).toBe('2019/2020');
    expect(text('2019 - 2020')).toBe('2019/2020');
    expect(text('2019–2020')).toBe('2019/2020');
    expect(text('2019/20')).toBe('2019/2020');
    expect(text('2019-20')).toBe('2019/2020');
    expect(text('schooljaar 2019-2020')).toBe('2019/2020');
    expect(text('Schooljaar 2009-10')).toBe('2009/2010');
  });

  it('reads 2011-12 as a month unless the file writes school years so', () => {
    expect(readPeriod('2011-12')).toMatchObject({ kind: 'month', start: '2011-12-01' });
    expect(readPeriod('2011-12', 'school_year')).toMatchObject({ kind: 'school_year', text: '2011/2012' });
  });

  it('reads a Belgian date, day first', () => {
    expect(text('1/4/2018')).toBe('2018-04-01');
    expect(text('01.04.2018')).toBe('2018-04-01');
    expect(text('31-12-2018')).toBe('2018-12-31');
  });

  it('reads nothing else', () => {
    for (const cell of ['abc', '19', '2019-2021', '2019/21', '2019/2021', '31/02/2018', '2019-13', '1850', '2019.5', 'twintig']) {
      expect(readPeriod(cell), cell).toBeNull();
    }
  });
});

describe('periodStyle', () => {
  it('takes YYYY-NN for school years only when every such cell is one', () => {
    expect(periodStyle(['2010-11', '2011-12', '2012-13'])).toBe('school_year');
    expect(periodStyle(['2019-01', '2019-02'])).toBe('month');
    expect(periodStyle(['2011-12', '2019-05'])).toBe('month');
    expect(periodStyle(['2019', '2020'])).toBe('month');
  });
});

describe('readSex and readAge', () => {
  it('reads sex in Dutch and English; an empty cell is everyone', () => {
    expect(['M', 'man', 'Mannen', 'male', 'V', 'vrouw', 'Vrouwen', 'F', 'female', 'T', 'Totaal', 'total', ''].map(readSex)).toEqual([
      'M',
      'M',
      'M',
      'M',
      'F',
      'F',
      'F',
      'F',
      'F',
      'T',
      'T',
      'T',
      'T',
    ]);
    expect(readSex('X')).toBeNull();
    expect(readSex('onbekend')).toBeNull();
  });

  it('reads age groups as the data model writes them', () => {
    expect(readAge('20-64')).toBe('20-64');
    expect(readAge('20-64 jaar')).toBe('20-64');
    expect(readAge('20 tot 64 jaar')).toBe('20-64');
    expect(readAge('20–64 years')).toBe('20-64');
    expect(readAge('65+')).toBe('65+');
    expect(readAge('65 jaar en ouder')).toBe('65+');
    expect(readAge('65 and over')).toBe('65+');
    expect(readAge('')).toBe('');
    expect(readAge('jongeren')).toBeNull();
    expect(readAge('totaal')).toBeNull();
  });
});
