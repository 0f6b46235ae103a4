import { readFileSync, existsSync } from 'node:fs';

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
