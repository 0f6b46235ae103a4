/**
 * The search index in two levels, so that a first search costs a few kilobytes whether the archive holds five
 * reports or five thousand:
 *
 * 1. The report index (report-index.ts): for each stem of the archive, the reports holding it and in how many of
 *    their passages, in term files by the stem's first letters. It ranks reports.
 * 2. Passage postings (`PostingsFile`): for each stem, the words of that stem and, for each word, the reports holding
 *    it and the passages of each that do. They are published in files named as term files are, by a coarser split
 *    of their own (report-index.ts `postingsSplit`; `postingsUrl`), one set per group of `POSTINGS_GROUP_REPORTS`
 *    reports (numbered newest first). In an
 *    archive of one group (up to 64 reports: the five seeds, the 60 documents), the file a word being typed needs is
 *    the file the finished word needs, as for the term files: the search page loads it while the reader types, with
 *    every report's passage index in one file (`ALL_PASSAGE_INDEXES_URL`), and ranks the passages of the finished
 *    query (rank.ts) at its last keystroke with nothing more to fetch. In a larger archive, a group's postings are
 *    fetched for the reports a search ranks first, and each report shown its own passage index.
 *    The passages' text comes in files of `PASSAGES_PER_TEXT_FILE` per report. With no signal, a report stored on the
 *    device answers from its own files: its passage index, its postings alone (`reportWordsUrl`) and its texts.
 *
 * Pure and free of heavy imports: the browser uses this module as well as the build.
 */
import { stem } from './stem.ts';

/** Passages per text file: small enough that showing a report's best three hits fetches little more than them. */
export const PASSAGES_PER_TEXT_FILE = 8;

/** Where the search index is published: the report index, the passage files and the vocabulary. */
export const SEARCH_INDEX_PATH = '/search-index/';
/** Where a report's passage files are published, by its number in the report index (report-index.ts). */
export const PASSAGE_FILES_PATH = `${SEARCH_INDEX_PATH}passages/`;
export const passageIndexUrl = (id: string) => `${PASSAGE_FILES_PATH}${id}.json`;
export const passageTextUrl = (id: string, file: number) => `${PASSAGE_FILES_PATH}${id}.${file}.json`;
/** A report's passage postings alone (every stem): what searching it with no signal reads. */
export const reportWordsUrl = (id: string) => `${PASSAGE_FILES_PATH}${id}.words.json`;

/**
 * Reports per group of passage postings. One group for the archives the search must answer at the last keystroke
 * (the 60 documents); at 5,000 reports a group's file of a common stem stays a few kilobytes, and a search fetches
 * those of the groups of the ten reports it ranks by passage.
 */
export const POSTINGS_GROUP_REPORTS = 64;
export const postingsGroup = (report: number) => Math.floor(report / POSTINGS_GROUP_REPORTS);
export const postingsGroups = (reports: number) => Math.ceil(reports / POSTINGS_GROUP_REPORTS);
/**
 * Where a group's passage postings are published; `fileName` names the stem's key in the postings split as a term
 * file's name is made (report-index.ts `termFileName`, `postingsSplit`).
 */
export const POSTINGS_PATH = `${SEARCH_INDEX_PATH}postings/`;
export const postingsUrl = (group: number, fileName: string) => `${POSTINGS_PATH}${group}/${fileName}.json`;
/**
 * A stem held in at most this many passages of the whole archive has its passage postings in one file of its own
 * (`wholePostingsUrl`), not in every group's: at 5,000 reports a search ranks ten reports by passage, which fall in
 * seven to ten groups, and each group's file is a request after the typing pause (about 3 ms of a browser's time on
 * two cores, bench/results/search-5000.md), so one file for the stem saves up to nine. At about six characters a
 * passage (its number and where the word stands), such a file is at most about 48,000 characters, 20–25 KB gzip: no
 * more than the group files of its key it replaces, which carry the key's other stems too (docs/architecture.md,
 * "Search lands on the paragraph, in two levels").
 */
