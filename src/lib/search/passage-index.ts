/**
 * The search index in two levels, so that a first search costs the same few kilobytes whether the archive holds five
 * reports or five thousand:
 *
 * 1. Pagefind holds one record per report whose content is the report's vocabulary: each word of its passages in
 *    sorted order, standing once, or up to `MAX_WORD_WEIGHT` times when many passages use it (`wordWeight`). A
 *    report's postings are then a few locations per word, however often the report uses it, so the index chunk of a
 *    common word ("social", "the") grows with the number of reports, not of passages, while a report that keeps
 *    coming back to a subject still ranks above one that mentions it once.
 * 2. For each report, a passage index (`PassageIndex`, about a kilobyte) names its passages; word files, one per
 *    `LOCATIONS_PER_FILE` content locations, say which words stand there and which passages hold each; and the
 *    passages' text comes in files of `PASSAGES_PER_TEXT_FILE`. Pagefind's result gives the matched word locations;
 *    the browser fetches only the word files holding them (`wordFileOf`), reads which words those are and which
 *    passages hold them (`wordsAt`), ranks the reports by their best passages (rank.ts), and fetches the passage
 *    index and text of the reports it shows. A search of three words fetches a few small files per report ranked,
 *    not its whole vocabulary (15 KB for the longest inspections).
 *
 * Pure and free of heavy imports: the browser uses this module as well as the build.
 */

/** Passages per text file: small enough that showing a report's best three hits fetches little more than them. */
export const PASSAGES_PER_TEXT_FILE = 4;

/** Where a report's passage files are published, by the id Pagefind gave its record. */
export const PASSAGE_FILES_PATH = '/pagefind/passages/';
export const passageIndexUrl = (id: string) => `${PASSAGE_FILES_PATH}${id}.json`;
export const passageTextUrl = (id: string, file: number) => `${PASSAGE_FILES_PATH}${id}.${file}.json`;
export const passageWordsUrl = (id: string, file: number) => `${PASSAGE_FILES_PATH}${id}.w${file}.json`;

/**
 * Content locations per word file. A file covers a fixed range of locations, so the browser finds the file holding a
 * matched location by division (`wordFileOf`), for any number of reports, before it has fetched anything else of the
 * report: ranking the reports of a search costs one or two of these small files per report and query word.
 */
export const LOCATIONS_PER_FILE = 64;

/** A report as its search hits name it. */
export interface SearchReport {
  url: string;
  title: string;
  authority: string;
  /** The document type in words: "Inspection". */
  type: string;
  /** Publication date in words: "8 May 2019". */
  date: string;
}

/** One passage: [anchor, label, positions in `themes` of the themes it carries]. */
export type PassageEntry = [anchor: string, label: string, themes: number[]];

/** What the browser fetches for a report in the results: everything but the passages' text. */
export interface PassageIndex {
  report: SearchReport;
  /** Theme titles the report's passages carry, each once. */
  themes: string[];
  /** Its passages in the report's order: recommendations first, then paragraphs. */
  passages: PassageEntry[];
}

/** The vocabulary words standing in one range of `LOCATIONS_PER_FILE` content locations, and their passages. */
export interface WordFile {
  /** The content location where the first word listed stands (a word may begin in the range before). */
  first: number;
  /** The words, in vocabulary order, separated by spaces. */
  words: string;
  /** The passages holding each word (`encodeWordPassages`). */
  passages: string;
  /** How many passages the report has: a word held by all of them is written "*". */
  count: number;
}

/** Anything that is not a letter, a digit or a hyphen separates words. */
const SEPARATORS = /[^\p{L}\p{N}\-‐‑]+/u;
const HYPHENS = /[-‐‑]+/;

/**
 * The words of a text as the index holds them: lower case, split at anything that is not a letter or a digit. A
 * hyphenated word also counts joined up, so "wellbeing" finds "well-being" (and "well" and "being" find it too).
 */
export function indexWords(text: string): string[] {
  const words: string[] = [];
  for (const piece of text.toLowerCase().split(SEPARATORS)) {
    if (!HYPHENS.test(piece)) {
      if (piece) words.push(piece);
      continue;
    }
    const parts = piece.split(HYPHENS).filter(Boolean);
    words.push(...parts);
    if (parts.length > 1) words.push(parts.join(''));
  }
  return words;
}

