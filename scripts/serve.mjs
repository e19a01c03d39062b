/**
 * Serve the production build (dist/) on localhost: static files with correct types, byte-range
 * support and security headers, nothing else. `npm start` uses it; so do the end-to-end tests.
 * A fault while reading a file (a file replaced, deleted or unreadable mid-request) is answered,
 * never fatal: the server keeps running.
 */
import { createServer } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.parquet': 'application/vnd.apache.parquet',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.csv': 'text/csv; charset=utf-8',
  '.zip': 'application/zip',
  '.map': 'application/json',
};

/**
 * The page's Content-Security-Policy: the smallest that works (measured in Chromium, see the
 * README). index.html carries the same policy as a meta tag for hosts that cannot send headers
 * (a meta tag cannot carry frame-ancestors; keep the two in step).
 */
export const PAGE_CSP = [
  // Everything else (manifests, icons, media) only from this origin.
  "default-src 'self'",
  // Scripts from this origin only, and no JavaScript generated at run time: no 'unsafe-eval' (Arrow
  // tables are built from buffers, never by Arrow's builders, which use `new Function`).
  // 'wasm-unsafe-eval': the zstd decoder (hyparquet-compressors) compiles WebAssembly on the page
  // when a user's Parquet file's indicators are read for the choice (tests/e2e/faults.test.ts).
  "script-src 'self' 'wasm-unsafe-eval'",
  // 'unsafe-inline': Observable Plot writes a <style> element into each chart, and Svelte sets
  // style attributes (bar widths, colour swatches).
  "style-src 'self' 'unsafe-inline'",
  // data: the empty favicon in index.html; blob: the PNG export draws the chart's SVG from a blob URL.
  "img-src 'self' data: blob:",
  // Data files, DuckDB's wasm and the manifest: this origin only. Nothing leaves the site.
  "connect-src 'self'",
  "font-src 'self'",
  // DuckDB's worker is a file on this origin.
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * A worker gets its policy from its own response, not from the page. DuckDB's worker compiles its
 * WebAssembly ('wasm-unsafe-eval', not the broader 'unsafe-eval') and fetches only from this origin.
 * Sent on every script response: for scripts the page imports it has no effect.
 */
export const WORKER_CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
].join('; ');

const SECURITY = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

/** Headers for a response with this path and query: the embed view (`?embed=1`) may be framed by any page. */
function policyHeaders(path, url) {
  const ext = extname(path);
  if (ext === '.js' || ext === '.mjs') return { ...SECURITY, 'content-security-policy': WORKER_CSP };
  if (ext === '.html') {
    const embed = url.searchParams.get('embed') === '1';
    return {
      ...SECURITY,
      'content-security-policy': embed ? PAGE_CSP : `${PAGE_CSP}; frame-ancestors 'none'`,
      ...(embed ? {} : { 'x-frame-options': 'DENY' }),
    };
  }
  // Data and styles opened on their own run nothing and load nothing.
  return { ...SECURITY, 'content-security-policy': "default-src 'none'" };
}

/**
 * How long a browser may keep a file: the page, the JSON that names the data version and the
 * service worker are checked on every load; Vite's files under assets/ carry a hash of their
 * content in their name, so they never change and are kept a year; the rest an hour.
 */
function cacheControl(path, base) {
  if (path.endsWith('.html') || path.endsWith('.json') || path === join(base, 'sw.js')) return 'no-cache';
  if (path.startsWith(join(base, 'assets') + sep)) return 'public, max-age=31536000, immutable';
  return 'public, max-age=3600';
}

/** The `.br` or `.gz` copy of a file, if the client accepts that encoding and the copy exists. */
function precompressed(path, acceptEncoding = '') {
  // "br;q=1.0, gzip;q=0.8, *;q=0.1": the encodings named with a weight above zero.
  const accepted = new Set(
    String(acceptEncoding)
      .split(',')
      .map((part) => part.trim().split(/\s*;\s*q=/))
      .filter(([, q]) => q === undefined || Number(q) > 0)
      .map(([name]) => name.toLowerCase()),
  );
  for (const [encoding, ext] of [
    ['br', '.br'],
    ['gzip', '.gz'],
  ]) {
    if (!accepted.has(encoding)) continue;
    const copy = fileAt(path + ext);
    if (copy) return { encoding, path: copy.path, size: copy.size };
  }
  return null;
}

