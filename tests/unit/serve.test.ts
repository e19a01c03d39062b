/**
 * Issue 10, a server that stays up: scripts/serve.mjs answers every fault instead of dying, refuses
 * methods other than GET and HEAD, and sends the security headers. The server runs on a free port
 * over a temporary folder; expected headers are written out by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Server } from 'node:http';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { request } from 'node:http';
// @ts-expect-error plain ESM module without types
import { PAGE_CSP, startServer } from '../../scripts/serve.mjs';

let root: string;
let server: Server;
let url: string;
const big = Buffer.alloc(1024 * 1024, 7);

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'serve-test-'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><p>hallo</p>');
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'assets', 'worker.js'), 'self.onmessage = () => {};');
  writeFileSync(join(root, 'big.parquet'), big);
  writeFileSync(join(root, 'sw.js'), '// service worker');
  writeFileSync(join(root, 'boot.json'), '{}');
  // A file with precompressed copies, as the build writes them (different content, to tell them apart).
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log("identity");');
  writeFileSync(join(root, 'assets', 'app.js.br'), brotliCompressSync('console.log("br");'));
  writeFileSync(join(root, 'assets', 'app.js.gz'), gzipSync('console.log("gz");'));
  // Directories named like files.
  mkdirSync(join(root, 'sub', 'index.html'), { recursive: true });
  mkdirSync(join(root, 'map.parquet'));
  ({ server, url } = (await startServer({ root, port: 0 })) as { server: Server; url: string });
});
afterAll(async () => {
  await new Promise((r) => server?.close(() => r(null)));
  rmSync(root, { recursive: true, force: true });
});

const alive = async () => (await fetch(url)).status;

describe('methods', () => {
  it.each(['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'])('%s gets 405 and Allow: GET, HEAD, not the file', async (method) => {
    const res = await fetch(url, { method, body: method === 'POST' || method === 'PUT' ? 'x' : undefined });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
    expect(await res.text()).not.toContain('hallo');
  });

  it('GET and HEAD serve the file', async () => {
    expect(await (await fetch(url)).text()).toBe('<!doctype html><p>hallo</p>');
    const head = await fetch(url, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe('27');
  });
});

/** A raw GET (fetch would decode the body and hide which copy was sent). */
function rawGet(
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((resolvePromise, reject) => {
    const req = request(new URL(path, url), { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolvePromise({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('precompressed copies', () => {
  it.each([
    ['br, gzip', 'br', 'console.log("br");'],
    ['gzip, deflate', 'gzip', 'console.log("gz");'],
    ['br;q=0, gzip', 'gzip', 'console.log("gz");'],
    ['identity', undefined, 'console.log("identity");'],
    ['', undefined, 'console.log("identity");'],
  ])('Accept-Encoding "%s": %s', async (accept, encoding, text) => {
    const res = await rawGet('assets/app.js', accept ? { 'accept-encoding': accept } : {});
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe(encoding);
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.headers.vary).toBe('accept-encoding');
    const body = encoding === 'br' ? brotliDecompressSync(res.body) : encoding === 'gzip' ? gunzipSync(res.body) : res.body;
    expect(body.toString()).toBe(text);
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
  });

  it('a byte range is of the file itself, never of a compressed copy', async () => {
    const res = await rawGet('assets/app.js', { 'accept-encoding': 'br', range: 'bytes=0-6' });
    expect(res.status).toBe(206);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body.toString()).toBe('console');
  });
});

describe('cache headers', () => {
  it.each([
    ['', 'no-cache'],
    ['boot.json', 'no-cache'],
    ['sw.js', 'no-cache'],
    ['assets/worker.js', 'public, max-age=31536000, immutable'],
    ['big.parquet', 'public, max-age=3600'],
  ])('/%s: %s', async (path, expected) => {
    const res = await fetch(new URL(path, url), { method: 'HEAD' });
    expect(res.headers.get('cache-control')).toBe(expected);
  });
});

describe('security headers', () => {
  it('the page: CSP with frame-ancestors none, nosniff, no referrer', async () => {
    const res = await fetch(url);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("form-action 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    // WebAssembly may be compiled (the zstd decoder), JavaScript never generated.
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(csp).not.toContain(" 'unsafe-eval'");
    expect(csp).not.toContain('blob: ;');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });

  it('the embed view may be framed by any page; the rest of its policy stays', async () => {
    const res = await fetch(`${url}?embed=1&ind=werkzaamheidsgraad`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).not.toContain('frame-ancestors');
    expect(csp).toContain("connect-src 'self'");
    expect(res.headers.get('x-frame-options')).toBeNull();
    // embed=0 is not the embed view.
    expect((await fetch(`${url}?embed=0`)).headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it('a script (so the DuckDB worker) carries its own policy: this origin only, WebAssembly but no eval', async () => {
    const res = await fetch(`${url}assets/worker.js`);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; object-src 'none'; base-uri 'none'",
    );
  });

  it('data files opened on their own run and load nothing', async () => {
    const res = await fetch(`${url}big.parquet`, { method: 'HEAD' });
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('index.html carries the same policy as a meta tag (frame-ancestors cannot be set by a meta tag)', () => {
    const html = readFileSync(resolve(import.meta.dirname, '../../index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(PAGE_CSP);
  });
});

describe('faults answered, never fatal', () => {
  it('a directory named index.html or like a data file is a 404, and the server stays up', async () => {
    expect((await fetch(`${url}sub/`)).status).toBe(404);
    expect((await fetch(`${url}sub/index.html`)).status).toBe(404);
    expect((await fetch(`${url}map.parquet`)).status).toBe(404);
    expect(await alive()).toBe(200);
  });

  it('a file replaced or deleted during streamed requests: each answered or closed, the server stays up', async () => {
    const file = join(root, 'big.parquet');
    let stop = false;
    // Replace the file (new inode), delete it and write it back, as fast as possible, while requests stream.
    const churn = (async () => {
      let i = 0;
      while (!stop) {
        const tmp = join(root, `tmp-${i++}`);
        writeFileSync(tmp, big.subarray(0, (i % 4) * 256 * 1024));
        renameSync(tmp, file);
        if (i % 3 === 0) {
          try {
            unlinkSync(file);
          } catch {
            /* already gone */
          }
        }
        await new Promise((r) => setImmediate(r));
      }
    })();
    const outcomes: string[] = [];
    for (let round = 0; round < 10; round++) {
      const results = await Promise.all(
        Array.from({ length: 20 }, async (_, k) => {
          try {
            const res = await fetch(`${url}big.parquet`, k % 2 ? { headers: { range: 'bytes=1000-' } } : {});
            await res.arrayBuffer();
            return String(res.status);
          } catch {
            return 'closed';
          }
        }),
      );
      outcomes.push(...results);
    }
    stop = true;
    await churn;
    // Every request got an answer of a kind a client understands.
    for (const o of outcomes) expect(['200', '206', '404', '416', '500', 'closed']).toContain(o);
    expect(outcomes).toHaveLength(200);
    expect(await alive()).toBe(200);
    writeFileSync(file, big);
    const res = await fetch(`${url}big.parquet`);
    expect((await res.arrayBuffer()).byteLength).toBe(big.length);
  }, 60_000);

  it('a client that aborts mid-stream does not stop the server', async () => {
    for (let i = 0; i < 10; i++) {
      const ctrl = new AbortController();
      const res = await fetch(`${url}big.parquet`, { signal: ctrl.signal });
      const reader = res.body!.getReader();
      await reader.read();
      ctrl.abort();
    }
    expect(await alive()).toBe(200);
  });
});
