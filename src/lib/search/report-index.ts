/**
 * The first level of the search index: which reports hold each stem, and in how many of their passages.
 *
 * Reports are numbered newest first (their number names their passage files, and sorting by date is sorting by
 * number). For each stem, its postings list the reports holding it, as the gaps between their numbers and the number
 * of passages holding the stem (`encodePostings`). The postings are published in term files by the stem's first
 * letters: two at first, and one more wherever a file would pass `TERM_FILE_CHARS` (the prefixes so split are listed
 * in the index's metadata). A word being typed names its file as soon as its letters pass the split prefixes
 * (`typedTermFile`), and that is the file of the finished word, whose stem begins with the same letters: the search
 * page loads it while the reader is still typing, and loads nothing the finished query does not need.
 *
 * A report's score for a stem is BM25's with no length normalisation (`termScore`): a long inspection and a short
 * letter are scored by how many of their passages use the word, not by their size.
 *
 * Pure and free of heavy imports: the browser uses this module as well as the build.
 */
import type { FacetKey } from './facets.ts';
import { stem } from './stem.ts';
import { postingsGroup, POSTINGS_GROUP_REPORTS, postingsUrl, SEARCH_INDEX_PATH, wholePostingsUrl } from './passage-index.ts';

export const INDEX_META_URL = `${SEARCH_INDEX_PATH}meta.json`;
export const FACETS_URL = `${SEARCH_INDEX_PATH}facets.json`;
export const TERMS_PATH = `${SEARCH_INDEX_PATH}terms/`;

/** A term file past this many characters (before gzip) is split by one more letter. */
export const TERM_FILE_CHARS = 12_000;
const FIRST_PREFIX = 2;

/** What every search reads first. */
export interface IndexMeta {
  /** Reports in the archive. */
  reports: number;
  /** Prefixes whose term files are split by one more letter. */
  split: string[];
  /** Prefixes whose passage postings files are split by one more letter (`postingsSplit`): some of `split`. */
  postingsSplit: string[];
}

/** A term file: postings by stem. */
export type TermFile = Record<string, string>;

/** Every facet's values, and each report's values as positions in them. */
export interface FacetIndex {
  values: Record<FacetKey, string[]>;
  /** Per facet, per report (by number): the positions of its values. */
  reports: Record<FacetKey, number[][]>;
}

/** The term file a stem is in, given the split prefixes. */
export function termFileKey(stem: string, split: ReadonlySet<string>): string {
  let length = Math.min(FIRST_PREFIX, stem.length);
  while (length < stem.length && split.has(stem.slice(0, length))) length++;
  return stem.slice(0, length);
}

/**
 * Letters a word must have beyond a longer file key before that key is taken as its stem's: stemming takes endings
 * off ("caring" is "care"), and a key longer than two letters could reach into them.
 */
const PAST_LONGER_KEY = 3;

/**
 * The term file of a word still being typed, once its letters decide it (the file every word beginning with them is
 * in, and its stem too); undefined while a longer word could be in another file, or while the word as typed is in
 * another: "adoptions" begins the "adopti" file's words, but its stem "adopt" is in the "adopt" file (at 5,000 reports
 * 1.4% of the prefixes of the archive's words so decided named a file their finished word is not in; 0.5% since).
 */
export function typedTermFile(typed: string, split: ReadonlySet<string>): string | undefined {
  if (typed.length < FIRST_PREFIX) return undefined;
  const key = termFileKey(typed, split);
  if (split.has(key) || (key.length > FIRST_PREFIX && typed.length < key.length + PAST_LONGER_KEY)) return undefined;
  return termFileKey(stem(typed), split) === key ? key : undefined;
}

/**
 * Whether a word being typed can only be finished as it stands, as far as the archive's words go: its stem is in its
 * term file `file` and no other stem there begins with it ("interviews", where "interview" could still become
 * "interviewer"). A reader who goes on typing it makes a word the archive does not have.
 */
export function typedWordDone(typed: string, file: TermFile, typedStem: string): boolean {
  return Object.hasOwn(file, typedStem) && !Object.keys(file).some((other) => other !== typedStem && other.startsWith(typed));
}

/**
 * A term file's name, and a passage postings file's by its key in the postings split (passage-index.ts): letters
 * a–z and digits as they are, anything else as "_" and its code point in hex.
 */
export const termFileName = (key: string) => key.replace(/[^a-z0-9]/g, (c) => `_${(c.codePointAt(0) ?? 0).toString(16)}_`);
export const termFileUrl = (key: string) => `${TERMS_PATH}${termFileName(key)}.json`;

/**
 * The file holding report `report`'s passage postings of `stem`, and the number that file counts its reports from:
 * the stem's own file when its postings are published whole (`whole`, passage-index.ts `postingsWhole`), otherwise
 * the report's group's file of the stem's key in the postings split.
 */
export function stemPostingsFile(stem: string, report: number, whole: boolean, postingsSplit: ReadonlySet<string>): { url: string; base: number } {
  if (whole) return { url: wholePostingsUrl(termFileName(stem)), base: 0 };
  const group = postingsGroup(report);
  return { url: postingsUrl(group, termFileName(termFileKey(stem, postingsSplit))), base: group * POSTINGS_GROUP_REPORTS };
}

