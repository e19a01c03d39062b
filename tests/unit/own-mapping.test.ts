/**
 * Which column of an own file plays which role (by header, by content, long or wide), whether a
 * corrected mapping can be used, and the rows per figure DuckDB reshapes the file into. The catalogue is the
 * real one; expected ids and columns are read off the files below and data/*.csv by hand.
 */
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/lib/data/csv';
import { checkMapping, detectMapping, fileStem, type Mapping } from '../../src/lib/own/mapping';
import { longOf } from '../helpers/own-node';
import { realCatalog } from '../helpers/own-catalog';

const c = realCatalog();

function read(text: string) {
  const { header, records } = parseCsv(text, ';');
  return { header, records, sample: records.map((r) => r.cells) };
}

function detect(text: string, fileName?: string) {
  const f = read(text);
  return { ...f, mapping: detectMapping(f.header, f.sample, c, fileName) };
}

const LONG = [
  'indicator;gemeente;jaar;herkomst;waarde',
  'Werkzaamheidsgraad;Gent;2019;Belgische herkomst;75,1',
  'Werkzaamheidsgraad;Gent;2019;Buitenlandse herkomst;55,3',
  '',
  'Werkzaamheidsgraad;Antwerpen;2020;Belgische herkomst;74,0',
].join('\n');

describe('parseCsv with a delimiter', () => {
  it('splits on ; and keeps commas and quoted semicolons in cells', () => {
    expect(parseCsv('a;b\n"1;2";3,5\n', ';')).toEqual({
      header: ['a', 'b'],
      records: [{ line: 2, cells: ['1;2', '3,5'] }],
      problems: [],
    });
  });
});

describe('detectMapping by header', () => {
  it('maps a long Dutch file', () => {
    const { mapping } = detect(LONG, 'eigen.csv');
    expect(mapping).toEqual({
      shape: 'long',
      columns: { indicator: 0, place: 1, period: 2, group: 3, value: 4 },
      wide: null,
      indicatorName: null,
      reasons: {
        indicator: { by: 'header', header: 'indicator' },
        place: { by: 'header', header: 'gemeente' },
        period: { by: 'header', header: 'jaar' },
        group: { by: 'header', header: 'herkomst' },
        value: { by: 'header', header: 'waarde' },
      },
    } satisfies Mapping);
    expect(checkMapping(mapping, 5)).toEqual([]);
  });

  it('maps English headers and the optional roles', () => {
    const { mapping } = detect(
      'Municipality;Year;Origin;Sex;Age group;Share;Indicator;Notes\nGhent;2019;Belgian origin;T;20-64;75.1;Employment rate;',
    );
    expect(mapping.columns).toEqual({ place: 0, period: 1, group: 2, sex: 3, age: 4, value: 5, indicator: 6, note: 7 });
  });

  it('ignores case, accents, spaces and separators in header names', () => {
    const { mapping } = detect('  Indicator_ID ;NIS-Code;SCHOOLJAAR;Herkomst-groep;Aandeel (%);Geslácht\nx;44021;2019-2020;EU;12,5;M');
    expect(mapping.columns).toEqual({ indicator: 0, place: 1, period: 2, group: 3, value: 4, sex: 5 });
    expect(mapping.reasons.value).toEqual({ by: 'header', header: 'Aandeel (%)' });
  });

  it('reads a longer header by a word that names a role, unless its cells say otherwise', () => {
    const { mapping } = detect('Naam gemeente;Jaar van meting;Waarde in procent;Herkomst volgens Statbel\nGent;2019;12,5;EU');
    expect(mapping.columns).toEqual({ place: 0, period: 1, value: 2, group: 3 });
    // "Aantal jaar" is named as a value, but its cells are text: not the value.
    const odd = detect('Aantal jaar;gemeente;jaar;groep\nveel;Gent;2019;EU\nweinig;Gent;2020;EU');
    expect(odd.mapping.columns.value).toBeUndefined();
  });

  it('reads the one-letter N as a value only as the whole header, not as a word in a longer one', () => {
    expect(detect('Gemeente;Jaar;Groep;Indicator;N\nGent;2019;EU;x;3').mapping.reasons.value).toEqual({ by: 'header', header: 'N' });
    expect(detect('Gemeente;Jaar;Groep;Indicator;Vraag n\nGent;2019;EU;x;3').mapping.reasons.value).toEqual({
      by: 'content',
      kind: 'number',
      matched: 1,
      of: 1,
    });
  });

  it('takes the first of two columns named for one role, and leaves the other unused', () => {
    const { mapping } = detect('NIS;Gemeente;Jaar;Groep;Waarde;Indicator\n44021;Gent;2019;EU;1;x');
    expect(mapping.columns.place).toBe(0);
    expect(Object.values(mapping.columns)).not.toContain(1);
  });
});

