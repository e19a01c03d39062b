/** The small pure parts a Figure is made of: label placement, axis fitting, sorting, words. Values written by hand. */
import { describe, expect, it } from 'vitest';
import { spreadLabels } from '../../src/lib/charts/lines';
import { chartFontPx, fittingLabel, tickCount, textWidth, yearTicks } from '../../src/lib/charts/common';
import { DEFAULT_SORT, formatSort, parseSort, sortTable } from '../../src/lib/figure/table-sort';
import type { FigureTable } from '../../src/lib/figure/types';
import { listOf, yearSpanText } from '../../src/lib/views/common';
import { nearestYears } from '../../src/lib/views/compare';
import { groupByDocument, sourceLineText } from '../../src/lib/figure/documents';
import type { Source } from '../../src/lib/data/types';

describe('end labels never overlap', () => {
  it('keeps labels that are far enough apart where they are', () => {
    expect(spreadLabels([10, 50, 100], [14, 14, 14], 0, 200)).toEqual([10, 50, 100]);
  });
  it('pushes a label down just far enough, by the heights of both', () => {
    // Centres 100 and 105, heights 14 and 28: the second goes to 100 + 7 + 14 = 121.
    expect(spreadLabels([100, 105], [14, 28], 0, 200)).toEqual([100, 121]);
  });
  it('keeps the wanted order whatever order the labels come in', () => {
    expect(spreadLabels([105, 100], [14, 14], 0, 200)).toEqual([114, 100]);
  });
  it('moves a run back up from the bottom, and never above the top', () => {
    expect(spreadLabels([195, 198], [14, 14], 0, 200)).toEqual([179, 193]);
    expect(spreadLabels([2], [14], 0, 200)).toEqual([7]);
  });
});

describe('axes', () => {
  it('an axis label that does not fit gives way to the unit alone', () => {
    expect(fittingLabel('Werkzaamheidsgraad (%)', '%', 400, 12)).toBe('Werkzaamheidsgraad (%)');
    expect(fittingLabel('Werkzaamheidsgraad (%)', '%', 100, 12)).toBe('%');
    // 24 characters plus " →" at 12 px: about 181 px.
    expect(textWidth('abcd', 10)).toBeCloseTo(23.2);
    expect(fittingLabel('x'.repeat(24), 'u', 181, 12)).toBe('x'.repeat(24));
    expect(fittingLabel('x'.repeat(24), 'u', 180, 12)).toBe('u');
  });
  it('one value tick per 60 px, at least two; chart text 11 px on a phone, 12 px elsewhere', () => {
    expect(tickCount(600)).toBe(10);
    expect(tickCount(59)).toBe(2);
    expect(tickCount(179)).toBe(2);
    expect(tickCount(180)).toBe(3);
    expect(chartFontPx(360)).toBe(11);
    expect(chartFontPx(519)).toBe(11);
    expect(chartFontPx(520)).toBe(12);
  });
  it('year ticks on whole years, at most the number asked for', () => {
    expect(yearTicks([2011, 2015, 2023], 10)).toEqual([2012, 2014, 2016, 2018, 2020, 2022]);
    expect(yearTicks([2011, 2023], 4)).toEqual([2015, 2020]);
    expect(yearTicks([2019], 4)).toEqual([2019]);
    expect(yearTicks([], 4)).toEqual([]);
  });
});

