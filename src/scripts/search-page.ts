/**
 * The search page in the browser: the URL holds the search, Pagefind answers it, and the page shows paragraph hits
 * grouped by report, with facet counts and a sort.
 *
 * Bytes are spent only when needed: pagefind.js (and through it the wasm and the index metadata) loads when the
 * reader focuses a search box or arrives with a query; a search fetches only the index chunks of its words;
 * `result.data()` is called only for the hits shown; and the filter index loads only when the reader opens
 * "Filter results" or arrives with filters in the URL.
 */
import { FACETS, HIGHLIGHT_PARAM, orderFacetValues, type FacetKey } from '../lib/search/facets.ts';
import type { SearchRecordMeta } from '../lib/search/records.ts';
import { excerptRuns, groupHits, resultSummary, spokenLabel, type Hit } from '../lib/search/results.ts';
import {
  activeFacets,
  pagefindFilters,
  pagefindSort,
  readSearchState,
  sameSearch,
  searchStateQuery,
  type SearchState,
} from '../lib/search/state.ts';

/** The parts of Pagefind's browser API used here (https://pagefind.app/docs/api/). */
type FilterCounts = Record<string, Record<string, number>>;
interface PagefindResult {
  data(): Promise<{ url: string; excerpt: string; meta: SearchRecordMeta }>;
}
interface PagefindSearch {
  results: PagefindResult[];
  unfilteredResultCount: number;
  filters: FilterCounts;
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string, options: { filters?: object; sort?: object }): Promise<PagefindSearch>;
  preload(term: string): Promise<void>;
  filters(): Promise<FilterCounts>;
}

const PAGEFIND_URL = '/pagefind/pagefind.js';
const PAGE_SIZE = 10;
/** The hits a phone screen shows first are painted as soon as their data is in; the rest of the page follows. */
const FIRST_PAINT = 4;
/** Words per excerpt: about two lines on a phone, enough to judge whether the paragraph is the one wanted. */
const EXCERPT_WORDS = 32;
/** While the reader is still typing, the count is announced only once the typing pauses. */
const ANNOUNCE_PAUSE_MS = 600;
/** Below this a search feels instant and says nothing; above it (a slow connection) the reader is told it is working. */
const SLOW_SEARCH_MS = 400;
/**
 * While typing, a last word shorter than this ("b", "be") matches almost everything and would fetch result data for
 * nothing; it is searched only once the typing pauses, so short words ("IT", "LA") still work.
 */
const SHORT_WORD = 3;
const SHORT_WORD_PAUSE_MS = 300;

const element = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const form = element<HTMLFormElement>('search-form');
const input = element<HTMLInputElement>('search-input');
const controls = element<HTMLDivElement>('search-controls');
const sortSelect = element<HTMLSelectElement>('search-sort');
const facetsPanel = element<HTMLDetailsElement>('search-facets');
const facetsChosen = element<HTMLSpanElement>('search-facets-chosen');
const clearFilters = element<HTMLButtonElement>('search-clear-filters');
const status = element<HTMLParagraphElement>('search-status');
const resultsList = element<HTMLOListElement>('search-results');
const moreButton = element<HTMLButtonElement>('search-more');
const headerInput = document.querySelector<HTMLInputElement>('#site-search-input');
const headerForm = headerInput?.form ?? null;
const baseTitle = document.title;

let pagefindLoading: Promise<Pagefind> | undefined;
function loadPagefind(): Promise<Pagefind> {
  pagefindLoading ??= (async () => {
    const pagefind: Pagefind = await import(/* @vite-ignore */ PAGEFIND_URL);
    await pagefind.options({
      excerptLength: EXCERPT_WORDS,
      excerptEllipsis: '…',
      highlightParam: HIGHLIGHT_PARAM,
      // Pagefind would otherwise fetch pagefind-worker.js (12 KB gzip, a second copy of its code) to search off the
      // main thread. On this archive's index a search takes a few milliseconds, so the worker buys nothing the
      // reader would feel; revisit if the index grows enough for typing to stutter (bench/results/search.md).
      noWorker: true,
    });
    void pagefind.init();
    return pagefind;
  })();
  return pagefindLoading;
}

