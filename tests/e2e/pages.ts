import { readFileSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every page URL of the built site, from its sitemap — the list search engines and readers are promised.
 * Read at test-collection time, so each page becomes its own named test.
 */
export function sitemapPaths(): string[] {
  const index = 'dist/sitemap-index.xml';
  if (!existsSync(index)) throw new Error('dist/sitemap-index.xml is missing: run `npm run build` before the browser tests');
  const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
  return locs(readFileSync(index, 'utf8')).flatMap((sitemap) => locs(readFileSync(`dist${sitemap}`, 'utf8')));
}

/**
 * What kind of page a path is: its path with every name of a report, authority or theme as `{}`, so
 * "/reports/x/recommendations/3/" is "/reports/{}/recommendations/{}/". Checks whose outcome depends on a page's layout
 * rather than its text run on one page of each kind.
 */
export function pageKind(path: string): string {
  const [first, ...rest] = path.split('/').filter(Boolean);
  if (!first) return '/';
  return `/${[first, ...rest.map((segment) => (/^(compare|recommendations|data)$/.test(segment) ? segment : '{}'))].join('/')}/`;
}

/** The first and the largest page (by its built HTML) of each kind, in sitemap order. */
export function pagesOfEachKind(paths: readonly string[]): string[] {
  const size = (path: string) => statSync(join('dist', path, 'index.html'), { throwIfNoEntry: false })?.size ?? 0;
  const first = new Map<string, string>();
  const largest = new Map<string, string>();
  for (const path of paths) {
    const kind = pageKind(path);
    if (!first.has(kind)) first.set(kind, path);
    if (size(path) > size(largest.get(kind) ?? path) || !largest.has(kind)) largest.set(kind, path);
  }
  const chosen = new Set([...first.values(), ...largest.values()]);
  return paths.filter((path) => chosen.has(path));
}

/** Items in runs of at most `size`, in order: one test per run keeps one browser page busy, not one per item. */
export function batches<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, k) => items.slice(k * size, (k + 1) * size));
}
