import { test } from 'node:test';
import assert from 'node:assert/strict';
import { searchDocument } from '../../src/lib/search/records.ts';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { indexWords, placedWords, PostingsBuilder, postingsUrl, reportPostings, stemPostings, vocabulary, WHOLE_POSTINGS_PASSAGES, wholePostingsUrl, type PostingsFile } from '../../src/lib/search/passage-index.ts';
import { decodePostings, INDEX_META_URL, termFileKey, termFileName, termFileUrl, type IndexMeta, type TermFile } from '../../src/lib/search/report-index.ts';
import { stem } from '../../src/lib/search/stem.ts';
import { writeSearchIndex } from '../../src/lib/search/write-index.ts';
import { assertIndexHoldsEveryWord } from '../helpers/passage-postings.ts';
import { DEFAULT_REPORTS_DIR } from '../../src/lib/archive-paths.ts';
import { loadReport } from '../../src/lib/ingest/report-loader.ts';
import { heldReports } from '../helpers/report-sources.ts';
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

test('an archive of several groups: a rare word’s passage postings in one file of its own, a common word’s in each group’s, and every word in its files', async () => {
  // 130 reports (three groups), each with eight words of its own beginning "ca" and 62 paragraphs saying "children":
  // over a thousand rare stems fill the "ca" term file past its limit, and "children" stands in 130 × 62 = 8,060
  // passages, past WHOLE_POSTINGS_PASSAGES.
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const word = (n: number) => `ca${letters[n % 26]}${letters[Math.floor(n / 26) % 26]}${letters[Math.floor(n / 676)]}x`;
  const reports = Array.from({ length: 130 }, (_, at) =>
    syntheticRecord({
      authority: `Borough ${at}`,
      published: `2019-01-${String(1 + (at % 28)).padStart(2, '0')}`,
      paragraphs: [`Caring for ${Array.from({ length: 8 }, (_, k) => word(at * 8 + k)).join(' ')}.`, ...Array.from({ length: 62 }, () => 'Children are safe.')],
    }),
  );
  assert.ok(130 * 62 > WHOLE_POSTINGS_PASSAGES);
  const folder = mkdtempSync(join(tmpdir(), 'search-groups-'));
  try {
    await writeSearchIndex(heldReports(reports), themeTitles, folder);
    const meta = JSON.parse(readFileSync(join(folder, INDEX_META_URL), 'utf8')) as IndexMeta;
    assert.ok(meta.split.includes('ca'), `term split ${meta.split.join(' ')}`);
    // A rare word: one file for the archive, in no group's.
    const rare = stem(word(8 * 70));
    const own = JSON.parse(readFileSync(join(folder, wholePostingsUrl(termFileName(rare))), 'utf8')) as PostingsFile;
    assert.deepEqual([...stemPostings(own, rare, 0).keys()].length, 1, `"${rare}" is in one report`);
    for (let group = 0; group < 3; group++) assert.ok(!existsSync(join(folder, postingsUrl(group, 'ca'))), `no "ca" file in group ${group}: every "ca…" stem is whole`);
    // A common word: each group's file, no file of its own.
    const children = termFileName(termFileKey('children', new Set(meta.postingsSplit)));
    for (let group = 0; group < 3; group++) assert.ok(existsSync(join(folder, postingsUrl(group, children))), `"children" in group ${group}`);
    assert.ok(!existsSync(join(folder, wholePostingsUrl('children'))));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  await assertIndexHoldsEveryWord(reports, themeTitles);
});

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
  // Places: "care" first in passage 0 ("is" is passed over), "cared" second in passage 2 ("are" passed over).
  assert.deepEqual(stemPostings(file, 'care', 7).get(7), [{ word: 'care', passages: [0], places: ['A'] }, { word: 'cared', passages: [2], places: ['B'] }], 'a report’s own postings, numbered from its number');
  assert.deepEqual(stemPostings(file, 'carer', 7).get(7), [{ word: 'carers', passages: [1], places: ['A'] }]);
  assert.equal(stemPostings(file, 'constructor', 7).size, 0, 'a stem no report holds, even a name objects have');
});

test('the report’s authority and year are held by every passage, so "Shropshire front door" finds Shropshire’s paragraphs', () => {
  const { words, passagesOf } = vocabulary(['The front door is busy.', 'Care leavers.'], 'Shropshire 2017');
  assert.deepEqual(passagesOf[words.indexOf('shropshire')], [0, 1]);
  assert.deepEqual(passagesOf[words.indexOf('2017')], [0, 1]);
  assert.deepEqual(passagesOf[words.indexOf('door')], [0]);
});

