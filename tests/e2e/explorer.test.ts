/**
 * The explorer in real Chromium: every view in every domain shows what the same pipeline
 * computes in Node (DuckDB on the built extract); history, cold URLs, English, a phone screen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { BootData } from '../../src/lib/data/manifest';
import { DOMAINS } from '../../src/lib/data/schema';
import { domainState, outcomeOf } from '../../src/lib/view/outcome';
import { loadView } from '../../src/lib/view/load';
import { rowsForYear } from '../../src/lib/view/compare';
import { targetProgress } from '../../src/lib/view/target';
import { targetsFor } from '../../src/lib/data/catalog';
import { serialiseState } from '../../src/lib/state/url';
import { defaultState, VIEWS, type ViewState } from '../../src/lib/state/view-state';
import { openExtract, runQuery } from '../../scripts/lib/duckdb-node';
import { ROOT, SCREENSHOTS, startHarness, waitForEngine, waitForView, type Harness } from './harness';

const boot = JSON.parse(readFileSync(join(ROOT, 'dist', 'data', 'boot.json'), 'utf8')) as BootData;
const catalog = boot.catalog;
let h: Harness;
let expected: (s: ViewState) => Promise<{ marks: number; empty: boolean }>;

beforeAll(async () => {
  h = await startHarness();
  const conn = await openExtract(join(ROOT, 'dist', 'data'));
  /** What the view should show, computed by the same code in Node: how many marks, or a message. */
  expected = async (s) => {
    const data = await loadView({ query: (q) => runQuery(conn, q) }, catalog, s);
    const outcome = outcomeOf(catalog, s, data);
    if (outcome.kind === 'empty') return { marks: 0, empty: true };
    const shown = data.rows.filter((r) => s.groups.includes(r.group));
    switch (s.view) {
      case 'trend':
      case 'table':
        return { marks: shown.length, empty: false };
      case 'compare':
        return { marks: rowsForYear(shown, outcome.year!).length, empty: false };
      case 'gap':
        return {
          marks: data.gaps.filter((g) => s.groups.includes(g.group) && (s.geos.length === 1 || g.year_end === outcome.year)).length,
          empty: false,
        };
      case 'target':
        return { marks: targetProgress(data.rows, targetsFor(catalog, s.indicator, s.geos)).filter((p) => p.latest).length, empty: false };
    }
  };
});
afterAll(async () => {
  await h?.close();
});

const MARK_SELECTOR: Record<string, string> = {
  trend: '[data-testid="chart"] g.trend-point circle',
  compare: '[data-testid="chart"] g.compare-bar rect',
  gap: '[data-testid="chart"] g.gap-point circle, [data-testid="chart"] g.gap-bar rect',
  target: '[data-testid="chart"] g.target-bar rect',
  table: '[data-testid="table"] tbody tr',
};

async function showsView(page: Page, s: ViewState) {
  const want = await expected(s);
  await expect.poll(() => page.locator('[data-testid="panel"]').getAttribute('data-view')).toBe(s.view);
  if (want.empty) {
    await expect.poll(() => page.getByTestId('empty').count(), { timeout: 20_000 }).toBe(1);
    expect((await page.getByTestId('suggestion').count()) + (await page.getByTestId('empty').innerText()).length).toBeGreaterThan(0);
  } else {
    await expect.poll(() => page.locator(MARK_SELECTOR[s.view]).count(), { timeout: 20_000 }).toBe(want.marks);
  }
  return want;
}

describe('every view in every domain', () => {
  it('shows the marks the data call for, or a message with a way out', async () => {
    const page = await h.open('/');
    await waitForEngine(page);
    const summary: string[] = [];
    for (const domain of DOMAINS) {
      await page.locator(`[data-testid="domains"] button[data-domain="${domain}"]`).click();
      for (const view of VIEWS) {
        await page.locator(`[data-testid="views"] button[data-view="${view}"]`).click();
        const state = { ...domainState(catalog, defaultState(catalog), domain)!, view };
        await expect.poll(() => page.evaluate(() => location.search)).toBe(serialiseState(state, catalog));
        const want = await showsView(page, state);
        summary.push(`${domain}/${view}: ${want.empty ? 'message' : `${want.marks} marks`}`);
        await page.screenshot({ path: join(SCREENSHOTS, `${domain}-${view}-nl.png`), fullPage: true });
      }
    }
    console.log(summary.join('\n'));
    await page.context().close();
  });

  it('renders each view in English, with English labels and number formats', async () => {
    for (const view of VIEWS) {
      const state: ViewState = { ...defaultState(catalog, 'vo_personeel_buitenlandse_herkomst_pct', 'en', view) };
      const page = await h.open(`/${serialiseState(state, catalog)}`);
      await waitForView(page);
      await showsView(page, state);
      expect(await page.locator('[data-testid="views"] button.active').innerText()).toBe(
        { trend: 'Trend', compare: 'Comparison', gap: 'Origin gap', target: 'Target', table: 'Table' }[view],
      );
      const text = await page.getByTestId('panel').innerText();
      expect(text).not.toMatch(/\d,\d\s?%/); // Dutch decimal commas do not leak into English
      await page.screenshot({ path: join(SCREENSHOTS, `staff-${view}-en.png`), fullPage: true });
      await page.context().close();
    }
  });
});

