/**
 * The production build in real headless Chromium: the default view, a shared URL, a broken URL,
 * English, a phone; interaction while the engine is still loading; an engine that cannot start;
 * and that nothing leaves localhost. Expected figures come from the oracle (tests/oracle), which
 * reads data/*.csv and imports nothing from src/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { loadOracle, type Oracle } from '../oracle/index';
import { differences, settled, shownState } from './expect';
import { ROOT, SCREENSHOTS, startHarness, waitForEngine, type Harness } from './harness';

let h: Harness;
let oracle: Oracle;
beforeAll(async () => {
  h = await startHarness();
  oracle = await loadOracle(join(ROOT, 'data'));
});
afterAll(async () => {
  await h?.close();
});

const points = (page: Page) => page.locator('[data-testid="chart"] g.trend-point > *').count();
const checked = (page: Page, field: string) =>
  page.locator(`[data-testid="${field}"] input:checked`).evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));

describe('default view', () => {
  it('opens on the employment rate in the Vlaams Gewest by country of birth, as the CSV states it', async () => {
    const page = await h.open('/');
    const s = await settled(page);
    // Written by hand from data/observations.csv: werkzaamheidsgraad, vlaams_gewest, by country of birth.
    expect(s).toMatchObject({ view: 'trend', indicator: 'werkzaamheidsgraad', geos: ['vlaams_gewest'] });
    expect(s.groups).toEqual(['geboren_belgie', 'geboren_eu', 'geboren_buiten_eu']);
    expect(await checked(page, 'groups')).toEqual(s.groups);
    // Born in Belgium 2011, 2015, 2022, 2023; in the EU 2022, 2023; outside the EU 2011, 2015, 2020, 2022, 2023.
    expect(await points(page)).toBe(11);
    expect(await page.locator('[data-testid="chart"] g.trend-end-label text').allTextContents()).toEqual(
      expect.arrayContaining(['Geboren in België 78,6\u00a0%', 'Geboren buiten de EU 63,4\u00a0%']),
    );
    expect(await page.getByTestId('title').innerText()).toBe('Werkzaamheidsgraad naar geboorteland, Vlaams Gewest, 2011–2023');
    expect(await differences(page, oracle)).toEqual([]);
    expect(await page.getByTestId('note-bridged').count()).toBe(1);
    await waitForEngine(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'default-nl.png'), fullPage: true });
    await page.context().close();
  });

  it('speaks English on request, with English labels and number formats', async () => {
    const page = await h.open('/?lang=en');
    await settled(page);
    expect(await page.getByTestId('title').innerText()).toBe('Employment rate by country of birth, Flemish Region, 2011–2023');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('[data-testid="chart"] g.trend-end-label text').allTextContents()).toContain('Born in Belgium 78.6%');
    expect(await differences(page, oracle, 'en')).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'default-en.png'), fullPage: true });
    await page.context().close();
  });
});

describe('URL state', () => {
  it('shows the default chart and a notice naming each bad parameter', async () => {
    const page = await h.open('/?ind=bestaat_niet&grp=marsbewoners&yrs=twintig&foo=1');
    await settled(page);
    const notice = await page.getByTestId('url-notice').innerText();
    for (const part of ['bestaat_niet', 'marsbewoners', 'twintig', 'foo']) expect(notice).toContain(part);
    expect(await points(page)).toBe(11);
    await page.context().close();
  });

  it('opens a shared URL cold and shows exactly that view (queried by DuckDB-WASM)', async () => {
    const page = await h.open('/?grp=geboren_belgie~geboren_buiten_eu&yrs=2011..2020');
    await waitForEngine(page);
    const s = await settled(page);
    expect(s.groups).toEqual(['geboren_belgie', 'geboren_buiten_eu']);
    // 2011 and 2015 for both, 2020 outside the EU only; 2023 is outside the range.
    expect(await points(page)).toBe(5);
    expect(await page.getByTestId('year-to').inputValue()).toBe('2020');
    await page.context().close();
  });

  it('pushes a history entry per deliberate change; back and forward restore the view', async () => {
    const page = await h.open('/');
    await waitForEngine(page);
    await settled(page);
    await page.locator('[data-testid="groups"] input[value="geboren_eu"]').uncheck();
    await expect.poll(() => page.evaluate(() => location.search)).toBe('?grp=geboren_belgie~geboren_buiten_eu');
    // The engine queries and draws the new choice: on a busy machine that takes more than poll's default second.
    await expect.poll(() => points(page), { timeout: 15_000 }).toBe(9);
    await page.goBack();
    await expect.poll(() => page.evaluate(() => location.search)).toBe('');
    await expect.poll(() => points(page)).toBe(11);
    await page.goForward();
    await expect.poll(() => points(page), { timeout: 15_000 }).toBe(9);
    await page.context().close();
  });
});

describe('charts that read right', () => {
  it('says on the chart itself when it mixes kinds of groups, and tells the groups apart by shape', async () => {
    const page = await h.open('/?grp=niet_eu~geboren_buiten_eu');
    await waitForEngine(page);
    await settled(page);
    expect(await page.locator('[data-testid="chart"] figcaption').innerText()).toMatch(/herkomst, geboorteland/);
    // Same colour family, different symbols: a circle (origin) and a square (country of birth) in the legend.
    const legend = await page
      .locator('[data-testid="chart"] [class*="-swatch"] path')
      .evaluateAll((ps) => ps.map((p) => p.getAttribute('d')));
    expect(new Set(legend).size).toBe(2);
    await page.context().close();
  });

  it('puts several places in panels of their own, each named, and names places without figures', async () => {
    const page = await h.open('/?geo=vlaams_gewest~antwerpen~gent~mechelen&grp=niet_eu');
    await waitForEngine(page);
    const s = await settled(page);
    expect(await page.locator('[data-testid="chart"] g.facet-label text').allTextContents()).toEqual([
      'Vlaams Gewest',
      'Antwerpen',
      'Gent',
      'Mechelen',
    ]);
    expect(await differences(page, oracle)).toEqual([]);
    expect(s.geos).toHaveLength(4);
    await page.screenshot({ path: join(SCREENSHOTS, 'trend-places-nl.png'), fullPage: true });
    await page.context().close();
  });

  it('draws the primary figure by source priority: Huizen van het Kind 2019 is the agency’s 222, not the barometer’s 266', async () => {
    const page = await h.open('/?ind=hvk_aantal_huizen&view=table');
    await waitForEngine(page);
    await settled(page);
    const rows = await page.locator('[data-testid="table"] tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({
        primary: tr.getAttribute('data-primary'),
        period: tr.querySelector('[data-col="period"]')?.textContent,
        value: tr.querySelector('[data-col="value"]')?.textContent,
      })),
    );
    expect(rows.filter((r) => r.period === '2019')).toEqual([
      { primary: 'true', period: '2019', value: '222' },
      { primary: 'false', period: '2019', value: '266' },
    ]);
    expect(await page.getByTestId('disagreements').innerText()).toContain('266');
    expect(await differences(page, oracle)).toEqual([]);
    await page.context().close();
  });
});

describe('honest states', () => {
  it('while the engine is still loading, a choice shows a loading state — never “no figures”, never another choice’s sources', async () => {
    const page = await h.newContext({ viewport: { width: 1280, height: 900 } }).then((c) => c.newPage());
    // Hold the engine back, as a slow link would, until the checks below are done.
    let release = () => {};
    const gate = new Promise<void>((r) => (release = r));
    await page.route('**/*.wasm', async (route) => {
      await gate;
      await route.continue();
    });
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __seen: string[] }).__seen = seen;
      new MutationObserver(() => {
        const panel = document.querySelector('[data-testid="panel"]');
        if (!panel) return;
        const status = panel.getAttribute('data-status');
        if (document.querySelector('[data-testid="empty"]')) seen.push(`empty while ${status}`);
        if (status === 'loading' && document.querySelector('[data-testid="source-line"]')) seen.push('sources while loading');
      }).observe(document, { subtree: true, childList: true, attributes: true });
    });
    await page.goto(new URL('/', h.url).toString());
    await settled(page);
    await page.locator('[data-testid="groups"] input[value="geboren_eu"]').uncheck();
    await expect.poll(() => page.getByTestId('panel').getAttribute('data-status')).toBe('loading');
    expect(await page.getByTestId('panel').getAttribute('aria-busy')).toBe('true');
    expect(await page.getByTestId('loading').count()).toBe(1);
    await page.getByTestId('indicator').selectOption('werkloosheidsgraad');
    await expect.poll(() => page.getByTestId('panel').getAttribute('data-status')).toBe('loading');
    await page.locator('[data-testid="domains"] button[data-domain="onderwijs"]').click();
    // Each domain's opening view was computed at build time: it draws without the engine.
    await expect.poll(() => page.getByTestId('panel').getAttribute('data-status')).toBe('ready');
    await page.locator('[data-testid="views"] button[data-view="gap"]').click();
    release();
    await waitForEngine(page);
    await settled(page);
    expect(await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen)).toEqual([]);
    await page.context().close();
  });

  it('an engine that cannot start is named within seconds; views drawn without it keep working', async () => {
    const page = await h.newContext({ viewport: { width: 1280, height: 900 } }).then((c) => c.newPage());
    await page.route('**/*.wasm', (route) => route.fulfill({ status: 404, body: 'not found' }));
    const t0 = Date.now();
    await page.goto(new URL('/', h.url).toString());
    await page.waitForSelector('[data-testid="engine-status"][data-status="failed"]', { timeout: 10_000 });
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(await page.getByTestId('engine-status').innerText()).toMatch(/duckdb-eh.*\.wasm kon niet geladen worden \(HTTP 404\)/);
    // The default view and each domain's opening view still draw.
    expect(await points(page)).toBe(11);
    await page.locator('[data-testid="domains"] button[data-domain="personeel"]').click();
    await expect.poll(() => page.getByTestId('panel').getAttribute('data-status')).toBe('ready');
    // A choice that needs the engine says what failed.
    await page.locator('[data-testid="groups"] input:checked').first().uncheck();
    await expect.poll(() => page.getByTestId('panel').getAttribute('data-status')).toBe('error');
    expect(await page.getByTestId('error').innerText()).toMatch(/wasm kon niet geladen worden \(HTTP 404\)/);
    await page.screenshot({ path: join(SCREENSHOTS, 'engine-failed-nl.png'), fullPage: true });
    await page.context().close();
  });
});

