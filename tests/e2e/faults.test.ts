/**
 * Issue 10, faults degrade, never hang: DuckDB's wasm missing or served with the wrong type, boot.json
 * missing or answered with HTML, a truncated Parquet file. Each is named, in the page's language,
 * where the user looks, within the time limit; what can be drawn still is; a retry works once the
 * fault is gone. Expected texts are written out by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page, Route } from 'playwright-core';
import { SCREENSHOTS, startHarness, waitForEngine, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const points = (page: Page) => page.locator('[data-testid="chart"] g.trend-point > *').count();
const panelStatus = (page: Page) => page.getByTestId('panel').getAttribute('data-status');
/** A choice the build did not precompute: only the engine can draw it. */
const needEngine = (page: Page) => page.locator('[data-testid="groups"] input:checked').first().uncheck();

/** A page whose requests matching `pattern` are answered by `handler` until the returned function is called. */
async function faulty(path: string, pattern: string, handler: (route: Route) => Promise<void> | void) {
  const page = await h.newContext({ viewport: { width: 1280, height: 900 } }).then((c) => c.newPage());
  page.on('request', (r) => h.requests.push(r.url()));
  await page.route(pattern, handler);
  await page.goto(new URL(path, h.url).toString());
  return { page, fix: () => page.unroute(pattern) };
}

