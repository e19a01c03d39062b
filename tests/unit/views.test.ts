import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/lib/data/catalog';
import { defaultState, type ViewState } from '../../src/lib/state/view-state';
import { comparisonYear, nearestYears, rowsForYear, yearsIn } from '../../src/lib/view/compare';
import { findDisagreements } from '../../src/lib/view/disagreements';
import { filterOf, loadView, type ViewData } from '../../src/lib/view/load';
import { outcomeOf } from '../../src/lib/view/outcome';
import { sortRows } from '../../src/lib/view/table';
import { viewTitle } from '../../src/lib/view/title';
import { openExtract, runQuery } from '../../scripts/lib/duckdb-node';
import { syntheticExtract } from '../helpers/extract';
import { gapRow, row } from '../helpers/rows';

let catalog: Catalog;
let load: (s: ViewState) => Promise<ViewData>;
beforeAll(async () => {
  const { dir, boot } = await syntheticExtract();
  catalog = boot.catalog;
  const conn = await openExtract(dir);
  load = (s) => loadView({ query: (q) => runQuery(conn, q) }, catalog, s);
});
const rate = (over: Partial<ViewState> = {}): ViewState => ({ ...defaultState(catalog, 'rate'), groups: ['belgisch', 'niet_eu'], ...over });

describe('comparison year', () => {
  const rows = [row('belgisch', 2014, 70), row('belgisch', 2017, 73), row('niet_eu', 2015, 52)];
  it('defaults to the latest year with figures and keeps a chosen year that has them', () => {
    expect(comparisonYear(rows, null)).toBe(2017);
    expect(comparisonYear(rows, 2015)).toBe(2015);
    expect(comparisonYear(rows, 2016)).toBeNull();
    expect(rowsForYear(rows, 2014).map((r) => r.value)).toEqual([70]);
  });
  it('offers the nearest years with figures, the later one first on a tie', () => {
    expect(nearestYears(yearsIn(rows), 2016)).toEqual([2017, 2015]);
  });
});

describe('what each view shows (DuckDB in Node on the synthetic extract)', () => {
  it('trend: a chart, or with an empty year range a message offering all years', async () => {
    expect(outcomeOf(catalog, rate(), await load(rate()))).toEqual({ kind: 'chart', year: null });
    const s = rate({ years: [2019, 2020] });
    const outcome = outcomeOf(catalog, s, await load(s));
    expect(outcome).toMatchObject({ kind: 'empty', message: 'empty_noRowsInYears' });
    expect(outcome.kind === 'empty' && outcome.suggestions[0].state.years).toBeNull();
  });

  it('comparison: a year without figures offers the nearest years that have them', async () => {
    const s = rate({ view: 'compare', year: 2016 });
    const outcome = outcomeOf(catalog, s, await load(s));
    expect(outcome).toMatchObject({ kind: 'empty', message: 'empty_noYear' });
    expect(outcome.kind === 'empty' && outcome.suggestions.map((x) => x.state.year)).toEqual([2017, 2015]);
    expect(outcomeOf(catalog, rate({ view: 'compare' }), await load(rate({ view: 'compare' })))).toEqual({ kind: 'chart', year: 2017 });
  });

  it('gap: uses the reference of the groups’ kind and computes it from stated figures', async () => {
    const s = rate({ view: 'gap', groups: ['niet_eu'] });
    expect(filterOf(catalog, s)).toMatchObject({ reference: 'belgisch', groups: ['belgisch', 'niet_eu'] });
    const data = await load(s);
    expect(data.gaps.map((g) => g.gap)).toEqual([19.5, 19.4, 17.9]);
    expect(outcomeOf(catalog, s, data)).toEqual({ kind: 'chart', year: null });
  });

  it('gap: a kind without reference group says so and offers the trend', async () => {
    const s: ViewState = { ...rate({ view: 'gap', groups: ['geboren_belgie'] }), geos: ['vlaams_gewest'] };
    const data: ViewData = {
      filter: { indicator: 'rate', geos: ['vlaams_gewest'], groups: ['geboren_belgie'], years: null },
      reference: null,
      rows: [],
      figures: [],
      gaps: [],
      sources: [],
    };
    const outcome = outcomeOf(catalog, s, data);
    expect(outcome).toMatchObject({ kind: 'empty', message: 'empty_noReference' });
    expect(outcome.kind === 'empty' && outcome.suggestions[0].state.view).toBe('trend');
  });

  it('target: an indicator without target offers indicators that have one', async () => {
    const s = { ...defaultState(catalog, 'gap', 'nl', 'target') };
    const outcome = outcomeOf(catalog, s, await load(s));
    expect(outcome).toMatchObject({ kind: 'empty', message: 'empty_noTargets' });
    expect(outcome.kind === 'empty' && outcome.suggestions.map((x) => x.state.indicator)).toEqual(['rate']);
    const withTarget = rate({ view: 'target' });
    expect(outcomeOf(catalog, withTarget, await load(withTarget))).toEqual({ kind: 'chart', year: null });
  });

  it('no groups: a message and the default groups as suggestion', async () => {
    const s = rate({ groups: [] });
    const outcome = outcomeOf(catalog, s, await load(s));
    expect(outcome).toMatchObject({ kind: 'empty', message: 'empty_noGroups' });
    expect(outcome.kind === 'empty' && outcome.suggestions[0].state.groups.length).toBeGreaterThan(0);
  });

  it('lists where sources disagree, with each source’s figure', async () => {
    const data = await load(rate());
    expect(findDisagreements(data.figures)).toEqual([
      {
        geo: 'vlaams_gewest',
        group: 'belgisch',
        period: '2015',
        age: '20-64',
        values: [
          { value: 71.4, source: 'new' },
          { value: 71.2, source: 'old' },
        ],
      },
    ]);
    expect(data.sources.map((s) => s.id).sort()).toEqual(['new', 'old']);
  });
});