describe('layout and privacy', () => {
  it('on a 360 px screen: no sideways scrolling, the chart before the controls, chart text at least 11 px', async () => {
    const page = await h.open('/', { width: 360, height: 800 });
    await settled(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    const chartTop = (await page.getByTestId('chart').boundingBox())!.y;
    const controlsTop = (await page.getByTestId('controls').boundingBox())!.y;
    expect(chartTop).toBeLessThan(controlsTop);
    expect(chartTop).toBeLessThan(800);
    const smallest = await page.evaluate(() => {
      const svg = document.querySelector('[data-testid="chart"] svg:not([class*="swatch"] svg)') as SVGSVGElement;
      const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      return Math.min(...[...svg.querySelectorAll('text')].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale));
    });
    expect(smallest).toBeGreaterThanOrEqual(11);
    await page.screenshot({ path: join(SCREENSHOTS, 'default-360.png'), fullPage: true });
    expect((await shownState(page)).view).toBe('trend');
    await page.context().close();
  });

  it('made no request to anything but this server', () => {
    expect(h.requests.length).toBeGreaterThan(5);
    const foreign = h.requests.filter((u) => !u.startsWith(h.url) && !u.startsWith('data:') && !u.startsWith('blob:'));
    expect(foreign).toEqual([]);
  });
});