const plain = { 'content-type': 'text/plain; charset=utf-8', ...SECURITY };

/** The file for a path, or null: a directory serves its index.html, but only when that is a file. */
function fileAt(path) {
  try {
    let st = statSync(path);
    if (st.isDirectory()) {
      path = join(path, 'index.html');
      st = statSync(path);
    }
    return st.isFile() ? { path, size: st.size } : null;
  } catch {
    return null;
  }
}

/**
 * Pipe `length` bytes of a file into the response. A read error ends the response (500 if nothing
 * was sent yet); a file that shrank while it was read closes the connection instead of leaving the
 * client waiting for bytes that will never come.
 */
function send(res, path, length, options) {
  const stream = createReadStream(path, options);
  stream.on('error', () => {
    if (!res.headersSent) res.writeHead(500, plain).end('read error');
    else res.destroy();
  });
  stream.on('end', () => {
    if (stream.bytesRead !== length) res.destroy();
  });
  res.on('close', () => stream.destroy());
  stream.pipe(res);
}

/**
 * Start serving `root`; resolves with the server and its URL. Port 0 picks a free port. `csp: false`
 * leaves out the app's Content-Security-Policy, for other sites the tests serve (a report that
 * embeds the app has a policy of its own).
 */
export function startServer({
  root = resolve(fileURLToPath(import.meta.url), '../../dist'),
  port = 4173,
  host = '127.0.0.1',
  csp = true,
} = {}) {
  const base = resolve(root);
  const server = createServer((req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { ...plain, allow: 'GET, HEAD' }).end('method not allowed');
        return;
      }
      const url = new URL(req.url ?? '/', 'http://localhost');
      const path = normalize(join(base, decodeURIComponent(url.pathname)));
      if (path !== base && !path.startsWith(base + sep)) {
        res.writeHead(403, plain).end('forbidden');
        return;
      }
      const file = fileAt(path);
      if (!file) {
        res.writeHead(404, plain).end('not found');
        return;
      }
      const headers = {
        'content-type': TYPES[extname(file.path)] ?? 'application/octet-stream',
        'accept-ranges': 'bytes',
        'cache-control': cacheControl(file.path, base),
        vary: 'accept-encoding',
        ...(csp ? policyHeaders(file.path, url) : SECURITY),
      };
      const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
      // The build's precompressed copy (scripts/lib/precompress-plugin.ts) for a whole-file request
      // that accepts it; byte ranges are of the file itself.
      const encoded = range ? null : precompressed(file.path, req.headers['accept-encoding']);
      if (encoded) {
        res.writeHead(200, { ...headers, 'content-encoding': encoded.encoding, 'content-length': encoded.size });
        if (req.method === 'HEAD') return res.end();
        send(res, encoded.path, encoded.size);
        return;
      }
      const { size } = file;
      if (range && (range[1] !== '' || range[2] !== '')) {
        const start = range[1] === '' ? Math.max(0, size - Number(range[2])) : Number(range[1]);
        const end = range[1] === '' || range[2] === '' ? size - 1 : Math.min(Number(range[2]), size - 1);
        if (start > end || start >= size) {
          res.writeHead(416, { ...plain, 'content-range': `bytes */${size}` }).end();
          return;
        }
        res.writeHead(206, { ...headers, 'content-range': `bytes ${start}-${end}/${size}`, 'content-length': end - start + 1 });
        if (req.method === 'HEAD') return res.end();
        send(res, file.path, end - start + 1, { start, end });
        return;
      }
      res.writeHead(200, { ...headers, 'content-length': size });
      if (req.method === 'HEAD') return res.end();
      send(res, file.path, size);
    } catch {
      if (!res.headersSent) res.writeHead(400, plain).end('bad request');
      else res.destroy();
    }
  });
  // A client that goes away mid-response must not take the server with it.
  server.on('clientError', (_e, socket) => socket.destroy());
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolvePromise({ server, url: `http://${host}:${address.port}/` });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(fileURLToPath(import.meta.url), '../../dist');
  if (!fileAt(join(root, 'index.html'))) {
    console.error('dist/ has no build: run `npm run build` first (or `npm start`).');
    process.exit(1);
  }
  const { url } = await startServer({ root, port: Number(process.env.PORT ?? 4173) });
  console.log(`Herkomstkloof is served at ${url}  (Ctrl+C to stop)`);
}
