import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { searchDocument, paragraphLabel } from '../../src/lib/search/records.ts';
import {
  decodeWordPassages,
  encodeWordPassages,
  indexContent,
  indexWords,
  vocabulary,
  wordFileOf,
  wordsAt,
  wordWeight,
  WORDS_PER_FILE,
} from '../../src/lib/search/passage-index.ts';
import { readFrontmatter } from '../../src/lib/ingest/mdx.ts';
import type { ReportRecord } from '../../src/schemas/report.ts';
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

const seeds = readdirSync('content/reports')
  .filter((name) => name.endsWith('.mdx'))
  .map((name) => readFrontmatter(readFileSync(`content/reports/${name}`, 'utf8'), name) as unknown as ReportRecord);

test('one Pagefind record per report, at the report’s URL, with no meta for Pagefind to index as a title', () => {
  const { record } = searchDocument(graded(), themeTitles);
  assert.equal(record.url, '/reports/south-gloucestershire-2019-05-08-inspection/');
  assert.equal(record.language, 'en');
  assert.equal('meta' in record, false);
  assert.deepEqual(record.sort, { date: '2019-05-08' });
});

test('the facets are the document’s, and its themes are every theme any passage carries, by title', () => {
  const { record } = searchDocument(graded(), themeTitles);
  assert.deepEqual(record.filters, {
    authority: ['South Gloucestershire'],
    type: ['Inspection'],
    year: ['2019'],
    judgement: ['Requires improvement to be good'],
    theme: ['Private fostering', 'an-unknown-theme'],
  });
  const letter = syntheticRecord({ authority: 'Gloucestershire', published: '2019-09-30', documentType: 'monitoring-visit', paragraphs: ['A letter.'] });
  assert.deepEqual(searchDocument(letter, themeTitles).record.filters.judgement, ['Not graded']);
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

test('every location of a report’s Pagefind content leads, through its word file, to its word, length and passages', () => {
  for (const report of [graded(), ...seeds]) {
    const { record, index, words: files, texts } = searchDocument(report, themeTitles);
    const { words, passagesOf } = vocabulary(texts);
    assert.equal(files.length, Math.ceil(words.length / WORDS_PER_FILE), report.slug);
    const content = record.content.split(' ');
    content.forEach((word, location) => {
      const file = wordFileOf(location, index.wordFiles);
      const matched = wordsAt([location], file, index.wordFiles, files[file]!).get(location);
      assert.ok(matched, `${report.slug}: nothing at location ${location}`);
      assert.equal(words[matched.word], word, `${report.slug} location ${location}`);
      assert.equal(matched.length, Math.min(word.length, 35));
      assert.deepEqual(matched.passages, passagesOf[matched.word]);
    });
    texts.forEach((text, passage) => {
      for (const word of indexWords(text)) assert.ok(passagesOf[words.indexOf(word)]!.includes(passage), `${report.slug}: "${word}" in passage ${passage}`);
    });
  }
});

test('a report’s files: the passage index names passages, word files hold the vocabulary’s lists, text comes in fours', () => {
  const report = seeds.find((r) => r.slug === 'south-gloucestershire-2017-02-13-inspection')!;
  const { index, words, texts } = searchDocument(report, themeTitles);
  assert.equal(index.passages.length, texts.length);
  assert.ok(words.length >= 8, `${words.length} word files`);
  assert.equal(index.wordFiles[0], 0);
  assert.ok(index.wordFiles.every((start, at) => at === 0 || start > index.wordFiles[at - 1]!));
  // The passage index is what every report in the results costs: it must stay small, its lists in the word files.
  assert.ok(JSON.stringify(index).length < 12_000, `${JSON.stringify(index).length} characters`);
});

test('South Gloucestershire 2017: "interviews" leads to recommendation 6 and ¶ 39, and to no passage without it', () => {
  const report = seeds.find((r) => r.slug === 'south-gloucestershire-2017-02-13-inspection')!;
  const { index, texts } = searchDocument(report, themeTitles);
  const { words, passagesOf } = vocabulary(texts);
  const holders = passagesOf[words.indexOf('interviews')]!.map((passage) => index.passages[passage]![0]);
  assert.ok(holders.includes('rec-6') && holders.includes('para-39'), holders.join(' '));
  for (const anchor of holders) assert.match(texts[index.passages.findIndex(([a]) => a === anchor)]!, /interviews/i);
});

test('a word stands once, twice from two passages, three times from four, never more', () => {
  assert.deepEqual([1, 2, 3, 4, 7, 8, 500].map(wordWeight), [1, 2, 2, 3, 3, 3, 3]);
  assert.equal(indexContent(['a', 'b', 'c'], [[0], [0, 1], [0, 1, 2, 3]]), 'a b b c c c');
});

test('passage lists survive their compact form', () => {
  const lists = [[0], [3, 4, 40, 41], [1, 1000], [7]];
  assert.deepEqual(decodeWordPassages(encodeWordPassages(lists)), lists);
  assert.equal(encodeWordPassages(lists), '0 3,1,10,1 1,rr 7');
  assert.deepEqual(decodeWordPassages(''), []);
});

test('paragraph labels: the pilcrow for the report’s own numbers, the archive label otherwise', () => {
  assert.equal(paragraphLabel({ number: 41, label: '41' }), '¶ 41');
  assert.equal(paragraphLabel({ number: 6, label: '6.0' }), '¶ 6.0');
  assert.equal(paragraphLabel({ number: null, label: 'A3' }), 'A3');
});
