/**
 * The search page in the browser: finds the page's parts, starts one search session (session.ts) from the URL, and
 * turns what the reader does into searches and history entries: one entry per search, not per keystroke; Back and
 * Forward restore the search they left.
 *
 * While the reader types, the term files and passage postings of the words already finished load at once, and
 * those of the word being typed as soon as its letters decide them (the finished query needs them, report-index.ts,
 * passage-index.ts). At each keystroke, once they are loaded, the results the loaded files answer are shown at once
 * (`searchLoaded`: in an archive of one postings group, the finished query's passages and links, with no request);
 * the search that fetches what else it needs (the passages' text; in a larger archive, the postings of the reports it
 * ranks) runs once the typing pauses a little longer than the reader's own gaps between keys (typing.ts), so a word
 * still being typed fetches nothing else. Shortly before, once the reader's usual gap has passed, the files the last
 * word's letters did not decide load and the reports are ranked, so that the search after the pause starts with its
 * requests.
 */
import { activeFacets, readSearchState, sameSearch, searchStateQuery, type SearchState } from '../../lib/search/state.ts';
import { alternativeWords, compoundCandidates, parseQuery, queryWords } from '../../lib/search/query.ts';
import glossary from '../../../content/glossary.json';
import { typingWaits, type QueryEnd } from '../../lib/search/typing.ts';
import type { FacetKey } from '../../lib/search/facets.ts';
import { FacetsPanel } from './facets.ts';
import { stem } from '../../lib/search/stem.ts';
import { knownStem, preloadIndex, preloadWord, typedWordIsDone } from './files.ts';
import { ResultsView } from './render.ts';
import { SearchSession } from './session.ts';

const element = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const form = element<HTMLFormElement>('search-form');
const input = element<HTMLInputElement>('search-input');
const controls = element<HTMLDivElement>('search-controls');
const sortSelect = element<HTMLSelectElement>('search-sort');
const facetsPanel = element<HTMLDetailsElement>('search-facets');
const facetsChosen = element<HTMLSpanElement>('search-facets-chosen');
const clearFilters = element<HTMLButtonElement>('search-clear-filters');
const baseTitle = document.title;

const facets = new FacetsPanel(facetsPanel);
const view = new ResultsView(
  { status: element('search-status'), suggestion: element('search-suggestion'), list: element('search-results'), more: element('search-more') },
  (report) => void session.showAllPassages(report),
);
const session = new SearchSession(readSearchState(new URLSearchParams(location.search)), view, facets, (hasResults) => (controls.hidden = !hasResults));

let deferredSearch: ReturnType<typeof setTimeout> | undefined;
/** Loads the files of the query as it stands, and ranks its reports, once the reader has likely stopped typing. */
let readyTimer: ReturnType<typeof setTimeout> | undefined;
/** A search is waiting for the typing to pause. */
let searchPending = false;
/** Keystrokes typed so far: a pause worked out for an earlier one is dropped. */
let keystrokes = 0;
function search(announceNow: boolean): void {
  clearTimeout(deferredSearch);
  clearTimeout(readyTimer);
  searchPending = false;
  document.title = session.state.query ? `${session.state.query} – ${baseTitle}` : baseTitle;
  void session.search({ announceNow });
}

/** The form controls show the state: on load, and after Back or Forward. */
function showState(): void {
  const { state } = session;
  // Not while the reader types: the box keeps the space after their last word.
  if (input.value.trim() !== state.query) input.value = state.query;
  sortSelect.value = state.sort;
  const chosen = activeFacets(state).reduce((n, key) => n + state.filters[key].length, 0);
  facetsChosen.textContent = chosen ? ` (${chosen} chosen)` : '';
  clearFilters.hidden = chosen === 0;
  facets.show(state);
}

// ---- history: one entry per search, not per keystroke ------------------------------------------------------------

/** True while the reader is typing a query whose history entry has already been pushed. */
let typingEntry = false;
/** When the reader's last keys were typed, for the pause before searching (typing.ts). */
const keyTimes: number[] = [];

function navigate(next: SearchState, how: 'push' | 'replace'): void {
  const changed = !sameSearch(session.state, next);
  session.state = next;
  showState();
  if (!changed) return;
  const url = `${location.pathname}${searchStateQuery(next)}`;
  if (how === 'push') history.pushState(null, '', url);
  else history.replaceState(null, '', url);
}

/**
 * Loads what the query in the box needs of the files typing decides (files.ts `preloadWord`): every finished word's,
 * the glossary's other names once every word is done, the compounds it looks up; and the word being typed's once its
 * letters decide them. `stopped`: the reader has stopped typing, so the last word is taken as finished (the files of
 * the query as it stands).
 */
