/**
 * The app by keyboard alone, on the production build: a skip link to the chart, the view tabs as
 * the WAI-ARIA tabs pattern says (one tab stop, arrows, Home and End), a focus ring that shows on
 * every focused control (the active tab included, in both themes), and the year range and pickers
 * worked with keys.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { settled } from './expect';
import { startHarness, waitForEngine, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { id: el?.id ?? '', view: el?.dataset.view ?? '', testid: el?.dataset.testid ?? '', tag: el?.tagName ?? '' };
  });

/** The focused element's outline as the browser paints it: style and width in px. */
const focusRing = (page: Page) =>
  page.evaluate(() => {
    const s = getComputedStyle(document.activeElement as Element);
    return { style: s.outlineStyle, width: parseFloat(s.outlineWidth), colour: s.outlineColor };
  });

describe('keyboard', () => {
  it('the first Tab reaches a skip link; Enter moves focus to the chart panel, and the address keeps no #fragment', async () => {
    const page = await h.open('/');
    await settled(page);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Naar de grafiek');
    expect((await focusRing(page)).style).toBe('solid');
    await page.keyboard.press('Enter');
    expect((await focused(page)).id).toBe('view-panel');
    expect(new URL(page.url()).hash).toBe('');
    await page.context().close();
  });

  it('view tabs: one tab stop; arrows, Home and End move to a tab and show its view; the active tab shows its focus', async () => {
    const page = await h.open('/?lang=en');
    await waitForEngine(page);
    await settled(page);
    const tabs = page.locator('[data-testid="views"] [role="tab"]');
    const order = await tabs.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.view ?? ''));
    expect(order.slice(0, 2)).toEqual(['trend', 'compare']);
    // Only the selected tab is in the Tab order.
    expect(await tabs.evaluateAll((els) => els.map((e) => e.getAttribute('tabindex')))).toEqual(
      order.map((v, i) => (i === 0 ? '0' : '-1')),
    );

    await page.locator('[data-testid="views"] [aria-selected="true"]').focus();
    for (const [key, expected] of [
      ['ArrowRight', order[1]],
      ['ArrowRight', order[2]],
      ['ArrowLeft', order[1]],
      ['End', order.at(-1)],
      ['ArrowRight', order[0]],
      ['ArrowLeft', order.at(-1)],
      ['Home', order[0]],
    ] as const) {
      await page.keyboard.press(key);
      expect((await focused(page)).view, key).toBe(expected);
      expect(await page.locator('[data-testid="views"] [aria-selected="true"]').getAttribute('data-view')).toBe(expected);
      expect((await settled(page)).view).toBe(expected);
    }
    // The panel is labelled by the selected tab.
    expect(await page.getByTestId('panel').getAttribute('aria-labelledby')).toBe(`tab-${order[0]}`);
    // A ring of at least 2 px on the active (dark-filled) tab.
    const ring = await focusRing(page);
    expect(ring.style).toBe('solid');
    expect(ring.width).toBeGreaterThanOrEqual(2);
    await page.context().close();
  });

  it('the focus ring shows in the dark theme too, on a tab, a domain button and a checkbox', async () => {
    const page = await h.open('/');
    await page.emulateMedia({ colorScheme: 'dark' });
    await settled(page);
    for (const selector of [
      '[data-testid="views"] [aria-selected="true"]',
      '[data-testid="domains"] button[data-domain="onderwijs"]',
      '[data-testid="groups"] input[type="checkbox"]',
    ]) {
      await page.locator(selector).first().focus();
      // Keyboard focus (not a click) is what :focus-visible answers to.
      await page.keyboard.press('Shift');
      const ring = await focusRing(page);
      expect(ring.style, selector).toBe('solid');
      expect(ring.width, selector).toBeGreaterThanOrEqual(2);
      // The dark theme's ring colour (light blue), not the light theme's dark blue.
      expect(ring.colour, selector).toBe('rgb(138, 180, 248)');
    }
    await page.context().close();
  });

  it('the year range by keys: typing a year and pressing Enter narrows the trend; the slider moves with arrows', async () => {
    const page = await h.open('/');
    await waitForEngine(page);
    await settled(page);
    const from = page.getByTestId('year-from');
    const first = Number(await from.getAttribute('min'));
    await from.focus();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(String(first + 2));
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('yrs')).toMatch(new RegExp(`^${first + 2}\\.\\.\\d{4}$`));
    // The "from" slider, one step to the left: back to one year earlier.
    await page.locator('[data-testid="years"] input[type="range"]').first().focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => new URL(page.url()).searchParams.get('yrs')).toMatch(new RegExp(`^${first + 1}\\.\\.\\d{4}$`));
    await page.context().close();
  });

  it('a group is ticked with Space, and the chart follows', async () => {
    const page = await h.open('/');
    await settled(page);
    const box = page.locator('[data-testid="groups"] input[type="checkbox"]:not(:checked)').first();
    const id = await box.getAttribute('value');
    await box.focus();
    await page.keyboard.press('Space');
    await expect.poll(async () => (await settled(page)).groups).toContain(id);
    await page.context().close();
  });
});
