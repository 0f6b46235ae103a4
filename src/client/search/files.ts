/**
 * The search index's files, each fetched once, the first time a search needs it, and kept for the page's life: the
 * next search, or "show more", often needs the same ones. The index metadata when the reader shows an intent to
 * search; a term file when a word needs it (or as soon as a word being typed names it, report-index.ts); the facets
 * only when facets are wanted.
 */
import { decodePostings, FACETS_URL, INDEX_META_URL, termFileKey, termFileUrl, typedTermFile, type FacetIndex, type IndexMeta, type Posting, type TermFile } from '../../lib/search/report-index.ts';

const fetched = new Map<string, Promise<unknown>>();
/** `missing`: what a file the server does not have stands for (a term file no word of the archive falls in). */
export function fetchJson<T>(url: string, { missing }: { missing?: T } = {}): Promise<T> {
  let loading = fetched.get(url);
  if (!loading) {
    loading = fetch(url).then((response) => {
      if (response.status === 404 && missing !== undefined) return missing;
      if (!response.ok) throw new Error(`${url}: ${response.status}`);
      return response.json();
    });
    loading.catch(() => fetched.delete(url));
    fetched.set(url, loading);
  }
  return loading as Promise<T>;
}

/** The index metadata, with its split prefixes as a set. */
export interface LoadedMeta {
  reports: number;
  split: ReadonlySet<string>;
}

let metaLoading: Promise<LoadedMeta> | undefined;
let metaLoaded: LoadedMeta | undefined;
export function loadMeta(): Promise<LoadedMeta> {
  metaLoading ??= fetchJson<IndexMeta>(INDEX_META_URL).then((meta) => (metaLoaded = { reports: meta.reports, split: new Set(meta.split) }));
  metaLoading.catch(() => (metaLoading = undefined));
  return metaLoading;
}

/** Term files loaded so far, by key: what the typing pause can ask of without waiting. */
const termFilesLoaded = new Map<string, TermFile>();
async function termFile(key: string): Promise<TermFile> {
  const file = await fetchJson<TermFile>(termFileUrl(key), { missing: {} });
  termFilesLoaded.set(key, file);
  return file;
}

/** The reports holding a stem (none when the archive has no word of that stem). */
export async function postings(stem: string): Promise<Posting[]> {
  const file = await termFile(termFileKey(stem, (await loadMeta()).split));
  const encoded = Object.hasOwn(file, stem) ? file[stem] : undefined;
  return encoded === undefined ? [] : decodePostings(encoded);
}

/** Loads the term file of a word being typed, once its letters decide which file that is. */
export async function preloadTyped(typed: string): Promise<void> {
  const key = typedTermFile(typed, (await loadMeta()).split);
  if (key !== undefined) await termFile(key).catch(() => {});
}

/** Whether the archive has a word of this stem, as far as the files loaded so far tell: undefined until they do. */
export function knownStem(stem: string): boolean | undefined {
  const file = metaLoaded && termFilesLoaded.get(termFileKey(stem, metaLoaded.split));
  return file && Object.hasOwn(file, stem);
}

/** Every facet value of the archive and each report's: fetched only when facets are wanted. */
export const loadFacetIndex = () => fetchJson<FacetIndex>(FACETS_URL);