describe('history and shared links', () => {
  it('back and forward walk through domain, view and group changes', async () => {
    const page = await h.open('/');
    await waitForEngine(page);
    await waitForView(page);
    const history: string[] = [await page.evaluate(() => location.search)];
    await page.locator('[data-testid="domains"] button[data-domain="inburgering"]').click();
    history.push(await page.evaluate(() => location.search));
    await page.locator('[data-testid="views"] button[data-view="table"]').click();
    history.push(await page.evaluate(() => location.search));
    expect(new Set(history).size).toBe(3);
    await page.goBack();
    await expect.poll(() => page.evaluate(() => location.search)).toBe(history[1]);
    expect(await page.locator('[data-testid="panel"]').getAttribute('data-view')).toBe('trend');
    await page.goBack();
    await expect.poll(() => page.evaluate(() => location.search)).toBe(history[0]);
    await expect.poll(() => page.locator('[data-testid="domains"] button.active').getAttribute('data-domain')).toBe('werk');
    await page.goForward();
    await page.goForward();
    await expect.poll(() => page.locator('[data-testid="panel"]').getAttribute('data-view')).toBe('table');
    await expect.poll(() => page.locator('[data-testid="domains"] button.active').getAttribute('data-domain')).toBe('inburgering');
    await page.context().close();
  });

  it('opens a comparison of several places cold, exactly as linked', async () => {
    const state: ViewState = {
      ...defaultState(catalog, 'werkzaamheidsgraad', 'nl', 'compare'),
      geos: ['vlaams_gewest', 'antwerpen', 'gent', 'mechelen'].sort(
        (a, b) => catalog.geos.findIndex((g) => g.id === a) - catalog.geos.findIndex((g) => g.id === b),
      ),
      groups: ['niet_eu'],
      year: 2016,
    };
    const url = serialiseState(state, catalog);
    const page = await h.open(`/${url}`);
    await waitForEngine(page);
    await showsView(page, state);
    expect(await page.getByTestId('title').innerText()).toContain('2016');
    expect(await page.getByTestId('year').inputValue()).toBe('2016');
    const places = await page
      .locator('[data-testid="places"] input:checked')
      .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    expect(places).toEqual(state.geos);
    expect(await page.evaluate(() => location.search)).toBe(url);
    await page.screenshot({ path: join(SCREENSHOTS, 'compare-places-nl.png'), fullPage: true });
    await page.context().close();
  });
});

describe('the table', () => {
  it('sorts by a column on click, keeps the order in the URL, and a cold link shows the same order', async () => {
    const page = await h.open('/?view=table&ind=vo_vrouwen_topkader_pct');
    await waitForView(page);
    const values = () => page.locator('[data-testid="table"] tbody td.num').allInnerTexts();
    const asNumbers = async () => (await values()).map((v) => Number(v.replace(/[^\d,]/g, '').replace(',', '.')));
    await page.locator('[data-testid="table"] th button[data-sort="value"]').click();
    await page.locator('[data-testid="table"] th button[data-sort="value"]').click();
    await expect.poll(() => page.evaluate(() => location.search)).toContain('sort=-value');
    const sorted = await asNumbers();
    expect(sorted).toEqual([...sorted].sort((a, b) => b - a));
    expect(sorted.length).toBeGreaterThan(5);
    const cold = await h.open(`/${await page.evaluate(() => location.search)}`);
    await waitForView(cold);
    expect(await cold.locator('[data-testid="table"] tbody td.num').allInnerTexts()).toEqual(await values());
    await page.context().close();
    await cold.context().close();
  });
});

describe('a phone screen', () => {
  it('never scrolls sideways, in any view', async () => {
    for (const view of VIEWS) {
      const page = await h.open(`/${serialiseState(defaultState(catalog, 'werkzaamheidsgraad', 'nl', view), catalog)}`, {
        width: 360,
        height: 780,
      });
      await waitForView(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, view).toBeLessThanOrEqual(0);
      await page.screenshot({ path: join(SCREENSHOTS, `werk-${view}-360.png`), fullPage: true });
      await page.context().close();
    }
  });

  it('made no request to anything but this server', () => {
    const foreign = h.requests.filter((u) => !u.startsWith(h.url) && !u.startsWith('data:') && !u.startsWith('blob:'));
    expect(foreign).toEqual([]);
  });
});