describe('DuckDB cannot start', () => {
  it('wasm 404: named within the time limit, the default view drawn, retry works once the file is back', async () => {
    const t0 = Date.now();
    const { page, fix } = await faulty('/', '**/*.wasm', (route) => route.fulfill({ status: 404, body: 'not found' }));
    await page.waitForSelector('[data-testid="engine-status"][data-status="failed"]', { timeout: 25_000 });
    expect(Date.now() - t0).toBeLessThan(25_000);
    expect(await page.getByTestId('engine-status').innerText()).toMatch(
      /^De rekenmodule kon niet starten: het bestand duckdb-eh-[\w-]+\.wasm kon niet geladen worden \(HTTP 404\)\./,
    );
    expect(await points(page)).toBe(11);
    await needEngine(page);
    await expect.poll(() => panelStatus(page)).toBe('error');
    expect(await page.getByTestId('error').innerText()).toMatch(/duckdb-eh-[\w-]+\.wasm kon niet geladen worden \(HTTP 404\)/);
    await page.screenshot({ path: join(SCREENSHOTS, 'fault-wasm-404-nl.png'), fullPage: true });
    // Retry, in the panel, once the file is served again: the engine starts and draws the choice.
    await fix();
    await page.getByTestId('panel').getByTestId('retry').click();
    await waitForEngine(page);
    await expect.poll(() => panelStatus(page), { timeout: 30_000 }).toBe('ready');
    expect(await page.getByTestId('engine-retry').count()).toBe(0);
    await page.context().close();
  }, 120_000);

  it('wasm served as HTML: the type is named, in English with lang=en, with a retry button', async () => {
    const { page } = await faulty('/?lang=en', '**/*.wasm', (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><p>index</p>' }),
    );
    await page.waitForSelector('[data-testid="engine-status"][data-status="failed"]', { timeout: 25_000 });
    expect(await page.getByTestId('engine-status').innerText()).toMatch(
      /^The query engine could not start: the file duckdb-eh-[\w-]+\.wasm is served as “text\/html”, not as the right file type\./,
    );
    expect(await page.getByTestId('engine-retry').innerText()).toBe('Try again');
    expect(await points(page)).toBe(11);
    await page.screenshot({ path: join(SCREENSHOTS, 'fault-wasm-mime-en.png'), fullPage: true });
    await page.context().close();
  }, 120_000);
  it('a wasm download that never finishes: the time limit ends the wait and names the files', async () => {
    const t0 = Date.now();
    // HEAD answers (the file exists), the download itself never arrives.
    const { page } = await faulty('/', '**/*.wasm', (route) => (route.request().method() === 'HEAD' ? route.continue() : undefined));
    await page.waitForSelector('[data-testid="engine-status"][data-status="failed"]', { timeout: 40_000 });
    // 20 s limit, plus the page's own load on a busy machine.
    expect(Date.now() - t0).toBeGreaterThan(19_000);
    expect(Date.now() - t0).toBeLessThan(40_000);
    expect(await page.getByTestId('engine-status').innerText()).toMatch(
      /^De rekenmodule kon niet starten: duckdb-browser-eh\.worker-[\w-]+\.js \/ duckdb-eh-[\w-]+\.wasm startte niet binnen 20 seconden\./,
    );
    expect(await points(page)).toBe(11);
    await page.screenshot({ path: join(SCREENSHOTS, 'fault-wasm-timeout-nl.png'), fullPage: true });
    await page.context().close();
  }, 120_000);
});

describe('boot.json missing or broken', () => {
  it('404: the app draws from the engine and says boot.json was missing', async () => {
    const { page } = await faulty('/', '**/data/boot.json', (route) => route.fulfill({ status: 404, body: 'not found' }));
    await page.waitForSelector('[data-testid="chart"] svg g.trend-point > *', { timeout: 60_000 });
    expect(await points(page)).toBe(11);
    expect(await page.getByTestId('title').innerText()).toBe('Werkzaamheidsgraad naar geboorteland, Vlaams Gewest, 2011–2023');
    expect(await page.getByTestId('boot-fallback').innerText()).toBe(
      'Het startbestand ontbrak of was onleesbaar (het bestand boot.json kon niet geladen worden (HTTP 404)); de cijfers komen rechtstreeks uit de gegevensbestanden.',
    );
    await page.screenshot({ path: join(SCREENSHOTS, 'fault-boot-404-nl.png'), fullPage: true });
    await page.context().close();
  }, 120_000);

  it('answered with index.html (a host that serves the app for every missing file): named, in English, still drawn', async () => {
    const { page } = await faulty('/?lang=en', '**/data/boot.json', (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><html><div id="app"></div></html>' }),
    );
    await page.waitForSelector('[data-testid="chart"] svg g.trend-point > *', { timeout: 60_000 });
    expect(await points(page)).toBe(11);
    expect(await page.getByTestId('boot-fallback').innerText()).toBe(
      'The start file was missing or unreadable (the file boot.json is unreadable: the server did not return a valid data file); the figures come straight from the data files.',
    );
    // Another domain works too: its catalog came from the engine's tables.
    await page.locator('[data-testid="domains"] button[data-domain="personeel"]').click();
    await expect.poll(() => panelStatus(page), { timeout: 30_000 }).toBe('ready');
    await page.screenshot({ path: join(SCREENSHOTS, 'fault-boot-html-en.png'), fullPage: true });
    await page.context().close();
  }, 120_000);
  it('boot.json and the wasm both missing: both named in one message, and retry draws once the wasm is back', async () => {
    const page = await h.newContext({ viewport: { width: 1280, height: 900 } }).then((c) => c.newPage());
    await page.route('**/data/boot.json', (route) => route.fulfill({ status: 404, body: 'not found' }));
    await page.route('**/*.wasm', (route) => route.fulfill({ status: 404, body: 'not found' }));
    await page.goto(new URL('/', h.url).toString());
    const error = page.getByTestId('boot-error');
    await error.waitFor({ timeout: 30_000 });
    expect(await error.locator('p').innerText()).toMatch(
      /^De gegevens konden niet geladen worden: het bestand boot\.json kon niet geladen worden \(HTTP 404\); het bestand duckdb-eh-[\w-]+\.wasm kon niet geladen worden \(HTTP 404\)\.$/,
    );
    await page.screenshot({ path: join(SCREENSHOTS, 'fault-boot-and-wasm-nl.png'), fullPage: true });
    await page.unroute('**/*.wasm');
    await error.getByTestId('retry').click();
    await page.waitForSelector('[data-testid="chart"] svg g.trend-point > *', { timeout: 60_000 });
    expect(await points(page)).toBe(11);
    expect(await page.getByTestId('boot-fallback').count()).toBe(1);
    await page.context().close();
  }, 120_000);
});

describe('a bad data file', () => {
  it('a truncated observations.parquet is named in Dutch where the figures would be, and retry loads it once it is whole', async () => {
    const { page, fix } = await faulty('/', '**/data/observations.parquet*', async (route) => {
      const whole = await (await route.fetch()).body();
      await route.fulfill({ status: 200, contentType: 'application/vnd.apache.parquet', body: whole.subarray(0, whole.length >> 1) });
    });
    await page.waitForSelector('[data-testid="engine-status"][data-status="failed"]', { timeout: 60_000 });
    // The default view came with the page and still draws.
    expect(await points(page)).toBe(11);
    await needEngine(page);
    await expect.poll(() => panelStatus(page)).toBe('error');
    const panel = page.getByTestId('panel');
    expect(await panel.getByTestId('error').innerText()).toBe(
      'De cijfers konden niet geladen worden: het bestand observations.parquet is onvolledig of beschadigd (het verschilt van manifest.json). Wat zonder deze cijfers getekend kan worden, blijft werken.',
    );
    // Never blamed on the data: no "no figures" state.
    expect(await page.getByTestId('empty').count()).toBe(0);
    expect(await panel.getByTestId('retry').innerText()).toBe('Opnieuw proberen');
    await page.screenshot({ path: join(SCREENSHOTS, 'fault-parquet-truncated-nl.png'), fullPage: true });
    await fix();
    await panel.getByTestId('retry').click();
    await waitForEngine(page);
    await expect.poll(() => panelStatus(page), { timeout: 30_000 }).toBe('ready');
    expect(await points(page)).toBeGreaterThan(0);
    await page.context().close();
  }, 120_000);
});

describe('the Content-Security-Policy in Chromium', () => {
  /** Record every CSP violation the page and its worker report. */
  const recordViolations = (page: Page) =>
    page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __csp: string[] }).__csp = seen;
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
    });

  it('the served policy lets the app work: engine, a query, no violation', async () => {
    const page = await h.newContext({ viewport: { width: 1280, height: 900 } }).then((c) => c.newPage());
    await recordViolations(page);
    const res = await page.goto(new URL('/?grp=geboren_belgie~geboren_buiten_eu', h.url).toString());
    expect(res?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    await waitForEngine(page);
    await expect.poll(() => panelStatus(page), { timeout: 30_000 }).toBe('ready');
    expect(await points(page)).toBe(9);
    expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
    await page.context().close();
  }, 120_000);

  it("the page generates no JavaScript ('unsafe-eval' is not allowed), yet the extract loads and a user's file is checked and added", async () => {
    const page = await h.newContext({ viewport: { width: 1280, height: 900 } }).then((c) => c.newPage());
    await recordViolations(page);
    const res = await page.goto(new URL('/', h.url).toString());
    const policy = res?.headers()['content-security-policy'] ?? '';
    expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(policy).not.toContain(" 'unsafe-eval'");
    const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(meta).toContain("script-src 'self' 'wasm-unsafe-eval';");
    await page.waitForSelector('[data-testid="engine-status"][data-status="ready"]', { timeout: 40_000 });
    expect(await points(page)).toBe(11);
    await page.locator('[data-testid="own-data"] > summary').click();
    const csv = 'indicator;gemeente;jaar;herkomst;waarde\nAandeel (synthetisch);44021;2019;Belgische herkomst;71,5\n';
    await page.getByTestId('own-file').setInputFiles({ name: 'synthetisch.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByTestId('own-check').click({ timeout: 30_000 });
    await page.getByTestId('own-report').waitFor({ timeout: 30_000 });
    await page.getByTestId('own-add').click();
    await page.getByTestId('own-done').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('own-error').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('another site cannot frame the app, only its embed view', async () => {
    const page = await h.newContext({ viewport: { width: 1280, height: 900 } }).then((c) => c.newPage());
    // A page on another origin (the harness's server for data:, which sends no CSP) framing both.
    await page.setContent(`<iframe id="app" src="${h.url}"></iframe><iframe id="embed" src="${h.url}?embed=1"></iframe>`);
    const embed = (await (await page.waitForSelector('#embed')).contentFrame())!;
    await embed.waitForSelector('[data-testid="panel"]', { timeout: 30_000 });
    const app = (await (await page.$('#app'))!.contentFrame())!;
    // The blocked frame shows the browser's error page, never the app.
    await page.waitForTimeout(1000);
    expect(await app.locator('[data-testid="panel"]').count()).toBe(0);
    await page.context().close();
  }, 120_000);
});

describe('privacy under faults', () => {
  it('made no request to anything but this server', () => {
    const origin = new URL(h.url).origin;
    expect(h.requests.length).toBeGreaterThan(0);
    expect(h.requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([]);
  });
});
