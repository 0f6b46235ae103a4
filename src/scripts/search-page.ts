/**
 * The search page in the browser: the URL holds the search, Pagefind finds the reports, each report's passage index
 * picks the paragraphs to show, and the page shows them grouped by report, with facet counts and a sort.
 *
 * Bytes are spent only when needed: pagefind.js (and through it the wasm and the index metadata) loads when the
 * reader focuses a search box or arrives with a query; a search fetches only the index chunks of its words; a
 * report's passage index and the text of the passages shown are fetched only for the reports on screen; and the
 * filter index loads only when the reader opens "Filter results" or arrives with filters in the URL.
 */
import { FACETS, HIGHLIGHT_PARAM, orderFacetValues, type FacetKey } from '../lib/search/facets.ts';
import { searchTerms } from '../lib/search/highlight.ts';
import {
  exactWords,
  passageIndexUrl,
  passageTextUrl,
  passageWordsUrl,
  PASSAGES_PER_TEXT_FILE,
  wordFileOf,
  wordsAt,
  type MatchedWord,
  type PassageIndex,
  type WordFile,
} from '../lib/search/passage-index.ts';
import { excerptRuns, rankPassages, resultSummary, spokenLabel } from '../lib/search/results.ts';
import { offlineResultSummary, storedResults } from '../lib/offline/search.ts';
import { storedPaths } from './offline-store.ts';
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
  /** The record's id, which names its passage files. */
  id: string;
  /** The locations of the matched words in the record's content, which the report's word files turn into words. */
  words: number[];
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
  filters(): Promise<FilterCounts>;
}

const PAGEFIND_URL = '/pagefind/pagefind.js';
/**
 * Reports per page of results: about what a phone shows in two or three screens. Each costs its passage index and
 * passage text (5–15 KB), the largest part of a first search after Pagefind's own files.
 */
const REPORTS_PER_PAGE = 3;
/** Passages shown under each report at first; the rest come on request. */
const HITS_PER_REPORT = 3;
/** Words per excerpt: about two lines on a phone, enough to judge whether the paragraph is the one wanted. */
const EXCERPT_WORDS = 32;
/** While the reader is still typing, the count is announced only once the typing pauses. */
const ANNOUNCE_PAUSE_MS = 600;
/** Below this a search feels instant and says nothing; above it (a slow connection) the reader is told it is working. */
const SLOW_SEARCH_MS = 400;
/**
 * While the reader types, a search runs once the typing pauses this long, not on every keystroke. A search for a
 * word still being typed fetches the index chunks of every word it begins ("int": intake … intrusive), and with
 * thousands of reports those alone would outweigh the whole search for the finished words.
 */
const TYPING_PAUSE_MS = 120;
/** A last word shorter than this ("b", "be") begins almost every word; it waits for a longer pause ("IT", "LA"). */
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
      // Pagefind would otherwise fetch pagefind-worker.js (12 KB gzip, a second copy of its code) to search off the
      // main thread. With one record per report a search takes a few milliseconds, so the worker buys nothing the
      // reader would feel (bench/results/search.md).
      noWorker: true,
      // A report is long or short; what matters is how many of its passages use the words (each word's weight in the
      // index, up to three). Pagefind's default favours short documents, which put a monitoring letter's passing
      // mention above an inspection's section on the subject: without it, the first hit answered all 25 queries of
      // tests/fixtures/search/relevance.json (22 with Pagefind's default), and 88 of the first five links (86).
      ranking: { pageLength: 0 },
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

