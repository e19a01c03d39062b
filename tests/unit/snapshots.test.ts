/**
 * The chart of every view, rendered to SVG for a fixed synthetic fixture and compared with a
 * committed file (tests/unit/__snapshots__/*.html), as Observable Plot tests its own marks: a
 * change to any mark, scale, label or colour shows up as a readable diff. Update deliberately
 * with `npx vitest run tests/unit/snapshots.test.ts -u`.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as Plot from '@observablehq/plot';
import { JSDOM } from 'jsdom';
import type { Catalog } from '../../src/lib/data/catalog';
import { defaultState, type ViewState } from '../../src/lib/state/view-state';
import { figureOf } from '../../src/lib/views/index';
import { loadView } from '../../src/lib/views/load';
import { openExtract, runQuery } from '../../scripts/lib/duckdb-node';
import { syntheticExtract } from '../helpers/extract';

let catalog: Catalog;
let render: (s: ViewState, width: number) => Promise<string>;
beforeAll(async () => {
  const { dir, boot } = await syntheticExtract();
  catalog = boot.catalog;
  const conn = await openExtract(dir);
  render = async (s, width) => {
    const f = figureOf(catalog, s, await loadView({ query: (q) => runQuery(conn, q) }, catalog, s));
    if (!f.plot) throw new Error(`${s.view}: nothing drawn (${f.status}: ${f.message})`);
    // A document of its own (not the jsdom test environment, which costs seconds per run).
    const { document } = new JSDOM('').window;
    const chart = Plot.plot({ ...f.plot(width), document });
    // One element per line, so a change reads as a small diff.
    return chart.outerHTML.replace(/></g, '>\n<') + '\n';
  };
}, 30_000);
const rate = (over: Partial<ViewState> = {}): ViewState => ({ ...defaultState(catalog, 'rate'), groups: ['belgisch', 'niet_eu'], ...over });

describe('chart snapshots (synthetic fixture)', () => {
  it.each([
    ['trend', () => rate(), 640],
    ['trend-places', () => rate({ geos: ['vlaams_gewest', 'gent'] }), 640],
    ['trend-narrow', () => rate(), 360],
    ['compare', () => rate({ view: 'compare' }), 640],
    ['gap', () => rate({ view: 'gap', groups: ['niet_eu'] }), 640],
    ['gap-places', () => rate({ view: 'gap', groups: ['niet_eu'], geos: ['vlaams_gewest', 'gent'] }), 640],
    ['target', () => rate({ view: 'target' }), 640],
  ] as const)('%s', async (name, state, width) => {
    await expect(await render(state(), width)).toMatchFileSnapshot(`__snapshots__/${name}.html`);
  });
});
