/**
 * Reading with no signal: the names, limits and messages the service worker (src/service-worker/sw.ts), the pages'
 * scripts and the build share. Pure and free of imports, so the browser bundles only the few constants it uses.
 *
 * What is kept on the device, each in caches named for the build that wrote them:
 * - the shell, precached when the worker installs: CSS and scripts, the offline and search pages, and the report
 *   index of the search (Workbox's precache, whose entries carry each file's revision);
 * - `archive-pages-<build>`: the pages the reader opened or saved, at most `MAX_STORED_PAGES`, least recently used
 *   dropped first;
 * - `archive-search-<build>`: for each stored report, the passage files search needs to answer from it, listed at
 *   `searchFilesUrl(page)` and dropped with their page.
 */

/** The worker's address: stable, as browsers check it for a new version on each visit. */
export const SERVICE_WORKER_URL = '/sw.js';
/** Shown for a page that is not stored when there is no signal, and listing what is. */
export const OFFLINE_PAGE = '/offline/';

const PAGES_CACHE = 'archive-pages-';
const SEARCH_CACHE = 'archive-search-';
export const pagesCacheName = (build: string) => `${PAGES_CACHE}${build}`;
export const searchCacheName = (build: string) => `${SEARCH_CACHE}${build}`;
/** True for the runtime caches of any build, this one's or an older one's. */
export const isStoreCache = (name: string) => name.startsWith(PAGES_CACHE) || name.startsWith(SEARCH_CACHE);
export const isPagesCache = (name: string) => name.startsWith(PAGES_CACHE);

/**
 * Pages kept at most. A report with its search files is 61–685 KB (median 152 KB; bench/results/offline.md, from
 * `npm run bench -- offline`), so the store holds about 18 MB for 120 typical reports and never more than about
 * 81 MB: well inside what phone browsers grant a site, and every report of several authorities at once.
 */
export const MAX_STORED_PAGES = 120;
/** On a signal too weak to load a page in this time, a stored copy is shown instead (when there is one). */
export const NETWORK_TIMEOUT_SECONDS = 4;

/** Where the build lists the search files of the page at `pagePath` (a report: its passage index, words, texts). */
export const searchFilesUrl = (pagePath: string) => `/search-index/offline${pagePath}files.json`;
export const isSearchFilesList = (path: string) => path.startsWith('/search-index/offline/');

/** A list of search files, as written at `searchFilesUrl(page)`. */
export interface SearchFiles {
  page: string;
  files: string[];
}

/** A page to store: its path and, for a report, where its search files are listed. */
export interface PageToStore {
  path: string;
  searchFiles?: string;
}
/** Asks the worker to store pages (fetching those it lacks); it answers with a `StoreReply` on the port sent. */
export interface StoreRequest {
  type: 'store';
  pages: PageToStore[];
}
export interface StoreReply {
  /** Pages now readable offline (with their search files, where they have some). */
  stored: string[];
  /** Pages that could not be fetched or stored: no signal, or the site changed meanwhile. */
  failed: string[];
}

export function isStoreRequest(data: unknown): data is StoreRequest {
  const request = data as StoreRequest | null;
  return request?.type === 'store' && Array.isArray(request.pages) && request.pages.every((p) => typeof p?.path === 'string' && p.path.startsWith('/'));
}

/** A stored page is keyed by its path alone: `?highlight=…` and `#para-3` open the same stored copy. */
export const pageKey = (url: string | URL) => {
  const parsed = new URL(url, 'https://archive.invalid');
  return parsed.pathname;
};

/**
 * The built assets a page refers to (`/_astro/…`: its stylesheet and scripts, named by their content). A page is
 * stored only if the worker's own build holds every one of them, so a page from another build is never stored
 * beside this build's shell: it would show unstyled, or run scripts that are gone.
 */
export function assetReferences(html: string): string[] {
  return [...new Set([...html.matchAll(/\s(?:href|src)="(\/_astro\/[^"?#]+)"/g)].map((match) => match[1]))];
}
