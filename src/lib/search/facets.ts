/**
 * The search facets, sorts and URL parameters, named once for the index, the URL and the page. Each facet's key is
 * at once the name in the index's facet file and the URL parameter (`/search/?q=…&authority=…&year=2019`), so a shared link,
 * the index and the checkboxes can never disagree on a name.
 *
 * The browser loads this module: it must import nothing heavy (the report schema would bring zod along).
 */
import type { Grade } from '../../schemas/report.ts';
import { gradeRank } from '../site/format.ts';
import type { FacetIndex } from './report-index.ts';
import type { SearchState } from './state.ts';

export const FACETS = [
  { key: 'authority', label: 'Authority' },
  { key: 'type', label: 'Document type' },
  { key: 'year', label: 'Year published' },
  { key: 'judgement', label: 'Overall judgement' },
  { key: 'theme', label: 'Theme' },
] as const;
export type FacetKey = (typeof FACETS)[number]['key'];
export const FACET_KEYS: readonly FacetKey[] = FACETS.map((facet) => facet.key);

/** The judgement facet's value for documents that grade nothing (monitoring letters, council reports). */
export const NOT_GRADED = 'Not graded';

/** The parameter search hits add to a report link (`?highlight=return&highlight=home#para-13`), for its marks. */
export const HIGHLIGHT_PARAM = 'highlight';

export type SortOrder = 'relevance' | 'date';

/**
 * Facet values in the order a reader scans them: newest year first, judgements from best to worst (then "Not
 * graded"), everything else alphabetically.
 */
export function orderFacetValues(key: FacetKey, values: readonly string[]): string[] {
  const sorted = [...values];
  if (key === 'year') return sorted.sort((a, b) => b.localeCompare(a, 'en-GB'));
  if (key === 'judgement') {
    // Best first; grades of one band (SIF's and ILACS's "Requires improvement") side by side; "Not graded" last.
    const rank = (value: string) => gradeRank(value as Grade) ?? 0;
    return sorted.sort((a, b) => rank(b) - rank(a) || a.localeCompare(b, 'en-GB'));
  }
  return sorted.sort((a, b) => a.localeCompare(b, 'en-GB'));
}

/**
 * Whether a report (by number) holds a value chosen for every facet with values chosen: values of one facet are
 * alternatives, facets combine. `except` leaves one facet out: that facet's own counts must be taken without its
 * choices, or every value not yet ticked would show 0 although ticking it adds results.
 */
export function reportFilter(index: FacetIndex, state: SearchState, except?: FacetKey): (report: number) => boolean {
  const chosen = FACET_KEYS.filter((key) => key !== except && state.filters[key].length > 0).map((key) => {
    const wanted = new Set(state.filters[key].map((value) => index.values[key].indexOf(value)));
    return { held: index.reports[key], wanted };
  });
  return (report) => chosen.every(({ held, wanted }) => held[report].some((value) => wanted.has(value)));
}

/** For each facet, how many of `reports` (by number) hold each value, with the other facets' choices applied. */
export function facetCounts(index: FacetIndex, state: SearchState, reports: readonly number[]): Record<FacetKey, Record<string, number>> {
  const counts = {} as Record<FacetKey, Record<string, number>>;
  for (const key of FACET_KEYS) {
    const keep = reportFilter(index, state, key);
    const values: Record<string, number> = {};
    for (const report of reports) {
      if (!keep(report)) continue;
      for (const value of index.reports[key][report]) values[index.values[key][value]] = (values[index.values[key][value]] ?? 0) + 1;
    }
    counts[key] = values;
  }
  return counts;
}
