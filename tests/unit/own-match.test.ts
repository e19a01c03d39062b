/**
 * Matching an own file's places, groups and indicators to the real catalogue (data/geos.csv,
 * data/groups.csv, data/indicators.csv). Expected ids are read off those files by hand.
 */
import { describe, expect, it } from 'vitest';
import { matchGroup, matchIndicator, matchPlace, matchValues, nisCode } from '../../src/lib/own/match';
import type { Geo, Group, Indicator } from '../../src/lib/data/types';
import { realCatalog } from '../helpers/own-catalog';

const c = realCatalog();
const place = (cell: string) => matchPlace(c, cell);

describe('matchPlace by NIS code', () => {
  it('matches five-digit codes', () => {
    expect(place('44021')).toBe('gent');
    expect(place('11002')).toBe('antwerpen');
    expect(place('46021')).toBe('sint_niklaas');
    expect(place(' 13040 ')).toBe('turnhout');
    expect(place('04000')).toBe('brussels_gewest');
  });

  it('reads a four-digit code as the five-digit code a spreadsheet lost its leading zero of', () => {
    expect(place('1000')).toBe('belgie');
    expect(place('2000')).toBe('vlaams_gewest');
    expect(place('4000')).toBe('brussels_gewest');
    expect(nisCode('2000')).toBe('02000');
  });

  it('never completes a code any other way', () => {
    // 4021 is 04021, not Ghent's 44021.
    expect(place('4021')).toBeNull();
    expect(place('44022')).toBeNull();
    expect(place('440210')).toBeNull();
    expect(nisCode('440210')).toBeNull();
    expect(nisCode('Gent')).toBeNull();
  });
});

describe('matchPlace by name', () => {
  it('ignores case, accents, spaces and punctuation, in Dutch and English', () => {
    expect(['Gent', 'GENT', ' gent ', 'Ghent'].map(place)).toEqual(['gent', 'gent', 'gent', 'gent']);
    expect(['Sint-Niklaas', 'sint niklaas', 'SintNiklaas', 'sint_niklaas'].map(place)).toEqual([
      'sint_niklaas',
      'sint_niklaas',
      'sint_niklaas',
      'sint_niklaas',
    ]);
    expect(['België', 'Belgie', 'Belgium'].map(place)).toEqual(['belgie', 'belgie', 'belgie']);
    expect(['Brussels Hoofdstedelijk Gewest', 'brussels-capital region'].map(place)).toEqual(['brussels_gewest', 'brussels_gewest']);
    expect(['Oostende', 'Ostend', 'Antwerp', 'Bruges'].map(place)).toEqual(['oostende', 'oostende', 'antwerpen', 'brugge']);
  });

  it('matches French names of the places the catalogue has', () => {
    expect(place('Région de Bruxelles-Capitale')).toBe('brussels_gewest');
    expect(place('region de bruxelles capitale')).toBe('brussels_gewest');
    expect(place('Anvers')).toBe('antwerpen');
    expect(place('Gand')).toBe('gent');
    expect(place('Malines')).toBe('mechelen');
    expect(place('Ostende')).toBe('oostende');
    // Saint-Nicolas is also a municipality in Liège: not read as Sint-Niklaas.
    expect(place('Saint-Nicolas')).toBeNull();
  });

  it('ignores a prefix naming a level, when the place is of that level', () => {
    expect(place('Stad Gent')).toBe('gent');
    expect(place('stad  Antwerpen')).toBe('antwerpen');
    expect(place('Gemeente Sint-Niklaas')).toBe('sint_niklaas');
    expect(place('Ville de Gand')).toBe('gent');
    expect(place('City of Ghent')).toBe('gent');
    // The province of Antwerp is not the city, and the catalogue has no provinces.
    expect(place('Provincie Antwerpen')).toBeNull();
    // A region is not a city.
    expect(place('Stad Vlaams Gewest')).toBeNull();
  });

  it('leaves places the catalogue lacks unmatched', () => {
    expect(place('Lier')).toBeNull();
    expect(place('Brussel')).toBeNull();
    expect(place('Vlaanderen')).toBeNull();
    expect(place('')).toBeNull();
  });

  it('matches no place when a name could be two', () => {
    const geo = (id: string, name: string, level: string): Geo => ({ id, nis: null, name_nl: name, name_en: name, level });
    const twins = { ...c, geos: [geo('a_stad', 'Tweeling', 'gemeente'), geo('a_prov', 'Tweeling', 'provincie')] };
    expect(matchPlace(twins, 'Tweeling')).toBeNull();
    expect(matchPlace(twins, 'Stad Tweeling')).toBe('a_stad');
    expect(matchPlace(twins, 'Provincie Tweeling')).toBe('a_prov');
  });
});

describe('matchGroup and matchIndicator', () => {
  it('match groups by id or Dutch or English label', () => {
    const group = (cell: string) => matchGroup(c, cell);
    expect(['belgisch', 'Belgische herkomst', 'belgian origin', 'BELGISCHE HERKOMST'].map(group)).toEqual([
      'belgisch',
      'belgisch',
      'belgisch',
      'belgisch',
    ]);
    expect(['Niet-EU-herkomst', 'niet EU', 'Non-EU origin', 'niet_eu'].map(group)).toEqual(['niet_eu', 'niet_eu', 'niet_eu', 'niet_eu']);
    expect(['Buitenlandse herkomst', 'Foreign origin'].map(group)).toEqual(['buitenlands', 'buitenlands']);
    expect(['Totaal', 'total'].map(group)).toEqual(['totaal', 'totaal']);
    expect(group('Turkse nationaliteit')).toBe('nationaliteit_turks');
    expect(group('Marokkaanse herkomst')).toBeNull();
    expect(group('')).toBeNull();
  });

  it('match no group when a label belongs to two', () => {
    const g = (id: string, label: string): Group => ({
      id,
      label_nl: label,
      label_en: label,
      group_kind: 'origin',
      sort: 0,
      definition_nl: '',
      definition_en: '',
      colour: '#000000',
      reference: false,
    });
    expect(matchGroup({ ...c, groups: [g('x', 'Zelfde'), g('y', 'Zelfde')] }, 'Zelfde')).toBeNull();
  });

  it('match indicators by id or label', () => {
    expect(matchIndicator(c, 'werkzaamheidsgraad')).toBe('werkzaamheidsgraad');
    expect(matchIndicator(c, 'Werkzaamheidsgraad')).toBe('werkzaamheidsgraad');
    expect(matchIndicator(c, 'Employment rate')).toBe('werkzaamheidsgraad');
    expect(matchIndicator(c, 'Unemployment rate')).toBe('werkloosheidsgraad');
    expect(matchIndicator(c, 'Mijn eigen indicator')).toBeNull();
    const i = { ...c.indicators[0], id: 'x' } satisfies Indicator;
    expect(matchIndicator({ ...c, indicators: [i, { ...i, id: 'y' }] }, 'Werkzaamheidsgraad')).toBeNull();
  });
});

describe('matchValues', () => {
  it('returns the distinct values that matched and, in order, those that did not', () => {
    const { matched, unmatched } = matchValues(['Gent', 'Lier', 'Gent', 'Mol', '44021', 'Lier'], (cell) => place(cell));
    expect([...matched]).toEqual([
      ['Gent', 'gent'],
      ['44021', 'gent'],
    ]);
    expect(unmatched).toEqual(['Lier', 'Mol']);
  });
});