describe('table and titles', () => {
  it('sorts by value, by period or by label, both ways, stable on ties', () => {
    const rows = [row('niet_eu', 2015, 52), row('belgisch', 2014, 70), row('belgisch', 2015, 71.4)];
    const label = (_k: string, r: (typeof rows)[number]) => r.group;
    expect(sortRows(rows, { key: 'value', dir: 'desc' }, label).map((r) => r.value)).toEqual([71.4, 70, 52]);
    expect(sortRows(rows, { key: 'period', dir: 'asc' }, label).map((r) => r.period)).toEqual(['2014', '2015', '2015']);
    expect(sortRows(rows, { key: 'group', dir: 'asc' }, label).map((r) => `${r.group}${r.period}`)).toEqual([
      'belgisch2014',
      'belgisch2015',
      'niet_eu2015',
    ]);
  });

  it('titles say what, by which kind, where and when — in both languages', () => {
    const rows = [row('belgisch', 2014, 70), row('niet_eu', 2017, 55.1)];
    expect(viewTitle(catalog, rate(), rows, null, null)).toBe('Synthetische graad naar herkomst, Vlaams Gewest, 2014–2017');
    expect(viewTitle(catalog, rate({ lang: 'en' }), rows, null, null)).toBe('Synthetic rate by origin, Flemish Region, 2014–2017');
    expect(viewTitle(catalog, rate({ view: 'compare' }), rows, 2017, null)).toBe('Synthetische graad, Vlaams Gewest, 2017');
    expect(viewTitle(catalog, rate({ view: 'compare' }), rows, null, null)).toBe('Synthetische graad, Vlaams Gewest');
    expect(viewTitle(catalog, rate({ view: 'gap', lang: 'en' }), rows, null, 'belgisch')).toBe(
      'Origin gap in Synthetic rate: Belgian origin versus other groups, Flemish Region',
    );
    void gapRow;
  });
});

import { seriesSummary } from '../../src/lib/view/summary';
describe('words for screen readers', () => {
  it('summarises each series from first to last figure, in the chosen language', () => {
    const indicator = catalog.indicators.find((i) => i.id === 'rate')!;
    const rows = [row('belgisch', 2014, 70), row('belgisch', 2017, 73), row('niet_eu', 2015, 52)];
    expect(seriesSummary(catalog, indicator, 'nl', rows)).toBe(
      'Belgische herkomst: 2 cijfers, van 70,0\u00a0% (2014) tot 73,0\u00a0% (2017). Niet-EU-herkomst: 52,0\u00a0% (2015).',
    );
    expect(seriesSummary(catalog, indicator, 'en', rows)).toContain('Belgian origin: 2 figures, from 70.0% (2014) to 73.0% (2017).');
  });
});
