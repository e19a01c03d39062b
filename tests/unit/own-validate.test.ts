/**
 * From an own file to observations: every row accepted or rejected with a reason, in Dutch and
 * English. The catalogue is the real one; expected values are written from the files below.
 */
import { describe, expect, it } from 'vitest';
import type { MappingProblem } from '../../src/lib/own/mapping';
import { ownMappingProblemText, ownReasonText, ownRoleReasonText } from '../../src/lib/own/messages';
import type { OwnReason } from '../../src/lib/own/validate';
import { runOwnNode as run } from '../helpers/own-node';

const MIXED = [
  'indicator;gemeente;jaar;herkomst;waarde;geslacht',
  'Werkzaamheidsgraad;Gent;2019;Belgische herkomst;75,1;T',
  'Werkzaamheidsgraad;44021;2019;Belgische herkomst;70,0;T',
  'Werkzaamheidsgraad;Stad Antwerpen;2019-2020;Niet-EU-herkomst;1.234,5;V',
  'Werkzaamheidsgraad;Gent;2019;Buitenlandse herkomst;abc;T',
  'Werkzaamheidsgraad;Gent;twintig;Buitenlandse herkomst;55,3;T',
  'Werkzaamheidsgraad;Gent;2020;Buitenlandse herkomst;n.b.;T',
  'Werkzaamheidsgraad;Gent;2020;Buitenlandse herkomst;;T',
  'Werkzaamheidsgraad;Gent;2021;Buitenlandse herkomst;55,3;X',
  'Werkzaamheidsgraad;Lier;2019;Marokkaanse herkomst;40;T',
  ';Gent;2019;EU-herkomst;1;T',
  'Werkzaamheidsgraad;;2019;EU-herkomst;1;T',
  ';;;;;',
  'Employment rate;Ghent;2019;Belgian origin;75,1;M',
].join('\n');

/** Lines of the files below that name their own line numbers: a header, two good rows and one with "abc". */
const HEADER = 'indicator;gemeente;jaar;herkomst;waarde';
const GOOD_2019 = 'Werkzaamheidsgraad;Gent;2019;Belgische herkomst;75,1';
const ABC_2019 = 'Werkzaamheidsgraad;Gent;2019;Buitenlandse herkomst;abc';
const GOOD_2020 = 'Werkzaamheidsgraad;Gent;2020;Belgische herkomst;76,0';
/** The one rejection of such a file: "abc" in the fifth column, on this line. */
const abcOn = (line: number) => [{ line, column: 4, reason: { code: 'value_not_a_number', cell: 'abc' } }];

