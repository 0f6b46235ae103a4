/**
 * The archive's public address: the one place every absolute URL starts from (canonical links, og:url, citations,
 * feeds, JSON-LD, the CSV/JSON exports, the sitemap and robots.txt all take it from Astro's `site`, which
 * astro.config.mjs sets from here).
 *
 * Set ARCHIVE_SITE_URL to the address that serves the archive (`https://archive.example.gov.uk`). Unset, a build
 * takes the address `npm start` serves it at, so every link it prints works on the machine that built it, and every
 * page says it is a preview (`isPreviewSite`). A citation pasted into a motion must never name a domain that does
 * not serve the archive, so the reserved example domains are refused outright.
 */

/** What `npm start` (scripts/serve.ts) serves the built site at. */
export const PREVIEW_ADDRESS = 'http://127.0.0.1:4321/';

export const SITE_ADDRESS_VARIABLE = 'ARCHIVE_SITE_URL';

/** RFC 2606/6761 names that can never serve anything: a build naming one would publish dead links. */
const RESERVED_HOST = /(?:^|\.)(?:example\.(?:com|org|net)|example|test|invalid)$/i;
const LOOPBACK_HOST = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/** The site's address from the environment: ARCHIVE_SITE_URL, or the preview address when it is unset or empty. */
export function siteAddress(env: Record<string, string | undefined>): URL {
  const value = env[SITE_ADDRESS_VARIABLE]?.trim();
  if (!value) return new URL(PREVIEW_ADDRESS);
  const problem = (why: string) =>
    new Error(`${SITE_ADDRESS_VARIABLE}="${value}" ${why}. Set it to the address that serves the archive, such as https://archive.example.gov.uk, or unset it for a local preview.`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw problem('is not a URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw problem(`uses ${url.protocol}, not http: or https:`);
  if (url.pathname !== '/' || url.search || url.hash || url.username || url.password) {
    throw problem('is more than an address: the archive is served from the root of its domain, so give the origin only');
  }
  if (RESERVED_HOST.test(url.hostname)) throw problem(`names ${url.hostname}, a reserved example domain that serves nothing`);
  return url;
}

/** A site on this machine only: its links work nowhere else, and its pages say so. */
export function isPreviewSite(site: URL | undefined): boolean {
  return !site || LOOPBACK_HOST.test(site.hostname);
}

/** Astro's `site` where a page or endpoint builds absolute URLs: always set by astro.config.mjs from `siteAddress`. */
export function builtSite(site: URL | undefined): URL {
  if (!site) throw new Error('Astro has no `site`: astro.config.mjs must set it from siteAddress(process.env) (src/lib/site/address.ts).');
  return site;
}
