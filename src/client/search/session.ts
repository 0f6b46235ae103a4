/**
 * The search session: the one object holding the page's search state (what the URL says), the search in progress
 * and what it has shown. Every search, "show more" and facet change goes through it; an answer that arrives after a
 * newer search started is thrown away. `searchLoaded` shows what the files already loaded answer, with no request:
 * the search page calls it at each keystroke, and `search` once the typing pauses (main.ts).
 */
import { activeFacets, type SearchState } from '../../lib/search/state.ts';
import { resultSummary } from '../../lib/search/results.ts';
import { offlineResultSummary } from '../../lib/offline/search.ts';
import { storedReports } from '../offline-store.ts';
import { SearchRun, showPassages, type ReportHits, type SearchOutcome } from './engine.ts';
import type { FacetsPanel } from './facets.ts';
import { loadedJson, loadFacetIndex, NotLoaded } from './files.ts';
import type { ResultsView } from './render.ts';

/**
 * Reports per page of results: about what a phone shows in two or three screens. Each costs its passage index and
 * passage text (5–15 KB), the largest part of a first search.
 */
const REPORTS_PER_PAGE = 3;
/** Passages shown under each report at first; the rest come on request. */
const HITS_PER_REPORT = 3;
/** Below this a search feels instant and says nothing; above it (a slow connection) the reader is told it is working. */
const SLOW_SEARCH_MS = 400;

export class SearchSession {
  /** Incremented by every new search, so an answer that arrives after a newer search started is thrown away. */
  private generation = 0;
  /** The search shown: `next` is the position in its order of the first report not yet looked at. */
  private current: { run: SearchRun; outcome: SearchOutcome; reports: ReportHits[]; next: number } | null = null;

  state: SearchState;
  private readonly view: ResultsView;
  private readonly facets: FacetsPanel;
  private readonly onSearched: (hasResults: boolean) => void;

  constructor(
    state: SearchState,
    view: ResultsView,
    facets: FacetsPanel,
    onSearched: (hasResults: boolean) => void,
  ) {
    this.state = state;
    this.view = view;
    this.facets = facets;
    this.onSearched = onSearched;
  }

  async search({ announceNow }: { announceNow: boolean }): Promise<void> {
    const mine = ++this.generation;
    const state = this.state;
    // A newer search, or a keystroke since (the query it answers is no longer the box's), makes its answer stale: a
    // search started in a pause between keys must not paint after the last key what the finished search would not.
    const stale = () => mine !== this.generation || state !== this.state;
    if (!state.query) {
      this.current = null;
      this.view.clear();
      this.view.setStatus('', true);
      this.onSearched(false);
      return;
    }
    const slow = setTimeout(() => this.view.setStatus('Searching…', true), SLOW_SEARCH_MS);
    try {
      let done = false;
      const first = async (keep?: (id: string) => boolean) => {
        const { run, outcome } = await SearchRun.start(state, { keep });
        const ids = outcome.order.slice(0, REPORTS_PER_PAGE);
        // The passages' links need only the reports' passage indexes: they are shown as soon as those are in, their
        // excerpts when the text is (in an archive of one group, the keystroke showed them). The text is asked for
        // once the links are shown, so that its requests do not hold up the passage indexes'.
        const links = run.reportHits(ids, HITS_PER_REPORT, { texts: 'loaded' }).then((links) => {
          if (done || stale()) return;
          clearTimeout(slow);
          this.show(run, outcome, links);
        });
        await links.catch(() => {});
        return { run, outcome, reports: await run.reportHits(ids, HITS_PER_REPORT) };
      };
      // No signal (a fetch that failed, not one the server answered): the reports stored on this device answer.
      const { run, outcome, reports } = await first().catch(async (error: unknown) => {
        if (!(error instanceof TypeError)) throw error;
        return first(await storedReports());
      });
      done = true;
      if (stale()) return;
      clearTimeout(slow);
      this.show(run, outcome, reports, announceNow);
      if (this.facets.panel.open) await this.facets.render(state, () => !stale());
    } catch (error) {
      if (stale()) return;
      console.error(error);
      this.view.setStatus('Search could not be loaded. Please try again, or browse by authority or by theme below.', true);
    } finally {
      clearTimeout(slow);
    }
  }

