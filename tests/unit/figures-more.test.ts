/**
 * Figures where lower is better, school years, several places and the reasons for what is missing:
 * a second synthetic fixture (labelled synthetic) built on the first. Expected values by hand.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalog } from '../../src/lib/data/catalog';
import type { BootData } from '../../src/lib/data/manifest';
import { defaultState, type ViewState } from '../../src/lib/state/view-state';
import { carryView, figureOf, possibleViews } from '../../src/lib/views/index';
import { loadView } from '../../src/lib/views/load';
import { toIndicator } from '../../src/lib/state/transitions';
import type { Figure } from '../../src/lib/figure/types';
import { openExtract, runQuery } from '../../scripts/lib/duckdb-node';
import { buildTempExtract } from '../helpers/extract';
import { SCHOOL_FIXTURE as FIXTURE } from '../helpers/fixture';

let catalog: Catalog;
let figure: (s: ViewState) => Promise<Figure>;
beforeAll(async () => {
  const dir = await buildTempExtract(FIXTURE);
  catalog = (JSON.parse(readFileSync(join(dir, 'boot.json'), 'utf8')) as BootData).catalog;
  const conn = await openExtract(dir);
  figure = async (s) => figureOf(catalog, s, await loadView({ query: (q) => runQuery(conn, q) }, catalog, s));
}, 30_000);
const leave = (over: Partial<ViewState> = {}): ViewState => ({
  ...defaultState(catalog, 'leave'),
  groups: ['belgisch', 'niet_eu'],
  ...over,
});

describe('where lower is better', () => {
  it('the gap is the group minus the reference, positive while the group is behind; a skipped school year is dashed', async () => {
    const f = await figure(leave({ view: 'gap', groups: ['niet_eu'] }));
    expect(f.table.rows.map((r) => `${r.cells.period} ${r.cells.gap}`)).toEqual([
      '2016/2017 15,0\u00a0procentpunt',
      '2017/2018 12,5\u00a0procentpunt',
      '2019/2020 11,0\u00a0procentpunt',
    ]);
    expect(f.notes.find((n) => n.kind === 'gap_explain')?.text).toMatch(
      /^Kloof = cijfer van de groep min cijfer van Belgische herkomst \(lager is hier gunstiger\)/,
    );
    expect(f.notes.map((n) => n.kind)).toContain('bridged');
  });

  it('a target is reached only at or below it; the distance left is said as a positive number', async () => {
    const f = await figure(leave({ view: 'target' }));
    expect(f.table.rows.map((r) => [r.cells.latest, r.cells.target, r.cells.remaining])).toEqual([
      ['9,0\u00a0% (2019/2020)', '8,0\u00a0%', 'nog 1,0\u00a0procentpunt'],
    ]);
  });

  it('the trend of school years has no dashes between adjacent years, one before a skipped one', async () => {
    const f = await figure(leave());
    expect(f.title).toBe('Synthetisch schoolverlaten naar herkomst, Vlaams Gewest, 2016–2020');
    expect(f.notes.map((n) => n.kind)).toEqual(['bridged', 'target']);
    expect(f.summary).toContain('Grootste verschil in 2019/2020: 11,0\u00a0procentpunt tussen Niet-EU-herkomst en Belgische herkomst.');
  });
});

describe('several places', () => {
  it('a ranking across places names the place without a reference figure, and ranks the rest by gap', async () => {
    const f = await figure(leave({ view: 'gap', groups: ['niet_eu'], geos: ['vlaams_gewest', 'gent'] }));
    expect(f.title).toBe('Herkomstkloof in Synthetisch schoolverlaten tegenover Belgische herkomst, per plaats, 2020');
    expect(f.table.rows.map((r) => `${r.cells.geo} ${r.cells.gap}`)).toEqual(['Vlaams Gewest 11,0\u00a0procentpunt']);
    expect(f.notes.filter((n) => n.kind === 'missing').map((n) => n.text)).toEqual([
      'Gent: geen cijfers voor Belgische herkomst, dus geen kloof voor Niet-EU-herkomst.',
    ]);
  });

  it('a year in which no place has a gap offers the nearest years that have one', async () => {
    const f = await figure(leave({ view: 'gap', groups: ['niet_eu'], geos: ['vlaams_gewest', 'gent'], year: 2019 }));
    expect(f.status).toBe('empty');
    expect(f.message).toBe(
      'Geen kloof voor 2019: geen gekozen plaats heeft dat jaar een cijfer voor zowel Belgische herkomst als de gekozen groepen.',
    );
    expect(f.suggestions.map((s) => s.state.year)).toEqual([2020, 2018]);
  });

  it('the trend names a place–group pair without figures and a chosen year range without figures for a group', async () => {
    const f = await figure(leave({ geos: ['vlaams_gewest', 'gent'] }));
    expect(f.notes.filter((n) => n.kind === 'missing').map((n) => n.text)).toEqual(['Belgische herkomst: geen cijfers voor Gent.']);
    const years = await figure(leave({ years: [2019, 2020], geos: ['gent'] }));
    expect(years.notes.filter((n) => n.kind === 'missing').map((n) => n.text)).toEqual(['Belgische herkomst: geen cijfers voor Gent.']);
  });

  it('comparison: a series without a figure in the year is named with its latest period', async () => {
    const f = await figure(leave({ view: 'compare', year: 2018 }));
    expect(f.table.rows.map((r) => `${r.cells.label} ${r.cells.period} ${r.cells.value}`)).toEqual([
      'Belgische herkomst 2017/2018 9,5\u00a0%',
      'Niet-EU-herkomst 2017/2018 22,0\u00a0%',
    ]);
    const places = await figure(leave({ view: 'compare', geos: ['vlaams_gewest', 'gent'], year: 2018 }));
    expect(places.notes.map((n) => n.text)).toContain('Niet-EU-herkomst — Gent: geen cijfer voor 2018 (laatste: 2019/2020).');
  });
});

describe('which views can work, and carrying a view to another indicator', () => {
  it('an indicator with one group and no reference cannot show a gap; its target view works where a target exists', () => {
    const s = { ...defaultState(catalog, 'gap'), groups: ['niet_eu'] };
    expect(possibleViews(catalog, s)).toEqual({
      trend: true,
      compare: true,
      gap: false,
      target: false,
      representation: false,
      table: true,
    });
    expect(carryView(catalog, { ...s, view: 'gap' })).toBe('compare');
    expect(carryView(catalog, { ...s, view: 'target' })).toBe('trend');
    expect(possibleViews(catalog, leave())).toMatchObject({ gap: true, target: true });
  });

  it('picking another indicator keeps the view where it can, and says when it cannot', () => {
    const kept = toIndicator(catalog, leave({ view: 'gap' }), 'rate');
    expect(kept.state.view).toBe('gap');
    expect(kept.carried).toBeNull();
    const moved = toIndicator(catalog, leave({ view: 'target' }), 'gap');
    expect(moved.state.view).toBe('trend');
    expect(moved.carried).toEqual({ from: 'target', to: 'trend' });
  });
});