describe('detectMapping by content', () => {
  it('finds roles from cells when the header says nothing', () => {
    const { mapping } = detect(
      [
        'A;B;C;D;E',
        '44021;2019;Belgische herkomst;75,1;Werkzaamheidsgraad',
        '44021;2019;Buitenlandse herkomst;55,3;Werkzaamheidsgraad',
        '11002;2020;Niet-EU-herkomst;49,9;Werkzaamheidsgraad',
        '12345;2020;Marokkaanse herkomst;n.b.;Werkzaamheidsgraad',
      ].join('\n'),
    );
    expect(mapping.columns).toEqual({ place: 0, period: 1, group: 2, value: 3, indicator: 4 });
    // 44021 twice and 11002 are in the catalogue, 12345 is not; the value column has one "n.b." (not counted).
    expect(mapping.reasons.place).toEqual({ by: 'content', kind: 'nis', matched: 3, of: 4 });
    expect(mapping.reasons.period).toEqual({ by: 'content', kind: 'period', matched: 4, of: 4 });
    expect(mapping.reasons.group).toEqual({ by: 'content', kind: 'group_label', matched: 3, of: 4 });
    expect(mapping.reasons.value).toEqual({ by: 'content', kind: 'number', matched: 3, of: 3 });
    expect(mapping.reasons.indicator).toEqual({ by: 'content', kind: 'indicator_label', matched: 4, of: 4 });
  });

  it('finds places by name, school years, sex and age', () => {
    const { mapping } = detect(
      ['k1;k2;k3;k4;k5;k6', 'Stad Gent;2019-2020;V;20-64;EU;3,5', 'Lier;2020-2021;M;65+;Totaal;4,5', 'Mol;2020-2021;T;65+;EU;1.234,5'].join(
        '\n',
      ),
    );
    expect(mapping.columns).toEqual({ place: 0, period: 1, sex: 2, age: 3, group: 4, value: 5 });
    expect(mapping.reasons.place).toEqual({ by: 'content', kind: 'place_name', matched: 1, of: 3 });
  });

  it('takes years only from 1990 on, and four-digit numbers for codes only when the catalogue has them', () => {
    // Counts such as 1000, 2000, 1500: 1000 and 2000 are codes of Belgium and the Flemish Region, 1500 is not.
    const { mapping } = detect('a;b\n1000;1985\n2000;1987\n1500;1989\n1750;1986');
    expect(mapping.columns).toEqual({ value: 0 });
  });

  it('names the indicator after the file when no column holds one', () => {
    const { mapping } = detect('gemeente;jaar;groep;waarde\nGent;2019;EU;3', 'C:\\data\\werkzaamheid_gent.csv');
    expect(mapping.indicatorName).toBe('werkzaamheid_gent');
    expect(mapping.reasons.indicator).toEqual({ by: 'file_name', name: 'werkzaamheid_gent' });
    expect(detect('gemeente;jaar;groep;waarde\nGent;2019;EU;3').mapping.indicatorName).toBeNull();
  });

  it('strips folders and extensions from file names', () => {
    expect(fileStem('/home/x/Mijn extract.CSV')).toBe('Mijn extract');
    expect(fileStem('export.parquet')).toBe('export');
    expect(fileStem('tabel.csv.gz')).toBe('tabel');
    expect(fileStem('geen-extensie')).toBe('geen-extensie');
  });
});

describe('detectMapping of wide files', () => {
  const YEARS = [
    'Gemeente;Herkomst;2019;2020;2021 (%)',
    'Gent;Belgische herkomst;75,1;75,9;76,2',
    'Gent;Buitenlandse herkomst;55,3;-;57,0',
  ].join('\n');

  it('recognises a column per year', () => {
    const { mapping } = detect(YEARS, 'werkzaamheid.csv');
    expect(mapping).toEqual({
      shape: 'wide',
      columns: { place: 0, group: 1 },
      wide: { axis: 'period', columns: [2, 3, 4] },
      indicatorName: 'werkzaamheid',
      reasons: {
        period: { by: 'wide', headers: ['2019', '2020', '2021 (%)'] },
        value: { by: 'wide', headers: ['2019', '2020', '2021 (%)'] },
        place: { by: 'header', header: 'Gemeente' },
        group: { by: 'header', header: 'Herkomst' },
        indicator: { by: 'file_name', name: 'werkzaamheid' },
      },
    } satisfies Mapping);
    expect(checkMapping(mapping, 5)).toEqual([]);
  });

  it('recognises a column per group, and leaves a column that is neither alone', () => {
    const { mapping } = detect(
      'Indicator;NIS;Jaar;Belgische herkomst;Buitenlandse herkomst;Totaal;Bron\nWerkzaamheidsgraad;44021;2019;75,1;55,3;70,0;Stadsmonitor',
    );
    expect(mapping.shape).toBe('wide');
    expect(mapping.wide).toEqual({ axis: 'group', columns: [3, 4, 5] });
    expect(mapping.columns).toEqual({ indicator: 0, place: 1, period: 2 });
  });

  it('reads one year column as wide only when no column is named as the value', () => {
    expect(detect('gemeente;groep;2019\nGent;EU;3').mapping.wide).toEqual({ axis: 'period', columns: [2] });
    expect(detect('gemeente;groep;2019;waarde\nGent;EU;3;4').mapping.wide).toBeNull();
  });
});