describe('table order', () => {
  const table: FigureTable = {
    columns: [],
    rows: [
      { key: 'a', primary: true, cells: { group: 'Zweeds', period: '2015' }, values: { value: 5, period: 2015.5 } },
      { key: 'b', primary: true, cells: { group: 'Ëngels', period: '2014' }, values: { value: 7, period: 2014.5 } },
      { key: 'c', primary: true, cells: { group: 'Arabisch', period: '2014' }, values: { value: 5, period: 2014.5 } },
    ],
  };
  const keys = (o: { key: string; dir: 'asc' | 'desc' }) => sortTable(table, o).map((r) => r.key);
  it('sorts numbers as numbers and words in Dutch order, both ways; ties keep the table’s order', () => {
    expect(keys({ key: 'value', dir: 'asc' })).toEqual(['a', 'c', 'b']);
    expect(keys({ key: 'value', dir: 'desc' })).toEqual(['b', 'a', 'c']);
    expect(keys({ key: 'period', dir: 'asc' })).toEqual(['b', 'c', 'a']);
    expect(keys({ key: 'group', dir: 'asc' })).toEqual(['c', 'b', 'a']);
    expect(keys({ key: 'group', dir: 'desc' })).toEqual(['a', 'b', 'c']);
  });
  it('reads and writes the order as the URL says it', () => {
    expect(parseSort('-value')).toEqual({ key: 'value', dir: 'desc' });
    expect(parseSort('geo')).toEqual({ key: 'geo', dir: 'asc' });
    expect(parseSort('-bogus')).toBeNull();
    expect(parseSort('')).toBeNull();
    expect(formatSort({ key: 'value', dir: 'desc' })).toBe('-value');
    expect(formatSort(DEFAULT_SORT)).toBe('period');
  });
});

describe('words', () => {
  it('lists with “en” / “and” before the last item', () => {
    expect(listOf('nl', ['Gent'])).toBe('Gent');
    expect(listOf('nl', ['Gent', 'Genk'])).toBe('Gent en Genk');
    expect(listOf('en', ['Ghent', 'Genk', 'Antwerp'])).toBe('Ghent, Genk and Antwerp');
    expect(listOf('nl', [])).toBe('');
  });
  it('a span of years is one year or first–last', () => {
    expect(yearSpanText([2017, 2014, 2015])).toBe('2014–2017');
    expect(yearSpanText([2016, 2016])).toBe('2016');
    expect(yearSpanText([])).toBe('');
  });
  it('offers the nearest years with figures, the later first on a tie', () => {
    expect(nearestYears([2014, 2015, 2017], 2016)).toEqual([2017, 2015]);
    expect(nearestYears([2010, 2014, 2015, 2017], 2016, 3)).toEqual([2017, 2015, 2014]);
    expect(nearestYears([2014, 2016], 2016)).toEqual([2014]);
  });
  it('names each cited document once, with all its quoted passages', () => {
    const src = (id: string, title: string): Source =>
      ({
        id,
        publisher: 'P',
        title,
        year: 2020,
        url: 'https://example.org',
        locator: 'p. 1',
        quote: 'q',
        consulted: '2026-11-30',
        kind: 'press',
      }) as Source;
    const docs = groupByDocument([src('a', 'T1'), src('b', 'T2'), src('c', 'T1')]);
    expect(docs.map((d) => [d.title, d.citations.map((c) => c.id)])).toEqual([
      ['T1', ['a', 'c']],
      ['T2', ['b']],
    ]);
  });

  it('tells documents apart by their address too, and writes the source line with "Bron" or "Bronnen"', () => {
    const src = (id: string, url: string | null, lang?: string): Source =>
      ({
        id,
        publisher: 'P',
        title: 'T',
        year: 2020,
        url,
        locator: 'p. 1',
        quote: 'q',
        consulted: '2026-11-30',
        kind: 'press',
        lang,
      }) as Source;
    // Same publisher, title and year: one document per address; two without an address are one.
    const docs = groupByDocument([src('a', 'https://a.example'), src('b', 'https://b.example'), src('c', null), src('d', null, 'en')]);
    expect(docs.map((d) => [d.url, d.lang, d.citations.map((c) => c.id)])).toEqual([
      ['https://a.example', 'nl', ['a']],
      ['https://b.example', 'nl', ['b']],
      [null, 'nl', ['c', 'd']],
    ]);
    const labels = { one: 'Bron', many: 'Bronnen' };
    expect(sourceLineText([], labels)).toBe('');
    expect(sourceLineText([src('a', null)], labels)).toBe('Bron: P, T (2020).');
    expect(sourceLineText([src('a', 'https://a.example'), src('b', 'https://b.example')], labels)).toBe(
      'Bronnen: P, T (2020); P, T (2020).',
    );
  });
});
