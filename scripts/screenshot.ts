/**
 * npx tsx scripts/screenshot.ts <path> <width> <out.png> [dark]: a full-page screenshot of the
 * production build (in the dark colour scheme with `dark`).
 */
import { startHarness, waitForEngine, waitForView } from '../tests/e2e/harness';

const h = await startHarness();
const page = await h.open(process.argv[2] ?? '/', { width: Number(process.argv[3] ?? 1280), height: 900 });
if (process.argv[5] === 'dark') await page.emulateMedia({ colorScheme: 'dark' });
await waitForEngine(page).catch((e) => console.log('engine', e.message));
await waitForView(page);
await page.waitForTimeout(300);
await page.screenshot({ path: process.argv[4] ?? 'test-results/screenshot.png', fullPage: true });
console.log(h.requests.filter((u) => !u.startsWith(h.url)));
await h.close();
