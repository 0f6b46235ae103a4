/**
 * What the build gives the service worker, as pure functions of the built files' names and contents:
 * which files it precaches, and for each report which passage files search needs offline.
 * src/integrations/offline.ts does the reading and writing.
 */
import { PASSAGE_FILES_PATH } from '../search/passage-index.ts';
import type { SearchFiles } from './policy.ts';

/** Pagefind's entry file: which languages the index has, and the names of their metadata and wasm files. */
export interface PagefindEntry {
  languages: Record<string, { hash: string; wasm: string | null }>;
}

/**
 * The shell, precached when the worker installs (globs in the built site): the built CSS and scripts, the icon,
 * the offline and search pages, and Pagefind's runtime and index for the languages it holds. Not the fragments
 * (the search page never reads them), nor the passage files (stored per report, with the report).
 */
export function precachePatterns(entry: PagefindEntry): string[] {
  const languages = Object.values(entry.languages);
  return [
    '_astro/*.{css,js}',
    'favicon.svg',
    'offline/index.html',
    'search/index.html',
    'pagefind/pagefind.js',
    'pagefind/pagefind-entry.json',
    ...languages.map((language) => `pagefind/pagefind.${language.hash}.pf_meta`),
    ...languages.flatMap((language) => (language.wasm ? [`pagefind/wasm.${language.wasm}.pagefind`] : [])),
    'pagefind/index/*.pf_index',
    'pagefind/filter/*.pf_filter',
  ];
}

/**
 * For each report, every passage file search reads from it, by the report page's path. `fileNames` are the names
 * in the passages folder (`<id>.json`, `<id>.<n>.json`, `<id>.w<n>.json`); `pageOf(id)` reads the report's URL from
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
