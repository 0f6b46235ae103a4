/**
 * What the archive publishes for re-use, described once: the exports and their columns, the report record, the
 * feeds, the URL patterns and the search page's query parameters. /data/schema.json serialises it and the /data/
 * page presents it, so the machine-readable and the human-readable documentation cannot disagree.
 */
import type { ReportRecord } from '../../schemas/report.ts';
import { required } from '../required.ts';
import { chronological, inspectionPairs, summariseAuthorities } from '../site/shape.ts';
import { anchorUrl, authorityRecommendationsUrl, authorityUrl, compareUrl, recommendationUrl, reportUrl, searchUrl, themeUrl } from '../site/urls.ts';
import { COLUMNS, type Column } from './rows.ts';
import { ARCHIVE_NAME, FEED_ENTRIES } from './feeds.ts';
import { LIST_SEPARATOR } from './serialise.ts';
import {
  absoluteUrl,
  authorityFeedUrl,
  dataPageUrl,
  dataSchemaUrl,
  datasetUrl,
  DATASETS,
  documentsFeedUrl,
  recordSchemaUrl,
  reportDataViewUrl,
  reportJsonUrl,
  sourceFileUrl,
  themeFeedUrl,
  type Dataset,
} from './urls.ts';

/**
 * Every change to a column name, a URL pattern or a format, newest last. Adding a column is noted too; renaming or
 * removing one also raises the version.
 */
export const DATA_CHANGES = [
  { version: 1, note: 'First published: documents, judgements and recommendations as CSV and JSON, report records, Atom feeds.' },
  { version: 2, note: 'Documents gain two columns at the end, original_copy_url (the archive’s copy of the original PDF) and ofsted_page_url (the authority’s page on Ofsted’s website, which lists its reports), so every document has a way to its original; no column renamed or removed.' },
  { version: 3, note: 'Added verdicts.csv and verdicts.json (what later documents found on each recommendation), the verdicts field of each recommendation’s links in the record, and the authority recommendation tracker /authorities/{authority}/recommendations/.' },
] as const;

export const DATASET_INFO: Record<Dataset, { title: string; rows: string }> = {
  documents: { title: 'Documents', rows: 'One row per document: inspection, visit letter or council report.' },
  judgements: { title: 'Judgements', rows: 'One row per graded judgement of a document.' },
  recommendations: { title: 'Recommendations', rows: 'One row per recommendation of a document.' },
  verdicts: {
    title: 'Verdicts',
    rows: 'One row per recommendation and later document that examines its matter: what that document found, and the sentence that says so.',
  },
};

export const FORMAT_NOTES = {
  csv: `RFC 4180: UTF-8 without a byte-order mark, a header row of the column names, CRLF between rows, fields in double quotes where they hold a comma, a quote or a line break. Lists are joined with “${LIST_SEPARATOR}”; a missing value is an empty field. A text field that starts with =, +, -, @, a tab or a carriage return starts with an apostrophe (') instead, so that no spreadsheet runs it as a formula; the JSON has the text as it is.`,
  json: 'A JSON array of objects, one per row, keys in the column order below. Lists are arrays; a missing value is null.',
  order: 'Rows are in publication order, oldest first; documents published the same day are ordered by slug.',
} as const;

/** The search page's URL (src/lib/search/state.ts reads and writes it). */
export const SEARCH_PARAMETERS = [
  { name: 'q', description: 'The words to search for.' },
  { name: 'authority', description: 'Only passages of documents on this authority, by name, e.g. Gloucestershire.' },
  { name: 'type', description: 'Only this kind of document, in words, e.g. Inspection or Monitoring visit.' },
  { name: 'year', description: 'Only documents published in this year, e.g. 2019.' },
  { name: 'judgement', description: 'Only documents with this overall effectiveness grade, in words, or “Not graded”.' },
  { name: 'theme', description: 'Only passages on this theme, by its title, e.g. Pathway plans.' },
  { name: 'sort', description: 'date for newest first; without it, best match first.' },
] as const;

export const SEARCH_NOTE =
  'Repeat a filter for any of several values (authority=Gloucestershire&authority=South+Gloucestershire); different filters must all match. Unknown parameters are ignored.';

export interface UrlPattern {
  pattern: string;
  description: string;
  /** A real URL of the current build following the pattern, if the archive has one. */
  example: string | null;
}

/**
 * The newest inspection with a numbered paragraph and a recommendation, so every report-level pattern has a real
 * example of the archive's main kind of document (failing that, any document with both; failing that, any).
 */
export function exampleReport(reports: readonly ReportRecord[]): ReportRecord | undefined {
  const newestFirst = chronological(reports).reverse();
  const complete = newestFirst.filter((r) => r.recommendations.length > 0 && r.paragraphs.some((p) => p.number !== null));
  return complete.find((r) => r.documentType === 'inspection') ?? complete[0] ?? newestFirst[0];
}