describe('detectMapping of a header that is data', () => {
  it('does not take a first data row for wide headers when the cells below are no figures', () => {
    const { mapping } = detect(
      [
        'Werkzaamheidsgraad;44021;2019;Belgische herkomst;75,1',
        'Werkzaamheidsgraad;44021;2020;Belgische herkomst;75,9',
        'Werkzaamheidsgraad;11002;2020;Buitenlandse herkomst;55,3',
      ].join('\n'),
    );
    expect(mapping.wide).toBeNull();
    expect(mapping.columns).toEqual({ indicator: 0, place: 1, period: 2, group: 3, value: 4 });
  });
});

describe('detectMapping of empty input', () => {
  it('maps a header without rows by its names', () => {
    const { mapping } = detect('indicator;plaats;periode;groep;waarde');
    expect(mapping.columns).toEqual({ indicator: 0, place: 1, period: 2, group: 3, value: 4 });
  });

  it('maps nothing in a file without a header', () => {
    const mapping = detectMapping([], [], c);
    expect(mapping).toEqual({ shape: 'long', columns: {}, wide: null, indicatorName: null, reasons: {} });
    expect(checkMapping(mapping, 0)).toEqual([{ code: 'no_columns' }]);
  });
});

describe('checkMapping', () => {
  const long: Mapping = {
    shape: 'long',
    columns: { indicator: 0, place: 1, period: 2, group: 3, value: 4 },
    wide: null,
    indicatorName: null,
    reasons: {},
  };
  const wide: Mapping = {
    shape: 'wide',
    columns: { place: 0, group: 1 },
    wide: { axis: 'period', columns: [2, 3] },
    indicatorName: 'x',
    reasons: {},
  };

  it('accepts a complete long or wide mapping', () => {
    expect(checkMapping(long, 5)).toEqual([]);
    expect(checkMapping(wide, 4)).toEqual([]);
  });

  it('names each required role that has no column', () => {
    expect(checkMapping({ ...long, columns: { place: 1, value: 4 } }, 5)).toEqual([
      { code: 'role_missing', role: 'indicator' },
      { code: 'role_missing', role: 'period' },
      { code: 'role_missing', role: 'group' },
    ]);
    expect(checkMapping({ ...wide, indicatorName: '  ' }, 4)).toEqual([{ code: 'role_missing', role: 'indicator' }]);
  });

  it('wants each role once: one column per role, and an indicator column or name', () => {
    expect(checkMapping({ ...long, columns: { ...long.columns, note: 4 } }, 5)).toEqual([
      { code: 'column_shared', column: 4, roles: ['value', 'note'] },
    ]);
    expect(checkMapping({ ...long, indicatorName: 'x' }, 5)).toEqual([{ code: 'indicator_twice' }]);
    expect(checkMapping({ ...wide, columns: { ...wide.columns, note: 3 } }, 4)).toEqual([
      { code: 'column_shared', column: 3, roles: ['note', 'wide'] },
    ]);
  });

  it('lets a wide axis replace the role it stands for, and the value', () => {
    expect(checkMapping({ ...wide, columns: { ...wide.columns, period: 4, value: 5 } }, 6)).toEqual([
      { code: 'wide_replaces', role: 'period' },
      { code: 'wide_replaces', role: 'value' },
    ]);
    const byGroup: Mapping = { ...wide, columns: { place: 0, period: 1 }, wide: { axis: 'group', columns: [2, 3] } };
    expect(checkMapping(byGroup, 4)).toEqual([]);
    expect(checkMapping({ ...byGroup, columns: { ...byGroup.columns, group: 1 } }, 4)).toEqual([
      { code: 'wide_replaces', role: 'group' },
      { code: 'column_shared', column: 1, roles: ['period', 'group'] },
    ]);
  });

  it('names columns the file does not have, and a shape that disagrees with the wide columns', () => {
    expect(checkMapping({ ...long, columns: { ...long.columns, value: 7 } }, 5)).toEqual([
      { code: 'column_unknown', role: 'value', column: 7 },
    ]);
    expect(checkMapping({ ...wide, wide: { axis: 'period', columns: [] } }, 4)).toEqual([{ code: 'wide_empty' }]);
    expect(checkMapping({ ...long, wide: { axis: 'period', columns: [5] } }, 6)).toEqual([{ code: 'shape_mismatch' }]);
    expect(checkMapping({ ...wide, wide: null }, 4)).toEqual([
      { code: 'shape_mismatch' },
      { code: 'role_missing', role: 'period' },
      { code: 'role_missing', role: 'value' },
    ]);
  });
});