export const WHOLE_POSTINGS_PASSAGES = 8_000;
/** Whether a stem held in `passages` passages of an archive of `reports` reports has its postings whole. */
export const postingsWhole = (passages: number, reports: number) => postingsGroups(reports) > 1 && passages <= WHOLE_POSTINGS_PASSAGES;
/** Where a stem's postings are published whole (`fileName`: the stem named as a term file is), reports from 0. */
export const wholePostingsUrl = (fileName: string) => `${POSTINGS_PATH}whole/${fileName}.json`;
/**
 * Every report's passage index by report number, without the passages' themes (five sixths of their size, read only
 * with a theme chosen, from the report's own passage index): written for an archive of one group only.
 */
export const ALL_PASSAGE_INDEXES_URL = `${SEARCH_INDEX_PATH}reports.json`;

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

/** Anything that is not a letter, a digit or a hyphen separates words. */
const SEPARATORS = /[^\p{L}\p{N}\-‐‑]+/u;
const HYPHENS = /[-‐‑]+/;
/** Where a sentence ends: it leaves a place empty, so "personal advisers. Care leavers" has no "advisers care". */
const SENTENCE_ENDS = /[.!?]/;

/**
 * The one definition of how text splits into words, for `indexWords` and `placedWords`: lower case, split at
 * anything that is not a letter, a digit or a hyphen; `word` gets each run of them, with its parts between hyphens
 * when it has any (else undefined), and `sentenceEnd` each sentence end (a separator too). No object is made for a
 * word without hyphens: this runs over every word of the archive.
 */
function splitWords(text: string, word: (run: string, parts: string[] | undefined) => void, sentenceEnd: () => void = () => {}): void {
  for (const sentence of text.toLowerCase().split(SENTENCE_ENDS)) {
    for (const run of sentence.split(SEPARATORS)) {
      if (!HYPHENS.test(run)) {
        if (run) word(run, undefined);
        continue;
      }
      const parts = run.split(HYPHENS).filter(Boolean);
      if (parts.length > 0) word(run, parts);
    }
    sentenceEnd();
  }
}

/**
 * The words of a text as the index holds them (`splitWords`). A hyphenated word also counts joined up, so
 * "wellbeing" finds "well-being" (and "well" and "being" find it too).
 */
export function indexWords(text: string): string[] {
  const words: string[] = [];
  splitWords(text, (run, parts) => {
    if (!parts) {
      words.push(run);
      return;
    }
    words.push(...parts);
    if (parts.length > 1) words.push(parts.join(''));
  });
  return words;
}

/**
 * Where a word stands in a passage, as one character: its place among the passage's words (common words passed
 * over, `placedWords`), none of the characters the postings use otherwise (base 36, ",", ":" and " "), so a
 * passage's places follow its number with no separator: the first 54 places are a byte each (printable ASCII),
 * the next 512 two (U+0100–U+02FF, letters with no combining or right-to-left behaviour), where a number and its
 * separator took three. Places wrap after 566, which few passages reach; the first design wrapped after 54 and the
 * words of long paragraphs seemed to meet (3 first links lost on the labelled sets).
 */
const PLACE_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ!#$%&'()*+-./;<=>?@[]^_`{|}~" + Array.from({ length: 0x200 }, (_, k) => String.fromCharCode(0x100 + k)).join('');
const placeChar = (place: number) => PLACE_CHARS[place % PLACE_CHARS.length];

/** The place character after `char` (`PLACE_CHARS`): a word standing there stands right after one at `char`. */
export const nextPlace = (char: string) => PLACE_CHARS[(PLACE_CHARS.indexOf(char) + 1) % PLACE_CHARS.length];

/**
 * The words of a text as `indexWords` gives them, each with its place among the text's words (`undefined` for a
 * common word, which `common` names): places count only the other words, so that "children who are exploited" has
 * "children" and "exploited" side by side. A hyphenated word's parts take a place each, and the word joined up
 * ("wellbeing") stands at its first part and its last. Split by `splitWords`, as `indexWords` is.
 */
export function placedWords(text: string, common: ReadonlySet<string>, each: (word: string, place: number | undefined) => void): void {
  let next = 0;
  splitWords(
    text,
    (run, parts) => {
      if (!parts) {
        each(run, common.has(run) ? undefined : next++);
        return;
      }
      const placed = parts.map((part) => (common.has(part) ? undefined : next++));
      parts.forEach((part, k) => each(part, placed[k]));
      if (parts.length > 1) {
        const joined = parts.join('');
        const ends = placed.filter((place) => place !== undefined);
        if (ends.length === 0) each(joined, undefined);
        for (const place of new Set([ends[0], ends[ends.length - 1]])) if (place !== undefined) each(joined, place);
      }
    },
    () => next++,
  );
}

