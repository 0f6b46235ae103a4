/**
 * The pages' side of reading with no signal: asking the service worker (src/service-worker/sw.ts) to store pages,
 * and reading what is stored. Shared by the scripts that register the worker, save an authority's reports, list
 * what is stored and search it.
 */
import { isPagesCache, isStoreCache, type PageToStore, type StoreReply } from '../lib/offline/policy.ts';
import { isStoredReport } from '../lib/offline/search.ts';

/** Whether this browser can keep pages for reading offline. */
export const canStore = () => 'serviceWorker' in navigator && 'caches' in window;

/** Asks the active worker to store `pages`; resolves once they are stored (or could not be). */
export async function askToStore(pages: PageToStore[]): Promise<StoreReply> {
  const { active } = await navigator.serviceWorker.ready;
  // `ready` waits for an active worker, so this is never missing; if it were, nothing could be stored.
  if (!active) return { stored: [], failed: pages.map((page) => page.path) };
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event) => resolve(event.data as StoreReply);
    active.postMessage({ type: 'store', pages }, [channel.port2]);
  });
}

/** The paths held in the worker's caches: stored pages, or (with `search`) stored search files. */
export async function storedPaths({ search = false } = {}): Promise<Set<string>> {
  if (!canStore()) return new Set();
  const wanted = (name: string) => isStoreCache(name) && (search ? !isPagesCache(name) : isPagesCache(name));
  const names = (await caches.keys()).filter(wanted);
  const paths = new Set<string>();
  for (const name of names) {
    for (const request of await (await caches.open(name)).keys()) paths.add(new URL(request.url).pathname);
  }
  return paths;
}

/** Which reports (by search id) search can show with no signal: those whose passage files are stored. */
export async function storedReports(): Promise<(id: string) => boolean> {
  const files = await storedPaths({ search: true });
  return (id) => isStoredReport(id, files);
}
