/**
 * The whole Figure of every view, written out as text and compared with a committed file
 * (tests/unit/__snapshots__/figures/*.txt): title, unit, series and their styles, notes, sources,
 * table cells and numbers, summary, empty-state reasons and suggestions. The chart snapshots
 * (snapshots.test.ts) cover what is drawn; these cover everything said around it, in both
 * languages, for ready, empty, loading and error Figures. Each file was read and checked against
 * the synthetic fixture by hand when it was written; update deliberately with
 * `npx vitest run tests/unit/figure-text.test.ts -u` and read the diff.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalog } from '../../src/lib/data/catalog';
import type { BootData } from '../../src/lib/data/manifest';
import type { Figure } from '../../src/lib/figure/types';
import { defaultState, type ViewState } from '../../src/lib/state/view-state';
import { figureOf, offeredViews, possibleViews } from '../../src/lib/views/index';
import { loadView } from '../../src/lib/views/load';
import type { ViewData } from '../../src/lib/views/types';
import { openExtract, runQuery } from '../../scripts/lib/duckdb-node';
import { buildTempExtract } from '../helpers/extract';
import { APPROX_FIXTURE, REPRESENTATION_FIXTURE, SCHOOL_FIXTURE } from '../helpers/fixture';

let catalog: Catalog;
let load: (s: ViewState) => Promise<ViewData>;
beforeAll(async () => {
  const dir = await buildTempExtract(SCHOOL_FIXTURE);
  catalog = (JSON.parse(readFileSync(join(dir, 'boot.json'), 'utf8')) as BootData).catalog;
  const conn = await openExtract(dir);
  load = (s) => loadView({ query: (q) => runQuery(conn, q) }, catalog, s);
}, 30_000);

/** The fields of a suggestion's state that differ from the state it was offered for. */
function changed(from: ViewState, to: ViewState): string {
  return (Object.keys(to) as (keyof ViewState)[])
    .filter((k) => JSON.stringify(from[k]) !== JSON.stringify(to[k]))
    .map((k) => `${k}=${JSON.stringify(to[k])}`)
    .join(' ');
}

/** A Figure as readable text, one fact per line, so a change shows as a small diff. */
export function figureText(f: Figure, s: ViewState): string {
  const lines = [
    `status: ${f.status}`,
    `indicator: ${f.indicator}`,
    `view: ${f.view}`,
    `title: ${f.title}`,
    `subtitle: ${f.subtitle}`,
    `unit: ${f.unit}`,
    `caption: ${f.caption ?? '(none)'}`,
    `message: ${f.message ?? '(none)'}`,
    `chart: ${f.plot ? 'drawn' : 'none'}`,
    'series:',
    ...f.series.map((x) => `  ${x.key} | ${x.geo} | ${x.group} | ${x.label} | ${x.colour} | ${x.symbol}`),
    'notes:',
    ...f.notes.map((n) => `  [${n.kind}] ${n.text}`),
    `sources: ${f.sources.map((x) => x.id).join(', ')}`,
    'disagreements:',
    ...f.disagreements.map((d) => `  ${d.text}`),
    'table columns:',
    ...f.table.columns.map((c) => `  ${c.key} "${c.label}"${c.numeric ? ' numeric' : ''}`),
    'table rows:',
    ...f.table.rows.map(
      (r) =>
        `  ${r.key}${r.primary ? '' : ' (alternative)'}\n` +
        `    ${Object.entries(r.cells)
          .map(([k, v]) => `${k}=${v}`)
          .join(' | ')}\n` +
        `    ${Object.entries(r.values)
          .map(([k, v]) => `${k}=${v}`)
          .join(' | ')}`,
    ),
    'export rows:',
    ...f.rows.map(
      (r) =>
        `  ${r.measure} ${r.indicator} ${r.geo} ${r.group}${r.reference ? ` vs ${r.reference}` : ''} ${r.period}${r.age ? ` (${r.age})` : ''}: ` +
        `${r.value} ${r.unit}${r.approx ? ' approx' : ''} [${r.sources.join(', ')}]`,
    ),
    `summary: ${f.summary}`,
    'suggestions:',
    ...f.suggestions.map((x) => `  ${x.label} → ${changed(s, x.state)}`),
  ];
  return lines.join('\n').replace(/\u00a0/g, '␣') + '\n';
}