/** Fetched files are kept for the page's life: the next search, or "show more", often needs the same ones. */
const fetched = new Map<string, Promise<unknown>>();
function fetchJson<T>(url: string): Promise<T> {
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

/** The words a search matched in one report, by content location, read from the word files that hold them. */
async function matchedWords(id: string, starts: readonly number[], locations: readonly number[]): Promise<Map<number, MatchedWord>> {
  const byFile = new Map<number, number[]>();
  for (const location of locations) {
    const file = wordFileOf(location, starts);
    (byFile.get(file) ?? byFile.set(file, []).get(file)!).push(location);
  }
  const found = new Map<number, MatchedWord>();
  await Promise.all(
    [...byFile].map(async ([file, inFile]) => {
      const content = await fetchJson<WordFile>(passageWordsUrl(id, file));
      for (const [location, word] of wordsAt(inFile, file, starts, content)) found.set(location, word);
    }),
  );
  return found;
}

async function passageText(id: string, passage: number): Promise<string> {
  const texts = await fetchJson<string[]>(passageTextUrl(id, Math.floor(passage / PASSAGES_PER_TEXT_FILE)));
  return texts[passage % PASSAGES_PER_TEXT_FILE] ?? '';
}

// ---- the current search ----------------------------------------------------------------------------------------

/** A matching report as the list shows it: its passages that answer the search, best first, and how many are shown. */
interface ReportHits {
  id: string;
  index: PassageIndex;
  ranked: number[];
  texts: Map<number, string>;
  shown: number;
}

let state: SearchState = readSearchState(new URLSearchParams(location.search));
/** Incremented by every new search, so an answer that arrives after a newer search started is thrown away. */
let generation = 0;
let current: {
  search: PagefindSearch;
  /** The query's words as Pagefind took them, one per per-word search. */
  queryWords: string[];
  /** The words the hits mark and their links pass on (lower case, each once). */
  terms: string[];
  locationsByTerm: Array<Map<string, number[]>>;
  reports: ReportHits[];
} | null = null;

let deferredSearch: ReturnType<typeof setTimeout> | undefined;

/** Quotation marks would ask Pagefind for an exact phrase, which a vocabulary (no word order) cannot answer. */
const pagefindQuery = (query: string) => query.replace(/["“”]/g, ' ').trim();

/**
 * For a query of several words, which matched positions belong to which word: one Pagefind search per word (its
 * index chunks are loaded already), limited to the positions the whole query matched.
 */
async function locationsByTerm(pagefind: Pagefind, search: PagefindSearch, terms: string[]): Promise<Array<Map<string, number[]>>> {
  const whole = new Map(search.results.map((result) => [result.id, result.words]));
  if (terms.length < 2) return [whole];
  return Promise.all(
    terms.map(async (term) => {
      const alone = await pagefind.search(term, { filters: pagefindFilters(state) });
      return new Map(
        alone.results
          .filter((result) => whole.has(result.id))
          .map((result) => {
            const matched = new Set(whole.get(result.id));
            return [result.id, result.words.filter((word) => matched.has(word))];
          }),
      );
    }),
  );
}

async function loadReport(result: PagefindResult, queryWords: readonly string[], byTerm: ReadonlyArray<Map<string, number[]>>): Promise<ReportHits> {
  const index = await fetchJson<PassageIndex>(passageIndexUrl(result.id));
  const locations = byTerm.map((byId) => byId.get(result.id) ?? []);
  const words = await matchedWords(result.id, index.wordFiles, [...new Set(locations.flat())]);
  // A word standing two or three times in the content is matched at each of its locations: count it once.
  const termWords = locations.map((list) => [...new Set(list.flatMap((location) => words.get(location) ?? []))]);
  const wordPassages: number[][] = [];
  for (const { word, passages } of words.values()) wordPassages[word] = passages;
  const chosenThemes = new Set(state.filters.theme);
  const themed = chosenThemes.size
    ? new Set(index.passages.flatMap(([, , themes], passage) => (themes.some((t) => chosenThemes.has(index.themes[t]!)) ? [passage] : [])))
    : undefined;
  const ranked = rankPassages(
    wordPassages,
    termWords.map((matched) => matched.map(({ word }) => word)),
    {
      documentOrder: state.sort === 'date',
      themed,
      exactTermWords: termWords.map((matched, term) => exactWords(queryWords[term] ?? '', matched).map(({ word }) => word)),
    },
  );
  const report: ReportHits = { id: result.id, index, ranked, texts: new Map(), shown: 0 };
  await showPassages(report, HITS_PER_REPORT);
  return report;
}

/** Fetches the text of the report's next `count` passages and counts them as shown. */
async function showPassages(report: ReportHits, count: number): Promise<void> {
  const next = report.ranked.slice(report.shown, report.shown + count);
  const texts = await Promise.all(next.map((passage) => passageText(report.id, passage)));
  next.forEach((passage, at) => report.texts.set(passage, texts[at]!));
  report.shown += next.length;
}

/**
 * The first reports of a search. With no signal (a fetch that failed, not one the server answered), only the reports
 * whose passage files are stored on this device can be shown, so the search keeps those (src/lib/offline/search.ts).
 */
async function firstReports(found: PagefindSearch, queryWords: readonly string[], byTerm: ReadonlyArray<Map<string, number[]>>) {
  const load = (search: PagefindSearch) => Promise.all(search.results.slice(0, REPORTS_PER_PAGE).map((result) => loadReport(result, queryWords, byTerm)));
  try {
    return { search: found, reports: await load(found), offline: false };
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    const search = { ...found, results: storedResults(found.results, await storedPaths({ search: true })) };
    return { search, reports: await load(search), offline: true };
  }
}

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
    const query = pagefindQuery(state.query);
    const found = await pagefind.search(query, { filters: pagefindFilters(state), sort: pagefindSort(state) });
    const queryWords = query.split(/\s+/).filter(Boolean);
    const byTerm = await locationsByTerm(pagefind, found, queryWords);
    if (mine !== generation) return;
    const { search, reports, offline } = await firstReports(found, queryWords, byTerm);
    if (mine !== generation) return;
    current = { search, terms: searchTerms(query), queryWords, locationsByTerm: byTerm, reports };
    renderResults(null);
    controls.hidden = search.unfilteredResultCount === 0;
    clearTimeout(slow);
    setStatus(
      offline ? offlineResultSummary(state.query, search.results.length, found.results.length) : resultSummary(state.query, search.results.length, search.unfilteredResultCount),
      announceNow,
    );
    if (withFacets) await renderFacets(mine, search);
  } catch (error) {
    if (mine !== generation) return;
    console.error(error);
    setStatus('Search could not be loaded. Please try again, or browse by authority or by theme below.', true);
  } finally {
    clearTimeout(slow);
  }
}

async function showMoreReports(): Promise<void> {
  if (!current) return;
  const mine = generation;
  const from = current.reports.length;
  const { search, queryWords, locationsByTerm: byTerm } = current;
  const more = await Promise.all(search.results.slice(from, from + REPORTS_PER_PAGE).map((result) => loadReport(result, queryWords, byTerm)));
  if (mine !== generation || !current) return;
  current.reports.push(...more);
  renderResults(more[0] ? { report: more[0], passage: more[0].ranked[0] } : null);
}

async function showAllPassages(report: ReportHits): Promise<void> {
  const mine = generation;
  const first = report.ranked[report.shown];
  await showPassages(report, report.ranked.length - report.shown);
  if (mine !== generation) return;
  renderResults(first === undefined ? null : { report, passage: first });
}

// ---- rendering -------------------------------------------------------------------------------------------------

function make<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The passage link, with the query's words for the report page to mark: /reports/<slug>/?highlight=…#para-41 */
function hitUrl(report: ReportHits, anchor: string): string {
  const params = new URLSearchParams(current!.terms.map((term) => [HIGHLIGHT_PARAM, term]));
  return `${report.index.report.url}?${params}#${anchor}`;
}

/** Renders the reports loaded so far; `focusOn` (the first passage of a "show more") then receives focus. */
function renderResults(focusOn: { report: ReportHits; passage: number | undefined } | null): void {
  if (!current) return;
  let focusTarget: HTMLAnchorElement | null = null;
  const items = current.reports.map((report) => {
    const { authority, type, date, title, url } = report.index.report;
    const item = make('li', 'search-group');
    // Who, what and when lead, as a reader scans for them; the document's own (often long) title follows.
    const heading = make('h2', 'search-group__title');
    const link = make('a', undefined, `${authority}: ${type}, ${date}`);
    link.href = url;
    heading.append(link);
    item.append(heading, make('p', 'search-group__meta', title));
    const hits = make('ol', 'search-hits');
    for (const passage of report.ranked.slice(0, report.shown)) {
      const [anchor, label] = report.index.passages[passage]!;
      const hitItem = make('li', 'search-hit');
      const hitLink = make('a', 'search-hit__label');
      hitLink.href = hitUrl(report, anchor);
      const visible = make('span', undefined, label);
      visible.setAttribute('aria-hidden', 'true');
      hitLink.append(visible, make('span', 'visually-hidden', `${spokenLabel(label)}, ${authority} ${type.toLowerCase()}, ${date}`));
      const excerpt = make('p', 'search-hit__excerpt');
      for (const run of excerptRuns(report.texts.get(passage) ?? '', current.terms, EXCERPT_WORDS)) {
        excerpt.append(run.marked ? make('mark', undefined, run.text) : run.text);
      }
      hitItem.append(hitLink, excerpt);
      hits.append(hitItem);
      if (focusOn?.report === report && focusOn.passage === passage) focusTarget = hitLink;
    }
    item.append(hits);
    const hidden = report.ranked.length - report.shown;
    if (hidden > 0) {
      // Said in full, as "from this report" would not tell one of these buttons from another in a list of buttons.
      const more = make('button', 'button button--secondary', `Show ${hidden} more ${hidden === 1 ? 'passage' : 'passages'} `);
      more.append(make('span', 'visually-hidden', `from ${authority} ${type.toLowerCase()}, ${date}`));
      more.type = 'button';
      more.addEventListener('click', () => void showAllPassages(report));
      const holder = make('p');
      holder.append(more);
      item.append(holder);
    }
    return item;
  });
  resultsList.replaceChildren(...items);
  const remaining = current.search.results.length - current.reports.length;
  moreButton.hidden = remaining <= 0;
  const next = Math.min(REPORTS_PER_PAGE, remaining);
  moreButton.textContent = `Show ${next} more ${next === 1 ? 'report' : 'reports'} (${remaining.toLocaleString('en-GB')} not shown yet)`;
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
  clearTimeout(deferredSearch);
  if (state.query) deferredSearch = setTimeout(() => void runSearch({ announceNow: false }), lastWord.length < SHORT_WORD ? SHORT_WORD_PAUSE_MS : TYPING_PAUSE_MS);
  else void runSearch({ announceNow: false });
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

moreButton.addEventListener('click', () => void showMoreReports());

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
