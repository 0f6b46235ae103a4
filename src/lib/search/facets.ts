/**
 * The search facets, sorts and URL parameters, named once for the index, the URL and the page. Each facet's key is
 * at once the Pagefind filter name and the URL parameter (`/search/?q=…&authority=…&year=2019`), so a shared link,
 * the index and the checkboxes can never disagree on a name.
 *
 * The browser loads this module: it must import nothing heavy (the report schema would bring zod along).
 */
import type { Grade } from '../../schemas/report.ts';
import { gradeRank } from '../site/format.ts';

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

/** Sort keys every index record carries. */
export type SortKey = 'date';
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