/**
 * The vocabulary of some passages, each word once, in code-unit order (the same in every engine and locale), and
 * for each word the passages that hold it, in ascending order, with where it stands in each (`placesOf`: its place
 * characters, `PLACE_CHARS`; `common` words have none). The words of `everywhere` (the report's authority and year)
 * count as held by every passage: "Shropshire front door" asks for Shropshire's paragraphs on its front door, which
 * seldom name Shropshire themselves; being everywhere, they have no places either (standing next to the query's
 * other words says nothing of a passage then).
 */
export function vocabulary(
  passages: readonly string[],
  everywhere = '',
  common: ReadonlySet<string> = new Set(),
): { words: string[]; passagesOf: number[][]; placesOf: string[][] } {
  const holders = new Map<string, { passages: number[]; places: string[] }>();
  const always = indexWords(everywhere);
  const unstored = new Set(always);
  let passage = 0;
  const hold = (word: string, place: number | undefined) => {
    let held = holders.get(word);
    if (!held) holders.set(word, (held = { passages: [], places: [] }));
    // Passages are visited in order, so a word already seen in this one ends its list.
    if (held.passages[held.passages.length - 1] !== passage) {
      held.passages.push(passage);
      held.places.push('');
    }
    if (place === undefined || unstored.has(word)) return;
    const char = placeChar(place);
    const last = held.places.length - 1;
    if (!held.places[last].includes(char)) held.places[last] += char;
  };
  for (; passage < passages.length; passage++) {
    for (const word of always) hold(word, undefined);
    placedWords(passages[passage], common, hold);
  }
  const sorted = [...holders].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { words: sorted.map(([word]) => word), passagesOf: sorted.map(([, held]) => held.passages), placesOf: sorted.map(([, held]) => held.places) };
}

/** A vocabulary word a search matched, and the passages of its report holding it. */
export interface MatchedWord {
  word: string;
  passages: number[];
  /** For each of `passages`, where the word stands in it (`vocabulary`'s place characters): which query words meet. */
  places: string[];
}

/**
 * Passage postings by stem: each word of the stem, and the reports holding it as one string: per report, the gap
 * from the previous report's number (from `base`, the first number the file can hold), ":", then its passages as the
 * first number and the gaps between them, all base 36, comma-separated, each followed by where the word stands in that
 * passage (one character a place, `PLACE_CHARS`); reports separated by spaces. "3:0AB,2" is report base+3,
 * passage 0 at places 0 and 1, passage 2 where the word stands nowhere (a common word, or the report's authority).
 */
export type PostingsFile = Record<string, Array<[word: string, reports: string]>>;

const base36 = (n: number) => n.toString(36);
const BASE36_DIGIT = /[0-9a-z]/;

/**
 * A report's own postings file (numbered from the report's number: each entry is "0:" and its passages), from its
 * vocabulary (`vocabulary`: words in order, the passages holding each and where it stands in them) and each word's
 * stem.
 */
export function reportPostings(words: readonly string[], passagesOf: readonly (readonly number[])[], placesOf: readonly (readonly string[])[], stems: readonly string[]): PostingsFile {
  const byStem = new Map<string, Array<[string, string]>>();
  words.forEach((word, at) => {
    const list = byStem.get(stems[at]) ?? [];
    byStem.set(stems[at], list);
    const passages = passagesOf[at];
    const places = placesOf[at];
    let encoded = '0:';
    for (let k = 0; k < passages.length; k++) encoded += (k === 0 ? '' : ',') + base36(k === 0 ? passages[k] : passages[k] - passages[k - 1]) + places[k];
    list.push([word, encoded]);
  });
  const file: PostingsFile = {};
  for (const [key, list] of [...byStem].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) file[key] = list;
  return file;
}

/**
 * Passage postings put together from each report's own (`reportPostings`), added in increasing report number from
 * `base` (the first number the files can hold), keeping only the stems `keep` accepts; then in files by `keyOf` each
 * stem. A report's entries are taken as written, with the gap from the report before; only those strings are held,
 * not the reports' files, so a builder can gather a few stems' postings over the whole archive while the groups'
 * files are written one group at a time (write-index.ts).
 */
