/**
 * The explorer in real Chromium: every view of every domain, several places and groups, English,
 * history, the table's order, and text that is never clipped or overlapping at 360, 768 and
 * 1280 px. Every expectation comes from the oracle (tests/oracle) or is written by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { loadOracle, type Oracle } from '../oracle/index';
import { differences, settled } from './expect';
import { ROOT, SCREENSHOTS, startHarness, waitForEngine, type Harness } from './harness';

const DOMAINS = ['onderwijs', 'werk', 'inburgering', 'huizen_van_het_kind', 'personeel'];
const VIEWS = ['trend', 'compare', 'gap', 'target', 'table'];

let h: Harness;
let oracle: Oracle;
beforeAll(async () => {
  h = await startHarness();
  oracle = await loadOracle(join(ROOT, 'data'));
});
afterAll(async () => {
  await h?.close();
});

/** Text in the chart that runs past the chart's edge, or two labels drawn over each other. */
async function textProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const svg of document.querySelectorAll<SVGSVGElement>('[data-testid="chart"] svg')) {
      if (svg.closest('[class*="swatch"]')) continue;
      const frame = svg.getBoundingClientRect();
      const boxes = [...svg.querySelectorAll('text')]
        .filter((t) => (t.textContent ?? '').trim() !== '')
        .map((t) => ({
          text: t.textContent ?? '',
          box: t.getBoundingClientRect(),
          label: !!t.closest('[aria-label*="label"], g[class*="label"], g[class*="-value"]'),
        }));
      for (const { text, box } of boxes) {
        if (box.left < frame.left - 1 || box.right > frame.right + 1 || box.top < frame.top - 1 || box.bottom > frame.bottom + 1)
          out.push(`clipped: ${text}`);
      }
      const labels = boxes.filter((b) => b.label);
      for (let i = 0; i < labels.length; i++) {
        for (let j = i + 1; j < labels.length; j++) {
          const a = labels[i].box;
          const b = labels[j].box;
          const overlap =
            Math.min(a.right, b.right) - Math.max(a.left, b.left) > 2 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 2;
          if (overlap) out.push(`overlap: ${labels[i].text} / ${labels[j].text}`);
        }
      }
    }
    return out;
  });
}

