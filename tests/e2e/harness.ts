/**
 * End-to-end harness: the production build served on localhost, driven in Debian's Chromium
 * through playwright-core. Every request the page makes is recorded, so tests can assert that
 * nothing leaves the machine.
 */
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Server } from 'node:http';
import type { Socket } from 'node:net';
// @ts-expect-error plain ESM module without types
import { startServer } from '../../scripts/serve.mjs';

export const ROOT = resolve(import.meta.dirname, '../..');
export const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Harness {
  url: string;
  browser: Browser;
  requests: string[];
  open(path: string, viewport?: { width: number; height: number }): Promise<Page>;
  /**
   * A fresh browser context with service workers off: Playwright's routes (the fault tests) do not
   * see what a worker fetches, and a worker's cache would hide the server's answers.
   * tests/e2e/offline.test.ts turns them on.
   */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  /** Bytes the server has sent so far (headers and bodies, as on the wire), for the benchmark. */
  bytesSent(): number;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  if (!existsSync(join(ROOT, 'dist', 'index.html'))) throw new Error('no production build in dist/: run `npm run build` first');
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: install Debian's chromium package`);
  const { server, url } = (await startServer({ root: join(ROOT, 'dist'), port: 0 })) as { server: Server; url: string };
  // Playwright gives each launch a fresh, empty profile (--user-data-dir in a temp folder).
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--disable-dev-shm-usage',
    ],
  });
  const requests: string[] = [];
  mkdirSync(SCREENSHOTS, { recursive: true });
  const newContext = (options: BrowserContextOptions = {}) => browser.newContext({ serviceWorkers: 'block', ...options });
  let closedBytes = 0;
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => {
      closedBytes += socket.bytesWritten;
      sockets.delete(socket);
    });
  });
  return {
    url,
    browser,
    requests,
    async open(path, viewport = { width: 1280, height: 900 }) {
      const context = await newContext({ viewport, deviceScaleFactor: 1 });
      const page = await context.newPage();
      page.on('request', (r) => requests.push(r.url()));
      page.on('pageerror', (e) => console.error('page error:', e.message));
      page.on('console', (m) => {
        if (m.type() === 'error') console.error('console error:', m.text());
      });
      await page.goto(new URL(path, url).toString());
      return page;
    },
    newContext,
    bytesSent: () => closedBytes + [...sockets].reduce((a, s) => a + s.bytesWritten, 0),
    async close() {
      await browser.close();
      await new Promise((r) => server.close(() => r(null)));
    },
  };
}

/** Wait until the trend chart shows at least one point. */
export async function waitForChart(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid="chart"] svg g.trend-point circle', { timeout: 30_000 });
}

/** Wait until the panel shows its view: a chart, a table or an empty-state message. */
export async function waitForView(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid="chart"] svg, [data-testid="table"] tbody tr, [data-testid="empty"]', { timeout: 30_000 });
}

export async function waitForEngine(page: Page): Promise<void> {
  await page.waitForSelector('.engine[data-status="ready"]', { timeout: 60_000 });
}

/**
 * A second static server on another localhost port — another origin than the app — for pages that
 * use the app from outside, such as a report that embeds a view in an iframe.
 */
export async function serveFolder(root: string): Promise<{ url: string; close(): Promise<void> }> {
  // Another site: not the app's Content-Security-Policy (a report that frames the app has its own).
  const { server, url } = (await startServer({ root, port: 0, csp: false })) as { server: Server; url: string };
  return { url, close: () => new Promise((r) => server.close(() => r())) };
}
