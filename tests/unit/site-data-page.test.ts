/** The open data page and a report's data view, as shaped for their pages (src/lib/site/data-page.ts). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dataPage, dataPageJsonLd, reportDataView } from '../../src/lib/site/data-page.ts';
import { summariseAuthorities } from '../../src/lib/site/shape.ts';
import { syntheticRecord } from '../fixtures/links/records.ts';

const SITE = new URL('https://archive.example.gov.uk/');
const reports = [
  syntheticRecord({ authority: 'Northshire', published: '2019-05-08', recommendations: ['Improve supervision.'], paragraphs: ['Supervision is irregular.'] }),
  syntheticRecord({ authority: 'Southshire', published: '2016-03-01', paragraphs: ['Adoption work is a strength.'] }),
];
const taxonomy = [{ slug: 'missing', title: 'Missing children', description: 'd', terms: ['go missing'] }];

test('the Dataset a search engine reads: the years the documents span, and every download at its absolute URL', () => {
  const jsonLd = dataPageJsonLd(reports, SITE);
  assert.equal(jsonLd.temporalCoverage, '2016-03-01/2019-05-08', 'oldest to newest publication, whatever order the records come in');
  assert.equal(jsonLd.url, 'https://archive.example.gov.uk/data/');
  assert.deepEqual(
    jsonLd.distribution.map((d) => d.contentUrl),
    ['documents', 'judgements', 'recommendations', 'verdicts'].flatMap((name) => [`https://archive.example.gov.uk/data/${name}.csv`, `https://archive.example.gov.uk/data/${name}.json`]),
  );
  assert.equal('temporalCoverage' in dataPageJsonLd([], SITE), false, 'an empty archive claims no years');
});

test('the data page counts each export’s rows, shows its real first rows, and gives every feed a working example', async () => {
  const page = await dataPage(reports, summariseAuthorities(reports), taxonomy, SITE);
  assert.deepEqual(page.datasets.map((d) => [d.dataset, d.count]), [['documents', 2], ['judgements', 0], ['recommendations', 1], ['verdicts', 0]]);
  const recommendations = page.datasets.find((d) => d.dataset === 'recommendations');
  assert.match(recommendations?.csv ?? '', /Improve supervision\./, 'the excerpt is the archive’s own row');
  assert.deepEqual(page.feeds.map((f) => f.example), ['/feeds/documents.xml', '/feeds/authorities/northshire.xml', '/feeds/themes/missing.xml']);
  assert.equal(page.record?.report.slug, 'northshire-2019-05-08-inspection', 'the example record is the newest inspection with recommendations');
  assert.ok(page.fields.some((f) => f.path === 'paragraphs[].text'), 'the record’s fields, with lists stepped into');
});

test('with no authorities and no themes, the feeds are listed without examples rather than with broken ones', async () => {
  const page = await dataPage([], [], [], SITE);
  assert.deepEqual(page.feeds.map((f) => f.example), ['/feeds/documents.xml', null, null]);
  assert.equal(page.record, null);
  assert.equal(page.feedCode, null);
});

test('a report’s data view: the size of its JSON, and each list’s length with its first item', async () => {
  const view = await reportDataView(reports[0]!);
  assert.equal(view.kilobytes, 2);
  const paragraphs = view.lists.find((list) => list.field === 'paragraphs');
  assert.equal(paragraphs?.count, 1);
  assert.match(paragraphs?.html ?? '', /Supervision is irregular\./);
});
