import { test } from 'node:test';
import assert from 'node:assert/strict';
import { searchDocument } from '../../src/lib/search/records.ts';
import { groupPostings, indexWords, reportPostings, stemPostings, vocabulary, type PostingsFile } from '../../src/lib/search/passage-index.ts';
import { assertIndexHoldsEveryWord } from '../helpers/passage-postings.ts';
import { DEFAULT_REPORTS_DIR } from '../../src/lib/archive-paths.ts';
import { loadReport } from '../../src/lib/ingest/report-loader.ts';
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

/** A long SIF report of the archive; every record is checked the same way by tests/integration/archive-records.test.ts. */
const southGlos2017 = loadReport(`${DEFAULT_REPORTS_DIR}/south-gloucestershire-2017-02-13-inspection.mdx`);

test('a report’s stems, each with the number of its passages holding a word of that stem', () => {
  const { stems, published } = searchDocument(graded(), themeTitles);
  assert.equal(published, '2019-05-08');
  // "interviews" in the recommendation and ¶ 1; "fostered" in A1 only; the authority and year in every passage.
  assert.equal(stems.get('interview'), 2);
  assert.equal(stems.get('foster'), 1);
  assert.equal(stems.get('gloucestershir'), 3);
  assert.equal(stems.get('2019'), 3);
  assert.equal(stems.has('interviews'), false);
});

test('the facets are the document’s, and its themes are every theme any passage carries, by title', () => {
  const { facets } = searchDocument(graded(), themeTitles);
  assert.deepEqual(facets, {
    authority: ['South Gloucestershire'],
    type: ['Inspection'],
    year: ['2019'],
    judgement: ['Requires improvement to be good'],
    theme: ['Private fostering', 'an-unknown-theme'],
  });
  const letter = syntheticRecord({ authority: 'Gloucestershire', published: '2019-09-30', documentType: 'monitoring-visit', paragraphs: ['A letter.'] });
  assert.deepEqual(searchDocument(letter, themeTitles).facets.judgement, ['Not graded']);
});

test('the passage index names the report and each passage’s anchor, label and themes, recommendations first', () => {
  const { index, texts } = searchDocument(graded(), themeTitles);
  assert.deepEqual(index.report, {
    url: '/reports/south-gloucestershire-2019-05-08-inspection/',
    title: 'South Gloucestershire inspection',
    authority: 'South Gloucestershire',
    type: 'Inspection',
    date: '8 May 2019',
  });
  assert.deepEqual(index.passages, [
    ['rec-1', 'Recommendation 1', []],
    ['para-1', '¶ 1', []],
    ['ap-1', 'A1', [0, 1]],
  ]);
  assert.deepEqual(index.themes, ['Private fostering', 'an-unknown-theme']);
  assert.equal(texts[1], 'Return home interviews are offered to all children who go missing.');
});

test('words: lower case, split at punctuation, hyphenated words also joined', () => {
  assert.deepEqual(indexWords('Children’s well-being (LADO) & 2019/20: café'), ['children', 's', 'well', 'being', 'wellbeing', 'lado', '2019', '20', 'café']);
  assert.deepEqual(indexWords('{x} <3 a<b'), ['x', '3', 'a', 'b']);
});

test('every word of a report is in the passage postings and term file of its stem, with the passages holding it', async () => {
  await assertIndexHoldsEveryWord([graded(), southGlos2017], themeTitles);
});

test('a stem matches every word of that stem in the report, and no other: "care" is not "carers"', () => {
  const record = syntheticRecord({ authority: 'X', published: '2020-01-01', paragraphs: ['Care is good.', 'Carers are supported.', 'Children are cared for.'] });
  const file = searchDocument(record, themeTitles).words;
  assert.deepEqual(stemPostings(file, 'care', 7).get(7), [{ word: 'care', passages: [0] }, { word: 'cared', passages: [2] }], 'a report’s own postings, numbered from its number');
  assert.deepEqual(stemPostings(file, 'carer', 7).get(7), [{ word: 'carers', passages: [1] }]);
  assert.equal(stemPostings(file, 'constructor', 7).size, 0, 'a stem no report holds, even a name objects have');
});

