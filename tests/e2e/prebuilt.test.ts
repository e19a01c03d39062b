/**
 * Shared links to any indicator's opening view draw from the prebuilt files, without the engine:
 * with DuckDB's wasm unavailable, the chart still shows exactly what the oracle expects.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadOracle, type Oracle } from '../oracle/index';
import { differences, settled } from './expect';
import { ROOT, startHarness, type Harness } from './harness';

let h: Harness;
let oracle: Oracle;
beforeAll(async () => {
  h = await startHarness();
  oracle = await loadOracle(join(ROOT, 'data'));
});
afterAll(async () => {
  await h?.close();
});

describe('links that draw before (and without) the engine', () => {
  it.each([
    ['another domain’s indicator', '/?ind=vroegtijdige_schoolverlaters'],
    ['its comparison', '/?ind=vroegtijdige_schoolverlaters&view=compare'],
    ['a target view in English', '/?ind=vo_vrouwen_topkader_pct&view=target&lang=en'],
  ])('%s: drawn from views/*.json while the wasm cannot load, with the oracle’s figures', async (_name, path) => {
    const page = await h.open('about:blank');
    const prebuilt: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/data/views/')) prebuilt.push(r.url());
    });
    await page.route('**/*.wasm', (route) => route.fulfill({ status: 404, body: 'not found' }));
    await page.goto(new URL(path, h.url).toString());
    const shown = await settled(page);
    expect(shown.status).toBe('ready');
    expect(prebuilt).toHaveLength(1);
    expect(await differences(page, oracle, path.includes('lang=en') ? 'en' : 'nl')).toEqual([]);
    await page.context().close();
  });
});
