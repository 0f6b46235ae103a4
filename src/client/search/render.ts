/**
 * The results list as the page shows it: reports with their passages, each passage a link to its paragraph with the
 * matched words marked, "show more" buttons, the "did you mean" link, and the status line that is the page's live
 * region. Builds text nodes only, never HTML from text.
 */
import { HIGHLIGHT_PARAM } from '../../lib/search/facets.ts';
import { excerptRuns } from '../../lib/search/results.ts';
import { nameOfLabel, spokenName } from '../../lib/site/cite.ts';
import { formatCount } from '../../lib/site/format.ts';
import { phraseOffset } from '../../lib/search/query.ts';
import { searchStateQuery, type SearchState } from '../../lib/search/state.ts';
import { searchUrl } from '../../lib/site/urls.ts';
import { wordsIn, type ReportHits } from './engine.ts';

/** Words per excerpt: about two lines on a phone, enough to judge whether the paragraph is the one wanted. */
const EXCERPT_WORDS = 32;
/** While the reader is still typing, the count is announced only once the typing pauses. */
const ANNOUNCE_PAUSE_MS = 600;

export function make<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The passage link, with the words it matched for the report page to mark: /reports/<slug>/?highlight=…#para-41 */
export function hitUrl(report: ReportHits, passage: number): string {
  const [anchor] = report.index.passages[passage];
  const params = new URLSearchParams([...wordsIn(report, passage)].map((word) => [HIGHLIGHT_PARAM, word]));
  return `${report.index.report.url}?${params}#${anchor}`;
}

export interface ResultsElements {
  status: HTMLElement;
  suggestion: HTMLElement;
  list: HTMLOListElement;
  more: HTMLButtonElement;
}

export class ResultsView {
  private announceTimer: ReturnType<typeof setTimeout> | undefined;
  /** The quoted phrases of the search shown: an excerpt shows the stretch around one. */
  phrases: string[][] = [];

  private readonly elements: ResultsElements;
  private readonly onShowAll: (report: ReportHits) => void;

  constructor(elements: ResultsElements, onShowAll: (report: ReportHits) => void) {
    this.elements = elements;
    this.onShowAll = onShowAll;
  }

  /** The status is the page's live region: a count announced on every keystroke would drown the typing out. */
  setStatus(text: string, now: boolean): void {
    clearTimeout(this.announceTimer);
    if (now) this.elements.status.textContent = text;
    else this.announceTimer = setTimeout(() => (this.elements.status.textContent = text), ANNOUNCE_PAUSE_MS);
  }

  clear(): void {
    this.elements.list.replaceChildren();
    this.elements.more.hidden = true;
    this.showSuggestion(null, null);
  }

  /** "Did you mean …?" as a link to that search. */
  showSuggestion(state: SearchState | null, query: string | null): void {
    const { suggestion } = this.elements;
    suggestion.replaceChildren();
    suggestion.hidden = !state || !query;
    if (!state || !query) return;
    const link = make('a', undefined, query);
    link.href = `${searchUrl()}${searchStateQuery({ ...state, query })}`;
    suggestion.append('Did you mean ', link, '?');
  }

  /** Renders the reports loaded so far; `focusOn` (the first passage of a "show more") then receives focus. */
  render(reports: readonly ReportHits[], remaining: number, nextCount: number, focusOn: { report: ReportHits; passage: number | undefined } | null): void {
    let focusTarget: HTMLAnchorElement | null = null;
    const items = reports.map((report) => {
      const { authority, type, date, title, url } = report.index.report;
      const item = make('li', 'search-group');
      // Who, what and when lead, as a reader scans for them; the document's own (often long) title follows.
      const heading = make('h2', 'search-group__title');
      const link = make('a', undefined, `${authority}: ${type}, ${date}`);
      link.href = url;
      heading.append(link);
      item.append(heading, make('p', 'search-group__meta', title));
      const hits = make('ol', 'search-hits');
      for (const { passage } of report.ranked.slice(0, report.shown)) {
        const [, label] = report.index.passages[passage];
        const hitItem = make('li', 'search-hit');
        const hitLink = make('a', 'search-hit__label');
        hitLink.href = hitUrl(report, passage);
        const visible = make('span', undefined, label);
        visible.setAttribute('aria-hidden', 'true');
        hitLink.append(visible, make('span', 'visually-hidden', `${spokenName(nameOfLabel(label))}, ${authority} ${type.toLowerCase()}, ${date}`));
        const excerpt = make('p', 'search-hit__excerpt');
        const text = report.texts.get(passage) ?? '';
        for (const run of excerptRuns(text, wordsIn(report, passage), EXCERPT_WORDS, phraseOffset(text, this.phrases))) {
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
        more.addEventListener('click', () => this.onShowAll(report));
        const holder = make('p');
        holder.append(more);
        item.append(holder);
      }
      return item;
    });
    this.elements.list.replaceChildren(...items);
    const { more } = this.elements;
    more.hidden = remaining <= 0;
    more.textContent = `Show ${nextCount} more ${nextCount === 1 ? 'report' : 'reports'} (${formatCount(remaining)} not shown yet)`;
    (focusTarget as HTMLAnchorElement | null)?.focus();
  }
}
