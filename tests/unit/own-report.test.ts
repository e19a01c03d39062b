/**
 * The rejected rows of an own file as a CSV report, and the template, which must pass the
 * detector and the checks without a rejection. Expected texts are written by hand.
 */
import { describe, expect, it } from 'vitest';
import { rejectedCsv } from '../../src/lib/own/report';
import { OWN_TEMPLATE_HEADER, ownTemplateCsv } from '../../src/lib/own/template';
import { runOwnNode as run } from '../helpers/own-node';

describe('rejectedCsv', () => {
  const FILE = [
    'indicator;plaats;periode;groep;waarde',
    'x;Gent;2019;EU;1',
    `"'; DROP TABLE observations; --";@SUM(A1);2019;=cmd|' /C calc'!A0;-abc`,
  ].join('\n');

  it('lists each rejected row with its line, column, reason and cells, formulas neutralised', async () => {
    const { header, records, rejected } = await run(FILE);
    expect(rejectedCsv(header, records, rejected)).toBe(
      '\ufeffregel;kolom;reden;indicator;plaats;periode;groep;waarde\r\n' +
        `3;waarde;“-abc” is geen getal.;"'; DROP TABLE observations; --";'@SUM(A1);2019;'=cmd|' /C calc'!A0;'-abc\r\n`,
    );
    expect(rejectedCsv(header, records, rejected, 'en', 'plain')).toBe(
      'line,column,reason,indicator,plaats,periode,groep,waarde\r\n' +
        `3,waarde,“-abc” is not a number.,'; DROP TABLE observations; --,'@SUM(A1),2019,'=cmd|' /C calc'!A0,'-abc\r\n`,
    );
  });

  it('orders rejections by line and column, one row each', async () => {
    const { header, records, rejected } = await run(
      'Gemeente;Herkomst;2019;2020\nGent;EU;;x\nGent;EU;1;1\nGent;EU;2;2',
      undefined,
      'f.csv',
    );
    const duplicate = '"Duplicate: the same figure (indicator, place, period, group, sex and age) is already on line 3."';
    expect(rejectedCsv(header, records, [...rejected].reverse(), 'en', 'plain').split('\r\n')).toEqual([
      'line,column,reason,Gemeente,Herkomst,2019,2020',
      '2,2019,No figure (empty cell): a missing figure is not read as zero.,Gent,EU,,x',
      '2,2020,“x” is not a number.,Gent,EU,,x',
      `4,2019,${duplicate},Gent,EU,2,2`,
      `4,2020,${duplicate},Gent,EU,2,2`,
      '',
    ]);
  });
});

describe('the template', () => {
  it('has a Dutch header, ; between cells and decimal commas', async () => {
    const text = ownTemplateCsv();
    expect(text.startsWith('\ufeffindicator;plaats;periode;groep;waarde;geslacht;leeftijd;opmerking\r\n')).toBe(true);
    expect(OWN_TEMPLATE_HEADER).toEqual(['indicator', 'plaats', 'periode', 'groep', 'waarde', 'geslacht', 'leeftijd', 'opmerking']);
  });

  it('passes the detector and the checks without a rejection, even when unknown places and groups are rejected', async () => {
    const { mapping, accepted, rejected } = await run(
      ownTemplateCsv(),
      { unknownPlaces: 'reject', unknownGroups: 'reject' },
      'herkomstkloof-sjabloon.csv',
    );
    expect(mapping.columns).toEqual({ indicator: 0, place: 1, period: 2, group: 3, value: 4, sex: 5, age: 6, note: 7 });
    expect(rejected).toEqual([]);
    expect(accepted.map((o) => [o.geo, o.period, o.group, o.sex, o.age, o.value])).toEqual([
      ['gent', '2020', 'belgisch', 'T', '20-64', 10.5],
      ['gent', '2020', 'buitenlands', 'T', '20-64', 20.5],
      ['antwerpen', '2020/2021', 'belgisch', 'F', null, 30.5],
      ['antwerpen', '2020/2021', 'buitenlands', 'F', null, 40.5],
    ]);
  });

  it('marks every example row as synthetic', async () => {
    const { check, accepted } = await run(ownTemplateCsv());
    expect(check.indicators.map((i) => i.text)).toEqual(['Voorbeeld (synthetisch)']);
    for (const o of accepted) expect(o.note).toMatch(/^voorbeeld \(synthetisch\)/);
  });
});
