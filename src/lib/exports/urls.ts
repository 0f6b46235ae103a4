/**
 * The URLs of the data the archive publishes: exports, per-report records and sources, feeds. Like the page URLs in
 * src/lib/site/urls.ts they are permanent, so they are built only here.
 */
export const DATASETS = ['documents', 'judgements', 'recommendations', 'verdicts'] as const;
export type Dataset = (typeof DATASETS)[number];

export const dataPageUrl = '/data/';
export const datasetUrl = (dataset: Dataset, format: 'json' | 'csv') => `/data/${dataset}.${format}`;
export const dataSchemaUrl = '/data/schema.json';
export const recordSchemaUrl = '/data/report.schema.json';

export const reportJsonUrl = (slug: string) => `/reports/${slug}.json`;
export const reportDataViewUrl = (slug: string) => `/reports/${slug}/data/`;
export const sourceFileUrl = (file: string) => `/sources/${file}`;

export const documentsFeedUrl = '/feeds/documents.xml';
export const authorityFeedUrl = (authoritySlug: string) => `/feeds/authorities/${authoritySlug}.xml`;
export const themeFeedUrl = (themeSlug: string) => `/feeds/themes/${themeSlug}.xml`;

/**
 * A site path that resolves to itself: a slash, then segments of letters, digits and `_~-.` that do not begin with a
 * dot (so no "." or ".." segment), then perhaps a fragment of the same characters. Nothing in it is escaped or
 * rewritten when it is resolved against an http(s) address.
 */
const PLAIN_PATH = /^(?:\/[\w~-][\w.~-]*)*\/?(?:#[\w.~-]*)?$/;

/**
 * Data rows carry absolute URLs, so a row copied out of its file still leads back to the page. The archive's own
 * paths are plain, and are joined to the site's origin as `new URL` would join them, without parsing an address for
 * each of the exports' half a million rows at 5,000 reports; anything else is resolved by `new URL`.
 */
export function absoluteUrl(path: string, site: URL): string {
  const web = site.protocol === 'https:' || site.protocol === 'http:';
  return web && path.startsWith('/') && PLAIN_PATH.test(path) ? `${site.origin}${path}` : new URL(path, site).href;
}
