import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/lib/data/catalog';
import { parseUrl, parseYears, serialiseState } from '../../src/lib/state/url';
import { defaultState, type ViewState } from '../../src/lib/state/view-state';
import { syntheticExtract } from '../helpers/extract';

/** Page options of a link that names neither embed mode nor a data version. */
const PAGE = { embed: false, version: null };

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
    expect(parseUrl(query, catalog)).toEqual({ state, notices: [], page: PAGE });
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

describe('parseUrl, parameter by parameter', () => {
  // In the synthetic catalog the first indicator with figures is "gap" (Vlaams Gewest, niet_eu);
  // "rate" has figures for belgisch and niet_eu in the Vlaams Gewest and for niet_eu in Gent.
  const DEFAULT: ViewState = {
    lang: 'nl',
    view: 'trend',
    indicator: 'gap',
    geos: ['vlaams_gewest'],
    groups: ['niet_eu'],
    years: null,
    year: null,
    ref: null,
    sort: null,
  };

  it('opens on the first indicator with figures, its place and its groups', () => {
    expect(parseUrl('', catalog)).toEqual({ state: DEFAULT, notices: [], page: PAGE });
    expect(defaultState(catalog)).toEqual(DEFAULT);
    expect(defaultState(catalog, 'rate', 'en', 'table')).toEqual({
      ...DEFAULT,
      lang: 'en',
      view: 'table',
      indicator: 'rate',
      groups: ['belgisch', 'niet_eu'],
    });
  });

  it('reads a query with or without the leading question mark', () => {
    expect(parseUrl('lang=en&view=compare', catalog)).toEqual({
      state: { ...DEFAULT, lang: 'en', view: 'compare' },
      notices: [],
      page: PAGE,
    });
    expect(parseUrl('?lang=en&view=compare', catalog)).toEqual({
      state: { ...DEFAULT, lang: 'en', view: 'compare' },
      notices: [],
      page: PAGE,
    });
  });

  it('keeps a question mark after the query as part of the last value', () => {
    expect(parseUrl('lang=en?', catalog)).toEqual({
      state: DEFAULT,
      notices: [{ param: 'lang', value: 'en?', reason: 'unknown_value' }],
      page: PAGE,
    });
  });

  it('accepts both languages and every view', () => {
    expect(parseUrl('?lang=nl', catalog).state.lang).toBe('nl');
    expect(parseUrl('?lang=en', catalog).state.lang).toBe('en');
    for (const view of ['trend', 'compare', 'gap', 'target', 'table']) {
      expect(parseUrl(`?view=${view}`, catalog)).toEqual({ state: { ...DEFAULT, view }, notices: [], page: PAGE });
    }
  });

  it('uses the first value of a repeated parameter and says so', () => {
    expect(parseUrl('?view=gap&view=table', catalog)).toEqual({
      state: { ...DEFAULT, view: 'gap' },
      notices: [{ param: 'view', value: 'gap, table', reason: 'duplicate_param' }],
      page: PAGE,
    });
  });

  it('names an unknown parameter once, however often it is repeated', () => {
    expect(parseUrl('?colour=red&colour=blue&lang=en', catalog)).toEqual({
      state: { ...DEFAULT, lang: 'en' },
      notices: [{ param: 'colour', value: 'red', reason: 'unknown_param' }],
      page: PAGE,
    });
  });

  it('names an empty value instead of using it', () => {
    expect(parseUrl('?lang=', catalog).notices).toEqual([{ param: 'lang', value: '', reason: 'unknown_value' }]);
    expect(parseUrl('?view=', catalog).notices).toEqual([{ param: 'view', value: '', reason: 'unknown_value' }]);
    expect(parseUrl('?ind=', catalog).notices).toEqual([{ param: 'ind', value: '', reason: 'unknown_value' }]);
    expect(parseUrl('?geo=', catalog).notices).toEqual([{ param: 'geo', value: '', reason: 'empty' }]);
    expect(parseUrl('?yrs=', catalog).notices).toEqual([{ param: 'yrs', value: '', reason: 'bad_range' }]);
    expect(parseUrl('?yr=', catalog).notices).toEqual([{ param: 'yr', value: '', reason: 'bad_range' }]);
    expect(parseUrl('?ref=', catalog).notices).toEqual([{ param: 'ref', value: '', reason: 'unknown_value' }]);
    expect(parseUrl('?sort=', catalog).notices).toEqual([{ param: 'sort', value: '', reason: 'unknown_value' }]);
  });

  it('opens another indicator on its own default place and groups', () => {
    expect(parseUrl('?ind=rate', catalog)).toEqual({
      state: { ...DEFAULT, indicator: 'rate', groups: ['belgisch', 'niet_eu'] },
      notices: [],
      page: PAGE,
    });
  });

  it('refuses an indicator of the catalog that has no figures', () => {
    const withEmpty: Catalog = { ...catalog, indicators: [...catalog.indicators, { ...catalog.indicators[1], id: 'leeg' }] };
    expect(parseUrl('?ind=leeg', withEmpty)).toEqual({
      state: DEFAULT,
      notices: [{ param: 'ind', value: 'leeg', reason: 'no_data' }],
      page: PAGE,
    });
  });

  it('picks the default groups of the chosen place', () => {
    expect(parseUrl('?ind=rate&geo=gent', catalog)).toEqual({
      state: { ...DEFAULT, indicator: 'rate', geos: ['gent'], groups: ['niet_eu'] },
      notices: [],
      page: PAGE,
    });
  });

  it('reads each place once, skipping empty entries, and names unknown ones', () => {
    expect(parseUrl('?ind=rate&geo=gent~~gent', catalog)).toMatchObject({ state: { geos: ['gent'] }, notices: [] });
    expect(parseUrl('?ind=rate&geo=mars~gent', catalog)).toMatchObject({
      state: { geos: ['gent'] },
      notices: [{ param: 'geo', value: 'mars', reason: 'unknown_value' }],
    });
    expect(parseUrl('?ind=rate&geo=mars', catalog)).toMatchObject({
      state: { geos: ['vlaams_gewest'] },
      notices: [{ param: 'geo', value: 'mars', reason: 'unknown_value' }],
    });
  });

  it('reads each group once and falls back to the default groups when none is usable', () => {
    expect(parseUrl('?ind=rate&grp=niet_eu~niet_eu', catalog)).toMatchObject({ state: { groups: ['niet_eu'] }, notices: [] });
    expect(parseUrl('?ind=rate&grp=geboren_belgie', catalog)).toMatchObject({
      state: { groups: ['belgisch', 'niet_eu'] },
      notices: [{ param: 'grp', value: 'geboren_belgie', reason: 'no_data' }],
    });
  });

  it('opens on no place at all when the extract has no figures', () => {
    const empty: Catalog = { ...catalog, coverage: [] };
    const { state } = parseUrl('', empty);
    expect(state.geos).toEqual([]);
    expect(state.groups).toEqual([]);
    expect(defaultState(empty).geos).toEqual([]);
  });

  it('reads a year range, a single year and the year of a comparison', () => {
    expect(parseUrl('?yrs=2014..2015', catalog)).toEqual({ state: { ...DEFAULT, years: [2014, 2015] }, notices: [], page: PAGE });
    expect(parseUrl('?yrs=2015', catalog)).toEqual({ state: { ...DEFAULT, years: [2015, 2015] }, notices: [], page: PAGE });
    expect(parseUrl('?yr=2017', catalog)).toEqual({ state: { ...DEFAULT, year: 2017 }, notices: [], page: PAGE });
    expect(parseUrl('?yr=2017..2017', catalog)).toEqual({ state: { ...DEFAULT, year: 2017 }, notices: [], page: PAGE });
    expect(parseUrl('?yr=2017..2018', catalog)).toEqual({
      state: DEFAULT,
      notices: [{ param: 'yr', value: '2017..2018', reason: 'bad_range' }],
      page: PAGE,
    });
    expect(parseUrl('?yrs=2015..2014', catalog)).toEqual({
      state: DEFAULT,
      notices: [{ param: 'yrs', value: '2015..2014', reason: 'bad_range' }],
      page: PAGE,
    });
  });

  it('takes a reference group only where it has figures for the places shown', () => {
    expect(parseUrl('?ind=rate&ref=belgisch', catalog)).toMatchObject({ state: { ref: 'belgisch' }, notices: [] });
    expect(parseUrl('?ind=rate&geo=gent&ref=belgisch', catalog)).toMatchObject({
      state: { ref: null },
      notices: [{ param: 'ref', value: 'belgisch', reason: 'no_data' }],
    });
    expect(parseUrl('?ind=rate&ref=geboren_belgie', catalog)).toMatchObject({
      state: { ref: null },
      notices: [{ param: 'ref', value: 'geboren_belgie', reason: 'no_data' }],
    });
  });

  it('reads a table order ascending or descending', () => {
    expect(parseUrl('?sort=value', catalog)).toEqual({ state: { ...DEFAULT, sort: 'value' }, notices: [], page: PAGE });
    expect(parseUrl('?sort=-period', catalog)).toEqual({ state: { ...DEFAULT, sort: '-period' }, notices: [], page: PAGE });
  });

  it('uses a value of up to 200 characters and refuses a longer one', () => {
    // 40 × "gent~" is 200 characters: one place, named 40 times.
    expect(parseUrl(`?ind=rate&geo=${'gent~'.repeat(40)}`, catalog)).toMatchObject({ state: { geos: ['gent'] }, notices: [] });
    expect(parseUrl(`?ind=rate&geo=${'gent~'.repeat(40)}g`, catalog)).toMatchObject({
      state: { geos: ['vlaams_gewest'] },
      notices: [{ param: 'geo', value: `${'gent~'.repeat(8)}…`, reason: 'unknown_value' }],
    });
  });

  it('echoes at most 40 characters of a value in a notice', () => {
    const forty = 'abcdefghij'.repeat(4);
    expect(parseUrl(`?colour=${forty}`, catalog).notices).toEqual([{ param: 'colour', value: forty, reason: 'unknown_param' }]);
    expect(parseUrl(`?colour=${forty}k`, catalog).notices).toEqual([{ param: 'colour', value: `${forty}…`, reason: 'unknown_param' }]);
  });
});