/** One report holding a stem: its number, and how many of its passages hold the stem. */
export interface Posting {
  report: number;
  passages: number;
  /**
   * When the stem is a word of the report's authority's name (records.ts `authorityStems`): how many stems that name
   * has, so that a search can tell a query naming the authority ("South Gloucestershire") from one holding a word of
   * its name ("south").
   */
  name?: number;
}

/**
 * "gap[,passages[,name]]" per report, base 36, separated by spaces; the passage count is left out when it is 1 and
 * the stem is not of the report's authority's name.
 */
export function encodePostings(postings: readonly Posting[]): string {
  let previous = -1;
  return postings
    .map(({ report, passages, name }) => {
      const gap = (report - previous - 1).toString(36);
      previous = report;
      if (name !== undefined) return `${gap},${passages.toString(36)},${name.toString(36)}`;
      return passages === 1 ? gap : `${gap},${passages.toString(36)}`;
    })
    .join(' ');
}

export function decodePostings(encoded: string): Posting[] {
  let report = -1;
  return encoded.split(' ').map((entry) => {
    const [gap = '', passages, name] = entry.split(',');
    report += parseInt(gap, 36) + 1;
    const posting: Posting = { report, passages: passages ? parseInt(passages, 36) : 1 };
    if (name) posting.name = parseInt(name, 36);
    return posting;
  });
}

/** BM25's saturation: a report's tenth passage on a subject adds less than its second. */
const K1 = 1.2;

/** A report's score for a stem held by `passages` of its passages and by `holders` of the archive's `reports`. */
export function termScore(passages: number, holders: number, reports: number): number {
  const idf = Math.log(1 + (reports - holders + 0.5) / (holders + 0.5));
  return (idf * passages * (K1 + 1)) / (passages + K1);
}

/**
 * Term files from every stem's postings: by the first two letters, a file too large split by one more letter
 * (stems no longer than the prefix stay in its file).
 */
export function termFiles(postings: ReadonlyMap<string, string>): { files: Map<string, TermFile>; split: string[] } {
  const split: string[] = [];
  const files = new Map<string, TermFile>();
  const place = (stems: string[], length: number) => {
    const groups = new Map<string, string[]>();
    for (const stem of stems) {
      const key = stem.slice(0, length);
      const group = groups.get(key) ?? [];
      group.push(stem);
      groups.set(key, group);
    }
    const postingsOf = (stem: string) => postings.get(stem) ?? '';
    for (const [key, members] of groups) {
      const size = members.reduce((n, stem) => n + stem.length + postingsOf(stem).length + 6, 0);
      const longer = members.filter((stem) => stem.length > length);
      if (size > TERM_FILE_CHARS && longer.length > 0) {
        split.push(key);
        place(longer, length + 1);
        const here = members.filter((stem) => stem.length <= length);
        if (here.length > 0) files.set(key, Object.fromEntries(here.map((stem) => [stem, postingsOf(stem)])));
      } else {
        files.set(key, Object.fromEntries(members.sort().map((stem) => [stem, postingsOf(stem)])));
      }
    }
  };
  place([...postings.keys()].sort(), FIRST_PREFIX);
  return { files, split: split.sort() };
}

/**
 * Characters (before gzip) a group's passage postings file of a split prefix must average, over the archive's groups,
 * for it to be split by one more letter as its term file is: at 5,000 reports (79 groups of 64) the term files' split
 * made 192,600 postings files, most of them a hundred bytes or so, and writing them (then hashing them for the
 * offline manifest) cost more than indexing. A search fetches a group's postings file for each of its words: at
 * 5,000 reports 8,000 makes 55,100 files and a first search of 41–118 KB (4,000: 81,700 files, 42–102 KB; main's
 * 40–98 KB).
 */
export const POSTINGS_FILE_CHARS = 8_000;

/**
 * The split of the passage postings files: the term files' split prefixes whose stems' postings (`chars`: by stem, the
 * characters of its postings over all `groups`) average more than `POSTINGS_FILE_CHARS` a group, each with its
 * shorter prefix kept too. A subset of the term split closed under prefixes, so a postings file is named as a term
 * file is (`termFileKey` with this split), and a word being typed names it as soon as its letters decide it
 * (`typedTermFile`), at the latest when they decide its term file.
 */
export function postingsSplit(termSplit: readonly string[], chars: ReadonlyMap<string, number>, groups: number): string[] {
  const under = new Map(termSplit.map((prefix) => [prefix, 0]));
  for (const [stem, count] of chars) {
    // The term split is closed under prefixes: past the first prefix not in it, none is.
    for (let length = FIRST_PREFIX; length <= stem.length; length++) {
      const prefix = stem.slice(0, length);
      const sum = under.get(prefix);
      if (sum === undefined) break;
      under.set(prefix, sum + count);
    }
  }
  const kept = new Set<string>();
  for (const prefix of [...termSplit].sort((a, b) => a.length - b.length)) {
    const parentKept = prefix.length === FIRST_PREFIX || kept.has(prefix.slice(0, -1));
    if (parentKept && (under.get(prefix) ?? 0) / groups > POSTINGS_FILE_CHARS) kept.add(prefix);
  }
  return [...kept].sort();
}
