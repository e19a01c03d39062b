import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/lib/data/catalog';
import { parseUrl, parseYears, serialiseState } from '../../src/lib/state/url';
import { defaultState, type ViewState } from '../../src/lib/state/view-state';
import { syntheticExtract } from '../helpers/extract';

let catalog: Catalog;
beforeAll(async () => {
  catalog = (await syntheticExtract()).boot.catalog;
});

describe('URL ⇄ view state', () => {
  it('gives the default view, with no notices, for an empty query', () => {
    const { state, notices } = parseUrl('', catalog);
    expect(notices).toEqual([]);
    expect(state).toEqual(defaultState(catalog));
    expect(serialiseState(state, catalog)).toBe('');
  });

  it('round-trips every parameter and writes only non-defaults', () => {
    const state: ViewState = {
      lang: 'en',
      view: 'gap',
      indicator: 'rate',
      geos: ['vlaams_gewest', 'gent'],
      groups: ['niet_eu'],
      years: [2014, 2015],
      year: 2017,
      ref: 'belgisch',
      sort: '-value',
    };
    const query = serialiseState(state, catalog);
    expect(query).toBe('?lang=en&view=gap&ind=rate&geo=vlaams_gewest~gent&grp=niet_eu&yrs=2014..2015&yr=2017&ref=belgisch&sort=-value');
    // Places come back in the catalog's order, so one view has one URL.
    expect(parseUrl(query, catalog)).toEqual({ state, notices: [] });
  });

  it('keeps the catalog order of groups and places', () => {
    const { state } = parseUrl('?ind=rate&grp=niet_eu~belgisch&geo=vlaams_gewest~gent', catalog);
    expect(state.groups).toEqual(['belgisch', 'niet_eu']);
    expect(state.geos).toEqual(catalog.geos.map((g) => g.id).filter((g) => ['gent', 'vlaams_gewest'].includes(g)));
  });

  it('omits groups that equal the default for the indicator and places', () => {
    expect(serialiseState(defaultState(catalog, 'rate'), catalog)).toBe('?ind=rate');
    expect(serialiseState(defaultState(catalog, 'rate', 'nl', 'table'), catalog)).toBe('?view=table&ind=rate');
  });

  it('writes a single year of a range without dots', () => {
    expect(serialiseState({ ...defaultState(catalog, 'rate'), years: [2015, 2015] }, catalog)).toBe('?ind=rate&yrs=2015');
  });

  it('falls back per parameter and names each problem', () => {
    const { state, notices } = parseUrl(
      '?ind=nope&grp=belgisch~aliens&yrs=20x5&lang=fr&colour=red&view=map&yr=2010..2012&ref=nobody&sort=size',
      catalog,
    );
    expect(state.indicator).toBe(defaultState(catalog).indicator);
    expect(state.lang).toBe('nl');
    expect(state.view).toBe('trend');
    expect(state.years).toBeNull();
    expect(state.year).toBeNull();
    expect(state.ref).toBeNull();
    expect(notices).toEqual(
      expect.arrayContaining([
        { param: 'colour', value: 'red', reason: 'unknown_param' },
        { param: 'lang', value: 'fr', reason: 'unknown_value' },
        { param: 'view', value: 'map', reason: 'unknown_value' },
        { param: 'ind', value: 'nope', reason: 'unknown_value' },
        { param: 'grp', value: 'aliens', reason: 'unknown_value' },
        { param: 'yrs', value: '20x5', reason: 'bad_range' },
        { param: 'yr', value: '2010..2012', reason: 'bad_range' },
        { param: 'ref', value: 'nobody', reason: 'unknown_value' },
        { param: 'sort', value: 'size', reason: 'unknown_value' },
      ]),
    );
  });

  it('drops a known group without figures for the place, keeping the valid ones', () => {
    const { state, notices } = parseUrl('?ind=rate&geo=gent&grp=belgisch~niet_eu', catalog);
    expect(state.geos).toEqual(['gent']);
    expect(state.groups).toEqual(['niet_eu']);
    expect(notices).toEqual([{ param: 'grp', value: 'belgisch', reason: 'no_data' }]);
  });

  it('rejects a place without figures for the indicator, and an empty list', () => {
    expect(parseUrl('?ind=gap&geo=gent', catalog)).toMatchObject({
      state: { geos: ['vlaams_gewest'] },
      notices: [{ param: 'geo', value: 'gent', reason: 'no_data' }],
    });
    expect(parseUrl('?ind=rate&grp=~', catalog).notices).toEqual([{ param: 'grp', value: '~', reason: 'empty' }]);
  });

  it('survives hostile and oversized input', () => {
    const long = 'x'.repeat(5000);
    const { state, notices } = parseUrl(`?ind=${long}&grp=%3Cscript%3E&yrs=2100..1900&ind=rate`, catalog);
    expect(state).toEqual(defaultState(catalog));
    expect(notices.map((n) => n.reason)).toEqual(expect.arrayContaining(['duplicate_param', 'unknown_value', 'bad_range']));
    expect(notices.every((n) => n.value.length <= 41)).toBe(true);
  });
});

describe('parseYears', () => {
  it('accepts a range or one year, rejects reversed and out-of-range ones', () => {
    expect(parseYears('2010..2020')).toEqual([2010, 2020]);
    expect(parseYears('2015')).toEqual([2015, 2015]);
    expect(parseYears('2020..2010')).toBeNull();
    expect(parseYears('1850..2020')).toBeNull();
    expect(parseYears('2010-2020')).toBeNull();
  });
});
