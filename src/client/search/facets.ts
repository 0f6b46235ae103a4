/**
 * The "Filter results" panel: a checkbox per facet value with the number of matching reports, updated in place on
 * every search while the panel is open. The filter index loads only when the panel is opened, or when the reader
 * arrives with filters in the URL.
 */
import glossary from '../../../content/glossary.json';
import { FACETS, facetCounts, orderFacetValues, type FacetKey } from '../../lib/search/facets.ts';
import { groupWords, parseQuery } from '../../lib/search/query.ts';
import { fullMatches } from '../../lib/search/rank.ts';
import type { SearchState } from '../../lib/search/state.ts';
import { searchWords } from './engine.ts';
import { loadFacetIndex } from './files.ts';
import { make } from './render.ts';

/** The reports (by number) a search finds with no facet chosen: the term files are loaded already. */
async function matchingReports(query: string): Promise<number[]> {
  const groups = parseQuery(query, glossary.entries);
  return fullMatches(groups, await searchWords(groupWords(groups))).map((c) => Number(c.id));
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
    const [index, reports] = await Promise.all([loadFacetIndex(), matchingReports(state.query)]);
    const counts = facetCounts(index, state, reports);
    if (!isCurrent()) return;
    for (const { key } of FACETS) {
      const list = this.panel.querySelector<HTMLUListElement>(`[data-facet="${key}"] .search-facet__options`);
      if (!list) continue;
      const values = orderFacetValues(key, index.values[key]);
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