let filterIndexLoading: Promise<FilterCounts> | undefined;
/** Every facet value in the archive; loading it fetches the whole filter index, so only when facets are wanted. */
function loadFilterIndex(): Promise<FilterCounts> {
  filterIndexLoading ??= loadPagefind().then((pagefind) => pagefind.filters());
  return filterIndexLoading;
}

// ---- the current search ----------------------------------------------------------------------------------------

let state: SearchState = readSearchState(new URLSearchParams(location.search));
/** Incremented by every new search, so an answer that arrives after a newer search started is thrown away. */
let generation = 0;
let current: { search: PagefindSearch; hits: Hit[] } | null = null;

let deferredSearch: ReturnType<typeof setTimeout> | undefined;

async function runSearch({ announceNow }: { announceNow: boolean }): Promise<void> {
  clearTimeout(deferredSearch);
  const mine = ++generation;
  document.title = state.query ? `${state.query} – ${baseTitle}` : baseTitle;
  if (!state.query) {
    current = null;
    controls.hidden = true;
    moreButton.hidden = true;
    resultsList.replaceChildren();
    setStatus('', true);
    return;
  }
  const slow = setTimeout(() => setStatus('Searching…', true), SLOW_SEARCH_MS);
  try {
    const pagefind = await loadPagefind();
    // With the facets open, their counts come with the search itself once the filter index is in.
    const withFacets = facetsPanel.open;
    if (withFacets) await loadFilterIndex();
    const search = await pagefind.search(state.query, { filters: pagefindFilters(state), sort: pagefindSort(state) });
    if (mine !== generation) return;
    const hits = await loadHits(search, 0, FIRST_PAINT);
    if (mine !== generation) return;
    current = { search, hits };
    renderResults(null);
    controls.hidden = search.unfilteredResultCount === 0;
    clearTimeout(slow);
    setStatus(resultSummary(state.query, search.results.length, search.unfilteredResultCount), announceNow);
    const rest = await loadHits(search, FIRST_PAINT, PAGE_SIZE - FIRST_PAINT);
    if (mine !== generation) return;
    hits.push(...rest);
    if (rest.length > 0) renderResults(null);
    if (withFacets) await renderFacets(mine, search);
  } catch (error) {
    if (mine !== generation) return;
    console.error(error);
    setStatus('Search could not be loaded. Please try again, or browse by authority or by theme below.', true);
  } finally {
    clearTimeout(slow);
  }
}

async function loadHits(search: PagefindSearch, from: number, count: number): Promise<Hit[]> {
  const data = await Promise.all(search.results.slice(from, from + count).map((result) => result.data()));
  return data.map(({ url, excerpt, meta }) => ({ url, excerpt, meta }));
}

async function showMore(): Promise<void> {
  if (!current) return;
  const mine = generation;
  const from = current.hits.length;
  const more = await loadHits(current.search, from, PAGE_SIZE);
  if (mine !== generation || !current) return;
  current.hits.push(...more);
  renderResults(more[0] ?? null);
}

// ---- rendering -------------------------------------------------------------------------------------------------

function make<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Renders the hits loaded so far; `focusHit` (the first of a "show more" batch) then receives focus. */
function renderResults(focusHit: Hit | null): void {
  if (!current) return;
  let focusTarget: HTMLAnchorElement | null = null;
  const groups = groupHits(current.hits, { documentOrder: state.sort === 'date' }).map((group) => {
    const item = make('li', 'search-group');
    // Who, what and when lead, as a reader scans for them; the document's own (often long) title follows.
    const heading = make('h2', 'search-group__title');
    const link = make('a', undefined, `${group.authority}: ${group.type}, ${group.date}`);
    link.href = group.report;
    heading.append(link);
    item.append(heading, make('p', 'search-group__meta', group.title));
    const hits = make('ol', 'search-hits');
    for (const hit of group.hits) {
      const hitItem = make('li', 'search-hit');
      const hitLink = make('a', 'search-hit__label');
      hitLink.href = hit.url;
      const visible = make('span', undefined, hit.meta.label);
      visible.setAttribute('aria-hidden', 'true');
      const spoken = `${spokenLabel(hit.meta.label)}, ${hit.meta.authority} ${hit.meta.type.toLowerCase()}, ${hit.meta.date}`;
      hitLink.append(visible, make('span', 'visually-hidden', spoken));
      const excerpt = make('p', 'search-hit__excerpt');
      for (const run of excerptRuns(hit.excerpt)) excerpt.append(run.marked ? make('mark', undefined, run.text) : run.text);
      hitItem.append(hitLink, excerpt);
      hits.append(hitItem);
      if (hit === focusHit) focusTarget = hitLink;
    }
    item.append(hits);
    return item;
  });
  resultsList.replaceChildren(...groups);
  const remaining = current.search.results.length - current.hits.length;
  moreButton.hidden = remaining <= 0;
  const next = Math.min(PAGE_SIZE, remaining);
  moreButton.textContent = `Show ${next} more ${next === 1 ? 'passage' : 'passages'} (${remaining} not shown yet)`;
  (focusTarget as HTMLAnchorElement | null)?.focus();
}

