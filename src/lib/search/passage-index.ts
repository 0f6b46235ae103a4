/**
 * The search index in two levels, so that a first search costs the same few kilobytes whether the archive holds five
 * reports or five thousand:
 *
 * 1. Pagefind holds one record per report whose content is the report's vocabulary: each word of its passages in
 *    sorted order, standing once, or up to `MAX_WORD_WEIGHT` times when many passages use it (`wordWeight`). A
 *    report's postings are then a few locations per word, however often the report uses it, so the index chunk of a
 *    common word ("social", "the") grows with the number of reports, not of passages, while a report that keeps
 *    coming back to a subject still ranks above one that mentions it once.
 * 2. For each report, a passage index (`PassageIndex`, about a kilobyte) names its passages; word files of
 *    `WORDS_PER_FILE` vocabulary words say which passages hold each word; and the passages' text comes in files of
 *    `PASSAGES_PER_TEXT_FILE`. Pagefind's result gives the matched word locations; the browser fetches only the word
 *    files holding them (`wordFileOf`), reads which words those are and which passages hold them (`wordsAt`), and
 *    fetches the text of the passages it shows. A search of three words fetches a few small files per report, not
 *    its whole vocabulary (15 KB for the longest inspections).
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

/** Vocabulary words per word file: a report's vocabulary is 500–2,000 words, a search needs a few of them. */
export const WORDS_PER_FILE = 256;

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
  /** For each word file, the location in the Pagefind content where its first word stands. */
  wordFiles: number[];
}

/** `WORDS_PER_FILE` words of the vocabulary, in order: which passages hold each, and how long it is. */
export interface WordFile {
  /** The passages holding each word (`encodeWordPassages`). */
  passages: string;
  /** Character i is the length of word i, in base 36 ("z" for 35 or more): `exactWords` reads it. */
  lengths: string;
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
 * for each word the passages that hold it, in ascending order.
 */
export function vocabulary(passages: readonly string[]): { words: string[]; passagesOf: number[][] } {
  const holders = new Map<string, number[]>();
  passages.forEach((text, passage) => {
    for (const word of indexWords(text)) {
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

/** The vocabulary cut into word files, and the content location where each file's first word stands. */
export function wordFiles(words: readonly string[], passagesOf: readonly (readonly number[])[]): { starts: number[]; files: WordFile[] } {
  const starts: number[] = [];
  const files: WordFile[] = [];
  let location = 0;
  for (let first = 0; first < words.length; first += WORDS_PER_FILE) {
    const lists = passagesOf.slice(first, first + WORDS_PER_FILE);
    starts.push(location);
    files.push({ passages: encodeWordPassages(lists), lengths: encodeWordLengths(words.slice(first, first + WORDS_PER_FILE)) });
    location += lists.reduce((n, list) => n + wordWeight(list.length), 0);
  }
  return { starts, files };
}

/** The word file holding a content location: the last whose first word stands at or before it. */
export function wordFileOf(location: number, starts: readonly number[]): number {
  let file = 0;
  while (file + 1 < starts.length && starts[file + 1]! <= location) file++;
  return file;
}

/** A vocabulary word a search matched: its place in the vocabulary, its length, and the passages holding it. */
export interface MatchedWord {
  word: number;
  length: number;
  passages: number[];
}

/** The words standing at `locations` (all in word file `file`), by location. */
export function wordsAt(locations: readonly number[], file: number, starts: readonly number[], content: WordFile): Map<number, MatchedWord> {
  const lists = decodeWordPassages(content.passages);
  const wanted = new Set(locations);
  const found = new Map<number, MatchedWord>();
  let location = starts[file]!;
  lists.forEach((passages, at) => {
    const matched = { word: file * WORDS_PER_FILE + at, length: parseInt(content.lengths[at]!, 36), passages };
    for (let repeat = wordWeight(passages.length); repeat > 0; repeat--, location++) if (wanted.has(location)) found.set(location, matched);
  });
  return found;
}

function encodeWordLengths(words: readonly string[]): string {
  return words.map((word) => Math.min(word.length, 35).toString(36)).join('');
}

/**
 * Of the words matched for a query word, those that are that very word, not another form of it: Pagefind matched
 * them by stem ("meetings" finds "meet") or by prefix, so a matched word as long as the query word is the same word.
 * The reader typed "strategy meetings", so a passage saying that ranks above one that says "strategies … meet".
 */
export function exactWords(queryWord: string, matched: readonly MatchedWord[]): MatchedWord[] {
  const length = Math.min(queryWord.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '').length, 35);
  return matched.filter((word) => word.length === length);
}

/**
 * Passage lists, compactly: one entry per word, separated by spaces; within an entry the first passage number and
 * then the gaps between them, in base 36, separated by commas. Mostly one or two characters a number.
 */
export function encodeWordPassages(passagesOf: readonly (readonly number[])[]): string {
  return passagesOf.map((list) => list.map((passage, at) => (at === 0 ? passage : passage - list[at - 1]!).toString(36)).join(',')).join(' ');
}

export function decodeWordPassages(encoded: string): number[][] {
  if (encoded === '') return [];
  return encoded.split(' ').map((entry) => {
    let passage = 0;
    return entry.split(',').map((step, at) => (passage = at === 0 ? parseInt(step, 36) : passage + parseInt(step, 36)));
  });
}
