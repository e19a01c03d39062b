import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BootData } from '../../src/lib/data/manifest';
import type { Catalog } from '../../src/lib/data/catalog';
import { parseUrl, parseYears, serialiseState } from '../../src/lib/state/url';
import { defaultState, type ViewState } from '../../src/lib/state/view-state';
import { SYNTHETIC_FIXTURE } from '../helpers/fixture';
import { buildTempExtract } from '../helpers/extract';

let catalog: Catalog;
beforeAll(async () => {
  const dir = await buildTempExtract(SYNTHETIC_FIXTURE);
  catalog = (JSON.parse(readFileSync(join(dir, 'boot.json'), 'utf8')) as BootData).catalog;
});

describe('URL ⇄ view state', () => {
  it('gives the default view, with no notices, for an empty query', () => {
    const { state, notices } = parseUrl('', catalog);
    expect(notices).toEqual([]);
    expect(state).toEqual(defaultState(catalog));
    expect(serialiseState(state, catalog)).toBe('');
  });

  it('round-trips every kind of parameter and writes only non-defaults', () => {
    const state: ViewState = { lang: 'en', indicator: 'rate', geo: 'vlaams_gewest', groups: ['niet_eu'], years: [2014, 2015] };
    const query = serialiseState(state, catalog);
    expect(query).toBe('?lang=en&ind=rate&grp=niet_eu&yrs=2014..2015');
    expect(parseUrl(query, catalog)).toEqual({ state, notices: [] });
  });

  it('keeps the catalog order of groups, so one view has one URL', () => {
    const { state } = parseUrl('?ind=rate&grp=niet_eu~belgisch', catalog);
    expect(state.groups).toEqual(['belgisch', 'niet_eu']);
  });

  it('omits groups that equal the default for the indicator and place', () => {
    const d = defaultState(catalog, 'rate');
    expect(serialiseState(d, catalog)).toBe('?ind=rate');
  });

  it('writes a single year without a range', () => {
    expect(serialiseState({ ...defaultState(catalog, 'rate'), years: [2015, 2015] }, catalog)).toBe('?ind=rate&yrs=2015');
  });

  it('falls back per parameter and names each problem', () => {
    const { state, notices } = parseUrl('?ind=nope&grp=belgisch~aliens&yrs=20x5&lang=fr&colour=red', catalog);
    expect(state.indicator).toBe(defaultState(catalog).indicator);
    expect(state.lang).toBe('nl');
    expect(state.years).toBeNull();
    expect(notices).toEqual(
      expect.arrayContaining([
        { param: 'colour', value: 'red', reason: 'unknown_param' },
        { param: 'lang', value: 'fr', reason: 'unknown_value' },
        { param: 'ind', value: 'nope', reason: 'unknown_value' },
        { param: 'grp', value: 'aliens', reason: 'unknown_value' },
        { param: 'yrs', value: '20x5', reason: 'bad_range' },
      ]),
    );
  });

  it('drops a known group without figures for the place, keeping the valid ones', () => {
    const { state, notices } = parseUrl('?ind=rate&geo=gent&grp=belgisch~niet_eu', catalog);
    expect(state.geo).toBe('gent');
    expect(state.groups).toEqual(['niet_eu']);
    expect(notices).toEqual([{ param: 'grp', value: 'belgisch', reason: 'no_data' }]);
  });

  it('rejects a place without figures for the indicator', () => {
    const { state, notices } = parseUrl('?ind=gap&geo=gent', catalog);
    expect(state.geo).toBe('vlaams_gewest');
    expect(notices).toEqual([{ param: 'geo', value: 'gent', reason: 'no_data' }]);
  });

  it('survives hostile and oversized input', () => {
    const long = 'x'.repeat(5000);
    const { state, notices } = parseUrl(`?ind=${long}&grp=%3Cscript%3E&yrs=2100..1900&ind=rate`, catalog);
    expect(state).toEqual(defaultState(catalog));
    expect(notices.map((n) => n.reason)).toEqual(expect.arrayContaining(['duplicate_param', 'unknown_value', 'bad_range']));
    expect(notices.every((n) => n.value.length < 100)).toBe(true);
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
