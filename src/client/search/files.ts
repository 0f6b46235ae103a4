/**
 * The search index's files, each fetched once, the first time a search needs it, and kept for the page's life: the
 * next search, or "show more", often needs the same ones. The index metadata when the reader shows an intent to
 * search (and, in an archive of one postings group, every report's passage index); a term file and its passage
 * postings when a word needs them (or as soon as a word being typed names them, report-index.ts); the facets only
 * when facets are wanted.
 *
 * Every reader of the index takes a `Get`: `fetchJson`, which fetches what is not loaded yet, or `loadedJson`, which
 * answers only from files already loaded: the search run at each keystroke (main.ts) fetches nothing.
 */
import { ALL_PASSAGE_INDEXES_URL, postingsGroups, postingsUrl, postingsWhole, StemPostings, type MatchedWord, type PassageIndex, type PostingsFile } from '../../lib/search/passage-index.ts';
import { stem } from '../../lib/search/stem.ts';
import { decodePostings, FACETS_URL, INDEX_META_URL, stemPostingsFile, termFileKey, termFileName, termFileUrl, typedTermFile, typedWordDone, type FacetIndex, type IndexMeta, type Posting, type TermFile } from '../../lib/search/report-index.ts';

/** Reads one file of the index; `missing`: what a file the server does not have stands for. */
export type Get = <T>(url: string, options?: { missing?: T }) => Promise<T>;

/** A file `loadedJson` was asked for that is not loaded yet. */
export class NotLoaded extends Error {}

const fetched = new Map<string, Promise<unknown>>();
const loaded = new Map<string, unknown>();

/** `missing`: what a file the server does not have stands for (a term file no word of the archive falls in). */
export const fetchJson: Get = <T>(url: string, { missing }: { missing?: T } = {}): Promise<T> => {
  let loading = fetched.get(url);
  if (!loading) {
    loading = fetch(url).then(async (response) => {
      const value = response.status === 404 && missing !== undefined ? missing : response.ok ? await response.json() : undefined;
      if (value === undefined) throw new Error(`${url}: ${response.status}`);
      loaded.set(url, value);
      return value;
    });
    loading.catch(() => fetched.delete(url));
    fetched.set(url, loading);
  }
  return loading as Promise<T>;
};

/** A file already loaded, or `NotLoaded`: never a request. */
export const loadedJson: Get = <T>(url: string): Promise<T> => (loaded.has(url) ? Promise.resolve(loaded.get(url) as T) : Promise.reject(new NotLoaded(url)));

/** The index metadata, with its split prefixes as a set. */
export interface LoadedMeta {
  reports: number;
  split: ReadonlySet<string>;
  /** The split of the passage postings files (report-index.ts `postingsSplit`). */
  postingsSplit: ReadonlySet<string>;
  /** Whether every report's passage postings are in one group: then they and every passage index load while typing. */
  oneGroup: boolean;
}

let metaLoaded: LoadedMeta | undefined;
export async function loadMeta(get: Get = fetchJson): Promise<LoadedMeta> {
  if (metaLoaded) return metaLoaded;
  const meta = await get<IndexMeta>(INDEX_META_URL);
  return (metaLoaded ??= { reports: meta.reports, split: new Set(meta.split), postingsSplit: new Set(meta.postingsSplit), oneGroup: postingsGroups(meta.reports) === 1 });
}

/**
 * Term postings decoded so far, by stem: a common word's cover most of 5,000 reports, and every keystroke's search
 * and the search after the pause read them again.
 */
const decodedTerms = new Map<string, Posting[]>();

/** The reports holding a stem (none when the archive has no word of that stem). */
export async function postings(stem: string, get: Get = fetchJson): Promise<Posting[]> {
  const cached = decodedTerms.get(stem);
  if (cached) return cached;
  const file = await get<TermFile>(termFileUrl(termFileKey(stem, (await loadMeta(get)).split)), { missing: {} });
  const encoded = Object.hasOwn(file, stem) ? file[stem] : undefined;
  const decoded = encoded === undefined ? [] : decodePostings(encoded);
  decodedTerms.set(stem, decoded);
  return decoded;
}

