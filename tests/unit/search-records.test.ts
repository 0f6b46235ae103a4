import { test } from 'node:test';
import assert from 'node:assert/strict';
import { searchRecords, paragraphLabel } from '../../src/lib/search/records.ts';
import { recordFromMdx } from '../../src/lib/search/frontmatter.ts';
import { renderReportMdx } from '../../src/lib/ingest/mdx.ts';
import { syntheticRecord } from '../fixtures/links/records.ts';

const themeTitles = new Map([['private-fostering', 'Private fostering']]);

function graded() {
  const record = syntheticRecord({
    authority: 'South Gloucestershire',
    published: '2019-05-08',
    framework: 'ILACS',
    recommendations: ['Improve the timeliness of return home interviews.'],
    paragraphs: [
      'Return home interviews are offered to all children who go missing.',
      { text: 'Children who are privately fostered are visited.', number: null },
    ],
  });
  record.overallEffectiveness = 'Requires improvement to be good';
  record.paragraphs[1]!.themes = ['private-fostering', 'an-unknown-theme'];
  return record;
}

test('one record per recommendation and per paragraph, each at its own anchor', () => {
  const records = searchRecords([graded()], themeTitles);
  assert.deepEqual(
    records.map((r) => r.url),
    [
      '/reports/south-gloucestershire-2019-05-08-inspection/#rec-1',
      '/reports/south-gloucestershire-2019-05-08-inspection/#para-1',
      '/reports/south-gloucestershire-2019-05-08-inspection/#ap-1',
    ],
  );
  assert.equal(records[1]!.content, 'Return home interviews are offered to all children who go missing.');
  assert.ok(records.every((r) => r.language === 'en'));
});

test('meta names the authority, document, date in words and the passage as the report numbers it', () => {
  const [rec, para, archive] = searchRecords([graded()], themeTitles);
  assert.deepEqual(para!.meta, {
    title: 'South Gloucestershire inspection',
    authority: 'South Gloucestershire',
    type: 'Inspection',
    date: '8 May 2019',
    label: '¶ 1',
    report: '/reports/south-gloucestershire-2019-05-08-inspection/',
    position: '1',
  });
  assert.equal(rec!.meta.label, 'Recommendation 1');
  assert.equal(archive!.meta.label, 'A1');
  assert.deepEqual([rec, para, archive].map((r) => r!.meta.position), ['0', '1', '2']);
});

test('filters carry the document facets on every passage and theme titles per passage', () => {
  const [, para, archive] = searchRecords([graded()], themeTitles);
  assert.deepEqual(para!.filters, {
    authority: ['South Gloucestershire'],
    type: ['Inspection'],
    year: ['2019'],
    judgement: ['Requires improvement to be good'],
    theme: [],
  });
  assert.deepEqual(archive!.filters.theme, ['Private fostering', 'an-unknown-theme']);
});

test('an ungraded document is "Not graded", and every record has the date sort key', () => {
  const letter = syntheticRecord({ authority: 'Gloucestershire', published: '2019-09-30', documentType: 'monitoring-visit', paragraphs: ['A letter.'] });
  const records = searchRecords([letter, graded()], themeTitles);
  assert.deepEqual(records[0]!.filters.judgement, ['Not graded']);
  assert.deepEqual(records[0]!.filters.type, ['Monitoring visit']);
  assert.deepEqual(records.map((r) => r.sort.date), ['2019-09-30', '2019-05-08', '2019-05-08', '2019-05-08']);
});

test('paragraph labels: the pilcrow for the report’s own numbers, the archive label otherwise', () => {
  assert.equal(paragraphLabel({ number: 41, label: '41' }), '¶ 41');
  assert.equal(paragraphLabel({ number: 6, label: '6.0' }), '¶ 6.0');
  assert.equal(paragraphLabel({ number: null, label: 'A3' }), 'A3');
});

test('a record is read back from the MDX the ingest writes, and a broken file is named', () => {
  const record = graded();
  record.paragraphs[0]!.text = 'Line and paragraph separators \u2028 \u2029 survive.';
  assert.deepEqual(recordFromMdx(renderReportMdx(record), 'x.mdx'), record);
  assert.throws(() => recordFromMdx('no frontmatter', 'broken.mdx'), /broken\.mdx: no frontmatter/);
  assert.throws(() => recordFromMdx('---\n{"slug": "x"}\n---\n', 'partial.mdx'), /partial\.mdx: the frontmatter is not a valid report record/);
});
