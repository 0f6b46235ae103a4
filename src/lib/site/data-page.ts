/**
 * The open data page (/data/), shaped: each export with its row count, columns and its real first rows
 * highlighted, the record's fields, the feeds with an example of each, the URL patterns with real examples, and
 * the page's schema.org Dataset description; and a report's record as data. Routes fetch the archive; the pages present.
 */
import type { ReportRecord } from '../../schemas/report.ts';
import { DATASET_INFO, exampleReport, FEEDS, urlPatterns } from '../exports/catalogue.ts';
import { ARCHIVE_NAME } from '../exports/feeds.ts';
import { highlight } from '../code/highlight.ts';
import { recordFields, recordJsonSchema } from '../exports/record-schema.ts';
import { recordParts, reportJsonBytes } from '../exports/serialise.ts';
import { COLUMNS, datasetRowCount } from '../exports/rows.ts';
import { datasetSample, feedSample, recordSample } from '../exports/samples.ts';
import { absoluteUrl, authorityFeedUrl, dataPageUrl, datasetUrl, DATASETS, documentsFeedUrl, recordSchemaUrl, themeFeedUrl } from '../exports/urls.ts';
import type { Taxonomy } from '../link/themes.ts';
import type { AuthoritySummary } from './shape.ts';
import { chronological } from './shape.ts';

export const DATA_PAGE_DESCRIPTION =
  'Every judgement and recommendation in the archive as CSV and JSON, each report’s record, Atom feeds, and the archive’s permanent URL patterns, with what every column means.';

/** The page's Dataset for search engines: every download at its absolute URL, and the years the documents span. */
export function dataPageJsonLd(reports: readonly ReportRecord[], site: URL) {
  const byDate = chronological(reports);
  const [first, last] = [byDate[0], byDate.at(-1)];
  return {
    '@context': 'https://schema.org',
    '@type': 'Dataset',
    name: `${ARCHIVE_NAME}: judgements and recommendations`,
    description: `${DATA_PAGE_DESCRIPTION} Built from Ofsted’s inspection reports on English councils’ children’s services and councils’ reports in reply.`,
    url: absoluteUrl(dataPageUrl, site),
    license: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
    isAccessibleForFree: true,
    spatialCoverage: { '@type': 'Place', name: 'England' },
    ...(first && last ? { temporalCoverage: `${first.published}/${last.published}` } : {}),
    creator: { '@type': 'Organization', name: ARCHIVE_NAME, url: absoluteUrl('/', site) },
    distribution: DATASETS.flatMap((dataset) => [
      { '@type': 'DataDownload', name: `${dataset}.csv`, encodingFormat: 'text/csv', contentUrl: absoluteUrl(datasetUrl(dataset, 'csv'), site) },
      { '@type': 'DataDownload', name: `${dataset}.json`, encodingFormat: 'application/json', contentUrl: absoluteUrl(datasetUrl(dataset, 'json'), site) },
    ]),
  };
}

export async function dataPage(reports: readonly ReportRecord[], authorities: readonly AuthoritySummary[], taxonomy: Taxonomy, site: URL) {
  const theme = taxonomy[0];
  const example = exampleReport(reports);
  const datasets = await Promise.all(
    DATASETS.map(async (dataset) => {
      const { csv, json } = datasetSample(dataset, reports, site);
      return {
        dataset,
        ...DATASET_INFO[dataset],
        count: datasetRowCount(dataset, reports, site),
        columns: COLUMNS[dataset],
        csv: await highlight(csv, 'csv', `The first rows of ${dataset}.csv`),
        json: await highlight(json, 'json', `The first object of ${dataset}.json`),
      };
    }),
  );
  const feedExamples = [documentsFeedUrl, authorities[0] && authorityFeedUrl(authorities[0].slug), theme && themeFeedUrl(theme.slug)];
  return {
    description: DATA_PAGE_DESCRIPTION,
    jsonLd: dataPageJsonLd(reports, site),
    datasets,
    fields: recordFields(recordJsonSchema(absoluteUrl(recordSchemaUrl, site))),
    /** The newest complete inspection's record, shortened and highlighted. */
    record: example ? { report: example, code: await highlight(recordSample(example), 'json', `The record of ${example.title}, shortened`) } : null,
    feeds: FEEDS.map((feed, i) => ({ ...feed, example: feedExamples[i] || null })),
    feedCode: reports.length ? await highlight(feedSample(reports, site), 'xml', 'The documents feed with its newest entry') : null,
    patterns: urlPatterns(reports, theme?.slug),
  };
}

/**
 * A report's record as data (/reports/<slug>/data/): the size of its JSON file, the record without its lists, and
 * each list's length and first item, highlighted.
 */
export async function reportDataView(report: ReportRecord) {
  const parts = recordParts(report);
  return {
    kilobytes: Math.ceil(reportJsonBytes(report) / 1024),
    head: await highlight(parts.head, 'json', 'The record without its lists, as JSON'),
    lists: await Promise.all(
      parts.lists.map(async (list) => ({ ...list, html: await highlight(list.first, 'json', `The first of the record’s ${list.field}, as JSON`) })),
    ),
  };
}
