/**
 * The "Filter results" panel: a checkbox per facet value with the number of matching reports, updated in place on
 * every search while the panel is open. The filter index loads only when the panel is opened, or when the reader
 * arrives with filters in the URL.
 */
import { FACETS, orderFacetValues, type FacetKey } from '../../lib/search/facets.ts';
import { activeFacets, pagefindFilters, type SearchState } from '../../lib/search/state.ts';
import { loadFilterIndex, loadPagefind, type FilterCounts, type Pagefind } from './pagefind.ts';
import { make } from './render.ts';

/** The words Pagefind counts facets for: the query without quotation marks, which Pagefind would read as a phrase. */
const countedQuery = (query: string) => query.replace(/["“”]/g, ' ').trim();

/**
 * Facet counts for a search. A facet with values chosen is counted without its own choice (values of one facet are
 * alternatives), which takes one more search per such facet: no more bytes, the chunks are loaded.
 */
async function facetCounts(pagefind: Pagefind, state: SearchState): Promise<FilterCounts> {
  const query = countedQuery(state.query);
  const counts: FilterCounts = { ...(await pagefind.search(query, { filters: pagefindFilters(state) })).filters };
  await Promise.all(
    activeFacets(state).map(async (key) => {
      const without = await pagefind.search(query, { filters: pagefindFilters(state, key) });
      counts[key] = without.filters[key] ?? {};
    }),
  );
  return counts;
}

export class FacetsPanel {
  /** Checkboxes are updated in place, never rebuilt, so the one the reader just ticked keeps its focus. */
  private rows = new Map<string, { row: HTMLLIElement; box: HTMLInputElement; count: HTMLSpanElement }>();

  readonly panel: HTMLDetailsElement;

  constructor(panel: HTMLDetailsElement) {
    this.panel = panel;
  }

  /** Counts for `state`; `isCurrent` says whether a newer search has started meanwhile. */
  async render(state: SearchState, isCurrent: () => boolean): Promise<void> {
    const [pagefind, everyValue] = await Promise.all([loadPagefind(), loadFilterIndex()]);
    const counts = await facetCounts(pagefind, state);
    if (!isCurrent()) return;
    for (const { key } of FACETS) {
      const list = this.panel.querySelector<HTMLUListElement>(`[data-facet="${key}"] .search-facet__options`)!;
      const values = orderFacetValues(key, Object.keys(everyValue[key] ?? {}));
      values.forEach((value, at) => {
        const row = this.row(state, key, value, counts[key]?.[value] ?? 0);
        // Moving a row, even to where it already is, would take the focus off its checkbox.
        if (list.children[at] !== row) list.insertBefore(row, list.children[at] ?? null);
      });
    }
  }

  /** Ticks the boxes of the values `state` has chosen. */
  show(state: SearchState): void {
    for (const { box } of this.rows.values()) box.checked = state.filters[box.name as FacetKey].includes(box.value);
  }

  private row(state: SearchState, key: FacetKey, value: string, count: number): HTMLLIElement {
    const id = `${key}\u0000${value}`;
    let entry = this.rows.get(id);
    if (!entry) {
      const row = make('li', 'search-facet__option');
      const box = make('input');
      box.type = 'checkbox';
      box.name = key;
      box.value = value;
      box.id = `facet-${key}-${this.rows.size}`;
      const label = make('label', undefined, `${value} `);
      label.htmlFor = box.id;
      const countText = make('span', 'search-facet__count');
      label.append(countText);
      row.append(box, label);
      entry = { row, box, count: countText };
      this.rows.set(id, entry);
    }
    entry.box.checked = state.filters[key].includes(value);
    entry.count.textContent = `(${count})`;
    // A value that would add nothing is left out, unless it is ticked: a reader must always be able to untick.
    entry.row.hidden = count === 0 && !entry.box.checked;
    return entry.row;
  }
}
