/**
 * The search facets and sorts, named once for the index, the URL and the page. Each facet's key is at once the
 * Pagefind filter name and the URL parameter (`/search/?q=…&authority=…&year=2019`), so a shared link, the index
 * and the checkboxes can never disagree on a name.
 */
import { GRADES } from '../../schemas/report.ts';

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

/** Sort keys every index record carries. */
export type SortKey = 'date';
export type SortOrder = 'relevance' | 'date';

/**
 * Facet values in the order a reader scans them: newest year first, judgements from best to worst (then "Not
 * graded"), everything else alphabetically.
 */
export function orderFacetValues(key: FacetKey, values: readonly string[]): string[] {
  const sorted = [...values];
  if (key === 'year') return sorted.sort((a, b) => b.localeCompare(a));
  if (key === 'judgement') {
    const rank = (value: string) => {
      const at = (GRADES as readonly string[]).indexOf(value);
      return at === -1 ? GRADES.length : at;
    };
    return sorted.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  }
  return sorted.sort((a, b) => a.localeCompare(b, 'en-GB'));
}
