/**
 * "Did you mean": for a word no report uses, the archive's word closest to it in spelling. The vocabulary comes in
 * files by first letter (`vocabularyUrl`), written with the index and fetched only when a word is not found, so a
 * search that finds everything costs nothing more.
 */
import { SEARCH_INDEX_PATH } from './passage-index.ts';

/** Where the archive's words beginning with one letter or digit are published: [word, reports using it][]. */
export const VOCABULARY_PATH = `${SEARCH_INDEX_PATH}vocabulary/`;
export const vocabularyFile = (word: string) => (/^[a-z0-9]/.test(word) ? word[0] : '_');
export const vocabularyUrl = (word: string) => `${VOCABULARY_PATH}${vocabularyFile(word)}.json`;
export type VocabularyFile = Array<[word: string, reports: number]>;

/** Words shorter than this are not suggested, nor suggested for: "ie" is too short to have been misspelt. */
export const SUGGEST_MIN_LENGTH = 3;

/** Edits (insert, delete, substitute, swap two neighbours) between two words, or `limit + 1` once past `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2] + 1);
      row.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    before = previous;
    previous = row;
  }
  return previous[b.length];
}

/** The closest word of `vocabulary` to `word`: fewest edits (one for short words, two otherwise), then most used. */
export function suggestWord(word: string, vocabulary: VocabularyFile): string | null {
  if (word.length < SUGGEST_MIN_LENGTH) return null;
  const limit = word.length <= 4 ? 1 : 2;
  let best: { word: string; distance: number; reports: number } | null = null;
  for (const [candidate, reports] of vocabulary) {
    if (candidate === word) return null;
    const distance = editDistance(word, candidate, limit);
    if (distance > limit) continue;
    if (!best || distance < best.distance || (distance === best.distance && reports > best.reports)) best = { word: candidate, distance, reports };
  }
  return best?.word ?? null;
}

/** The vocabulary files of an archive: each word of `reportWords` (one list per report) with how many reports use it. */
export function vocabularyFiles(reportWords: Iterable<readonly string[]>): Map<string, VocabularyFile> {
  const counts = new Map<string, number>();
  for (const words of reportWords) for (const word of words) if (word.length >= SUGGEST_MIN_LENGTH && !/^\d+$/.test(word)) counts.set(word, (counts.get(word) ?? 0) + 1);
  const files = new Map<string, VocabularyFile>();
  for (const [word, count] of [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const file = vocabularyFile(word);
    const list = files.get(file) ?? [];
    list.push([word, count]);
    files.set(file, list);
  }
  return files;
}
