/**
 * Accessibility: axe-core (via @axe-core/playwright) over every view of every domain, in both
 * languages and both colour schemes (light, and `prefers-color-scheme: dark`), on the production build. No serious or critical violation is allowed; the test lists
 * each one with the view it was found in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import { settled } from './expect';
import { startHarness, waitForEngine, type Harness } from './harness';

const DOMAINS = ['onderwijs', 'werk', 'inburgering', 'huizen_van_het_kind', 'personeel'];
const VIEWS = ['trend', 'compare', 'gap', 'target', 'table'];

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('axe-core on every view', () => {
  it.each([
    ['nl', 'light'],
    ['en', 'light'],
    ['nl', 'dark'],
    ['en', 'dark'],
  ] as const)(
    'no serious or critical violations, every domain and view (%s, %s)',
    async (lang, colorScheme) => {
      const page = await h.open(`/?lang=${lang}`);
      await page.emulateMedia({ colorScheme });
      await waitForEngine(page);
      const found: string[] = [];
      for (const domain of DOMAINS) {
        await page.locator(`[data-testid="domains"] button[data-domain="${domain}"]`).click();
        for (const view of VIEWS) {
          await page.locator(`[data-testid="views"] button[data-view="${view}"]`).click();
          await expect.poll(() => page.getByTestId('panel').getAttribute('data-view')).toBe(view);
          await settled(page);
          const { violations } = await new AxeBuilder({ page }).analyze();
          for (const v of violations.filter((x) => x.impact === 'serious' || x.impact === 'critical')) {
            found.push(`${domain}/${view}: ${v.id} (${v.impact}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
          }
        }
      }
      // The export panel, opened, with its form controls.
      await page.locator('[data-testid="export"] > summary').click();
      const { violations } = await new AxeBuilder({ page }).include('[data-testid="export"]').analyze();
      found.push(
        ...violations
          .filter((x) => x.impact === 'serious' || x.impact === 'critical')
          .map((v) => `export panel: ${v.id} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      );
      expect(found).toEqual([]);
      await page.context().close();
    },
    300_000,
  );
});