function preloadQuery(value: string, stopped: boolean): Promise<unknown> {
  const words = queryWords(value);
  const typing = /\s$/.test(value) ? undefined : words.at(-1);
  // With no index to be had (no signal), the search still runs: it says so.
  const done = stopped || typing === undefined || typedWordIsDone(typing);
  // The compounds the finished query looks up (query.ts `compoundCandidates`): one joined with the word being typed
  // loads once its letters decide it, as that word does; a word is split only once it is finished and unknown.
  const unknown = (word: string) => (stopped || word !== typing) && knownStem(stem(word)) === false;
  const compounds = compoundCandidates(parseQuery(value, glossary.entries), unknown);
  return Promise.all(
    [
      ...words.map((word, at) => preloadWord(word, at === words.length - 1 && !done)),
      ...alternativeWords(value, done, glossary.entries).map((word) => preloadWord(word, false)),
      ...compounds.map((word) => preloadWord(word, typing !== undefined && !done && word.endsWith(typing))),
    ].map((preloading) => preloading.catch(() => {})),
  );
}

function typed(): void {
  const keyAt = performance.now();
  const next = { ...session.state, query: input.value.trim() };
  const changed = !sameSearch(session.state, next);
  // A space changes no search, but says another word is coming: a search still waiting waits longer.
  if (!changed && !searchPending) return;
  if (changed) {
    // The first keystroke of a new query makes a history entry; the rest of the typing updates it.
    navigate(next, typingEntry ? 'replace' : 'push');
    typingEntry = true;
  }
  const value = input.value;
  const preloading = preloadQuery(value, false);
  clearTimeout(deferredSearch);
  clearTimeout(readyTimer);
  keyTimes.push(keyAt);
  if (keyTimes.length > 4) keyTimes.shift();
  if (!session.state.query) return search(false);
  searchPending = true;
  const keystroke = ++keystrokes;
  const typedOn = () => keystroke !== keystrokes || !searchPending;
  // Whether the last word is a word of the archive decides the pause: its term file (a few milliseconds) says so.
  void preloading.then(async () => {
    if (typedOn()) return;
    const shown = changed && (await session.searchLoaded());
    if (typedOn()) return;
    const lastWord = queryWords(value).at(-1) ?? '';
    const end: QueryEnd = /\s$/.test(value) ? 'next' : knownStem(stem(lastWord)) === false ? 'unknown' : 'word';
    const waits = typingWaits(keyTimes, lastWord, end, performance.now() - keyAt);
    deferredSearch = setTimeout(() => search(false), waits.search);
    if (shown || waits.ready === undefined) return;
    // The finished query's files the typing did not decide (the last word's term file, its glossary names) load
    // before the pause ends, and its reports are ranked from them, so that the search after the pause asks for its
    // passages at once.
    readyTimer = setTimeout(() => {
      if (typedOn()) return;
      void preloadQuery(value, true).then(() => (typedOn() ? false : session.searchLoaded()));
    }, waits.ready);
  });
}

function choose(next: SearchState): void {
  typingEntry = false;
  navigate(next, 'push');
  search(true);
}

input.addEventListener('input', typed);
input.addEventListener('blur', () => (typingEntry = false));
form.addEventListener('submit', (event) => {
  event.preventDefault();
  choose({ ...session.state, query: input.value.trim() });
});

sortSelect.addEventListener('change', () => choose({ ...session.state, sort: sortSelect.value === 'date' ? 'date' : 'relevance' }));

facetsPanel.addEventListener('change', (event) => {
  const box = event.target as HTMLInputElement;
  if (box.type !== 'checkbox') return;
  const key = box.name as FacetKey;
  const values = new Set(session.state.filters[key]);
  if (box.checked) values.add(box.value);
  else values.delete(box.value);
  choose({ ...session.state, filters: { ...session.state.filters, [key]: [...values] } });
});

clearFilters.addEventListener('click', () => {
  choose({ ...session.state, filters: readSearchState(new URLSearchParams()).filters });
  facetsPanel.querySelector('summary')?.focus();
});

facetsPanel.addEventListener('toggle', () => {
  if (facetsPanel.open) void session.facetsOpened();
});

element('search-more').addEventListener('click', () => void session.showMoreReports());

window.addEventListener('popstate', () => {
  typingEntry = false;
  session.state = readSearchState(new URLSearchParams(location.search));
  showState();
  if (activeFacets(session.state).length > 0) facetsPanel.open = true;
  search(true);
});

// The index metadata (and every passage index, in an archive of one group) loads as soon as the reader shows an
// intent to search, so it is there by the first keystroke.
input.addEventListener('focus', () => void preloadIndex().catch(() => {}), { once: true });

element('search-needs-js').hidden = true;
showState();
if (activeFacets(session.state).length > 0) facetsPanel.open = true;
if (session.state.query) search(true);