export function urlPatterns(reports: readonly ReportRecord[], themeSlug: string | undefined): UrlPattern[] {
  const report = exampleReport(reports);
  const paragraph = report?.paragraphs.find((p) => p.number !== null) ?? report?.paragraphs[0];
  const recommendation = report?.recommendations[0];
  const pairs = summariseAuthorities(reports).flatMap((a) => inspectionPairs(a.inspections).map((pair) => ({ authority: a.slug, pair })));
  const pair = pairs[0];
  const original = chronological(reports).find((r) => r.source.original)?.source.original;
  return [
    { pattern: '/reports/{slug}/', description: 'A document, with every paragraph at its permanent anchor.', example: report ? reportUrl(report.slug) : null },
    {
      pattern: '/reports/{slug}/#para-{n}',
      description: 'Paragraph n as the report numbers it (#para-6-2 for a second “6.0”); #ap-{k} for the k-th paragraph the report leaves unnumbered, shown as “Ak”; #rec-{n} for recommendation n.',
      example: report && paragraph ? anchorUrl(report.slug, paragraph.id) : null,
    },
    {
      pattern: '/reports/{slug}/recommendations/{n}/',
      description: 'Recommendation n: its evidence in the report and what later documents on the authority said.',
      example: report && recommendation ? recommendationUrl(report.slug, recommendation.number) : null,
    },
    { pattern: '/reports/{slug}.json', description: 'The document’s whole record as JSON.', example: report ? reportJsonUrl(report.slug) : null },
    { pattern: '/reports/{slug}/data/', description: 'The same record, highlighted, to read in the browser.', example: report ? reportDataViewUrl(report.slug) : null },
    { pattern: '/sources/{file}', description: 'The source file the record was built from, as the archive holds it.', example: report ? sourceFileUrl(report.source.file) : null },
    {
      pattern: '/sources/originals/{file}',
      description: 'For a source converted from a published PDF: that PDF, the document’s original (the original_copy_url column).',
      example: original ? sourceFileUrl(original.file) : null,
    },
    { pattern: '/authorities/{authority}/', description: 'An authority: its latest judgement, judgements over time and every document.', example: report ? authorityUrl(report.authoritySlug) : null },
    {
      pattern: '/authorities/{authority}/recommendations/',
      description: 'Every recommendation the authority was given, by theme, with what each later document found.',
      example: report ? authorityRecommendationsUrl(report.authoritySlug) : null,
    },
    {
      pattern: '/authorities/{authority}/compare/{older}/{newer}/',
      description: 'Two inspections of an authority side by side; {older} and {newer} are document slugs, older first.',
      example: pair ? compareUrl(pair.authority, pair.pair[0].slug, pair.pair[1].slug) : null,
    },
    { pattern: '/themes/{theme}/', description: 'A theme: its recommendations and findings across the archive, newest first.', example: themeSlug ? themeUrl(themeSlug) : null },
    {
      pattern: '/search/?q={words}&authority=&type=&year=&judgement=&theme=&sort=',
      description: 'A search, with any of the filters below; a search link can be shared as it is.',
      example: `${searchUrl('pathway plans')}&sort=date`,
    },
  ];
}

export const FEEDS = [
  { pattern: documentsFeedUrl, description: `The newest documents across the archive (the ${FEED_ENTRIES} most recent).` },
  { pattern: authorityFeedUrl('{authority}'), description: 'Every new document on one authority.' },
  { pattern: themeFeedUrl('{theme}'), description: `Recommendations and findings on one theme, newest document first (the ${FEED_ENTRIES} most recent).` },
] as const;

const columnSchema = (c: Column) => ({ name: c.name, type: c.type, nullable: c.nullable, description: c.description });

/** /data/schema.json: everything above, machine-readable, with absolute URLs. */
export function dataCatalogue(reports: readonly ReportRecord[], themeSlug: string | undefined, site: URL) {
  const absolute = (path: string) => absoluteUrl(path, site);
  // Patterns keep their {placeholders} readable: URL() would percent-encode the braces.
  const absolutePattern = (pattern: string) => `${new URL(site).origin}${pattern}`;
  return {
    $id: absolute(dataSchemaUrl),
    title: `${ARCHIVE_NAME}: open data`,
    version: required(DATA_CHANGES.at(-1), 'the latest change in DATA_CHANGES').version,
    licence: 'Open Government Licence v3.0 (the report text); the archive’s own data under the same licence.',
    documentation: absolute(dataPageUrl),
    formats: FORMAT_NOTES,
    datasets: DATASETS.map((dataset) => ({
      name: dataset,
      title: DATASET_INFO[dataset].title,
      rows: DATASET_INFO[dataset].rows,
      csv: absolute(datasetUrl(dataset, 'csv')),
      json: absolute(datasetUrl(dataset, 'json')),
      columns: COLUMNS[dataset].map(columnSchema),
    })),
    record: { url: absolutePattern(reportJsonUrl('{slug}')), jsonSchema: absolute(recordSchemaUrl) },
    feeds: FEEDS.map((feed) => ({ url: absolutePattern(feed.pattern), format: 'Atom (RFC 4287)', description: feed.description })),
    urls: urlPatterns(reports, themeSlug).map(({ pattern, description, example }) => ({
      pattern: absolutePattern(pattern),
      description,
      example: example ? absolute(example) : null,
    })),
    searchParameters: { parameters: SEARCH_PARAMETERS, note: SEARCH_NOTE },
    changes: DATA_CHANGES,
  };
}