test('the stems of a report’s authority’s name, without function words, mark its postings of them in the term files', async () => {
  const own = syntheticRecord({ authority: 'Swindon', published: '2019-05-08', paragraphs: ['The out of hours service is effective.'] });
  const other = syntheticRecord({ authority: 'Cheshire West and Chester', published: '2019-06-01', paragraphs: ['Children placed in Swindon are visited.'] });
  assert.deepEqual(searchDocument(other, themeTitles).authorityStems, ['cheshir', 'west', 'chester']);
  const folder = mkdtempSync(join(tmpdir(), 'search-names-'));
  try {
    await writeSearchIndex(heldReports([own, other]), themeTitles, folder);
    const meta = JSON.parse(readFileSync(join(folder, INDEX_META_URL), 'utf8')) as IndexMeta;
    const terms = (key: string) => JSON.parse(readFileSync(join(folder, termFileUrl(termFileKey(key, new Set(meta.split)))), 'utf8')) as TermFile;
    // Numbered newest first: Cheshire West and Chester's report is 0, Swindon's 1.
    assert.deepEqual(decodePostings(terms('swindon').swindon!), [{ report: 0, passages: 1 }, { report: 1, passages: 1, name: 1 }]);
    assert.deepEqual(decodePostings(terms('west').west!), [{ report: 0, passages: 1, name: 3 }]);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('a report’s files: the passage index names passages and stays small', () => {
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

test('passage postings survive their compact form: reports by their gap from the file’s first, passages by theirs, places after each', () => {
  const care = [{ word: 'care', passages: [0, 3, 4, 40], places: ['B', 'AL', '', 'C'] }];
  const own70 = reportPostings(['care', 'zebras'], [[0, 3, 4, 40], [2]], [['B', 'AL', '', 'C'], ['']], ['care', 'zebra']);
  const own64 = reportPostings(['care', 'cared'], [[1000], [7]], [[''], ["~'\u0101"]], ['care', 'care']);
  assert.deepEqual(own70, { care: [['care', '0:0B,3AL,1,10C']], zebra: [['zebras', '0:2']] }, 'a passage where the word stands nowhere has no places');
  const builder = new PostingsBuilder(64);
  builder.add(64, own64);
  builder.add(70, own70);
  const files = builder.files((stem) => stem.slice(0, 2));
  assert.deepEqual([...files.keys()], ['ca', 'ze'], 'in files by the key of each stem');
  const ca: PostingsFile = { care: [['care', '0:rs 5:0B,3AL,1,10C']], cared: [] };
  delete ca.cared;
  ca.care!.push(['cared', "0:7~'\u0101"]);
  assert.deepEqual(files.get('ca'), ca);
  assert.deepEqual(stemPostings(ca, 'care', 64), new Map([[64, [{ word: 'care', passages: [1000], places: [''] }, { word: 'cared', passages: [7], places: ["~'\u0101"] }]], [70, care]]));
  assert.deepEqual(stemPostings(files.get('ze')!, 'zebra', 64), new Map([[70, [{ word: 'zebras', passages: [2], places: [''] }]]]));
});

test('where words stand: common words passed over, a sentence end between, hyphenated parts apart and joined at both ends', () => {
  const common = new Set(['for', 'of', 'who', 'are', 'a']);
  const placed: Array<[string, number | undefined]> = [];
  placedWords('A group for parents of children who are exploited; step-up matters. Care!', common, (word, place) => placed.push([word, place]));
  assert.deepEqual(placed, [
    ['a', undefined], ['group', 0], ['for', undefined], ['parents', 1], ['of', undefined], ['children', 2], ['who', undefined], ['are', undefined], ['exploited', 3],
    ['step', 4], ['up', 5], ['stepup', 4], ['stepup', 5], ['matters', 6], ['care', 8],
  ]);
  const words: string[] = [];
  placedWords('Children’s well-being (LADO) & 2019/20: café', new Set(), (word) => words.push(word));
  assert.deepEqual([...new Set(words)], indexWords('Children’s well-being (LADO) & 2019/20: café'), 'the same words as the index holds (a joined word at each of its ends)');
  const edges = 'Step-by-step. -- x- -y co‐ordinated!Next? 3.5 e.g.';
  const edgeWords: string[] = [];
  placedWords(edges, new Set(['by']), (word) => edgeWords.push(word));
  assert.deepEqual([...new Set(edgeWords)], [...new Set(indexWords(edges))], 'hyphens at either end and sentence ends split alike');
  const { words: held, placesOf } = vocabulary(['Care, care and more care in Shropshire.', 'Shropshire care'], 'Shropshire 2017', new Set(['and', 'in']));
  const placesOfWord = (word: string) => placesOf[held.indexOf(word)];
  assert.deepEqual(placesOfWord('care'), ['ABD', 'B'], 'each place once, one character each: "more" stands at C');
  assert.deepEqual(placesOfWord('shropshire'), ['', ''], 'the authority, held everywhere, stands nowhere');
  assert.deepEqual(placesOfWord('and'), [''], 'a common word stands nowhere');
  const long = vocabulary([Array.from({ length: 600 }, (_, k) => `w${k}`).join(' ')]);
  const placeOf = (word: string) => long.placesOf[long.words.indexOf(word)]![0]!;
  assert.equal(new Set(Array.from({ length: 566 }, (_, k) => placeOf(`w${k}`))).size, 566, 'a place each for 566 words');
  assert.equal(placeOf('w54'), '\u0100', 'past 54, two bytes a place');
  assert.equal(placeOf('w566'), placeOf('w0'), 'then they wrap');
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