let announceTimer: ReturnType<typeof setTimeout> | undefined;
/** The status is the page's live region: a count announced on every keystroke would drown the typing out. */
function setStatus(text: string, now: boolean): void {
  clearTimeout(announceTimer);
  if (now) status.textContent = text;
  else announceTimer = setTimeout(() => (status.textContent = text), ANNOUNCE_PAUSE_MS);
}

/**
 * Facet counts for the current search. A facet with values chosen is counted without its own choice (values of one
 * facet are alternatives), which takes one more search per such facet: no more bytes, the chunks are loaded.
 */
async function facetCounts(pagefind: Pagefind, search: PagefindSearch): Promise<FilterCounts> {
  const counts: FilterCounts = { ...search.filters };
  await Promise.all(
    activeFacets(state).map(async (key) => {
      const without = await pagefind.search(state.query, { filters: pagefindFilters(state, key) });
      counts[key] = without.filters[key] ?? {};
    }),
  );
  return counts;
}

/** Facet checkboxes are updated in place, never rebuilt, so the one the reader just ticked keeps its focus. */
const facetRows = new Map<string, { row: HTMLLIElement; box: HTMLInputElement; count: HTMLSpanElement }>();

/** `search` is the current search if it ran with the filter index loaded; otherwise it is run again for the counts. */
async function renderFacets(mine: number, search?: PagefindSearch): Promise<void> {
  const [pagefind, everyValue] = await Promise.all([loadPagefind(), loadFilterIndex()]);
  search ??= await pagefind.search(state.query, { filters: pagefindFilters(state) });
  const counts = await facetCounts(pagefind, search);
  if (mine !== generation) return;
  for (const { key } of FACETS) {
    const list = document.querySelector<HTMLUListElement>(`[data-facet="${key}"] .search-facet__options`)!;
    const values = orderFacetValues(key, Object.keys(everyValue[key] ?? {}));
    values.forEach((value, at) => {
      const row = facetRow(key, value, counts[key]?.[value] ?? 0);
      // Moving a row, even to where it already is, would take the focus off its checkbox.
      if (list.children[at] !== row) list.insertBefore(row, list.children[at] ?? null);
    });
  }
}

function facetRow(key: FacetKey, value: string, count: number): HTMLLIElement {
  const id = `${key}\u0000${value}`;
  let entry = facetRows.get(id);
  if (!entry) {
    const row = make('li', 'search-facet__option');
    const box = make('input');
    box.type = 'checkbox';
    box.name = key;
    box.value = value;
    box.id = `facet-${key}-${facetRows.size}`;
    const label = make('label', undefined, `${value} `);
    label.htmlFor = box.id;
    const countText = make('span', 'search-facet__count');
    label.append(countText);
    row.append(box, label);
    entry = { row, box, count: countText };
    facetRows.set(id, entry);
  }
  entry.box.checked = state.filters[key].includes(value);
  entry.count.textContent = `(${count})`;
  // A value that would add nothing is left out, unless it is ticked: a reader must always be able to untick.
  entry.row.hidden = count === 0 && !entry.box.checked;
  return entry.row;
}

/** The form controls show the state: on load, after Back or Forward, and after a header-box search. */
function showState(): void {
  input.value = state.query;
  if (headerInput) headerInput.value = state.query;
  sortSelect.value = state.sort;
  const chosen = activeFacets(state).reduce((n, key) => n + state.filters[key].length, 0);
  facetsChosen.textContent = chosen ? ` (${chosen} chosen)` : '';
  clearFilters.hidden = chosen === 0;
  for (const { box } of facetRows.values()) box.checked = state.filters[box.name as FacetKey].includes(box.value);
}

