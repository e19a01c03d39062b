/** Messages with variables, labels from the data, and numbers as a Dutch or English reader expects them. */
import { describe, expect, it } from 'vitest';
import { formatNumber, formatValue, label, t } from '../../src/lib/i18n';

describe('t', () => {
  it('fills in every variable, in Dutch and in English', () => {
    const vars = { series: 'Niet-EU-herkomst', n: 3, first: '50,5 %', firstPeriod: '2014', last: '55,1 %', lastPeriod: '2017' };
    expect(t('nl', 'summaryMany', vars)).toBe('Niet-EU-herkomst: 3 cijfers, van 50,5 % (2014) tot 55,1 % (2017).');
    expect(t('en', 'summaryMany', vars)).toBe('Niet-EU-herkomst: 3 figures, from 50,5 % (2014) to 55,1 % (2017).');
  });

  it('writes numbers given as variables as they are', () => {
    expect(t('nl', 'rowsShown', { n: 0 })).toBe('0 cijfers');
    expect(t('en', 'rowsShown', { n: 12 })).toBe('12 figures');
  });

  it('leaves a variable that was not given visible rather than writing "undefined"', () => {
    expect(t('en', 'compareTitle', { indicator: 'Employment rate', year: 2017 })).toBe('Employment rate, {geo}, 2017');
    expect(t('nl', 'sortBy')).toBe('Sorteer op {column}');
  });

  it('ignores variables the message does not use', () => {
    expect(t('nl', 'dataVersion', { version: 'abc123', extra: 'x' })).toBe('Dataversie abc123');
  });
});

describe('t: words that agree with a count', () => {
  it('says "1 rij" and "1 row" for one, "2 rijen" and "1.000 rows" for more or none', () => {
    expect(t('nl', 'own_columns', { file: 'a.csv', rows: '1' })).toBe('a.csv: 1 rij. Controleer welke kolom wat bevat.');
    expect(t('nl', 'own_columns', { file: 'a.csv', rows: '2' })).toBe('a.csv: 2 rijen. Controleer welke kolom wat bevat.');
    expect(t('nl', 'own_columns', { file: 'a.csv', rows: '0' })).toBe('a.csv: 0 rijen. Controleer welke kolom wat bevat.');
    expect(t('en', 'own_columns', { file: 'a.csv', rows: '1' })).toBe('a.csv: 1 row. Check which column holds what.');
    expect(t('en', 'own_columns', { file: 'a.csv', rows: '1,000' })).toBe('a.csv: 1,000 rows. Check which column holds what.');
  });
  it('agrees each word with its own count', () => {
    expect(t('en', 'own_report', { accepted: '1', rows: '3', rejected: '2' })).toBe('1 of 3 rows accepted, 2 rejected.');
    expect(t('nl', 'own_add', { accepted: '1' })).toBe('1 cijfer toevoegen en tonen');
  });
});

describe('label', () => {
  const indicator = { label_nl: 'Werkzaamheidsgraad', label_en: 'Employment rate' };
  const geo = { name_nl: 'Gent', name_en: 'Ghent' };

  it('gives the label or name in the language asked for', () => {
    expect(label('nl', indicator)).toBe('Werkzaamheidsgraad');
    expect(label('en', indicator)).toBe('Employment rate');
    expect(label('nl', geo)).toBe('Gent');
    expect(label('en', geo)).toBe('Ghent');
  });

  it('gives an empty text for a row without a label in that language', () => {
    expect(label('en', { label_nl: 'Alleen Nederlands' })).toBe('');
    expect(label('nl', { name_en: 'English only' })).toBe('');
  });
});

describe('formatNumber', () => {
  it('writes a decimal comma and thousands points in Dutch, the other way round in English', () => {
    expect(formatNumber('nl', 1234.56)).toBe('1.234,6');
    expect(formatNumber('en', 1234.56)).toBe('1,234.6');
    expect(formatNumber('nl', -3.25, 2)).toBe('-3,25');
  });

  it('always writes the number of decimals asked for, one by default', () => {
    expect(formatNumber('nl', 3)).toBe('3,0');
    expect(formatNumber('en', 3)).toBe('3.0');
    expect(formatNumber('en', 3, 2)).toBe('3.00');
    expect(formatNumber('en', 2.75, 0)).toBe('3');
  });
});

describe('formatValue', () => {
  it('writes percentages as "12,5 %" in Dutch and "12.5%" in English', () => {
    expect(formatValue('nl', 12.5, '%')).toBe('12,5\u00a0%');
    expect(formatValue('en', 12.5, '%')).toBe('12.5%');
  });

  it('writes percentage points in full in Dutch and as "pp" in English', () => {
    expect(formatValue('nl', -3.2, 'pp')).toBe('-3,2\u00a0procentpunt');
    expect(formatValue('en', -3.2, 'pp')).toBe('-3.2 pp');
  });

  it('writes counts as whole numbers, whatever the decimals', () => {
    expect(formatValue('nl', 12345, 'count')).toBe('12.345');
    expect(formatValue('en', 12345, 'count', 2)).toBe('12,345');
  });

  it('uses the decimals asked for', () => {
    expect(formatValue('nl', 12.346, '%', 2)).toBe('12,35\u00a0%');
    expect(formatValue('en', 19.25, 'pp', 0)).toBe('19 pp');
  });

  it('writes a value of another unit as a bare number', () => {
    expect(formatValue('nl', 4.5, 'jaar')).toBe('4,5');
    expect(formatValue('en', 4.5, 'jaar')).toBe('4.5');
  });
});