describe('checking an own file in DuckDB (Node, the browser’s engine)', () => {
  it('names the file’s own lines past a quoted line break and an empty line', async () => {
    const file = [
      'indicator;gemeente;jaar;herkomst;waarde;opmerking',
      'Werkzaamheidsgraad;Gent;2019;Belgische herkomst;75,1;"twee',
      'regels"',
      '',
      'Werkzaamheidsgraad;Gent;2019;Buitenlandse herkomst;abc;',
      'Werkzaamheidsgraad;Gent;2020;Belgische herkomst;76,0;',
    ].join('\n');
    const { accepted, rejected } = await run(file);
    expect(accepted.map((o) => o.line)).toEqual([2, 6]);
    expect(rejected).toEqual(abcOn(5));
  });

  it('reads a file that starts with empty lines (a byte order mark, CRLF, spaces) with its header, naming its own lines', async () => {
    const body = [HEADER, GOOD_2019, ABC_2019, GOOD_2020].join('\n');
    // Header on line 2 after one empty line; on line 4 after "\r\n", " \t\r\n" and "\n".
    for (const [start, header] of [
      ['\n', 2],
      ['\ufeff\r\n \t\r\n\n', 4],
    ] as const) {
      const { staged, accepted, rejected } = await run(start + body);
      expect(staged.header, JSON.stringify(start)).toEqual(['indicator', 'gemeente', 'jaar', 'herkomst', 'waarde']);
      expect(accepted.map((o) => o.line)).toEqual([header + 1, header + 3]);
      expect(rejected).toEqual(abcOn(header + 2));
    }
  });

  it('reads a table below a title (and a blank line, a "#" line) with its header, naming the file’s own lines', async () => {
    const body = [HEADER, GOOD_2019, ABC_2019];
    for (const title of [
      ['Tabel 3: werkzaamheidsgraad naar herkomst', ''],
      ['', '# Bron: eigen berekening'],
    ]) {
      const { staged, accepted, rejected } = await run([...title, ...body].join('\n'));
      expect(staged.header, title.join('|')).toEqual(['indicator', 'gemeente', 'jaar', 'herkomst', 'waarde']);
      expect(accepted.map((o) => o.line)).toEqual([4]);
      expect(rejected).toEqual(abcOn(5));
    }
  });

  it('names the file’s own lines past comment lines DuckDB skips', async () => {
    const file = ['# Bron: eigen berekening', HEADER, GOOD_2019, '# tussenregel', ABC_2019, GOOD_2020].join('\n');
    const { accepted, rejected } = await run(file);
    expect(accepted.map((o) => o.line)).toEqual([3, 6]);
    expect(rejected).toEqual(abcOn(5));
  });

  it('names the file’s own lines when more than 64 empty lines lie between its rows', async () => {
    // 70 rows, each followed by an empty line: row k (from 0) is on line 2 + 2k. The last is rejected.
    const rows = Array.from({ length: 70 }, (_, k) =>
      k === 69 ? ABC_2019 : `Werkzaamheidsgraad;Gent;${1950 + k};Belgische herkomst;${k}`,
    );
    const file = [HEADER, ...rows.flatMap((r) => [r, ''])].join('\n');
    const { accepted, rejected } = await run(file);
    expect(accepted.map((o) => o.line).slice(0, 3)).toEqual([2, 4, 6]);
    expect(accepted.at(-1)?.line).toBe(2 + 2 * 68);
    expect(rejected).toEqual(abcOn(2 + 2 * 69));
  });

  it('accepts or rejects every row, with one reason each', async () => {
    const { check, accepted, rejected } = await run(MIXED);
    expect(accepted.map((o) => o.line)).toEqual([2, 4, 10, 14]);
    expect(rejected).toEqual([
      { line: 3, column: 4, reason: { code: 'duplicate', firstLine: 2 } },
      { line: 5, column: 4, reason: { code: 'value_not_a_number', cell: 'abc' } },
      { line: 6, column: 4, reason: { code: 'period_unreadable', cell: 'twintig' } },
      { line: 7, column: 4, reason: { code: 'no_figure', cell: 'n.b.' } },
      { line: 8, column: 4, reason: { code: 'no_figure', cell: '' } },
      { line: 9, column: 4, reason: { code: 'sex_unreadable', cell: 'X' } },
      { line: 11, column: 4, reason: { code: 'cell_empty', role: 'indicator' } },
      { line: 12, column: 4, reason: { code: 'cell_empty', role: 'place' } },
      { line: 13, column: 4, reason: { code: 'row_empty' } },
    ]);
    expect(check.summary).toEqual({
      rows: 13,
      accepted: 4,
      rejected: 9,
      byReason: { duplicate: 1, value_not_a_number: 1, period_unreadable: 1, no_figure: 2, sex_unreadable: 1, cell_empty: 2, row_empty: 1 },
      decimalStyle: 'comma',
      periodStyle: 'month',
      acceptedLines: [2, 14],
    });
  });

  it('turns accepted rows into observations with catalogue ids, read values and periods', async () => {
    const { accepted } = await run(MIXED);
    const [gent, antwerpen, lier, english] = accepted;
    expect(gent).toEqual({
      line: 2,
      indicator: 'werkzaamheidsgraad',
      geo: 'gent',
      period: '2019',
      period_kind: 'year',
      period_start: '2019-01-01',
      period_end: '2019-12-31',
      period_sort: 2019.5,
      year_start: 2019,
      year_end: 2019,
      group: 'belgisch',
      sex: 'T',
      age: null,
      value: 75.1,
      note: null,
    });
    expect(antwerpen).toMatchObject({
      geo: 'antwerpen',
      group: 'niet_eu',
      period: '2019/2020',
      period_kind: 'school_year',
      period_start: '2019-09-01',
      period_end: '2020-08-31',
      year_start: 2019,
      year_end: 2020,
      sex: 'F',
      value: 1234.5,
    });
    expect(antwerpen.period_sort).toBeCloseTo(2020 + 1 / 6, 10);
    expect(lier).toMatchObject({ geo: 'own:lier', group: 'own:marokkaanse herkomst', value: 40 });
    expect(english).toMatchObject({ indicator: 'werkzaamheidsgraad', geo: 'gent', group: 'belgisch', sex: 'M', value: 75.1 });
  });

  it('lists the indicators, and the places and groups the catalogue lacks, with the rows that name them', async () => {
    const { check } = await run(MIXED);
    expect(check.indicators).toEqual([
      // Lines 2–10 and 12 (line 11 has no indicator, line 13 is empty).
      { text: 'Werkzaamheidsgraad', key: 'werkzaamheidsgraad', id: 'werkzaamheidsgraad', rows: 10, firstLine: 2 },
      { text: 'Employment rate', key: 'werkzaamheidsgraad', id: 'werkzaamheidsgraad', rows: 1, firstLine: 14 },
    ]);
    expect(check.unmatchedPlaces).toEqual([{ text: 'Lier', key: 'own:lier', id: null, rows: 1, firstLine: 10 }]);
    expect(check.unmatchedGroups).toEqual([
      { text: 'Marokkaanse herkomst', key: 'own:marokkaanse herkomst', id: null, rows: 1, firstLine: 10 },
    ]);
  });

  it('rejects unknown places or groups on request, and still lists them', async () => {
    const places = await run(MIXED, { unknownPlaces: 'reject', unknownGroups: 'own' });
    expect(places.rejected.find((r) => r.line === 10)?.reason).toEqual({ code: 'place_unknown', cell: 'Lier' });
    expect(places.check.unmatchedPlaces.map((p) => p.text)).toEqual(['Lier']);
    const groups = await run(MIXED, { unknownPlaces: 'own', unknownGroups: 'reject' });
    expect(groups.rejected.find((r) => r.line === 10)?.reason).toEqual({ code: 'group_unknown', cell: 'Marokkaanse herkomst' });
    expect(groups.accepted.map((o) => o.line)).toEqual([2, 4, 14]);
  });

  it('reads a file written with decimal points and thousands commas in its own style', async () => {
    const { check, accepted } = await run(
      ['gemeente;jaar;groep;waarde;indicator', 'Gent;2019;EU;1,234;x', 'Gent;2020;EU;2.5;x', 'Gent;2021;EU;3.75;x'].join('\n'),
    );
    expect(check.summary.decimalStyle).toBe('point');
    expect(accepted.map((o) => o.value)).toEqual([1234, 2.5, 3.75]);
  });

  it('reads school years written 2010-11 when the whole file writes them so', async () => {
    const { check, accepted } = await run(
      ['gemeente;schooljaar;groep;waarde;indicator', 'Gent;2010-11;EU;1;x', 'Gent;2011-12;EU;2;x'].join('\n'),
    );
    expect(check.summary.periodStyle).toBe('school_year');
    expect(accepted.map((o) => o.period)).toEqual(['2010/2011', '2011/2012']);
  });

  it('tells figures apart by sex and age, and finds duplicates across spellings of one place', async () => {
    const { accepted, rejected } = await run(
      [
        'indicator;plaats;periode;groep;waarde;geslacht;leeftijd',
        'x;Gent;2019;EU;1;M;20-64',
        'x;Gent;2019;EU;2;V;20-64',
        'x;Gent;2019;EU;3;M;65+',
        'x;GENT;2019;EU-herkomst;4;man;20 tot 64 jaar',
        'x;Gent;2019;EU;5;M;jong',
      ].join('\n'),
    );
    expect(accepted.map((o) => [o.line, o.sex, o.age, o.value])).toEqual([
      [2, 'M', '20-64', 1],
      [3, 'F', '20-64', 2],
      [4, 'M', '65+', 3],
    ]);
    expect(rejected.map((r) => [r.line, r.reason])).toEqual([
      [5, { code: 'duplicate', firstLine: 2 }],
      [6, { code: 'age_unreadable', cell: 'jong' }],
    ]);
  });

  it('rejects each figure of a wide row on its own, naming its column', async () => {
    const { check, accepted, rejected } = await run(
      ['Gemeente;Herkomst;2019;2020;2021', 'Gent;Belgische herkomst;75,1;-;76,2', 'Gent;Buitenlandse herkomst;55,3;;abc'].join('\n'),
      undefined,
      'werkzaamheid.csv',
    );
    expect(accepted.map((o) => [o.line, o.period, o.group, o.value])).toEqual([
      [2, '2019', 'belgisch', 75.1],
      [2, '2021', 'belgisch', 76.2],
      [3, '2019', 'buitenlands', 55.3],
    ]);
    expect(rejected).toEqual([
      { line: 2, column: 3, reason: { code: 'no_figure', cell: '-' } },
      { line: 3, column: 3, reason: { code: 'no_figure', cell: '' } },
      { line: 3, column: 4, reason: { code: 'value_not_a_number', cell: 'abc' } },
    ]);
    expect(check.indicators).toEqual([{ text: 'werkzaamheid', key: 'own:werkzaamheid', id: null, rows: 6, firstLine: 2 }]);
  });

  it('reads a wide file with a column per group', async () => {
    const { accepted } = await run('Indicator;NIS;Jaar;Belgische herkomst;Niet-EU-herkomst\nWerkzaamheidsgraad;2000;2019;75,1;49,9');
    expect(accepted.map((o) => [o.geo, o.group, o.value])).toEqual([
      ['vlaams_gewest', 'belgisch', 75.1],
      ['vlaams_gewest', 'niet_eu', 49.9],
    ]);
  });

  it('keeps labels that look like code as plain text', async () => {
    const { check, accepted, rejected } = await run(
      [
        'indicator;plaats;periode;groep;waarde',
        `"'; DROP TABLE observations; --";<script>alert(1)</script>;2019;=cmd|' /C calc'!A0;12,5`,
      ].join('\n'),
    );
    expect(rejected).toEqual([]);
    expect(accepted).toHaveLength(1);
    expect(accepted[0]).toMatchObject({
      indicator: "own:'; drop table observations; --",
      geo: 'own:<script>alert(1)</script>',
      group: "own:=cmd|' /c calc'!a0",
      value: 12.5,
    });
    expect(check.indicators.map((n) => n.text)).toEqual(["'; DROP TABLE observations; --"]);
    expect(check.unmatchedPlaces.map((n) => n.text)).toEqual(['<script>alert(1)</script>']);
    expect(check.unmatchedGroups.map((n) => n.text)).toEqual(["=cmd|' /C calc'!A0"]);
  });

  it('calls a file with a header and no rows empty, naming it', async () => {
    await expect(run('indicator;plaats;periode;groep;waarde', undefined, 'leeg.csv')).rejects.toThrow(/^leeg\.csv: empty/);
  });
});

