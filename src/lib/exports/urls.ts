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

/** Data rows carry absolute URLs, so a row copied out of its file still leads back to the page. */
export const absoluteUrl = (path: string, site: URL) => new URL(path, site).href;
