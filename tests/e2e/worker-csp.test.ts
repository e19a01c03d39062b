/**
 * The server's Content-Security-Policy covers workers (issue 10): a worker gets its policy from its
 * own response, and `npm start`'s server sends every script of the site (DuckDB's worker among
 * them) with `connect-src 'self'`. A probe worker served the same way tries to fetch from another
 * local site; the browser must refuse, and the other site must see no request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error plain ESM module without types
import { startServer } from '../../scripts/serve.mjs';
import { ROOT, startHarness, type Harness } from './harness';

let h: Harness;
let root: string;
let app: { server: Server; url: string };
let other: Server;
let otherUrl: string;
const reached: string[] = [];

beforeAll(async () => {
  h = await startHarness();
  // Another site on another port, counting what reaches it.
  other = createServer((req, res) => {
    reached.push(req.url ?? '');
    res.writeHead(200, { 'access-control-allow-origin': '*', 'content-type': 'text/plain' }).end('secret');
  });
  await new Promise<void>((r) => other.listen(0, '127.0.0.1', () => r()));
  otherUrl = `http://127.0.0.1:${(other.address() as { port: number }).port}/`;
  root = mkdtempSync(join(tmpdir(), 'worker-csp-'));
  cpSync(join(ROOT, 'dist', 'index.html'), join(root, 'index.html'));
  writeFileSync(
    join(root, 'probe-worker.js'),
    `fetch(${JSON.stringify(otherUrl + 'from-worker')}).then((r) => r.text()).then((t) => postMessage('reached: ' + t), (e) => postMessage('refused: ' + e.message));`,
  );
  app = (await startServer({ root, port: 0 })) as { server: Server; url: string };
});
afterAll(async () => {
  await h?.close();
  await new Promise((r) => app?.server.close(() => r(null)));
  await new Promise((r) => other?.close(() => r(null)));
  rmSync(root, { recursive: true, force: true });
});

async function probe(url: string): Promise<string> {
  const context = await h.newContext();
  const page = await context.newPage();
  await page.goto(url);
  const answer = await page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const w = new Worker('./probe-worker.js');
        w.onmessage = (e) => resolve(String(e.data));
        w.onerror = (e) => resolve(`error: ${e.message}`);
      }),
  );
  await context.close();
  return answer;
}

describe("a worker served by the app's server", () => {
  it('cannot fetch from another site; the other site sees nothing', async () => {
    expect(await probe(app.url)).toMatch(/^refused: /);
    expect(reached).toEqual([]);
  });

  it('control: the same worker from a server without the policy does reach it (the probe can tell)', async () => {
    const open = (await startServer({ root, port: 0, csp: false })) as { server: Server; url: string };
    try {
      expect(await probe(open.url)).toBe('reached: secret');
      expect(reached).toEqual(['/from-worker']);
    } finally {
      await new Promise((r) => open.server.close(() => r(null)));
    }
  });
});
