/**
 * Offline (issue 10): after the first visit the service worker holds the whole app — page,
 * scripts, DuckDB's worker and wasm, boot.json, manifest, the Parquet extract and the prebuilt
 * views — so a reload without network opens and works, links to other views included. A new build
 * replaces the offline copy and the open page says so.
 *
 * Runs on a copy of dist/ served from a temporary folder, so the update test can change the
 * worker file as a new deploy would. The expected file list is read from that folder, not from
 * the code under test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
// @ts-expect-error plain ESM module without types
import { startServer } from '../../scripts/serve.mjs';
import { settled } from './expect';
import { ROOT, SCREENSHOTS, startHarness, waitForEngine, type Harness } from './harness';

let h: Harness;
let root: string;
let server: Server;
let url: string;
beforeAll(async () => {
  h = await startHarness();
  root = mkdtempSync(join(tmpdir(), 'offline-'));
  cpSync(join(ROOT, 'dist'), root, { recursive: true });
  ({ server, url } = (await startServer({ root, port: 0 })) as { server: Server; url: string });
});
afterAll(async () => {
  await h?.close();
  await new Promise((r) => server?.close(() => r(null)));
  rmSync(root, { recursive: true, force: true });
});

/**
 * Every file of the build the app can ask for: the page, assets/, and data/ with its views/ — not
 * the .br and .gz copies, which the server sends in their place.
 */
function buildFiles(): number {
  const count = (dir: string): number =>
    readdirSync(join(root, dir), { withFileTypes: true }).reduce(
      (n, e) => n + (e.isDirectory() ? count(join(dir, e.name)) : /\.(br|gz)$/.test(e.name) ? 0 : 1),
      0,
    );
  // '' (the page) + assets + data (boot.json, manifest.json, Parquet, views, CSV zip).
  return 1 + count('assets') + count('data');
}

async function visit(context: BrowserContext, path: string): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(new URL(path, url).toString());
  return page;
}

/** Wait until the service worker is active and its cache holds `files` entries. */
async function cached(page: Page, files: number): Promise<string[]> {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await expect
    .poll(
      () =>
        page.evaluate(async () => {
          const keys = await caches.keys();
          return keys.length === 1 ? (await (await caches.open(keys[0])).keys()).length : -keys.length;
        }),
      { timeout: 60_000 },
    )
    .toBe(files);
  return page.evaluate(() => caches.keys());
}

describe('offline', () => {
  it('after one visit, a reload without network opens the app, draws charts and starts the engine; nothing leaves localhost', async () => {
    const context = await h.newContext({ serviceWorkers: 'allow' });
    const requests: string[] = [];
    context.on('request', (r) => requests.push(r.url()));
    const page = await visit(context, '/');
    await waitForEngine(page);
    const keys = await cached(page, buildFiles());
    expect(keys).toHaveLength(1);

    await context.setOffline(true);
    await page.reload();
    expect((await settled(page)).status).toBe('ready');
    await waitForEngine(page);
    await expect.poll(() => page.locator('[data-testid="chart"] svg').count()).toBeGreaterThan(0);

    // A link to another domain's indicator and view, opened offline in a new tab.
    const other = await visit(context, '/?ind=vroegtijdige_schoolverlaters&view=compare&lang=en');
    const shown = await settled(other);
    expect([shown.status, shown.view, shown.indicator]).toEqual(['ready', 'compare', 'vroegtijdige_schoolverlaters']);
    await waitForEngine(other);
    // A choice the prebuilt files do not hold: the engine answers, from the cached extract.
    await other.getByTestId('indicator').selectOption({ index: 1 });
    expect((await settled(other)).status).not.toBe('error');

    expect(requests.filter((u) => !u.startsWith(url) && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([]);
    await context.close();
  }, 180_000);

  it('a new build replaces the offline copy, and the open page says which data version it now holds', async () => {
    const context = await h.newContext({ serviceWorkers: 'allow' });
    const page = await visit(context, '/');
    await waitForEngine(page);
    const [before] = await cached(page, buildFiles());

    // A new deploy: the same files, a worker with another build id and data version.
    const sw = join(root, 'sw.js');
    const original = readFileSync(sw, 'utf8');
    const changed = original
      .replace(/const BUILD = "[^"]+"/, 'const BUILD = "test-build-2"')
      .replace(/const DATA_VERSION = "[^"]+"/, 'const DATA_VERSION = "test-v2"');
    expect(changed).not.toBe(original);
    writeFileSync(sw, changed);
    // The build's compressed copies of the old worker would be sent in its place.
    rmSync(`${sw}.br`, { force: true });
    rmSync(`${sw}.gz`, { force: true });
    try {
      await page.reload();
      await expect.poll(() => page.getByTestId('offline-updated').textContent(), { timeout: 60_000 }).toContain('gegevensversie test-v2');
      const keys = await page.evaluate(() => caches.keys());
      expect(keys).toEqual(['herkomstkloof-test-build-2']);
      expect(keys).not.toContain(before);
      // The page's data is another version than the copy now holds: it offers a reload.
      await expect.poll(() => page.getByTestId('offline-updated').locator('button').count()).toBe(1);
      await page.screenshot({ path: join(SCREENSHOTS, 'offline-updated.png') });
    } finally {
      writeFileSync(sw, original);
    }
    await context.close();
  }, 180_000);
});
