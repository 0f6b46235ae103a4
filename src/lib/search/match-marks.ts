/**
 * Which words of a passage to mark: exactly the words the search matched in it (`?highlight=interviews` on a link
 * from a hit). The report index decides what matches, by stem (stem.ts); the results page reads the matched words from
 * the report's word files and passes them on, so the marks on a hit, and on the paragraph a hit opens, are the words
 * that made it match: a search for "care" marks "carers" only where the search matched "carers".
 */
import { HIGHLIGHT_PARAM } from './facets.ts';
import { indexWords } from './passage-index.ts';

/** The words to mark from a report link's parameters, lower case, each once. */
export function highlightWords(params: URLSearchParams): Set<string> {
  return new Set(params.getAll(HIGHLIGHT_PARAM).flatMap((value) => indexWords(value)));
}

/**
 * [start, end) offsets of the words of `text` the index would hold as one of `words`, in order. A hyphenated word
 * ("well-being") is marked whole when the index holds any of its forms ("well", "being", "wellbeing") as matched.
 */
export function matchRanges(text: string, words: ReadonlySet<string>): Array<[number, number]> {
  if (words.size === 0) return [];
  const ranges: Array<[number, number]> = [];
  for (const match of text.matchAll(/[\p{L}\p{N}]+(?:[-‐‑][\p{L}\p{N}]+)*/gu)) {
    if (indexWords(match[0]).some((word) => words.has(word))) ranges.push([match.index, match.index + match[0].length]);
  }
  return ranges;
}