// ---- history: one entry per search, not per keystroke ------------------------------------------------------------

/** True while the reader is typing a query whose history entry has already been pushed. */
let typingEntry = false;

function navigate(next: SearchState, how: 'push' | 'replace'): void {
  const changed = !sameSearch(state, next);
  state = next;
  showState();
  if (!changed) return;
  const url = `${location.pathname}${searchStateQuery(next)}`;
  if (how === 'push') history.pushState(null, '', url);
  else history.replaceState(null, '', url);
}

function typed(): void {
  const next = { ...state, query: input.value.trim() };
  if (sameSearch(state, next)) return;
  // The first keystroke of a new query makes a history entry; the rest of the typing updates it.
  navigate(next, typingEntry ? 'replace' : 'push');
  typingEntry = true;
  if (headerInput) headerInput.value = input.value;
  const lastWord = state.query.split(/\s+/).at(-1)!;
  if (state.query && lastWord.length < SHORT_WORD) {
    clearTimeout(deferredSearch);
    deferredSearch = setTimeout(() => void runSearch({ announceNow: false }), SHORT_WORD_PAUSE_MS);
    // The index chunk of "b" is the one "bed" will need: fetch it now, while the reader types on.
    const query = state.query;
    void loadPagefind().then((pagefind) => pagefind.preload(query));
  } else {
    void runSearch({ announceNow: false });
  }
}

function submitted(query: string): void {
  typingEntry = false;
  navigate({ ...state, query: query.trim() }, 'push');
  void runSearch({ announceNow: true });
}

input.addEventListener('input', typed);
input.addEventListener('blur', () => (typingEntry = false));
form.addEventListener('submit', (event) => {
  event.preventDefault();
  submitted(input.value);
});
// On this page the header's box searches in place too, and leaves its words in the page's box.
headerForm?.addEventListener('submit', (event) => {
  event.preventDefault();
  submitted(headerInput!.value);
  input.focus();
});

sortSelect.addEventListener('change', () => {
  typingEntry = false;
  navigate({ ...state, sort: sortSelect.value === 'date' ? 'date' : 'relevance' }, 'push');
  void runSearch({ announceNow: true });
});

facetsPanel.addEventListener('change', (event) => {
  const box = event.target as HTMLInputElement;
  if (box.type !== 'checkbox') return;
  const key = box.name as FacetKey;
  const values = new Set(state.filters[key]);
  if (box.checked) values.add(box.value);
  else values.delete(box.value);
  typingEntry = false;
  navigate({ ...state, filters: { ...state.filters, [key]: [...values] } }, 'push');
  void runSearch({ announceNow: true });
});

clearFilters.addEventListener('click', () => {
  typingEntry = false;
  navigate({ ...state, filters: readSearchState(new URLSearchParams()).filters }, 'push');
  void runSearch({ announceNow: true });
  facetsPanel.querySelector('summary')?.focus();
});

facetsPanel.addEventListener('toggle', () => {
  if (facetsPanel.open && current) void renderFacets(generation);
});

moreButton.addEventListener('click', () => void showMore());

window.addEventListener('popstate', () => {
  typingEntry = false;
  state = readSearchState(new URLSearchParams(location.search));
  showState();
  if (activeFacets(state).length > 0) facetsPanel.open = true;
  void runSearch({ announceNow: true });
});

// Pagefind starts loading as soon as the reader shows an intent to search, so it is ready by the first keystroke.
for (const box of [input, headerInput]) box?.addEventListener('focus', () => void loadPagefind(), { once: true });

// "/" focuses this page's own box rather than the header's. Handled in the capture phase at the window, before the
// header's document-level handler, which it then stops.
window.addEventListener(
  'keydown',
  (event) => {
    const target = event.target as HTMLElement;
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
    if (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    input.focus();
  },
  { capture: true },
);

element('search-needs-js').hidden = true;
showState();
if (activeFacets(state).length > 0) facetsPanel.open = true;
if (state.query) void runSearch({ announceNow: true });