describe('serialiseState', () => {
  const base = (): ViewState => defaultState(catalog);

  it('writes each non-default part on its own', () => {
    expect(serialiseState({ ...base(), lang: 'en' }, catalog)).toBe('?lang=en');
    expect(serialiseState({ ...base(), view: 'compare' }, catalog)).toBe('?view=compare');
    expect(serialiseState({ ...base(), years: [2014, 2017] }, catalog)).toBe('?yrs=2014..2017');
    expect(serialiseState({ ...base(), year: 2015 }, catalog)).toBe('?yr=2015');
    expect(serialiseState({ ...base(), ref: 'belgisch' }, catalog)).toBe('?ref=belgisch');
    expect(serialiseState({ ...base(), sort: 'value' }, catalog)).toBe('?sort=value');
  });

  it('writes nothing for the default view in another view or language than the default', () => {
    expect(serialiseState(defaultState(catalog, 'gap', 'en', 'gap'), catalog)).toBe('?lang=en&view=gap');
  });

  it('writes a place but not the groups when they are the default for that place', () => {
    const gent: ViewState = { ...defaultState(catalog, 'rate'), geos: ['gent'], groups: ['niet_eu'] };
    expect(serialiseState(gent, catalog)).toBe('?ind=rate&geo=gent');
  });

  it('writes groups that differ from the default for the places', () => {
    expect(serialiseState({ ...defaultState(catalog, 'rate'), groups: ['niet_eu'] }, catalog)).toBe('?ind=rate&grp=niet_eu');
  });

  it('writes several groups of more than one kind, and reads them back', () => {
    // Synthetic: give geboren_belgie (another kind) figures for "rate" in the Vlaams Gewest too.
    const niet_eu = catalog.coverage.find((r) => r.indicator === 'rate' && r.geo === 'vlaams_gewest' && r.group === 'niet_eu')!;
    const mixed: Catalog = { ...catalog, coverage: [...catalog.coverage, { ...niet_eu, group: 'geboren_belgie' }] };
    const state: ViewState = { ...defaultState(mixed, 'rate'), groups: ['niet_eu', 'geboren_belgie'] };
    expect(serialiseState(state, mixed)).toBe('?ind=rate&grp=niet_eu~geboren_belgie');
    expect(parseUrl('?ind=rate&grp=niet_eu~geboren_belgie', mixed)).toEqual({ state, notices: [], page: PAGE });
  });

  it('encodes values, so a value cannot add a parameter', () => {
    expect(serialiseState({ ...base(), ref: 'a b&lang=en' }, catalog)).toBe('?ref=a%20b%26lang%3Den');
  });
});

describe('parseYears at its bounds', () => {
  it('accepts 1900 to 2100 and nothing else', () => {
    expect(parseYears('1900')).toEqual([1900, 1900]);
    expect(parseYears('2100')).toEqual([2100, 2100]);
    expect(parseYears('1900..2100')).toEqual([1900, 2100]);
    expect(parseYears('1899')).toBeNull();
    expect(parseYears('2101')).toBeNull();
    expect(parseYears('1899..2000')).toBeNull();
    expect(parseYears('2000..2101')).toBeNull();
  });

  it('refuses anything around or between the years', () => {
    for (const bad of ['x2015', '2015x', '2015..', '..2015', '2015..2016x', '2015...2016', '15', '']) {
      expect(parseYears(bad), bad).toBeNull();
    }
  });
});
