/** The "Eigen gegevens verkennen" panel, opened on a page whose engine is ready and whose view has settled. */
import type { Page } from 'playwright-core';
import { settled } from './expect';
import { waitForEngine, type Harness } from './harness';

export async function openOwnPanel(h: Harness, path = '/'): Promise<Page> {
  const page = await h.open(path);
  await waitForEngine(page);
  await settled(page);
  await page.locator('[data-testid="own-data"] > summary').click();
  return page;
}
