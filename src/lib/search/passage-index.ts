/**
 * The search index in two levels, so that a first search costs a few kilobytes whether the archive holds five
 * reports or five thousand:
 *
 * 1. The report index (report-index.ts): for each stem of the archive, the reports holding it and in how many of
 *    their passages, in files by the stem's first letters. It ranks reports.
 * 2. For each report, a passage index (`PassageIndex`, about a kilobyte) names its passages; word files, one per
 *    bucket of stems (`wordFileOf`), say which words of the report have those stems and which passages hold each;
 *    and the passages' text comes in files of `PASSAGES_PER_TEXT_FILE`. For the reports a search ranks first, the
 *    browser fetches only the word files of the query's stems, reads which words and passages those are
 *    (`wordsWithStem`), ranks the reports by their best passages (rank.ts), and fetches the passage index and text of
 *    the reports it shows.
 *
 * Pure and free of heavy imports: the browser uses this module as well as the build.
 */
import { stem } from './stem.ts';

/** Passages per text file: small enough that showing a report's best three hits fetches little more than them. */
export const PASSAGES_PER_TEXT_FILE = 4;

/** Where the search index is published: the report index, the passage files and the vocabulary. */
export const SEARCH_INDEX_PATH = '/search-index/';
/** Where a report's passage files are published, by its number in the report index (report-index.ts). */
export const PASSAGE_FILES_PATH = `${SEARCH_INDEX_PATH}passages/`;
export const passageIndexUrl = (id: string) => `${PASSAGE_FILES_PATH}${id}.json`;
export const passageTextUrl = (id: string, file: number) => `${PASSAGE_FILES_PATH}${id}.${file}.json`;
export const passageWordsUrl = (id: string, file: number) => `${PASSAGE_FILES_PATH}${id}.w${file}.json`;

/**
 * Word files per report. A stem's file is found by hashing it (`wordFileOf`), for any report, before anything else of
 * the report has been fetched: ranking the reports of a search costs one small file per report and query word.
 */
export const WORD_FILES_PER_REPORT = 64;

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

/** A report's words whose stems fall in one bucket (`wordFileOf`), and their passages. */
export interface WordFile {
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
  const sorted = [...holders].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { words: sorted.map(([word]) => word), passagesOf: sorted.map(([, passages]) => passages) };
}

/** The word file of a stem: FNV-1a of its characters, in `WORD_FILES_PER_REPORT` buckets. */
export function wordFileOf(word: string): number {
  let hash = 0x811c9dc5;
  for (let at = 0; at < word.length; at++) hash = Math.imul(hash ^ word.charCodeAt(at), 0x01000193);
  return (hash >>> 0) % WORD_FILES_PER_REPORT;
}

/** The vocabulary cut into word files by stem (`wordFileOf`); buckets no word falls in are left empty. */
export function wordFiles(words: readonly string[], passagesOf: readonly (readonly number[])[], count: number): Array<WordFile | undefined> {
  const files: Array<{ words: string[]; lists: (readonly number[])[] } | undefined> = [];
  words.forEach((word, at) => {
    const entry = (files[wordFileOf(stem(word))] ??= { words: [], lists: [] });
    entry.words.push(word);
    entry.lists.push(passagesOf[at]);
  });
  return Array.from({ length: WORD_FILES_PER_REPORT }, (_, at) => {
    const file = files[at];
    return file && { words: file.words.join(' '), passages: encodeWordPassages(file.lists, count), count };
  });
}

/** A vocabulary word a search matched, and the passages of its report holding it. */
export interface MatchedWord {
  word: string;
  passages: number[];
}

/** The words of a word file with the stem `wanted`, and their passages: what a query word matched in the report. */
export function wordsWithStem(wanted: string, file: WordFile): MatchedWord[] {
  const lists = decodeWordPassages(file.passages, file.count);
  return file.words.split(' ').flatMap((word, at) => (stem(word) === wanted ? [{ word, passages: lists[at] }] : []));
}

/**
 * Passage lists, compactly: one entry per word, separated by spaces; within an entry the first passage number and
 * then the gaps between them, in base 36, separated by commas. Mostly one or two characters a number. A word held by
 * all `count` passages is "*".
 */
export function encodeWordPassages(passagesOf: readonly (readonly number[])[], count: number): string {
  return passagesOf
    .map((list) => (count > 1 && list.length === count ? '*' : list.map((passage, at) => (at === 0 ? passage : passage - list[at - 1]).toString(36)).join(',')))
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