export class PostingsBuilder {
  /** By stem, by word: its entries so far, and the report of the last. */
  private readonly byStem = new Map<string, Map<string, { entries: string[]; last: number }>>();
  private readonly base: number;
  private readonly keep: (stem: string) => boolean;

  constructor(base: number, keep: (stem: string) => boolean = () => true) {
    this.base = base;
    this.keep = keep;
  }

  add(report: number, own: PostingsFile): void {
    for (const stem in own) {
      if (!this.keep(stem)) continue;
      let byWord = this.byStem.get(stem);
      if (!byWord) this.byStem.set(stem, (byWord = new Map()));
      for (const [word, encoded] of own[stem]) {
        const held = byWord.get(word);
        const entry = `${base36(report - (held ? held.last : this.base - 1) - 1)}${encoded.slice(encoded.indexOf(':'))}`;
        if (held) {
          held.entries.push(entry);
          held.last = report;
        } else byWord.set(word, { entries: [entry], last: report });
      }
    }
  }

  files(keyOf: (stem: string) => string): Map<string, PostingsFile> {
    const files = new Map<string, PostingsFile>();
    for (const [stem, byWord] of [...this.byStem].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const file = files.get(keyOf(stem)) ?? {};
      files.set(keyOf(stem), file);
      file[stem] = [...byWord].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([word, { entries }]) => [word, entries.join(' ')]);
    }
    return files;
  }
}

/**
 * The words of stem `wanted` in a postings file numbered from `base`, one report at a time: what a query word matched
 * in it. The file's entries are found by report once, and a report's passages read only when it is asked for: a
 * stem's whole file (`wholePostingsUrl`) covers thousands of reports, of which a search reads ten (reading them all
 * took 30 ms of the first result at 5,000 reports).
 */
export class StemPostings {
  /** By report: each word's entry, as the word, its string, and where the entry's passages start and end in it. */
  private readonly entries = new Map<number, Array<[word: string, encoded: string, from: number, to: number]>>();
  private readonly read = new Map<number, MatchedWord[]>();

  constructor(file: PostingsFile, wanted: string, base: number) {
    for (const [word, encoded] of Object.hasOwn(file, wanted) ? file[wanted] : []) {
      let report = base - 1;
      for (let from = 0; from < encoded.length; ) {
        const colon = encoded.indexOf(':', from);
        const space = encoded.indexOf(' ', colon);
        const to = space < 0 ? encoded.length : space;
        report += parseInt(encoded.slice(from, colon), 36) + 1;
        const list = this.entries.get(report);
        if (list) list.push([word, encoded, colon + 1, to]);
        else this.entries.set(report, [[word, encoded, colon + 1, to]]);
        from = to + 1;
      }
    }
  }

  /** The reports the file has words of the stem in, by number. */
  reports(): number[] {
    return [...this.entries.keys()];
  }

  /** The words of the stem in one report, with the passages holding each (none when it holds none). */
  of(report: number): MatchedWord[] {
    let words = this.read.get(report);
    if (!words) this.read.set(report, (words = (this.entries.get(report) ?? []).map(([word, encoded, from, to]) => ({ word, ...passagesIn(encoded.slice(from, to)) }))));
    return words;
  }
}

/** A word's passages in one report, from its entry: each passage's gap in base 36, then its place characters. */
function passagesIn(entry: string): { passages: number[]; places: string[] } {
  const passages: number[] = [];
  const places: string[] = [];
  for (const step of entry.split(',')) {
    let end = 0;
    while (end < step.length && BASE36_DIGIT.test(step[end])) end++;
    passages.push(parseInt(step.slice(0, end), 36) + (passages.length === 0 ? 0 : passages[passages.length - 1]));
    places.push(step.slice(end));
  }
  return { passages, places };
}

/** The words of stem `wanted` in a postings file numbered from `base`, by report: what a query word matched in each. */
export function stemPostings(file: PostingsFile, wanted: string, base: number): Map<number, MatchedWord[]> {
  const postings = new StemPostings(file, wanted, base);
  return new Map(postings.reports().map((report) => [report, postings.of(report)]));
}