/** Passage postings read so far, by file and stem. */
const decoded = new Map<string, StemPostings>();

/** By stem: whether its passage postings are published whole (passage-index.ts `postingsWhole`). */
const wholeStems = new Map<string, boolean>();

/**
 * The words of a stem in one report (by number), with the passages holding each, from the stem's own postings file
 * when it has one, otherwise from the report's group's.
 */
export async function reportStemWords(report: number, stem: string, get: Get = fetchJson): Promise<MatchedWord[]> {
  const meta = await loadMeta(get);
  let whole = wholeStems.get(stem);
  if (whole === undefined) {
    const passages = (await postings(stem, get)).reduce((sum, posting) => sum + posting.passages, 0);
    wholeStems.set(stem, (whole = postingsWhole(passages, meta.reports)));
  }
  const { url, base } = stemPostingsFile(stem, report, whole, meta.postingsSplit);
  const file = await get<PostingsFile>(url, { missing: {} });
  let read = decoded.get(`${url} ${stem}`);
  if (!read) decoded.set(`${url} ${stem}`, (read = new StemPostings(file, stem, base)));
  return read.of(report);
}

/** A report's passage index (its links): from the file of them all, without themes, in an archive of one group. */
export async function passageIndexOf(report: number, url: string, get: Get = fetchJson): Promise<PassageIndex> {
  if (!(await loadMeta(get)).oneGroup) return get<PassageIndex>(url);
  const all = await get<PassageIndex[]>(ALL_PASSAGE_INDEXES_URL);
  return all[report];
}

/**
 * Loads what the finished word needs of a word still being typed, once its letters decide it: its term file and, in
 * an archive of one group, its passage postings. A finished word (`typing` false) loads them at once.
 */
export async function preloadWord(word: string, typing: boolean): Promise<void> {
  const { split, postingsSplit, oneGroup } = await loadMeta();
  // The postings split is part of the term split: a word's postings file is decided when its term file is, or sooner.
  const fileOf = (keys: ReadonlySet<string>) => (typing ? typedTermFile(word, keys) : termFileKey(stem(word), keys));
  const key = fileOf(split);
  const postingsKey = oneGroup ? fileOf(postingsSplit) : undefined;
  await Promise.all([
    key === undefined ? undefined : fetchJson(termFileUrl(key), { missing: {} }),
    postingsKey === undefined ? undefined : fetchJson(postingsUrl(0, termFileName(postingsKey)), { missing: {} }),
  ]);
}

/** On the reader's first sign of searching: the metadata and, in an archive of one group, every passage index. */
export async function preloadIndex(): Promise<void> {
  if ((await loadMeta()).oneGroup) await fetchJson(ALL_PASSAGE_INDEXES_URL);
}

/** Whether the archive has a word of this stem, as far as the files loaded so far tell: undefined until they do. */
export function knownStem(stem: string): boolean | undefined {
  const file = loadedTermFile(stem);
  return file && Object.hasOwn(file, stem);
}

/** The term file a stem falls in, if the metadata and that file are loaded. */
function loadedTermFile(stem: string): TermFile | undefined {
  return metaLoaded && (loaded.get(termFileUrl(termFileKey(stem, metaLoaded.split))) as TermFile | undefined);
}

/** Whether a word being typed can only be finished as it stands (`typedWordDone`): false until its term file is loaded. */
export function typedWordIsDone(typed: string): boolean {
  const file = loadedTermFile(stem(typed));
  // A longer word could be in a longer file's key.
  return metaLoaded !== undefined && file !== undefined && termFileKey(typed, metaLoaded.split) === termFileKey(stem(typed), metaLoaded.split) && typedWordDone(typed, file, stem(typed));
}

/** Every facet value of the archive and each report's: fetched only when facets are wanted. */
export const loadFacetIndex = (get: Get = fetchJson) => get<FacetIndex>(FACETS_URL);
