import { test, expect } from '@playwright/test';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every internal link in the built site resolves: each `href`, `src` and form `action` of every page, and every
 * absolute URL on the site's own origin in any published text file (canonical links, JSON-LD, feeds, sitemaps,
 * data exports), reaches a file in dist/, and each `#fragment` names an element on the page it points to.
 * Reads dist/ only; the viewport does not matter, so it runs once, in the desktop project.
 */
test.skip(({ isMobile }) => isMobile, 'reads dist/ only: once is enough');

const DIST = 'dist';
const TEXT_FILES = /\.(?:html|xml|json|csv|txt)$/;
/** Built files that are not published documents: hashed assets and the search index refer only to themselves. */
const SKIPPED = /^(?:_astro|search-index)\//;

/** The site's origin, as the build wrote it into the sitemap. */
function siteOrigin(): string {
  const loc = /<loc>([^<]+)<\/loc>/.exec(readFileSync(join(DIST, 'sitemap-index.xml'), 'utf8'))?.[1];
  return new URL(loc!).origin;
}

/** The file a URL path is served from (the page of a directory URL), or null. */
function fileFor(path: string): string | null {
  const file = join(DIST, decodeURIComponent(path));
  if (path.endsWith('/')) return existsSync(join(file, 'index.html')) ? join(file, 'index.html') : null;
  return existsSync(file) && statSync(file).isFile() ? file : null;
}

const idsOf = new Map<string, Set<string>>();
function ids(file: string): Set<string> {
  if (!idsOf.has(file)) idsOf.set(file, new Set([...readFileSync(file, 'utf8').matchAll(/\s(?:id|name)="([^"]+)"/g)].map((m) => m[1]!)));
  return idsOf.get(file)!;
}

/** Why a link is broken, or null if it resolves. */
function problemWith(url: URL): string | null {
  if (url.pathname !== '/' && !url.pathname.endsWith('/') && existsSync(join(DIST, decodeURIComponent(url.pathname), 'index.html'))) {
    return `links to a folder without its trailing slash (use ${url.pathname}/)`;
  }
  const file = fileFor(url.pathname);
  if (!file) return 'no such page or file';
  const fragment = decodeURIComponent(url.hash.slice(1));
  if (fragment && file.endsWith('.html') && !ids(file).has(fragment)) return `the page has no element with id "${fragment}"`;
  return null;
}

const unescapeHtml = (text: string) =>
  text.replace(/&(amp|quot|#39|lt|gt);/g, (_, entity: string) => ({ amp: '&', quot: '"', '#39': "'", lt: '<', gt: '>' })[entity]!);

test('every internal link and #fragment in dist/ resolves', () => {
  const origin = siteOrigin();
  const originPattern = new RegExp(`${origin.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(?:/[^\\s"'<>\\\\),&]*)?`, 'g');
  const files = readdirSync(DIST, { recursive: true, encoding: 'utf8' }).filter((name) => TEXT_FILES.test(name) && !SKIPPED.test(name));
  expect(files.length).toBeGreaterThan(50);
  const broken: string[] = [];
  let checked = 0;
  for (const name of files) {
    const text = readFileSync(join(DIST, name), 'utf8');
    const base = new URL(`/${name.replace(/(^|\/)index\.html$/, '$1')}`, origin);
    // A URL in running text may end a sentence: its final full stop is not part of it. URL templates
    // ("/reports/{slug}/", in the data documentation) describe links rather than make them.
    const links = [...text.matchAll(originPattern)].map((m) => m[0].replace(/\.$/, '')).filter((link) => !link.includes('{'));
    if (name.endsWith('.html')) {
      links.push(...[...text.matchAll(/\s(?:href|src|action)="([^"]*)"/g)].map((m) => unescapeHtml(m[1]!)));
    }
    for (const link of links) {
      const url = new URL(link, base);
      if (url.origin !== origin) continue;
      checked++;
      const problem = problemWith(url);
      if (problem) broken.push(`/${name}: ${link} — ${problem}`);
    }
  }
  expect(checked).toBeGreaterThan(1000);
  expect([...new Set(broken)]).toEqual([]);
});
