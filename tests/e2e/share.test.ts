/**
 * Issue 9, Link, Embed and Print, in the production build in headless Chromium: a view embedded in
 * a report page on another origin (another localhost port), whose frame follows the embedded
 * page's height; a link naming an old data version; printing a view. And nothing leaves localhost.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { settled } from './expect';
import { ROOT, SCREENSHOTS, serveFolder, startHarness, type Harness } from './harness';

let h: Harness;
let report: { url: string; close(): Promise<void> };
/** The version of the extract in dist/, as the build wrote it. */
let version: string;
/** The snippet's frame id when none is chosen. */
const FRAME_ID = 'herkomstkloof';
const INITIAL = 480;

beforeAll(async () => {
  h = await startHarness();
  version = (JSON.parse(readFileSync(join(ROOT, 'dist', 'data', 'manifest.json'), 'utf8')) as { version: string }).version;
  // A sample report, on its own server: the app's origin is not the report's.
  const folder = join(ROOT, 'test-results', 'report-site');
  mkdirSync(folder, { recursive: true });
  // The snippet a user copies from the gap view's Export / Share panel, not one made by the app's code here.
  const app = await h.open('/?view=gap');
  await settled(app);
  await app.locator('[data-testid="export"] > summary').click();
  const snippet = await app.getByTestId('export-embed').inputValue();
  await app.context().close();
  expect(snippet).toContain(`src="${h.url}?view=gap&amp;embed=1&amp;v=${version}"`);
  writeFileSync(
    join(folder, 'index.html'),
    `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Voorbeeldrapport</title>
<style>
  body { font-family: Georgia, 'Times New Roman', serif; max-width: 760px; margin: 0 auto; padding: 24px 16px; color: #222; background: #fbfaf7; }
  h1 { font-size: 1.6rem; }
  .figure-box { border: 1px solid #ccc; background: #fff; margin: 24px 0; }
</style>
</head>
<body>
<h1>Integratie in Vlaanderen: een voorbeeldrapport</h1>
<p>Dit rapport toont hoe een figuur van Herkomstkloof in een tekst op een andere website staat. De figuur hieronder is een iframe; haar hoogte volgt haar inhoud.</p>
<div class="figure-box">
${snippet}
</div>
<p id="after">Tekst na de figuur: hij schuift mee als de figuur hoger of lager wordt.</p>
</body>
</html>
`,
  );
  report = await serveFolder(folder);
});
afterAll(async () => {
  await report?.close();
  await h?.close();
});

const frameHeight = (page: Page) => page.evaluate((id) => document.getElementById(id)!.getBoundingClientRect().height, FRAME_ID);
const documentHeight = (frame: Frame) => frame.evaluate(() => document.body.getBoundingClientRect().height);