describe('messages', () => {
  const REASONS: OwnReason[] = [
    { code: 'row_empty' },
    { code: 'cell_empty', role: 'period' },
    { code: 'period_unreadable', cell: 'twintig' },
    { code: 'no_figure', cell: 'n.b.' },
    { code: 'value_not_a_number', cell: 'abc' },
    { code: 'sex_unreadable', cell: 'X' },
    { code: 'age_unreadable', cell: 'jong' },
    { code: 'place_unknown', cell: 'Lier' },
    { code: 'group_unknown', cell: 'Marokkaanse herkomst' },
    { code: 'duplicate', firstLine: 4 },
  ];

  it('says every reason in Dutch and in English', async () => {
    for (const r of REASONS) {
      const nl = ownReasonText('nl', r);
      const en = ownReasonText('en', r);
      expect(nl, r.code).not.toBe('');
      expect(en, r.code).not.toBe(nl);
    }
    expect(ownReasonText('nl', { code: 'cell_empty', role: 'period' })).toBe('De cel voor periode is leeg.');
    expect(ownReasonText('en', { code: 'cell_empty', role: 'place' })).toBe('The place cell is empty.');
    expect(ownReasonText('nl', { code: 'no_figure', cell: 'n.b.' })).toBe(
      'Geen cijfer (“n.b.”): een ontbrekend cijfer wordt niet als nul gelezen.',
    );
    expect(ownReasonText('en', { code: 'duplicate', firstLine: 4 })).toBe(
      'Duplicate: the same figure (indicator, place, period, group, sex and age) is already on line 4.',
    );
    expect(ownReasonText('nl', { code: 'place_unknown', cell: 'Lier' })).toBe('“Lier” is geen plaats uit de catalogus (NIS-code of naam).');
  });

  it('cuts a long cell short in a message', async () => {
    const text = ownReasonText('en', { code: 'value_not_a_number', cell: 'a'.repeat(100) });
    expect(text).toBe(`“${'a'.repeat(59)}…” is not a number.`);
  });

  it('says every mapping problem in Dutch and in English, naming columns by number and header', async () => {
    const problems: MappingProblem[] = [
      { code: 'no_columns' },
      { code: 'role_missing', role: 'indicator' },
      { code: 'role_missing', role: 'group' },
      { code: 'indicator_twice' },
      { code: 'column_unknown', role: 'value', column: 7 },
      { code: 'column_shared', column: 1, roles: ['place', 'wide'] },
      { code: 'wide_replaces', role: 'period' },
      { code: 'wide_empty' },
      { code: 'shape_mismatch' },
    ];
    for (const p of problems) expect(ownMappingProblemText('en', p), p.code).not.toBe(ownMappingProblemText('nl', p));
    const header = ['Jaar', 'Gemeente'];
    expect(ownMappingProblemText('nl', { code: 'column_shared', column: 1, roles: ['place', 'wide'] }, header)).toBe(
      'kolom 2 (“Gemeente”) is gekozen voor meer dan één rol: plaats, brede kolommen.',
    );
    expect(ownMappingProblemText('en', { code: 'role_missing', role: 'group' })).toBe('Choose a column for the group.');
    expect(ownMappingProblemText('en', { code: 'column_unknown', role: 'value', column: 7 }, header)).toBe(
      'column 8 does not exist (chosen for value).',
    );
  });

  it('says why a column got its role', async () => {
    expect(ownRoleReasonText('nl', { by: 'header', header: 'gemeente' })).toBe('kolomnaam “gemeente”');
    expect(ownRoleReasonText('en', { by: 'content', kind: 'nis', matched: 3, of: 4 })).toBe(
      'content: 3 of the 4 filled cells are NIS codes of places in the catalogue',
    );
    expect(ownRoleReasonText('nl', { by: 'wide', headers: ['2019', '2020', '2021', '2022', '2023'] })).toBe(
      'brede tabel, kolommen “2019”, “2020”, “2021”, “2022”, …',
    );
    expect(ownRoleReasonText('en', { by: 'file_name', name: 'extract' })).toBe('file name “extract”');
    expect(ownRoleReasonText('nl', { by: 'user' })).toBe('zelf gekozen');
  });
});
