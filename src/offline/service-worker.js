/**
 * The service worker: after the first visit the app opens and works offline.
 *
 * At install it stores the whole app in one cache — the page, its scripts and styles, DuckDB's
 * worker and wasm, boot.json, the manifest, the Parquet extract and the prebuilt views — so that a
 * second visit needs no network. The list of files and the data version are written into this file
 * at build time (vite.config.ts, `serviceWorkerPlugin`); a new build is a new worker, which stores
 * the new files, then deletes the old cache and tells the open pages which data version replaced it.
 *
 * Requests: the page and the JSON that says which data version is current (boot.json,
 * manifest.json) go to the network first, so an update is seen at once, and fall back to the cache
 * offline; everything else is named by content or version and comes from the cache first. Only GET
 * and HEAD of this origin are handled; nothing is fetched from anywhere else.
 */

const BUILD = '__BUILD__';
const DATA_VERSION = '__DATA_VERSION__';
/** Paths relative to this file's folder (the app's base). */
const FILES = /** @type {string[]} */ (JSON.parse('__FILES__'));

const PREFIX = 'herkomstkloof-';
const CACHE = `${PREFIX}${BUILD}`;
const base = new URL('./', self.location.href);
const NETWORK_FIRST = new Set(['', 'index.html', 'data/boot.json', 'data/manifest.json']);

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // The browser's HTTP cache may answer: the page registers this worker once the engine is
      // ready, so the wasm and the extract were just downloaded, and none is stored twice. No copy
      // can be stale: assets carry a hash of their content in their name, data files the version
      // in their query, and the page and the version JSON are sent `no-cache` (revalidated).
      await cache.addAll(FILES.map((f) => new URL(f, base).href));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const old = (await caches.keys()).filter((k) => k.startsWith(PREFIX) && k !== CACHE);
      await Promise.all(old.map((k) => caches.delete(k)));
      await self.clients.claim();
      // Pages opened on an older build learn that the offline copy now holds this data version.
      if (old.length)
        for (const client of await self.clients.matchAll()) client.postMessage({ type: 'offline-updated', version: DATA_VERSION });
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data?.type === 'offline-version') event.source?.postMessage({ type: 'offline-version', version: DATA_VERSION, build: BUILD });
});

/** The path of a request relative to the app's base, or null for another origin or outside the app. */
function appPath(url) {
  if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname)) return null;
  return url.pathname.slice(base.pathname.length);
}

async function fromCache(request) {
  const cache = await caches.open(CACHE);
  // A page URL's query is the view (?ind=…): every view is the same page.
  const path = appPath(new URL(request.url));
  return cache.match(request.url, { ignoreSearch: path === '' || path === 'index.html' || request.mode === 'navigate' });
}

/** HEAD (the engine checks its files before starting) answered from a stored GET: status and headers only. */
const headOf = (response) => new Response(null, { status: response.status, statusText: response.statusText, headers: response.headers });

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' && request.method !== 'HEAD') return;
  const url = new URL(request.url);
  const path = appPath(url);
  if (path === null) return;
  const head = request.method === 'HEAD';
  const networkFirst = request.mode === 'navigate' || NETWORK_FIRST.has(path);
  event.respondWith(
    (async () => {
      if (!networkFirst) {
        const cached = await fromCache(request);
        if (cached) return head ? headOf(cached) : cached;
      }
      try {
        return await fetch(request);
      } catch (error) {
        const cached = await fromCache(request);
        if (cached) return head ? headOf(cached) : cached;
        throw error;
      }
    })(),
  );
});
