/**
 * Pure functions over every record of the committed archive (content/reports, 60 documents): what the unit tests
 * check on synthetic records and one real one, held for all of them. Minutes at national scale, so not a unit test.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_REPORTS_DIR } from '../../src/lib/archive-paths.ts';
import { highlight, highlightWithShiki } from '../../src/lib/code/highlight.ts';
import { documentRows } from '../../src/lib/exports/rows.ts';
import { recordParts, reportJson } from '../../src/lib/exports/serialise.ts';
import { loadReports } from '../../src/lib/ingest/report-loader.ts';
import { assertIndexHoldsEveryWord } from '../helpers/passage-postings.ts';
import { findLocalAuthority } from '../../src/lib/site/local-authorities.ts';
import { originalLinks } from '../../src/lib/site/original.ts';

const records = loadReports(DEFAULT_REPORTS_DIR);

test('the archive has its records', () => {
  assert.ok(records.length >= 60, `expected the 60 documents of the default archive in ${DEFAULT_REPORTS_DIR}, found ${records.length}`);
});

test('an authority has one name in all its documents, so its pages and the search filter show it once', () => {
  const names = new Map<string, Set<string>>();
  for (const record of records) names.set(record.authoritySlug, (names.get(record.authoritySlug) ?? new Set()).add(record.authority));
  const spelledTwice = [...names].filter(([, spellings]) => spellings.size > 1).map(([slug, spellings]) => `${slug}: ${[...spellings].join(' / ')}`);
  assert.deepEqual(spelledTwice, []);
});

test('every word of every report is in the passage postings and the term file of its stem, with the passages holding it', async () => {
  await assertIndexHoldsEveryWord(records, new Map([['private-fostering', 'Private fostering']]));
});

test('every record in the archive gets the same HTML as Shiki gives it, part by part and whole', async () => {
  for (const record of records) {
    const { head, lists } = recordParts(record);
    for (const code of [head, ...lists.map((list) => list.first), reportJson(record)]) {
      assert.equal(await highlight(code, 'json', 'Record'), await highlightWithShiki(code, 'json', 'Record'), `${record.slug}: ${code.slice(0, 60)}`);
    }
  }
});

test('every document of the archive links to its original, on its page and in the documents export', () => {
  for (const record of records) {
    const found = originalLinks(record, findLocalAuthority(record.authority));
    assert.ok(found.length > 0, `${record.slug} has no link to its original`);
  }
  const seeds = ['gloucestershire-2022-04-01-inspection', 'south-gloucestershire-2017-02-13-inspection', 'south-gloucestershire-2019-05-08-inspection'];
  for (const slug of seeds) {
    const record = records.find((r) => r.slug === slug);
    assert.ok(record, `${slug} is in the archive`);
    assert.equal(originalLinks(record, null)[0]?.href, `/sources/originals/${slug}.pdf`, `${slug} offers its PDF first`);
  }
  for (const row of documentRows(records, new URL('https://archive.test'))) {
    assert.ok(row.original_url || row.original_copy_url || row.ofsted_page_url, `${row.slug}: the export has no way to the original`);
    assert.ok(row.ofsted_page_url, `${row.slug}: every authority of the archive has an Ofsted page`);
  }
});
