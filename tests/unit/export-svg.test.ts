/**
 * The exported image (SVG) of a Figure, written out and compared with a committed file
 * (tests/unit/__snapshots__/svg/*.svg): where each line of title, legend, caption, message, chart,
 * table, notes, sources and permalink sits, how long lines wrap, and how the legend breaks into
 * rows on a narrow image. Each file was opened as an image when it was written; update
 * deliberately with `npx vitest run tests/unit/export-svg.test.ts -u` and look at the diff.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import type { Catalog } from '../../src/lib/data/catalog';
import type { BootData } from '../../src/lib/data/manifest';
import { defaultState, type ViewState } from '../../src/lib/state/view-state';
import { figureOf } from '../../src/lib/views/index';
import { loadView } from '../../src/lib/views/load';
import { figureSvg } from '../../src/lib/export/figure-svg';
import { openExtract, runQuery } from '../../scripts/lib/duckdb-node';
import { buildTempExtract } from '../helpers/extract';
import { REPRESENTATION_FIXTURE, SCHOOL_FIXTURE } from '../helpers/fixture';

type Render = (s: ViewState, width: number) => Promise<string>;

async function renderer(fixture: typeof SCHOOL_FIXTURE): Promise<{ catalog: Catalog; render: Render }> {
  const dir = await buildTempExtract(fixture);
  const catalog = (JSON.parse(readFileSync(join(dir, 'boot.json'), 'utf8')) as BootData).catalog;
  const conn = await openExtract(dir);
  const render: Render = async (s, width) => {
    const f = figureOf(catalog, s, await loadView({ query: (q) => runQuery(conn, q) }, catalog, s));
    const { document } = new JSDOM('').window;
    const { svg, height } = figureSvg({ figure: f, lang: s.lang, width, version: 'v1', permalink: 'https://example.org/?v=v1', document });
    // One element per line, so a change reads as a small diff.
    return `${width}x${height}\n${svg.replace(/></g, '>\n<')}\n`;
  };
  return { catalog, render };
}

let school: { catalog: Catalog; render: Render };
let repr: { catalog: Catalog; render: Render };
beforeAll(async () => {
  school = await renderer(SCHOOL_FIXTURE);
  repr = await renderer(REPRESENTATION_FIXTURE);
}, 30_000);

const rate = (over: Partial<ViewState> = {}): ViewState => ({
  ...defaultState(school.catalog, 'rate'),
  groups: ['belgisch', 'niet_eu'],
  ...over,
});

describe('exported image of a Figure (synthetic fixtures)', () => {
  it.each([
    // Two series: a legend of one row; several sources.
    ['trend', () => rate(), 800],
    // Four series on a narrow image: the legend breaks into rows; long lines wrap.
    ['trend-places-narrow', () => rate({ geos: ['vlaams_gewest', 'gent'] }), 360],
    // Groups of two kinds: the caption that warns about it, in italics.
    ['trend-mixed-kinds', () => rate({ groups: ['belgisch', 'niet_eu', 'geboren_belgie'] }), 800],
    // One series and one source: no legend, "Bron:".
    ['compare-one-source', () => rate({ view: 'compare', year: 2014, groups: ['niet_eu'] }), 800],
    // The table view: its rows written out as lines, in English.
    ['table-en', () => rate({ view: 'table', lang: 'en' }), 800],
    // Empty: the reason instead of a chart, no sources.
    ['empty', () => rate({ years: [2010, 2012] }), 800],
  ] as [string, () => ViewState, number][])('%s', async (name, state, width) => {
    await expect(await school.render(state(), width)).toMatchFileSnapshot(`__snapshots__/svg/${name}.svg.txt`);
  });

  it('representation', async () => {
    const s: ViewState = { ...defaultState(repr.catalog, 'staff'), view: 'representation', geos: ['gent'], groups: ['niet_eu'] };
    await expect(await repr.render(s, 640)).toMatchFileSnapshot('__snapshots__/svg/representation.svg.txt');
  });
});
