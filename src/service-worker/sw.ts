/// <reference lib="webworker" />
/**
 * The service worker: the archive on a phone with no signal. Bundled and given its precache manifest at build time
 * by src/integrations/offline.ts; what it keeps and why is in src/lib/offline/policy.ts.
 *
 * With a signal the reader always gets what the site serves now: pages, the search index and passage files come
 * from the network first (a page falls back to its stored copy after `NETWORK_TIMEOUT_SECONDS`); only the built
 * assets, named by their content, come from the precache. Without one, everything comes from the caches of this
 * worker's build, which never mix with another's:
 * - a page is stored only if this build holds every asset it refers to (`assetReferences`);
 * - a new worker fetches every page and search file the old one stored into caches named for its own build before
 *   it takes over (`carryOver`, while installing), then deletes the old caches (`activate`). If the network fails
 *   meanwhile, installing fails and the old worker, with its own consistent caches, stays until the next visit.
 */
import { getCacheKeyForURL, matchPrecache, precacheAndRoute } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { NetworkFirst } from 'workbox-strategies';
import { CacheExpiration } from 'workbox-expiration';
import type { WorkboxPlugin } from 'workbox-core/types.js';
import {
  assetReferences,
  isPagesCache,
  isSearchFilesList,
  isStoreCache,
  isStoreRequest,
  MAX_STORED_PAGES,
  NETWORK_TIMEOUT_SECONDS,
  OFFLINE_PAGE,
  pageKey,
  pagesCacheName,
  searchCacheName,
  type PageToStore,
  type SearchFiles,
  type StoreReply,
} from '../lib/offline/policy.ts';
import { SEARCH_INDEX_PATH } from '../lib/search/passage-index.ts';
import { TERMS_PATH } from '../lib/search/report-index.ts';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<{ url: string; revision: string | null }> };
/** The build this worker belongs to: a hash of the built site, put in when the worker is bundled. */
declare const __ARCHIVE_BUILD__: string;

const PAGES = pagesCacheName(__ARCHIVE_BUILD__);
const SEARCH = searchCacheName(__ARCHIVE_BUILD__);
const expiration = new CacheExpiration(PAGES, { maxEntries: MAX_STORED_PAGES });

/** The precached copy of a path (a directory URL is stored as its index.html). */
const precached = (path: string) => matchPrecache(path.endsWith('/') ? `${path}index.html` : path);
const isPrecached = (path: string) => getCacheKeyForURL(path.endsWith('/') ? `${path}index.html` : path) !== undefined;

/** A page fit to store: a whole HTML page whose every asset is in this build (see the top of this file). */
async function storable(response: Response | undefined): Promise<boolean> {
  if (!response || response.status !== 200 || response.redirected) return false;
  if (!response.headers.get('content-type')?.includes('text/html')) return false;
  const assets = assetReferences(await response.clone().text());
  if (assets.every(isPrecached)) return true;
  // The site has a newer build than this worker: fetching the worker again brings it (and its caches) in.
  void self.registration.update();
  return false;
}

/** Search files live exactly as long as their page: those of pages dropped from the store go too. */
async function pruneSearchFiles(): Promise<void> {
  const [pages, search] = await Promise.all([caches.open(PAGES), caches.open(SEARCH)]);
  for (const request of await search.keys()) {
    if (!isSearchFilesList(new URL(request.url).pathname)) continue;
    const stored = await search.match(request);
    if (!stored) continue;
    const list = (await stored.json()) as SearchFiles;
    if (await pages.match(list.page)) continue;
    await Promise.all(list.files.map((file) => search.delete(file)));
    await search.delete(request);
  }
}

async function touch(path: string): Promise<void> {
  await expiration.updateTimestamp(new URL(path, self.location.origin).href);
}

async function expire(): Promise<void> {
  await expiration.expireEntries();
  await pruneSearchFiles();
}

/** Thrown when the network is down, as opposed to answering "no such page". */
class NoSignal extends Error {}
async function fetchOrFail(path: string): Promise<Response> {
  try {
    return await fetch(path, { credentials: 'same-origin' });
  } catch {
    throw new NoSignal(path);
  }
}

/** Stores the files search needs for a page, the list last: a list in the cache means all its files are there. */
async function storeSearchFiles(listUrl: string): Promise<boolean> {
  const search = await caches.open(SEARCH);
  if (await search.match(listUrl)) return true;
  const listResponse = await fetchOrFail(listUrl);
  if (!listResponse.ok) return false;
  const list = (await listResponse.clone().json()) as SearchFiles;
  for (const file of list.files) {
    if (await search.match(file)) continue;
    const response = await fetchOrFail(file);
    if (!response.ok) return false;
    await search.put(file, response);
  }
  await search.put(listUrl, listResponse);
  return true;
}

