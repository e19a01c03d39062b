/**
 * The Figure of every view on the synthetic extract (tests/helpers/fixture.ts, labelled synthetic),
 * queried by DuckDB in Node. Expected values are written by hand from the fixture.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/lib/data/catalog';
import { defaultState, type ViewState } from '../../src/lib/state/view-state';
import { carryView, figureOf, needOf, possibleViews } from '../../src/lib/views/index';
import { loadView } from '../../src/lib/views/load';
import type { ViewData } from '../../src/lib/views/types';
import type { Figure } from '../../src/lib/figure/types';
import { toDomain } from '../../src/lib/state/transitions';
import { openExtract, runQuery } from '../../scripts/lib/duckdb-node';
import { syntheticExtract } from '../helpers/extract';

let catalog: Catalog;
let load: (s: ViewState) => Promise<ViewData>;
let figure: (s: ViewState) => Promise<Figure>;
beforeAll(async () => {
  const { dir, boot } = await syntheticExtract();
  catalog = boot.catalog;
  const conn = await openExtract(dir);
  load = (s) => loadView({ query: (q) => runQuery(conn, q) }, catalog, s);
  figure = async (s) => figureOf(catalog, s, await load(s));
});
const rate = (over: Partial<ViewState> = {}): ViewState => ({ ...defaultState(catalog, 'rate'), groups: ['belgisch', 'niet_eu'], ...over });
const cells = (f: Figure, col: string) => f.table.rows.map((r) => r.cells[col]);

describe('trend', () => {
  it('draws one primary figure per period, names every source drawn, and says where sources differ', async () => {
    const f = await figure(rate());
    expect(f.status).toBe('ready');
    expect(f.title).toBe('Synthetische graad naar herkomst, Vlaams Gewest, 2014–2017');
    expect(f.series.map((s) => [s.key, s.label, s.colour, s.symbol])).toEqual([
      ['vlaams_gewest|belgisch', 'Belgische herkomst', '#0072B2', 'circle'],
      ['vlaams_gewest|niet_eu', 'Niet-EU-herkomst', '#CC79A7', 'circle'],
    ]);
    // 2015: two statistics sources, one figure each; the later publication (new, 2020: 71,4) is drawn, 71,2 is kept.
    expect(f.table.rows.filter((r) => r.primary).map((r) => `${r.cells.group} ${r.cells.period} ${r.cells.value}`)).toEqual([
      'Belgische herkomst 2014 (20-64) 70,0\u00a0%',
      'Belgische herkomst 2015 (20-64) 71,4\u00a0%',
      'Belgische herkomst 2017 (20-64) 73,0\u00a0%',
      'Niet-EU-herkomst 2014 (20-64) 50,5\u00a0%',
      'Niet-EU-herkomst 2015 (20-64) 52,0\u00a0%',
      'Niet-EU-herkomst 2017 (20-64) 55,1\u00a0%',
    ]);
    expect(f.table.rows.filter((r) => !r.primary).map((r) => `${r.cells.period} ${r.cells.value} ${r.cells.source}`)).toEqual([
      '2015 (20-64) 71,2\u00a0% Synthetic 2015',
    ]);
    expect(f.disagreements.map((d) => d.text)).toEqual([
      'Belgische herkomst, 2015: getekend 71,4\u00a0% (Synthetic 2020, 2015); ook vermeld: 71,2\u00a0% (Synthetic 2015, 2015).',
    ]);
    // The target of the Belgian-origin group is drawn as a mark, so its source is named too.
    expect(f.sources.map((s) => s.id).sort()).toEqual(['new', 'old', 'print']);
    expect(f.notes.map((n) => n.kind)).toEqual(['bridged', 'alternatives', 'target']);
    expect(f.summary).toBe(
      'Synthetische graad naar herkomst, Vlaams Gewest, 2014–2017. Belgische herkomst: 3 cijfers, van 70,0\u00a0% (2014) tot 73,0\u00a0% (2017). Niet-EU-herkomst: 3 cijfers, van 50,5\u00a0% (2014) tot 55,1\u00a0% (2017). Grootste verschil in 2017: 17,9\u00a0procentpunt tussen Belgische herkomst en Niet-EU-herkomst.',
    );
  });

  it('speaks English on request, with English number formats', async () => {
    const f = await figure(rate({ lang: 'en' }));
    expect(f.title).toBe('Synthetic rate by origin, Flemish Region, 2014–2017');
    expect(cells(f, 'value').slice(0, 2)).toEqual(['70.0%', '71.4%']);
    expect(f.summary).toContain('Belgian origin: 3 figures, from 70.0% (2014) to 73.0% (2017).');
  });

  it('names a chosen place without figures, and why', async () => {
    const f = await figure(rate({ geos: ['vlaams_gewest', 'gent'] }));
    expect(f.series.map((s) => s.label)).toEqual([
      'Belgische herkomst — Vlaams Gewest',
      'Niet-EU-herkomst — Vlaams Gewest',
      'Niet-EU-herkomst — Gent',
    ]);
    expect(f.subtitle).toBe('Synthetische graad (%)');
    const onlyGent = await figure(rate({ geos: ['gent'] }));
    expect(onlyGent.notes.filter((n) => n.kind === 'missing').map((n) => n.text)).toEqual(['Belgische herkomst: geen cijfers voor Gent.']);
  });

  it('says there is nothing in the chosen years and offers all years; with no group, offers the default groups', async () => {
    const f = await figure(rate({ years: [2019, 2020] }));
    expect(f.status).toBe('empty');
    expect(f.message).toBe('Geen cijfers in 2019–2020 voor deze keuze.');
    expect(f.suggestions.map((s) => [s.label, s.state.years])).toEqual([['Toon alle jaren', null]]);
    const none = await figure(rate({ groups: [] }));
    expect(none.message).toBe('Kies minstens één groep.');
    expect(none.suggestions[0].state.groups.length).toBeGreaterThan(0);
  });
});

describe('comparison', () => {
  it('shows the latest year by default, one bar per group, and names only that year’s sources', async () => {
    const f = await figure(rate({ view: 'compare' }));
    expect(f.title).toBe('Synthetische graad, Vlaams Gewest, 2017');
    expect(f.table.rows.map((r) => `${r.cells.label} ${r.cells.value}`)).toEqual([
      'Belgische herkomst 73,0\u00a0%',
      'Niet-EU-herkomst 55,1\u00a0%',
    ]);
    expect(f.sources.map((s) => s.id)).toEqual(['new']);
    expect(f.summary).toContain('Hoogste: Belgische herkomst, 73,0\u00a0%; laagste: Niet-EU-herkomst, 55,1\u00a0%.');
  });

  it('a year without figures offers the nearest years that have them (the later first on a tie)', async () => {
    const f = await figure(rate({ view: 'compare', year: 2016 }));
    expect(f.status).toBe('empty');
    expect(f.message).toBe('Geen cijfers voor 2016.');
    expect(f.suggestions.map((s) => s.state.year)).toEqual([2017, 2015]);
  });

  it('names a group without a figure in that year', async () => {
    const f = await figure(rate({ view: 'compare', geos: ['vlaams_gewest', 'gent'] }));
    expect(cells(f, 'label')).toEqual([
      'Vlaams Gewest · Belgische herkomst',
      'Vlaams Gewest · Niet-EU-herkomst',
      'Gent · Niet-EU-herkomst',
    ]);
    expect(f.notes.map((n) => n.text)).toContain('Belgische herkomst: geen cijfers voor Gent.');
  });
});

describe('herkomstkloof', () => {
  it('is the reference minus the group, computed from the two drawn figures of the same period', async () => {
    const f = await figure(rate({ view: 'gap', groups: ['niet_eu'] }));
    expect(f.title).toBe('Herkomstkloof in Synthetische graad: Belgische herkomst tegenover andere groepen, Vlaams Gewest');
    // 70,0 − 50,5; 71,4 − 52,0 (the drawn 2015 figure, not the alternative 71,2); 73,0 − 55,1.
    expect(f.table.rows.map((r) => `${r.cells.period} ${r.cells.gap}`)).toEqual([
      '2014 19,5\u00a0procentpunt',
      '2015 19,4\u00a0procentpunt',
      '2017 17,9\u00a0procentpunt',
    ]);
    expect(f.sources.map((s) => s.id).sort()).toEqual(['new', 'old']);
    expect(f.notes.map((n) => n.kind)).toEqual(['gap_explain', 'bridged']);
    expect(f.summary).toContain('Grootste kloof: Niet-EU-herkomst, 2014: 19,5\u00a0procentpunt.');
  });

  it('across places: ranks the places that have both figures and names the one that does not, with the reason', async () => {
    const f = await figure(rate({ view: 'gap', groups: ['niet_eu'], geos: ['vlaams_gewest', 'gent'] }));
    expect(f.title).toBe('Herkomstkloof in Synthetische graad tegenover Belgische herkomst, per plaats, 2017');
    expect(f.table.rows.map((r) => `${r.cells.geo} ${r.cells.gap}`)).toEqual(['Vlaams Gewest 17,9\u00a0procentpunt']);
    expect(f.notes.map((n) => n.text)).toContain('Gent: geen cijfers voor Belgische herkomst, dus geen kloof voor Niet-EU-herkomst.');
  });

  it('a kind without reference group says so and offers the trend, under a title without a blank', async () => {
    const f = await figure(rate({ view: 'gap', groups: ['geboren_belgie'], ref: null }));
    expect(f.status).toBe('empty');
    expect(f.title).not.toMatch(/:\s*(,|$)|tegenover\s+tegenover/);
  });
});

describe('target', () => {
  it('shows the latest drawn figure against the target, and the distance left', async () => {
    const f = await figure(rate({ view: 'target' }));
    expect(f.table.rows.map((r) => [r.cells.label, r.cells.latest, r.cells.target, r.cells.remaining])).toEqual([
      ['Belgische herkomst → 2020', '73,0\u00a0% (2017)', '80,0\u00a0%', 'nog 7,0\u00a0procentpunt'],
    ]);
    expect(f.sources.map((s) => s.id).sort()).toEqual(['new', 'print']);
  });

  it('an indicator without target offers indicators that have one', async () => {
    const f = await figure({ ...defaultState(catalog, 'gap', 'nl', 'target') });
    expect(f.status).toBe('empty');
    expect(f.suggestions.map((s) => s.state.indicator)).toEqual(['rate']);
  });
});

describe('honest states', () => {
  it('says “loading” — never “no figures” — while the data for this choice are on their way', async () => {
    const older = await load(rate());
    const f = figureOf(catalog, rate({ groups: ['niet_eu'] }), older);
    expect(f.status).toBe('loading');
    expect(f.sources).toEqual([]);
    expect(f.message).toBeNull();
    expect(figureOf(catalog, rate(), null).status).toBe('loading');
  });

  it('an error names what failed', () => {
    const f = figureOf(catalog, rate(), null, 'duckdb-eh.wasm: HTTP 404');
    expect(f.status).toBe('error');
    expect(f.message).toBe('duckdb-eh.wasm: HTTP 404');
  });

  it('data for one choice are keyed by what it needs: a table and a trend share them, a comparison does not filter years', () => {
    expect(needOf(catalog, rate({ view: 'table' })).key).toBe(needOf(catalog, rate()).key);
    expect(needOf(catalog, rate({ view: 'compare', years: [2014, 2015] })).need.years).toBeNull();
    expect(needOf(catalog, rate({ view: 'gap', groups: ['niet_eu'] })).need.groups).toEqual(['belgisch', 'niet_eu']);
  });
});

describe('views that cannot work are not carried into a new choice', () => {
  it('knows from the catalog which views can work', () => {
    expect(possibleViews(catalog, rate())).toEqual({
      trend: true,
      compare: true,
      gap: true,
      target: true,
      representation: false,
      table: true,
    });
    expect(possibleViews(catalog, { ...defaultState(catalog, 'gap'), groups: ['niet_eu'] })).toMatchObject({ gap: false, target: false });
  });

  it('a domain opens on its default indicator; a view it cannot show becomes the nearest that can', () => {
    expect(carryView(catalog, { ...defaultState(catalog, 'gap', 'nl', 'target') })).toBe('trend');
    const tr = toDomain(catalog, rate({ view: 'target' }), 'werk');
    expect(tr?.state.indicator).toBe('gap');
    expect(tr?.carried).toEqual({ from: 'target', to: 'trend' });
  });
});

describe('table', () => {
  it('lists every stated figure behind the trend, the drawn ones and the other source’s, with a title and a summary of its own', async () => {
    const f = await figure(rate({ view: 'table' }));
    expect([f.status, f.view, f.plot, f.title]).toEqual(['ready', 'table', null, 'Synthetische graad: de cijfers achter de grafiek']);
    expect(f.table.columns.map((c) => c.key)).toEqual(['geo', 'group', 'period', 'value', 'source', 'note']);
    expect(f.table.rows).toHaveLength(7);
    expect(f.table.rows.filter((r) => !r.primary).map((r) => [r.cells.value, r.cells.note])).toEqual([
      ['71,2\u00a0%', 'andere bron, niet getekend'],
    ]);
    // Only the figures' sources: the table draws no target mark.
    expect(f.sources.map((s) => s.id).sort()).toEqual(['new', 'old']);
    // Hollow dots, dashes and target marks belong to the chart; the note column says "other source".
    expect(f.notes).toEqual([]);
    expect(f.disagreements).toHaveLength(1);
    expect(f.summary.startsWith('Synthetische graad: de cijfers achter de grafiek: 7 cijfers. Belgische herkomst: 3 cijfers')).toBe(true);
    expect(f.caption).toBeNull();
  });

  it('with no group it says so, under the table’s own title; mixed kinds are said above the table', async () => {
    const none = await figure(rate({ view: 'table', groups: [] }));
    expect([none.status, none.view, none.title]).toEqual(['empty', 'table', 'Synthetische graad: de cijfers achter de grafiek']);
    const mixed = await figure(rate({ view: 'table', groups: ['belgisch', 'geboren_belgie'] }));
    expect(mixed.status).toBe('ready');
  });
});
