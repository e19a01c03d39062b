/**
 * The production build in real headless Chromium: what a user sees on the default view, on a
 * shared URL, on a broken URL, in English and on a phone — and that nothing leaves localhost.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { BootData } from '../../src/lib/data/manifest';
import { groupByDocument } from '../../src/lib/view/documents';
import { ROOT, SCREENSHOTS, startHarness, waitForChart, waitForEngine, type Harness } from './harness';

const boot = JSON.parse(readFileSync(join(ROOT, 'dist', 'data', 'boot.json'), 'utf8')) as BootData;
const defaults = boot.defaultView;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const countPoints = (page: Page) => page.locator('[data-testid="chart"] g.trend-point circle').count();
const countSeries = (page: Page) => page.locator('[data-testid="chart"] g.trend-bridge path').count();
const legend = (page: Page) => page.locator('[data-testid="chart"] [class$="-swatch"]').allInnerTexts();
const checkedGroups = (page: Page) =>
  page.locator('[data-testid="groups"] input:checked').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));

describe('default view', () => {
  it('draws one line per default group with one point per figure, and names every source', async () => {
    const page = await h.open('/');
    const t0 = Date.now();
    await waitForChart(page);
    const firstChartMs = await page.evaluate(() => performance.now());
    expect(await countSeries(page)).toBe(defaults.filter.groups.length);
    expect(await countPoints(page)).toBe(defaults.rows.length);
    expect(await checkedGroups(page)).toEqual(defaults.filter.groups);
    const sourceLine = await page.getByTestId('source-line').innerText();
    for (const doc of groupByDocument(defaults.sources)) {
      expect(sourceLine).toContain(doc.publisher);
      expect(sourceLine).toContain(doc.title);
    }
    const links = await page.locator('[data-testid="source-line"] a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(links.sort()).toEqual(
      groupByDocument(defaults.sources)
        .map((d) => d.url)
        .filter(Boolean)
        .sort(),
    );
    await waitForEngine(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'default-nl.png'), fullPage: true });
    writeFileSync(join(ROOT, 'test-results', 'first-chart.json'), JSON.stringify({ firstChartMs, wallMs: Date.now() - t0 }));
    await page.context().close();
  });

  it('speaks English on request, with English labels and number formats', async () => {
    const page = await h.open('/?lang=en');
    await waitForChart(page);
    await expect.poll(() => page.locator('h2.chart-title').innerText()).toMatch(/^Employment rate/);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await legend(page)).toContain('Born in Belgium');
    await page.screenshot({ path: join(SCREENSHOTS, 'default-en.png'), fullPage: true });
    await page.context().close();
  });
});

describe('URL state', () => {
  it('shows the default chart and a notice naming each bad parameter', async () => {
    const page = await h.open('/?ind=bestaat_niet&grp=marsbewoners&yrs=twintig&foo=1');
    await waitForChart(page);
    const notice = await page.getByTestId('url-notice').innerText();
    for (const part of ['bestaat_niet', 'marsbewoners', 'twintig', 'foo']) expect(notice).toContain(part);
    expect(await countSeries(page)).toBe(defaults.filter.groups.length);
    expect(await countPoints(page)).toBe(defaults.rows.length);
    await page.screenshot({ path: join(SCREENSHOTS, 'invalid-url-nl.png'), fullPage: true });
    await page.context().close();
  });

  it('opens a shared URL cold and shows exactly that view (queried by DuckDB-WASM)', async () => {
    const groups = defaults.filter.groups.slice(0, 2);
    const years = defaults.rows.map((r) => r.year_end).sort((a, b) => a - b);
    const range: [number, number] = [years[0], years[years.length - 1] - 1];
    const page = await h.open(`/?grp=${groups.join('~')}&yrs=${range[0]}..${range[1]}`);
    await waitForEngine(page);
    const expected = defaults.rows.filter((r) => groups.includes(r.group) && r.year_end <= range[1]);
    await expect.poll(() => countPoints(page), { timeout: 20_000 }).toBe(expected.length);
    const withFigures = groups.filter((g) => expected.some((r) => r.group === g));
    expect(await countSeries(page)).toBe(withFigures.length);
    expect(await checkedGroups(page)).toEqual(groups);
    if (withFigures.length < groups.length) {
      expect(await page.getByTestId('missing-groups').innerText()).toMatch(/Geen cijfers voor/);
    }
    expect(await page.getByTestId('year-to').inputValue()).toBe(String(range[1]));
    await page.context().close();
  });

  it('pushes a history entry per deliberate change; back and forward restore the view', async () => {
    const page = await h.open('/');
    await waitForEngine(page);
    await waitForChart(page);
    const first = defaults.filter.groups[0];
    await page.locator(`[data-testid="groups"] input[value="${first}"]`).uncheck();
    await expect.poll(() => page.evaluate(() => location.search)).toContain('grp=');
    await expect.poll(() => countSeries(page)).toBe(defaults.filter.groups.length - 1);
    await page.goBack();
    await expect.poll(() => page.evaluate(() => location.search)).toBe('');
    await expect.poll(() => countSeries(page)).toBe(defaults.filter.groups.length);
    expect(await checkedGroups(page)).toEqual(defaults.filter.groups);
    await page.goForward();
    await expect.poll(() => countSeries(page)).toBe(defaults.filter.groups.length - 1);
    await page.context().close();
  });
});

describe('group kinds', () => {
  it('says on the chart itself when it mixes kinds of groups', async () => {
    const page = await h.open('/?grp=niet_eu~geboren_belgie');
    await waitForEngine(page);
    await expect.poll(() => page.locator('[data-testid="chart"] figcaption').count(), { timeout: 20_000 }).toBe(1);
    expect(await page.locator('[data-testid="chart"] figcaption').innerText()).toMatch(/herkomst, geboorteland/);
    await page.context().close();
  });
});

describe('layout and privacy', () => {
  it('fits a 360 px screen without sideways scrolling', async () => {
    const page = await h.open('/', { width: 360, height: 800 });
    await waitForChart(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'default-360.png'), fullPage: true });
    await page.context().close();
  });

  it('made no request to anything but this server', () => {
    expect(h.requests.length).toBeGreaterThan(5);
    const foreign = h.requests.filter((u) => !u.startsWith(h.url) && !u.startsWith('data:') && !u.startsWith('blob:'));
    expect(foreign).toEqual([]);
  });
});