/** Stores one page (fetching it unless stored) and its search files; false if the site no longer has it. */
async function storePage({ path, searchFiles }: PageToStore): Promise<boolean> {
  if (!isPrecached(path)) {
    const pages = await caches.open(PAGES);
    if (!(await pages.match(path))) {
      const response = await fetchOrFail(path);
      if (!(await storable(response))) return false;
      await pages.put(path, response);
    }
    await touch(path);
  }
  return searchFiles ? storeSearchFiles(searchFiles) : true;
}

/** Stores pages; with `strict`, no signal fails the whole call (installing a new worker) instead of one page. */
async function store(pages: readonly PageToStore[], { strict = false } = {}): Promise<StoreReply> {
  const reply: StoreReply = { stored: [], failed: [] };
  for (const page of pages) {
    try {
      (await storePage(page) ? reply.stored : reply.failed).push(page.path);
    } catch (error) {
      if (strict) throw error;
      reply.failed.push(page.path);
    }
  }
  await expire();
  return reply;
}

/** What older builds' caches hold, as pages to store again from this build. */
async function storedByOlderBuilds(): Promise<PageToStore[]> {
  const older = (await caches.keys()).filter((name) => isStoreCache(name) && name !== PAGES && name !== SEARCH);
  const pages = new Map<string, PageToStore>();
  for (const name of older.filter(isPagesCache)) {
    for (const request of await (await caches.open(name)).keys()) {
      const path = pageKey(request.url);
      pages.set(path, { path });
    }
  }
  for (const name of older.filter((n) => !isPagesCache(n))) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      const listUrl = pageKey(request.url);
      if (!isSearchFilesList(listUrl)) continue;
      const stored = await cache.match(request);
      if (!stored) continue;
      const { page } = (await stored.json()) as SearchFiles;
      if (pages.has(page)) pages.set(page, { path: page, searchFiles: listUrl });
    }
  }
  return [...pages.values()];
}

async function carryOver(): Promise<void> {
  await store(await storedByOlderBuilds(), { strict: true });
}

async function deleteOlderBuilds(): Promise<void> {
  for (const name of await caches.keys()) {
    if (!isStoreCache(name) || name === PAGES || name === SEARCH) continue;
    // A pages cache also has its pages' last-use times in IndexedDB (Workbox's expiration records).
    if (isPagesCache(name)) await new CacheExpiration(name, { maxEntries: MAX_STORED_PAGES }).delete();
    await caches.delete(name);
  }
}

// ---- routes: pages first, then the search index's files, then the precache ---------------------------------------

/** Pages are stored by path alone, only when fit (`storable`), and count towards the cap when stored or read. */
const pagesPlugin: WorkboxPlugin = {
  cacheKeyWillBeUsed: async ({ request }) => new URL(pageKey(request.url), self.location.origin).href,
  cacheWillUpdate: async ({ response }) => ((await storable(response)) ? response : null),
  cacheDidUpdate: async ({ request }) => {
    await touch(pageKey(request.url));
    await expire();
  },
  cachedResponseWillBeUsed: async ({ request, cachedResponse }) => {
    if (cachedResponse) await touch(pageKey(request.url));
    return cachedResponse;
  },
  // No signal and no stored copy: the precached page at that path (the search page), else the offline page.
  handlerDidError: async ({ request }) => (await precached(pageKey(request.url))) ?? (await precached(OFFLINE_PAGE)) ?? Response.error(),
};
registerRoute(({ request }) => request.mode === 'navigate', new NetworkFirst({ cacheName: PAGES, networkTimeoutSeconds: NETWORK_TIMEOUT_SECONDS, plugins: [pagesPlugin] }));

/**
 * The search index's files: from the network while there is one, so a search always reads one build's index and
 * passages; without it, from this build's precache (the report index) and stored search files. Every term file of
 * the build is precached: one that is not, the build does not have (no word of the archive falls in it).
 */
registerRoute(
  ({ url }) => url.origin === self.location.origin && url.pathname.startsWith(SEARCH_INDEX_PATH),
  async ({ request, url }) => {
    try {
      return await fetch(request);
    } catch {
      const kept = (await precached(url.pathname)) ?? (await (await caches.open(SEARCH)).match(url.pathname));
      return kept ?? (url.pathname.startsWith(TERMS_PATH) ? new Response(null, { status: 404 }) : Response.error());
    }
  },
);

precacheAndRoute(self.__WB_MANIFEST);

// ---- lifecycle and messages ---------------------------------------------------------------------------------------

self.addEventListener('install', (event) => {
  event.waitUntil(carryOver().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(deleteOlderBuilds().then(() => self.clients.claim()));
});

self.addEventListener('message', (event) => {
  if (!isStoreRequest(event.data)) return;
  const port = event.ports[0];
  event.waitUntil(store(event.data.pages).then((reply) => port?.postMessage(reply)));
});