/**
 * The vocabulary of some passages, each word once, in code-unit order (the same in every engine and locale), and
 * for each word the passages that hold it, in ascending order. The words of `everywhere` (the report's authority and
 * year) count as held by every passage: "Shropshire front door" asks for Shropshire's paragraphs on its front door,
 * which seldom name Shropshire themselves.
 */
export function vocabulary(passages: readonly string[], everywhere = ''): { words: string[]; passagesOf: number[][] } {
  const holders = new Map<string, number[]>();
  passages.forEach((text, passage) => {
    for (const word of [...indexWords(everywhere), ...indexWords(text)]) {
      const list = holders.get(word);
      if (!list) holders.set(word, [passage]);
      // Passages are visited in order, so a word already seen in this one ends its list.
      else if (list[list.length - 1] !== passage) list.push(passage);
    }
  });
  const words = [...holders.keys()].sort();
  return { words, passagesOf: words.map((word) => holders.get(word)!) };
}

/** The most times one word stands in a report's Pagefind content. */
export const MAX_WORD_WEIGHT = 3;

/** How many times a word held by `passages` passages stands in the content: 1, then 2 from two passages, 3 from four. */
export function wordWeight(passages: number): number {
  return Math.min(MAX_WORD_WEIGHT, 1 + Math.floor(Math.log2(passages)));
}

/** A report's Pagefind content: its vocabulary in order, each word `wordWeight` times. */
export function indexContent(words: readonly string[], passagesOf: readonly (readonly number[])[]): string {
  return words.flatMap((word, at) => Array<string>(wordWeight(passagesOf[at]!.length)).fill(word)).join(' ');
}

/** The vocabulary cut into word files, one per range of `LOCATIONS_PER_FILE` content locations. */
export function wordFiles(words: readonly string[], passagesOf: readonly (readonly number[])[], count: number): WordFile[] {
  const files: Array<{ first: number; words: string[]; lists: (readonly number[])[] }> = [];
  let location = 0;
  words.forEach((word, at) => {
    const weight = wordWeight(passagesOf[at]!.length);
    for (let file = wordFileOf(location); file <= wordFileOf(location + weight - 1); file++) {
      const entry = (files[file] ??= { first: location, words: [], lists: [] });
      entry.words.push(word);
      entry.lists.push(passagesOf[at]!);
    }
    location += weight;
  });
  return files.map(({ first, words: inFile, lists }) => ({ first, words: inFile.join(' '), passages: encodeWordPassages(lists, count), count }));
}

/** The word file holding a content location. */
export const wordFileOf = (location: number): number => Math.floor(location / LOCATIONS_PER_FILE);

/** A vocabulary word a search matched, and the passages of its report holding it. */
export interface MatchedWord {
  word: string;
  passages: number[];
}

/** The words standing at `locations` (all in the range of `content`), by location. */
export function wordsAt(locations: readonly number[], content: WordFile): Map<number, MatchedWord> {
  const lists = decodeWordPassages(content.passages, content.count);
  const words = content.words.split(' ');
  const wanted = new Set(locations);
  const found = new Map<number, MatchedWord>();
  let location = content.first;
  lists.forEach((passages, at) => {
    const matched = { word: words[at]!, passages };
    for (let repeat = wordWeight(passages.length); repeat > 0; repeat--, location++) if (wanted.has(location)) found.set(location, matched);
  });
  return found;
}

/**
 * Passage lists, compactly: one entry per word, separated by spaces; within an entry the first passage number and
 * then the gaps between them, in base 36, separated by commas. Mostly one or two characters a number. A word held by
 * all `count` passages is "*".
 */
export function encodeWordPassages(passagesOf: readonly (readonly number[])[], count: number): string {
  return passagesOf
    .map((list) => (count > 1 && list.length === count ? '*' : list.map((passage, at) => (at === 0 ? passage : passage - list[at - 1]!).toString(36)).join(',')))
    .join(' ');
}

export function decodeWordPassages(encoded: string, count: number): number[][] {
  if (encoded === '') return [];
  return encoded.split(' ').map((entry) => {
    if (entry === '*') return Array.from({ length: count }, (_, passage) => passage);
    let passage = 0;
    return entry.split(',').map((step, at) => (passage = at === 0 ? parseInt(step, 36) : passage + parseInt(step, 36)));
  });
}
