/**
 * What the build gives the service worker, as pure functions of the built files' names and contents:
 * which files it precaches, and for each report which passage files search needs offline.
 * src/integrations/offline.ts does the reading and writing.
 */
import { PASSAGE_FILES_PATH } from '../search/passage-index.ts';
import { FACETS_URL, INDEX_META_URL, TERMS_PATH } from '../search/report-index.ts';
import type { SearchFiles } from './policy.ts';

/**
 * The shell, precached when the worker installs (globs in the built site): the built CSS and scripts, the icon,
 * the offline and search pages, and the report index of the search (its metadata, term files and facets). Not the
 * passage files (stored per report, with the report), nor the archive's passage postings and passage indexes (a
 * stored report has its own), nor the vocabulary ("did you mean" needs a signal).
 */
export const PRECACHE_PATTERNS: readonly string[] = [
  '_astro/*.{css,js}',
  'favicon.svg',
  'offline/index.html',
  'search/index.html',
  INDEX_META_URL.slice(1),
  `${TERMS_PATH.slice(1)}*.json`,
  FACETS_URL.slice(1),
];

/**
 * For each report, every passage file search reads from it, by the report page's path. `fileNames` are the names
 * in the passages folder (`<id>.json`, `<id>.<n>.json`, `<id>.words.json`); `pageOf(id)` reads the report's URL from
 * its passage index.
 */
export function searchFileLists(fileNames: readonly string[], pageOf: (id: string) => string): SearchFiles[] {
  const byId = new Map<string, string[]>();
  for (const name of [...fileNames].sort()) {
    const id = name.slice(0, name.indexOf('.'));
    const files = byId.get(id) ?? [];
    files.push(`${PASSAGE_FILES_PATH}${name}`);
    byId.set(id, files);
  }
  return [...byId].map(([id, files]) => {
    if (!files.includes(`${PASSAGE_FILES_PATH}${id}.json`)) throw new Error(`Search files of ${id}: no passage index ${id}.json among ${files.join(', ')}`);
    return { page: pageOf(id), files };
  });
}