const rate = (over: Partial<ViewState> = {}): ViewState => ({ ...defaultState(catalog, 'rate'), groups: ['belgisch', 'niet_eu'], ...over });
const leave = (over: Partial<ViewState> = {}): ViewState => ({
  ...defaultState(catalog, 'leave'),
  groups: ['belgisch', 'niet_eu'],
  ...over,
});
const gapInd = (over: Partial<ViewState> = {}): ViewState => ({ ...defaultState(catalog, 'gap'), ...over });

const CASES: [string, () => ViewState][] = [
  ['trend', () => rate()],
  ['trend-en', () => rate({ lang: 'en' })],
  ['trend-places', () => rate({ geos: ['vlaams_gewest', 'gent'] })],
  ['trend-years', () => rate({ years: [2016, 2017], geos: ['vlaams_gewest', 'gent'] })],
  ['trend-empty-years', () => rate({ years: [2010, 2012] })],
  ['trend-mixed-kinds', () => rate({ groups: ['belgisch', 'niet_eu', 'geboren_belgie'] })],
  ['trend-school', () => leave()],
  ['compare', () => rate({ view: 'compare' })],
  ['compare-year', () => rate({ view: 'compare', year: 2014, geos: ['vlaams_gewest', 'gent'] })],
  ['compare-en', () => leave({ view: 'compare', lang: 'en', geos: ['vlaams_gewest', 'gent'], year: 2018 })],
  ['gap', () => rate({ view: 'gap', groups: ['niet_eu'] })],
  ['gap-en', () => rate({ view: 'gap', groups: ['niet_eu'], lang: 'en' })],
  ['gap-places', () => rate({ view: 'gap', groups: ['niet_eu'], geos: ['vlaams_gewest', 'gent'] })],
  ['gap-places-year', () => leave({ view: 'gap', groups: ['niet_eu'], geos: ['vlaams_gewest', 'gent'], year: 2019 })],
  ['gap-no-reference', () => gapInd({ view: 'gap' })],
  ['gap-lower', () => leave({ view: 'gap', groups: ['niet_eu'] })],
  ['gap-no-year-places', () => leave({ view: 'gap', groups: ['niet_eu'], geos: ['vlaams_gewest', 'gent'], year: 2010 })],
  ['gap-no-reference-place', () => rate({ view: 'gap', groups: ['niet_eu'], geos: ['gent'] })],
  ['target', () => rate({ view: 'target' })],
  ['target-missing-place', () => leave({ view: 'target', geos: ['vlaams_gewest', 'gent'], lang: 'en' })],
  ['target-no-figures', () => leave({ view: 'target', geos: ['gent'] })],
  ['target-en', () => leave({ view: 'target', lang: 'en' })],
  ['target-none', () => gapInd({ view: 'target' })],
  ['table', () => rate({ view: 'table' })],
  ['table-en', () => rate({ view: 'table', lang: 'en', geos: ['vlaams_gewest', 'gent'] })],
];

describe('the text of every Figure (synthetic fixture)', () => {
  it.each(CASES)('%s', async (name, state) => {
    const s = state();
    const f = figureOf(catalog, s, await load(s));
    await expect(figureText(f, s)).toMatchFileSnapshot(`__snapshots__/figures/${name}.txt`);
  });

  it('loading: data for another choice never draws; error: the message names what failed', async () => {
    const s = rate({ view: 'gap', groups: ['niet_eu'] });
    const old = await load(rate({ geos: ['gent'] }));
    await expect(figureText(figureOf(catalog, s, old), s)).toMatchFileSnapshot('__snapshots__/figures/loading.txt');
    await expect(figureText(figureOf(catalog, s, null, 'boot.json: HTTP 404'), s)).toMatchFileSnapshot('__snapshots__/figures/error.txt');
    const unknown = { ...rate(), indicator: 'nope', lang: 'en' as const };
    await expect(figureText(figureOf(catalog, unknown, null), unknown)).toMatchFileSnapshot(
      '__snapshots__/figures/error-unknown-indicator.txt',
    );
  });
});

