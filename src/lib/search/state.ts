/**
 * A search as the URL holds it: `/search/?q=…&authority=…&type=…&year=…&judgement=…&theme=…&sort=date`.
 * Reading and writing go through here only, so a reloaded or shared link reproduces the same search, and the same
 * state decides which reports the search keeps (facets.ts `reportFilter`).
 */
import { FACET_KEYS, type FacetKey, type SortOrder } from './facets.ts';

export interface SearchState {
  query: string;
  /** Chosen values per facet; values of one facet are alternatives (any of them), facets combine (all of them). */
  filters: Record<FacetKey, string[]>;
  sort: SortOrder;
}

export function emptyFilters(): Record<FacetKey, string[]> {
  const filters = {} as Record<FacetKey, string[]>;
  for (const key of FACET_KEYS) filters[key] = [];
  return filters;
}

/** Unknown parameters are ignored and repeated values kept once, so a hand-edited link still works. */
export function readSearchState(params: URLSearchParams): SearchState {
  const filters = emptyFilters();
  for (const key of FACET_KEYS) filters[key] = [...new Set(params.getAll(key).map((v) => v.trim()).filter(Boolean))].sort();
  return {
    query: (params.get('q') ?? '').trim(),
    filters,
    sort: params.get('sort') === 'date' ? 'date' : 'relevance',
  };
}

/** The query string of a state (with its leading "?", or "" for an empty search), in one canonical order. */
export function searchStateQuery(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.query) params.set('q', state.query);
  for (const key of FACET_KEYS) for (const value of [...state.filters[key]].sort()) params.append(key, value);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  const query = params.toString();
  return query ? `?${query}` : '';
}

export function sameSearch(a: SearchState, b: SearchState): boolean {
  return searchStateQuery(a) === searchStateQuery(b);
}

export function activeFacets(state: SearchState): FacetKey[] {
  return FACET_KEYS.filter((key) => state.filters[key].length > 0);
}