async function openReport(width: number): Promise<{ page: Page; frame: Frame }> {
  const context = await h.newContext({ viewport: { width, height: 900 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  page.on('request', (r) => h.requests.push(r.url()));
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(report.url);
  const frame = (await (await page.waitForSelector(`#${FRAME_ID}`)).contentFrame())!;
  await settled(frame as unknown as Page);
  await frame.waitForSelector('[data-testid="chart"] svg', { timeout: 30_000 });
  return { page, frame };
}

describe('embed', () => {
  for (const width of [1280, 360]) {
    it(`in a report on another origin at ${width} px: only the figure, and the frame follows its height`, async () => {
      const { page, frame } = await openReport(width);
      // The frame is on the app's origin, the report on another.
      expect(new URL(frame.url()).origin).toBe(new URL(h.url).origin);
      expect(new URL(page.url()).origin).not.toBe(new URL(h.url).origin);

      // The frame takes the embedded document's height, which is not the snippet's first guess.
      await expect
        .poll(async () => Math.abs((await frameHeight(page)) - (await documentHeight(frame))), { timeout: 20_000 })
        .toBeLessThanOrEqual(2);
      expect(Math.abs((await frameHeight(page)) - INITIAL)).toBeGreaterThan(5);
      // Inside the frame nothing scrolls: the whole figure shows.
      expect(await frame.evaluate(() => document.documentElement.scrollHeight - window.innerHeight)).toBeLessThanOrEqual(1);
      expect(await frame.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);

      // Only the figure: title, chart, notes, source line and a link to the full view.
      expect(await frame.locator('[data-testid="title"]').innerText()).toMatch(/^Herkomstkloof in /);
      expect(await frame.locator('[data-testid="source-line"]').isVisible()).toBe(true);
      expect(await frame.locator('[data-testid="notes"]').isVisible()).toBe(true);
      const controls =
        'header, footer, nav, form, select, input, button, [role="tablist"], [data-testid="controls"], [data-testid="domains"], [data-testid="views"], [data-testid="url-notice"]';
      expect(await frame.locator(controls).count()).toBe(0);
      expect(await frame.locator('[data-testid="version-notice"]').count()).toBe(0);

      // The full view: the same view, without embed mode, in a new tab.
      const link = frame.locator('[data-testid="full-view"]');
      expect(await link.getAttribute('target')).toBe('_blank');
      expect(await link.getAttribute('rel')).toBe('noopener');
      const href = await link.evaluate((a) => (a as HTMLAnchorElement).href);
      expect(href).toBe(`${h.url}?view=gap`);

      // The text after the figure sits right under the frame.
      const frameBox = (await page.locator(`#${FRAME_ID}`).boundingBox())!;
      const after = (await page.locator('#after').boundingBox())!;
      expect(after.y).toBeGreaterThanOrEqual(frameBox.y + frameBox.height);
      expect(after.y).toBeLessThan(frameBox.y + frameBox.height + 40);

      await page.screenshot({ path: join(SCREENSHOTS, `embed-report-${width}.png`), fullPage: true });
      await page.context().close();
    });
  }

  it('follows the content when it changes, and ignores height messages from anyone but the frame on the app’s origin', async () => {
    const { page, frame } = await openReport(1280);
    await expect
      .poll(async () => Math.abs((await frameHeight(page)) - (await documentHeight(frame))), { timeout: 20_000 })
      .toBeLessThanOrEqual(2);
    const before = await frameHeight(page);

    // The report page itself (another origin, another source) cannot resize the frame.
    await page.evaluate(() => window.postMessage({ type: 'herkomstkloof:height', height: 99 }, '*'));
    // Nor can another frame of the app's origin that is not this frame.
    await page.evaluate((src) => {
      const other = document.createElement('iframe');
      other.id = 'other';
      other.src = src;
      document.body.append(other);
    }, `${h.url}data/manifest.json`);
    const other = (await (await page.waitForSelector('#other')).contentFrame())!;
    await other.waitForLoadState();
    await other.evaluate(() => window.parent.postMessage({ type: 'herkomstkloof:height', height: 77 }, '*'));
    await page.waitForTimeout(300);
    expect(await frameHeight(page)).toBe(before);

    // Opening the quoted passages makes the figure taller; the frame follows.
    await frame.locator('[data-testid="quotes"] summary').click();
    await expect.poll(() => frameHeight(page), { timeout: 10_000 }).toBeGreaterThan(before + 20);
    await expect
      .poll(async () => Math.abs((await frameHeight(page)) - (await documentHeight(frame))), { timeout: 10_000 })
      .toBeLessThanOrEqual(2);
    await page.context().close();
  });

  it('embeds the table view as a table, and an embed with an old version says so in one line', async () => {
    const page = await h.open(`/?view=table&embed=1&v=0ld0ld0ld0ld`);
    await settled(page);
    expect(await page.locator('[data-testid="table"] tbody tr').count()).toBeGreaterThan(0);
    expect(await page.locator('header, footer, [data-testid="controls"], [data-testid="views"], [data-testid="domains"]').count()).toBe(0);
    expect(await page.getByTestId('version-notice').innerText()).toContain('0ld0ld0ld0ld');
    await page.context().close();
  });
});

describe('link with a data version', () => {
  it('a link with an old version says the figures may have changed, and links to the same view without it', async () => {
    const page = await h.open('/?view=compare&lang=en&v=0a0a0a0a0a0a');
    await settled(page);
    const notice = page.getByTestId('version-notice');
    expect(await notice.innerText()).toContain(`This link was made with data version 0a0a0a0a0a0a; data version ${version} is loaded now.`);
    expect(await notice.innerText()).toContain('The figures may have changed since.');
    expect(await page.getByTestId('url-notice').count()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'version-notice-en.png') });
    const link = page.getByTestId('version-current-link');
    expect(await link.getAttribute('href')).toBe('/?lang=en&view=compare');
    await link.click();
    await expect.poll(() => page.evaluate(() => location.search)).toBe('?lang=en&view=compare');
    expect(await page.getByTestId('version-notice').count()).toBe(0);
    expect((await settled(page)).view).toBe('compare');
    // Back: the link as it was opened, with its notice.
    await page.goBack();
    await expect.poll(() => page.getByTestId('version-notice').count()).toBe(1);
    await page.context().close();
  });

  it('in Dutch too; a link with the current version shows no notice; an invalid version or embed value is named', async () => {
    const old = await h.open('/?v=0a0a0a0a0a0a');
    await settled(old);
    expect(await old.getByTestId('version-notice').innerText()).toContain('De cijfers kunnen sindsdien veranderd zijn.');
    await old.context().close();

    const current = await h.open(`/?v=${version}`);
    await settled(current);
    expect(await current.getByTestId('version-notice').count()).toBe(0);
    expect(await current.getByTestId('url-notice').count()).toBe(0);
    // The first change writes the view without the version.
    await current.locator('[data-testid="views"] button[data-view="table"]').click();
    await expect.poll(() => current.evaluate(() => location.search)).toBe('?view=table');
    await current.context().close();

    const bad = await h.open('/?v=%3Cb%3E&embed=maybe');
    await settled(bad);
    const text = await bad.getByTestId('url-notice').innerText();
    expect(text).toContain('“<b>” voor “v”');
    expect(text).toContain('“maybe” voor “embed”');
    expect(await bad.getByTestId('controls').count()).toBe(1);
    expect(await bad.getByTestId('version-notice').count()).toBe(0);
    await bad.context().close();
  });
});

describe('print', () => {
  it('prints one clean page: title, chart, notes, sources and the permalink; no controls, tabs, notices or footer', async () => {
    const page = await h.open('/?grp=geboren_belgie~geboren_buiten_eu&foo=1');
    await settled(page);
    await page.waitForSelector('[data-testid="chart"] svg');
    expect(await page.getByTestId('url-notice').isVisible()).toBe(true);
    expect(await page.getByTestId('print-link').isVisible()).toBe(false);

    await page.emulateMedia({ media: 'print' });
    for (const hidden of ['controls', 'domains', 'views', 'url-notice', 'engine-status', 'quotes', 'export']) {
      expect(await page.getByTestId(hidden).isVisible(), hidden).toBe(false);
    }
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.locator('footer').isVisible()).toBe(false);
    expect(await page.locator('button:visible, select:visible, input:visible').count()).toBe(0);
    for (const shown of ['title', 'chart', 'notes', 'source-line', 'print-link']) {
      expect(await page.getByTestId(shown).isVisible(), shown).toBe(true);
    }
    expect(await page.getByTestId('title').innerText()).toMatch(/^Werkzaamheidsgraad naar geboorteland, Vlaams Gewest/);
    expect(await page.getByTestId('print-link').innerText()).toBe(
      `Herkomstkloof, dataversie ${version}: ${h.url}?grp=geboren_belgie~geboren_buiten_eu&v=${version}`,
    );
    // As on paper: A4 less 14 mm margins is about 688 CSS px wide.
    await page.setViewportSize({ width: 688, height: 980 });
    await page.screenshot({ path: join(SCREENSHOTS, 'print-a4.png'), fullPage: true });

    // On A4, one page.
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    writeFileSync(join(ROOT, 'test-results', 'print-trend.pdf'), pdf);
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)).toHaveLength(1);
    await page.context().close();
  });

  it('prints the gap view on one page too', async () => {
    const page = await h.open('/?view=gap&lang=en');
    await settled(page);
    await page.waitForSelector('[data-testid="chart"] svg');
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('print-link').innerText()).toBe(
      `Herkomstkloof, data version ${version}: ${h.url}?lang=en&view=gap&v=${version}`,
    );
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)).toHaveLength(1);
    await page.context().close();
  });
});

describe('privacy', () => {
  it('made no request to anything but localhost', () => {
    expect(h.requests.length).toBeGreaterThan(5);
    const foreign = h.requests.filter((u) => {
      if (u.startsWith('data:') || u.startsWith('blob:') || u === 'about:blank') return false;
      return !['127.0.0.1', 'localhost'].includes(new URL(u).hostname);
    });
    expect(foreign).toEqual([]);
    // The report's server was asked too: the frame did load from another port.
    expect(h.requests.some((u) => u.startsWith(report.url))).toBe(true);
  });
});
