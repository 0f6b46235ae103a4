/**
 * Which words of a paragraph to mark when a reader arrives from a search hit (`?highlight=return&highlight=home`).
 * A word matches a term when both stem alike, with the stemmer the theme tagger uses ("interviews" marks
 * "interview", "fostering" marks "fostered"), or when it begins with a term of four letters or more, as Pagefind
 * matches the word still being typed ("strat" → "strategy").
 */
import { stem } from '../link/text.ts';
import { HIGHLIGHT_PARAM } from './facets.ts';

/** The words of a search, lower case, each once: what hits mark, and what their links pass on for marking. */
export function searchTerms(query: string): string[] {
  return [...new Set(query.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean))];
}

export function highlightTerms(params: URLSearchParams): string[] {
  return searchTerms(params.getAll(HIGHLIGHT_PARAM).join(' '));
}

const PREFIX_MATCH_MIN = 4;

/** [start, end) offsets of the words of `text` that match any term, in order. */
export function matchRanges(text: string, terms: readonly string[]): Array<[number, number]> {
  if (terms.length === 0) return [];
  const stems = new Set(terms.map(stem));
  const prefixes = terms.filter((term) => term.length >= PREFIX_MATCH_MIN);
  const ranges: Array<[number, number]> = [];
  for (const match of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const word = match[0].toLowerCase();
    if (stems.has(stem(word)) || prefixes.some((prefix) => word.startsWith(prefix))) {
      ranges.push([match.index, match.index + match[0].length]);
    }
  }
  return ranges;
}
