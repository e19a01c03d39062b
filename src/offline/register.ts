/**
 * Registers the service worker (src/offline/service-worker.js) in the production build, and
 * reports when a newer build replaced the offline copy (its data version), so the page can say so.
 */
export function registerServiceWorker(onUpdated: (dataVersion: string) => void): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  navigator.serviceWorker.addEventListener('message', (e: MessageEvent) => {
    if (e.data?.type === 'offline-updated') onUpdated(String(e.data.version));
  });
  // After the page has loaded: the worker's downloads never compete with the first chart's.
  const register = () => void navigator.serviceWorker.register(`${import.meta.env.BASE_URL}sw.js`).catch(() => undefined);
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
