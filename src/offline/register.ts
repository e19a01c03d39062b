/**
 * Registers the service worker (src/offline/service-worker.js) in the production build, and
 * reports when a newer build replaced the offline copy (its data version), so the page can say so.
 * Call it once the engine is ready: the worker then stores what the page has just downloaded from
 * the browser's cache, instead of downloading DuckDB's wasm a second time beside the page.
 */
export function registerServiceWorker(onUpdated: (dataVersion: string) => void): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  navigator.serviceWorker.addEventListener('message', (e: MessageEvent) => {
    if (e.data?.type === 'offline-updated') onUpdated(String(e.data.version));
  });
  void navigator.serviceWorker.register(`${import.meta.env.BASE_URL}sw.js`).catch(() => undefined);
}