describe('figures stated approximately (synthetic fixture with "ongeveer")', () => {
  let approxCatalog: Catalog;
  let approxLoad: (s: ViewState) => Promise<ViewData>;
  beforeAll(async () => {
    const dir = await buildTempExtract(APPROX_FIXTURE);
    approxCatalog = (JSON.parse(readFileSync(join(dir, 'boot.json'), 'utf8')) as BootData).catalog;
    const conn = await openExtract(dir);
    approxLoad = (s) => loadView({ query: (q) => runQuery(conn, q) }, approxCatalog, s);
  }, 30_000);

  it.each([
    ['trend', {}],
    ['compare', { view: 'compare' }],
    ['gap', { view: 'gap', groups: ['niet_eu'] }],
    ['target', { view: 'target' }],
    ['table', { view: 'table', lang: 'en' }],
  ] as [string, Partial<ViewState>][])('%s marks them with ≈ and says why', async (name, over) => {
    const s: ViewState = { ...defaultState(approxCatalog, 'rate'), groups: ['belgisch', 'niet_eu'], ...over };
    const f = figureOf(approxCatalog, s, await approxLoad(s));
    await expect(figureText(f, s)).toMatchFileSnapshot(`__snapshots__/figures/approx-${name}.txt`);
  });
});

describe('staff against the population of the same place and year (synthetic representation fixture)', () => {
  let reprCatalog: Catalog;
  let reprLoad: (s: ViewState) => Promise<ViewData>;
  beforeAll(async () => {
    const dir = await buildTempExtract(REPRESENTATION_FIXTURE);
    reprCatalog = (JSON.parse(readFileSync(join(dir, 'boot.json'), 'utf8')) as BootData).catalog;
    const conn = await openExtract(dir);
    reprLoad = (s) => loadView({ query: (q) => runQuery(conn, q) }, reprCatalog, s);
  }, 30_000);

  it.each([
    // Gent only, one group: rows labelled by period alone; 2016 approximate; 2019 without a pair.
    ['gent', { geos: ['gent'], groups: ['niet_eu'] }],
    // Two places and two groups: rows name place and group; the region's 2018 population is 0.
    ['places-groups', { geos: ['vlaams_gewest', 'gent', 'antwerpen'], groups: ['belgisch', 'niet_eu'], lang: 'en' }],
    // Antwerpen has a population figure and no staff figure: empty, with the places that have a
    // pair for at least one of the groups (the region has one for Non-EU only).
    ['no-pairs', { geos: ['antwerpen'], groups: ['belgisch', 'niet_eu'] }],
    // An indicator without a yardstick asked for this view.
    ['no-yardstick', { indicator: 'rate', geos: ['gent'], groups: ['niet_eu'] }],
  ] as [string, Partial<ViewState>][])('%s', async (name, over) => {
    const s: ViewState = { ...defaultState(reprCatalog, 'staff'), view: 'representation', ...over };
    const f = figureOf(reprCatalog, s, await reprLoad(s));
    await expect(figureText(f, s)).toMatchFileSnapshot(`__snapshots__/figures/representation-${name}.txt`);
  });

  it('the tab is offered for the staff indicator only, and marked possible only where a place has a pair', () => {
    const s: ViewState = { ...defaultState(reprCatalog, 'staff'), view: 'representation', groups: ['belgisch'] };
    expect(offeredViews(reprCatalog, s)).toContain('representation');
    expect(offeredViews(reprCatalog, { ...s, indicator: 'rate' })).not.toContain('representation');
    expect(possibleViews(reprCatalog, { ...s, geos: ['gent'] }).representation).toBe(true);
    // The region has a pair for Non-EU origin, none for Belgian origin.
    expect(possibleViews(reprCatalog, { ...s, geos: ['vlaams_gewest'] }).representation).toBe(false);
    expect(possibleViews(reprCatalog, { ...s, geos: ['vlaams_gewest'], groups: ['belgisch', 'niet_eu'] }).representation).toBe(true);
    expect(possibleViews(reprCatalog, { ...s, geos: ['antwerpen'], groups: ['niet_eu'] }).representation).toBe(false);
  });
});