describe('one row per figure (own_long, in DuckDB)', () => {
  const none = { sex: '', age: '', note: '', blank: false };
  it('keeps the line of the file each row is on, past a blank line DuckDB skips', async () => {
    const { rows } = await longOf(LONG);
    const base = { ...none, column: 4, indicator: 'Werkzaamheidsgraad' };
    expect(rows).toEqual([
      { ...base, line: 2, place: 'Gent', period: '2019', group: 'Belgische herkomst', value: '75,1' },
      { ...base, line: 3, place: 'Gent', period: '2019', group: 'Buitenlandse herkomst', value: '55,3' },
      // Line 4 is blank in the file.
      { ...base, line: 5, place: 'Antwerpen', period: '2020', group: 'Belgische herkomst', value: '74,0' },
    ]);
  });

  it('counts the lines of a quoted cell that runs over several lines', async () => {
    const { rows } = await longOf(
      ['indicator;gemeente;jaar;herkomst;waarde', 'x;Gent;2019;"Belgische', '', 'herkomst";1', 'x;Gent;2020;EU;2'].join('\n'),
    );
    expect(rows.map((r) => [r.line, r.group, r.value])).toEqual([
      [2, 'Belgische\n\nherkomst', '1'],
      [5, 'EU', '2'],
    ]);
  });

  it('turns a column per year into a row per year, the header without its unit as the period', async () => {
    const { rows } = await longOf(
      ['Gemeente;Herkomst;2019;2020 (%)', 'Gent;Belgische herkomst;75,1;75,9', 'Gent;Buitenlandse herkomst;55,3;-'].join('\n'),
      'w.csv',
    );
    const base = { ...none, indicator: 'w', place: 'Gent' };
    expect(rows).toEqual([
      { ...base, line: 2, column: 2, group: 'Belgische herkomst', period: '2019', value: '75,1' },
      { ...base, line: 2, column: 3, group: 'Belgische herkomst', period: '2020', value: '75,9' },
      { ...base, line: 3, column: 2, group: 'Buitenlandse herkomst', period: '2019', value: '55,3' },
      { ...base, line: 3, column: 3, group: 'Buitenlandse herkomst', period: '2020', value: '-' },
    ]);
  });

  it('turns a column per group into a row per group, with the optional roles and blank rows marked', async () => {
    const { mapping, rows } = await longOf(
      ['Jaar;Gemeente;Geslacht;EU;Niet-EU', '2019;Gent;M;1;2', ';;;;', '2020;Gent'].join('\n'),
      'x.csv',
    );
    expect(mapping.wide).toEqual({ axis: 'group', columns: [3, 4] });
    const base = { ...none, indicator: 'x' };
    const empty = { ...base, period: '', place: '', sex: '', blank: true };
    expect(rows).toEqual([
      { ...base, line: 2, column: 3, period: '2019', place: 'Gent', sex: 'M', group: 'EU', value: '1' },
      { ...base, line: 2, column: 4, period: '2019', place: 'Gent', sex: 'M', group: 'Niet-EU', value: '2' },
      { ...empty, line: 3, column: 3, group: 'EU', value: '' },
      { ...empty, line: 3, column: 4, group: 'Niet-EU', value: '' },
      // A short row: the missing cells read as empty.
      { ...base, line: 4, column: 3, period: '2020', place: 'Gent', sex: '', group: 'EU', value: '' },
      { ...base, line: 4, column: 4, period: '2020', place: 'Gent', sex: '', group: 'Niet-EU', value: '' },
    ]);
  });

  it('writes a header name with quotes and a label with an apostrophe as they are, never as SQL', async () => {
    const { rows } = await longOf(
      ['Gemeente;Herkomst;"2019 ""x""";2020', 'Gent;Belgische herkomst;1;2'].join('\n'),
      "d'Hondt.csv",
      (m) => ({
        ...m,
        shape: 'wide',
        wide: { axis: 'period', columns: [2, 3] },
      }),
    );
    expect(rows.map((r) => [r.indicator, r.period, r.value])).toEqual([
      ["d'Hondt", '2019 "x"', '1'],
      ["d'Hondt", '2020', '2'],
    ]);
  });
});