describe('every view in every domain', () => {
  it('shows exactly the figures and sources the data call for, or says why there are none', async () => {
    const page = await h.open('/');
    await waitForEngine(page);
    const problems: string[] = [];
    const summary: string[] = [];
    for (const domain of DOMAINS) {
      await page.locator(`[data-testid="domains"] button[data-domain="${domain}"]`).click();
      const opening = await settled(page);
      // Each domain opens on a view with at least two points.
      if (opening.view === 'trend') {
        const n = await page.locator('[data-testid="chart"] g.trend-point > *').count();
        if (n < 2) problems.push(`${domain} opens on a trend of ${n} point(s)`);
      }
      for (const view of VIEWS) {
        await page.locator(`[data-testid="views"] button[data-view="${view}"]`).click();
        await expect.poll(() => page.getByTestId('panel').getAttribute('data-view')).toBe(view);
        const s = await settled(page);
        problems.push(...(await differences(page, oracle)));
        if (s.status === 'empty') {
          const message = await page.getByTestId('empty').innerText();
          if (message.trim().length < 10) problems.push(`${domain}/${view}: an empty state without a reason`);
        }
        summary.push(`${domain}/${view}: ${s.status}`);
        await page.screenshot({ path: join(SCREENSHOTS, `${domain}-${view}-nl.png`), fullPage: true });
      }
    }
    console.log(summary.join('\n'));
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('a domain that cannot show the current view opens on the nearest one that can, and says so', async () => {
    const page = await h.open('/?view=gap');
    await waitForEngine(page);
    await settled(page);
    await page.locator('[data-testid="domains"] button[data-domain="huizen_van_het_kind"]').click();
    const s = await settled(page);
    expect(s.view).not.toBe('gap');
    expect(s.status).toBe('ready');
    expect(await page.getByTestId('view-notice').innerText()).toMatch(/Herkomstkloof kan niet voor/);
    expect(await page.getByTestId('title').innerText()).not.toMatch(/tegenover\s*(,|$)/);
    await page.context().close();
  });

  it('renders each view in English, with English labels and number formats', async () => {
    for (const view of VIEWS) {
      const page = await h.open(`/?lang=en&ind=vo_personeel_buitenlandse_herkomst_pct${view === 'trend' ? '' : `&view=${view}`}`);
      await waitForEngine(page);
      await settled(page);
      expect(await differences(page, oracle, 'en')).toEqual([]);
      expect(await page.locator('[data-testid="views"] button[aria-selected="true"]').innerText()).toBe(
        { trend: 'Trend', compare: 'Comparison', gap: 'Origin gap', target: 'Target', table: 'Table' }[view],
      );
      expect(await page.getByTestId('panel').innerText()).not.toMatch(/\d,\d\s?%/);
      await page.screenshot({ path: join(SCREENSHOTS, `personeel-${view}-en.png`), fullPage: true });
      await page.context().close();
    }
  });
});

describe('several places and groups', () => {
  it('a comparison of four cities for 2016 shows each city’s bar and names what is missing', async () => {
    const page = await h.open('/?view=compare&geo=vlaams_gewest~antwerpen~gent~mechelen&grp=niet_eu&yr=2016');
    await waitForEngine(page);
    await settled(page);
    expect(await differences(page, oracle)).toEqual([]);
    // Written by hand from data/observations.csv: non-EU origin employment 2016.
    expect(await page.locator('[data-testid="chart"] g.compare-label text').allTextContents()).toEqual(
      expect.arrayContaining(['48,5\u00a0%', '51,8\u00a0%', '54,0\u00a0%']),
    );
    await page.context().close();
  });

  it('the ranked gap names places without a reference figure, with the reason', async () => {
    const page = await h.open('/?view=gap&geo=vlaams_gewest~antwerpen~gent~mechelen&grp=niet_eu&yr=2016');
    await waitForEngine(page);
    await settled(page);
    const text = await page.getByTestId('panel').innerText();
    for (const city of ['Antwerpen', 'Gent', 'Mechelen']) expect(text).toMatch(new RegExp(`${city}: geen cijfers voor Belgische herkomst`));
    await page.screenshot({ path: join(SCREENSHOTS, 'gap-places-nl.png'), fullPage: true });
    await page.context().close();
  });
});

describe('representation (staff against population)', () => {
  it('the 13 centrumsteden: staff and population shares with their ratio, readable at 360 and 1280 px', async () => {
    for (const width of [360, 1280]) {
      const page = await h.open(
        '/?ind=stadspersoneel_buitenlandse_herkomst_pct&view=representation&geo=centrumsteden~gent&grp=buitenlands',
        {
          width,
          height: 900,
        },
      );
      await waitForEngine(page);
      await settled(page);
      // Written by hand from data/observations.csv: staff 13 (2014) and 16 (2016-01-01); population 31
      // (2014) and 34 (18-65, 2016-01-01); 13 / 31 = 0.42, 16 / 34 = 0.47. Gent: staff 2019, population 2017.
      const labels = await page.locator('[data-testid="chart"] g.representation-label text').allTextContents();
      expect(labels).toEqual(
        width === 360
          ? ['13,0\u00a0% (0,42)', '16,0\u00a0% (0,47)', '31,0\u00a0%', '34,0\u00a0% (18-65)']
          : [
              '13,0\u00a0% personeel · verhouding 0,42',
              '16,0\u00a0% personeel · verhouding 0,47',
              '31,0\u00a0% bevolking',
              '34,0\u00a0% (18-65) bevolking',
            ],
      );
      expect(await page.getByTestId('panel').innerText()).toMatch(
        /Buitenlandse herkomst — Gent, 2019: geen cijfer voor Bevolking van buitenlandse herkomst/,
      );
      expect(await textProblems(page)).toEqual([]);
      await page.screenshot({ path: join(SCREENSHOTS, `representation-${width}.png`), fullPage: true });
      await page.context().close();
    }
  });
});

describe('history and the table', () => {
  it('back and forward walk through domain, view and group changes', async () => {
    const page = await h.open('/');
    await waitForEngine(page);
    await settled(page);
    const history: string[] = [await page.evaluate(() => location.search)];
    await page.locator('[data-testid="domains"] button[data-domain="inburgering"]').click();
    history.push(await page.evaluate(() => location.search));
    await page.locator('[data-testid="views"] button[data-view="table"]').click();
    history.push(await page.evaluate(() => location.search));
    expect(new Set(history).size).toBe(3);
    await page.goBack();
    await expect.poll(() => page.evaluate(() => location.search)).toBe(history[1]);
    expect(await page.getByTestId('panel').getAttribute('data-view')).toBe('trend');
    await page.goBack();
    await expect.poll(() => page.locator('[data-testid="domains"] button.active').getAttribute('data-domain')).toBe('werk');
    await page.goForward();
    await page.goForward();
    await expect.poll(() => page.getByTestId('panel').getAttribute('data-view')).toBe('table');
    await page.context().close();
  });

  it('sorts by a column on click, keeps the order in the URL, and a cold link shows the same order', async () => {
    const page = await h.open('/?view=table&ind=vo_vrouwen_topkader_pct');
    await waitForEngine(page);
    await settled(page);
    const values = () => page.locator('[data-testid="table"] td[data-col="value"]').allInnerTexts();
    const asNumbers = async () => (await values()).map((v) => Number(v.replace(/[^\d,]/g, '').replace(',', '.')));
    await page.locator('[data-testid="table"] th button[data-sort="value"]').click();
    await page.locator('[data-testid="table"] th button[data-sort="value"]').click();
    await expect.poll(() => page.evaluate(() => location.search)).toContain('sort=-value');
    const sorted = await asNumbers();
    expect(sorted).toEqual([...sorted].sort((a, b) => b - a));
    expect(sorted.length).toBeGreaterThan(5);
    const cold = await h.open(`/${await page.evaluate(() => location.search)}`);
    await settled(cold);
    expect(await cold.locator('[data-testid="table"] td[data-col="value"]').allInnerTexts()).toEqual(await values());
    await page.context().close();
    await cold.context().close();
  });
});

describe('text that reads at every width', () => {
  it('no clipped or overlapping chart text at 360, 768 and 1280 px, in every view of every domain', async () => {
    const problems: string[] = [];
    for (const width of [360, 768, 1280]) {
      const page = await h.open('/', { width, height: 900 });
      await waitForEngine(page);
      for (const domain of DOMAINS) {
        await page.locator(`[data-testid="domains"] button[data-domain="${domain}"]`).click();
        for (const view of VIEWS.filter((v) => v !== 'table')) {
          await page.locator(`[data-testid="views"] button[data-view="${view}"]`).click();
          await expect.poll(() => page.getByTestId('panel').getAttribute('data-view')).toBe(view);
          await settled(page);
          problems.push(...(await textProblems(page)).map((p) => `${width}px ${domain}/${view}: ${p}`));
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          if (overflow > 0) problems.push(`${width}px ${domain}/${view}: scrolls sideways by ${overflow}px`);
          if (width !== 1280) await page.screenshot({ path: join(SCREENSHOTS, `${domain}-${view}-${width}.png`), fullPage: true });
        }
      }
      await page.context().close();
    }
    expect(problems).toEqual([]);
  });
});