test('the report’s authority and year are held by every passage, so "Shropshire front door" finds Shropshire’s paragraphs', () => {
  const { words, passagesOf } = vocabulary(['The front door is busy.', 'Care leavers.'], 'Shropshire 2017');
  assert.deepEqual(passagesOf[words.indexOf('shropshire')], [0, 1]);
  assert.deepEqual(passagesOf[words.indexOf('2017')], [0, 1]);
  assert.deepEqual(passagesOf[words.indexOf('door')], [0]);
});

test('a report’s files: the passage index names passages and stays small; text comes in fours', () => {
  const report = southGlos2017;
  const { index, texts } = searchDocument(report, themeTitles);
  assert.equal(index.passages.length, texts.length);
  // The passage index is what every report shown costs: it must stay small, its lists in the passage postings.
  assert.ok(JSON.stringify(index).length < 12_000, `${JSON.stringify(index).length} characters`);
});

test('South Gloucestershire 2017: "interviews" leads to recommendation 6 and ¶ 39, and to no passage without it', () => {
  const report = southGlos2017;
  const { index, texts } = searchDocument(report, themeTitles);
  const { words, passagesOf } = vocabulary(texts);
  const holders = passagesOf[words.indexOf('interviews')]!.map((passage) => index.passages[passage]![0]);
  assert.ok(holders.includes('rec-6') && holders.includes('para-39'), holders.join(' '));
  for (const anchor of holders) assert.match(texts[index.passages.findIndex(([a]) => a === anchor)]!, /interviews/i);
});

test('passage postings survive their compact form: reports by their gap from the file’s first, passages by theirs', () => {
  const care = [{ word: 'care', passages: [0, 3, 4, 40] }];
  const own70 = reportPostings(['care', 'zebras'], [[0, 3, 4, 40], [2]], ['care', 'zebra']);
  const own64 = reportPostings(['care', 'cared'], [[1000], [7]], ['care', 'care']);
  assert.deepEqual(own70, { care: [['care', '0:0,3,1,10']], zebra: [['zebras', '0:2']] });
  const files = groupPostings([[70, own70], [64, own64]], 64, (stem) => stem.slice(0, 2));
  assert.deepEqual([...files.keys()], ['ca', 'ze'], 'in files by the key of each stem');
  const ca: PostingsFile = { care: [['care', '0:rs 5:0,3,1,10'], ['cared', '0:7']] };
  assert.deepEqual(files.get('ca'), ca);
  assert.deepEqual(stemPostings(ca, 'care', 64), new Map([[64, [{ word: 'care', passages: [1000] }, { word: 'cared', passages: [7] }]], [70, care]]));
  assert.deepEqual(stemPostings(files.get('ze')!, 'zebra', 64), new Map([[70, [{ word: 'zebras', passages: [2] }]]]));
});

test('paragraph labels: the pilcrow for the report’s own numbers, the archive label otherwise, as the report page shows them', () => {
  const { index } = searchDocument(graded(), themeTitles);
  assert.deepEqual(index.passages.map(([anchor, label]) => [anchor, label]), [['rec-1', 'Recommendation 1'], ['para-1', '¶ 1'], ['ap-1', 'A1']]);
});

test('Gloucestershire’s council report: a search hit on the second “6.0” is labelled “¶ 6.0 (2nd)”, not like the first', () => {
  const report = loadReport(`${DEFAULT_REPORTS_DIR}/gloucestershire-2022-06-22-council-report.mdx`);
  const { index } = searchDocument(report, themeTitles);
  const labelOf = (anchor: string) => index.passages.find(([a]) => a === anchor)?.[1];
  assert.equal(labelOf('para-6'), '¶ 6.0');
  assert.equal(labelOf('para-6-2'), '¶ 6.0 (2nd)');
  const labels = index.passages.map(([, label]) => label);
  assert.equal(new Set(labels).size, labels.length, 'every passage of a report has a label of its own');
});
