/**
 * Registers the service worker vite-plugin-pwa generates (sw.js, precaching every file of the build) so the page
 * loads and analyses offline after one visit. Registered here rather than by the plugin's inline script, which the
 * CSP forbids; the script URL goes through the Trusted Types default policy like every other script URL.
 * registerType is "prompt": a new version waits until the user chooses to reload, so an open page never loses a
 * lazily loaded file to an update.
 */

type Listener = () => void;

let waiting: ServiceWorker | null = null;
const listeners = new Set<Listener>();

function offerUpdate(worker: ServiceWorker): void {
  waiting = worker;
  for (const listener of listeners) listener();
}

function watch(worker: ServiceWorker): void {
  worker.addEventListener("statechange", () => {
    // With no controller this is the first install, not an update.
    if (worker.state === "installed" && navigator.serviceWorker.controller !== null) offerUpdate(worker);
  });
}

async function register(): Promise<void> {
  const registration = await navigator.serviceWorker.register("./sw.js", { scope: "./" });
  if (registration.waiting !== null && navigator.serviceWorker.controller !== null) offerUpdate(registration.waiting);
  registration.addEventListener("updatefound", () => {
    if (registration.installing !== null) watch(registration.installing);
  });
}

/** Service workers need http(s); the single-file build opened from disk has none and needs none. */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !("serviceWorker" in navigator) || !/^https?:$/.test(location.protocol)) return;
  register().catch(() => {
    // Offline use is an extra: without a service worker the page still works online.
  });
}

export const serviceWorkerUpdates = {
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  isReady(): boolean {
    return waiting !== null;
  },
  /** Lets the waiting version take over (Workbox's SKIP_WAITING message) and reloads once it has. */
  apply(): void {
    if (waiting === null) return;
    navigator.serviceWorker.addEventListener("controllerchange", () => location.reload(), { once: true });
    waiting.postMessage({ type: "SKIP_WAITING" });
  },
};
