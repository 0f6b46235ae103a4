/**
 * Pagefind and the archive's own search files, loaded only when needed and kept for the page's life: pagefind.js (and
 * through it the wasm and the index metadata) when the reader shows an intent to search; the filter index only when
 * facets are wanted; every other file once, the first time a search needs it.
 */

/** The parts of Pagefind's browser API used here (https://pagefind.app/docs/api/). */
export type FilterCounts = Record<string, Record<string, number>>;
export interface PagefindResult {
  /** The record's id, which names its passage files. */
  id: string;
  score: number;
  /** The locations of the matched words in the record's content, which the report's word files turn into words. */
  words: number[];
}
export interface PagefindSearch {
  results: PagefindResult[];
  unfilteredResultCount: number;
  filters: FilterCounts;
}
export interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string, options: { filters?: object; sort?: object }): Promise<PagefindSearch>;
  preload(term: string, options?: { filters?: object }): Promise<void>;
  filters(): Promise<FilterCounts>;
}

const PAGEFIND_URL = '/pagefind/pagefind.js';

let pagefindLoading: Promise<Pagefind> | undefined;
export function loadPagefind(): Promise<Pagefind> {
  pagefindLoading ??= (async () => {
    const pagefind: Pagefind = await import(/* @vite-ignore */ PAGEFIND_URL);
    await pagefind.options({
      // Pagefind would otherwise fetch pagefind-worker.js (12 KB gzip, a second copy of its code) to search off the
      // main thread. With one record per report a search takes a few milliseconds, so the worker buys nothing the
      // reader would feel (bench/results/search.md).
      noWorker: true,
      // A report is long or short; what matters is how many of its passages use the words (each word's weight in the
      // index, up to three). Pagefind's default favours short documents, which put a monitoring letter's passing
      // mention above an inspection's section on the subject.
      ranking: { pageLength: 0 },
    });
    void pagefind.init();
    return pagefind;
  })();
  return pagefindLoading;
}

let filterIndexLoading: Promise<FilterCounts> | undefined;
/** Every facet value in the archive; loading it fetches the whole filter index, so only when facets are wanted. */
export function loadFilterIndex(): Promise<FilterCounts> {
  filterIndexLoading ??= loadPagefind().then((pagefind) => pagefind.filters());
  return filterIndexLoading;
}

/** Fetched files are kept for the page's life: the next search, or "show more", often needs the same ones. */
const fetched = new Map<string, Promise<unknown>>();
export function fetchJson<T>(url: string): Promise<T> {
  let loading = fetched.get(url);
  if (!loading) {
    loading = fetch(url).then((response) => {
      if (!response.ok) throw new Error(`${url}: ${response.status}`);
      return response.json();
    });
    loading.catch(() => fetched.delete(url));
    fetched.set(url, loading);
  }
  return loading as Promise<T>;
}