  /**
   * The current query's results from the files already loaded, without a request: the same ranking as `search`, its
   * passages' links at once and their excerpts only where their text is loaded already (`search` then fetches the
   * rest). Shows nothing when a file it needs is not loaded, or when the search needs a passage's text to rank (a
   * quoted phrase) or a suggestion (a word no report holds). Resolves to whether it showed results.
   */
  async searchLoaded(): Promise<boolean> {
    const state = this.state;
    const before = this.generation;
    if (!state.query) return false;
    try {
      const { run, outcome } = await SearchRun.start(state, { get: loadedJson });
      if (outcome.candidates.missing.length > 0) return false;
      const reports = await run.reportHits(outcome.order.slice(0, REPORTS_PER_PAGE), HITS_PER_REPORT, { texts: 'loaded' });
      if (before !== this.generation || state !== this.state) return false;
      this.generation++;
      this.show(run, outcome, reports);
      return true;
    } catch (error) {
      if (!(error instanceof NotLoaded)) console.error(error);
      return false;
    }
  }

  /** Shows a search's first reports and its status (announced at once only when `announceNow`). */
  private show(run: SearchRun, outcome: SearchOutcome, reports: ReportHits[], announceNow = false): void {
    this.current = { run, outcome, reports, next: REPORTS_PER_PAGE };
    this.render(null);
    this.view.setStatus(this.summary(), announceNow);
    this.onSearched(outcome.unfiltered > 0);
  }

  /** The status sentence of the current search: the count, and which words were not found, or not together. */
  private summary(): string {
    if (!this.current) return '';
    const { outcome, reports } = this.current;
    const filtered = activeFacets(this.state).length > 0;
    const notFound = filtered ? [] : outcome.candidates.missing.map((at) => ({ typed: outcome.groups[at].typed, suggestion: outcome.suggestions.get(at) ?? null }));
    const missingGroups = new Set(outcome.candidates.missing);
    const best = reports[0]?.ranked[0];
    const notTogether = best
      ? outcome.groups.flatMap((group, at) => (!group.optional && !missingGroups.has(at) && !best.groups.includes(at) ? [group.typed] : []))
      : [];
    if (outcome.beyondKept !== undefined) return offlineResultSummary(this.state.query, outcome.total, outcome.beyondKept);
    return resultSummary({ query: this.state.query, total: outcome.total, unfiltered: outcome.unfiltered, notFound, notTogether });
  }

  private render(focusOn: { report: ReportHits; passage: number | undefined } | null): void {
    if (!this.current) return;
    const { outcome, reports, next } = this.current;
    const remaining = Math.max(0, outcome.order.length - next);
    this.view.phrases = outcome.groups.filter((group) => group.phrase).map((group) => group.alternatives[0]);
    this.view.render(reports, remaining, Math.min(REPORTS_PER_PAGE, remaining), focusOn);
    const suggestion = [...outcome.suggestions.values()].find(Boolean);
    const suggestedQuery = suggestion
      ? outcome.groups
          .map((group, at) => (outcome.suggestions.get(at) || (group.phrase ? `"${group.typed}"` : group.typed)))
          .join(' ')
      : null;
    this.view.showSuggestion(suggestedQuery ? this.state : null, suggestedQuery);
  }

  async showMoreReports(): Promise<void> {
    if (!this.current) return;
    const mine = this.generation;
    const current = this.current;
    const more = await current.run.reportHits(current.outcome.order.slice(current.next, current.next + REPORTS_PER_PAGE), HITS_PER_REPORT);
    if (mine !== this.generation || this.current !== current) return;
    current.next += REPORTS_PER_PAGE;
    current.reports.push(...more);
    this.render(more[0] ? { report: more[0], passage: more[0].ranked[0]?.passage } : null);
  }

  async showAllPassages(report: ReportHits): Promise<void> {
    const mine = this.generation;
    const first = report.ranked[report.shown]?.passage;
    await showPassages(report, report.ranked.length - report.shown);
    if (mine !== this.generation) return;
    this.render(first === undefined ? null : { report, passage: first });
  }

  /** The facets panel was opened: its counts for the current search. */
  async facetsOpened(): Promise<void> {
    if (!this.current) return;
    const mine = this.generation;
    await loadFacetIndex();
    await this.facets.render(this.state, () => mine === this.generation);
  }
}
