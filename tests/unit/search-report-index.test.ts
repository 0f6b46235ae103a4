import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodePostings, encodePostings, POSTINGS_FILE_CHARS, postingsSplit, termFileKey, termFiles, termFileUrl, termScore, typedTermFile, typedWordDone, TERM_FILE_CHARS } from '../../src/lib/search/report-index.ts';
import { stem } from '../../src/lib/search/stem.ts';

test('postings survive their compact form: gaps between report numbers, and passage counts above one', () => {
  const postings = [
    { report: 0, passages: 1 },
    { report: 1, passages: 3 },
    { report: 40, passages: 1 },
    { report: 41, passages: 100 },
  ];
  assert.equal(encodePostings(postings), '0 0,3 12 0,2s');
  assert.deepEqual(decodePostings(encodePostings(postings)), postings);
});

test('a stem of the report’s authority’s name carries the name’s number of stems, its passage count then always written', () => {
  const postings = [
    { report: 3, passages: 1, name: 2 },
    { report: 4, passages: 1 },
    { report: 9, passages: 40, name: 2 },
  ];
  assert.equal(encodePostings(postings), '3,1,2 0 4,14,2');
  assert.deepEqual(decodePostings(encodePostings(postings)), postings);
});

test('a report scores more for a rarer word, and more for more passages, with diminishing returns', () => {
  assert.ok(termScore(1, 5, 1000) > termScore(1, 500, 1000));
  assert.ok(termScore(4, 50, 1000) > termScore(1, 50, 1000));
  assert.ok(termScore(40, 50, 1000) - termScore(20, 50, 1000) < termScore(2, 50, 1000) - termScore(1, 50, 1000));
  assert.ok(termScore(1, 1000, 1000) > 0, 'a word every report holds still counts a little');
});

// Postings long enough that every two-letter file of "ca…" and "car…" words passes the limit.
const long = (n: number) => Array.from({ length: n }, (_, report) => ({ report, passages: 1 + (report % 3) }));
const big = encodePostings(long(TERM_FILE_CHARS / 4));
const small = encodePostings(long(3));

test('term files: by two letters, split by one more where too large; every stem is in the file its key names', () => {
  const stems = new Map([
    ['ca', small],
    ['care', big],
    ['carer', big],
    ['case', small],
    ['cat', small],
    ['do', small],
    ['dog', small],
  ]);
  const { files, split } = termFiles(stems);
  assert.deepEqual(split, ['ca', 'car', 'care']);
  for (const stem of stems.keys()) assert.equal(files.get(termFileKey(stem, new Set(split)))?.[stem], stems.get(stem), stem);
  assert.deepEqual(Object.keys(files.get('do')!), ['do', 'dog']);
  assert.deepEqual(Object.keys(files.get('ca')!), ['ca'], 'a stem as short as a split prefix stays in its file');
  assert.equal(files.size, new Set([...stems.keys()].map((s) => termFileKey(s, new Set(split)))).size, 'no empty files');
});

test('a word being typed names its file once its letters decide it, and that is the finished word’s file', () => {
  const split = new Set(['ca', 'car', 'in']);
  assert.equal(typedTermFile('c', split), undefined);
  assert.equal(typedTermFile('ca', split), undefined, '"ca…" may go on to any "ca?" file');
  assert.equal(typedTermFile('car', split), undefined);
  assert.equal(typedTermFile('care', split), undefined, '"care…" may yet be "caring", whose stem "care" is in another file than "cari…"');
  assert.equal(typedTermFile('caring', split), undefined);
  assert.equal(typedTermFile('careful', split), 'care');
  assert.equal(typedTermFile('fo', split), 'fo');
  for (const [typed, finished] of [['fo', 'fostering'], ['fost', 'fostered'], ['intervi', 'interviews'], ['careers', 'careers'], ['acad', 'academy'], ['hopi', 'hoping']]) {
    assert.equal(typedTermFile(typed!, split), termFileKey(stem(finished!), split), `${typed} → ${finished}`);
  }
  // "adoptions" begins the "adopti" file's words, but is itself in the "adopt" file, with its stem.
  const adopt = new Set(['ad', 'ado', 'adop', 'adopt']);
  assert.equal(termFileKey('adoptions', adopt), 'adopti');
  assert.equal(termFileKey(stem('adoptions'), adopt), 'adopt');
  assert.equal(typedTermFile('adoptions', adopt), undefined, 'not the "adopti" file, which its stem is not in');
  assert.equal(typedTermFile('adoptive', adopt), undefined, 'nor for "adoptive", whose stem is "adopt" too');
  assert.equal(typedTermFile('adopting', adopt), undefined);
});

test('postings files: a term split prefix stays split only where its postings average more than the limit a group', () => {
  const termSplit = ['ca', 'car', 'care', 'in', 'int'];
  // Over 10 groups: "car…" words hold 2.8 limits' worth a group between them, "care…" 0.8, "in…" half a limit.
  const limit = POSTINGS_FILE_CHARS * 10;
  const chars = new Map([
    ['ca', 1],
    ['care', limit * 0.4],
    ['carer', limit * 0.4],
    ['cart', limit * 2],
    ['int', limit / 4],
    ['inter', limit / 4],
  ]);
  assert.deepEqual(postingsSplit(termSplit, chars, 10), ['ca', 'car'], '"care…" is split no further, "in…" not at all');
  assert.deepEqual(postingsSplit(termSplit, chars, 1), termSplit, 'in one group, every prefix the term files split');
  assert.deepEqual(postingsSplit(termSplit, chars, 100), [], 'over 100 groups, none');
  // Never a longer prefix whose shorter one is not split: "car" would name no file.
  assert.deepEqual(postingsSplit(termSplit, new Map([['carer', limit * 10]]), 10), ['ca', 'car', 'care']);
  assert.deepEqual(postingsSplit(['ca', 'car'], new Map([['carer', limit * 10], ['cat', 0]]), 10), ['ca', 'car']);
});

test('a word being typed names its postings file once its letters decide it: the finished word’s, never later than its term file', () => {
  const split = new Set(['ca', 'car', 'care', 'fo', 'in', 'int']);
  const coarse = new Set(['ca', 'in']);
  for (const [typed, finished] of [['fo', 'fostering'], ['fost', 'fostered'], ['intervi', 'interviews'], ['careers', 'careers'], ['careful', 'careful'], ['cari', 'caring'], ['acad', 'academy'], ['inte', 'interests']]) {
    const file = typedTermFile(typed!, coarse);
    if (file !== undefined) assert.equal(file, termFileKey(stem(finished!), coarse), `${typed} → ${finished}`);
    if (typedTermFile(typed!, split) !== undefined) assert.notEqual(file, undefined, `${typed}: its term file is decided, so its postings file is`);
  }
  assert.equal(typedTermFile('fo', coarse), 'fo');
  assert.equal(typedTermFile('fo', split), undefined);
  assert.equal(typedTermFile('careful', coarse), 'car');
});

test('term file names are plain: letters and digits as they are, anything else spelt out', () => {
  assert.equal(termFileUrl('ca'), '/search-index/terms/ca.json');
  assert.equal(termFileUrl('19'), '/search-index/terms/19.json');
  assert.equal(termFileUrl('ca'), termFileUrl('ca'));
  assert.equal(termFileUrl('é'), '/search-index/terms/_e9_.json');
  assert.notEqual(termFileUrl('_e9_'), termFileUrl('é'));
});

test('a word being typed is done when no other stem of its term file goes on from it: "interviews", not "interview"', () => {
  const file = { interview: '0', interviewe: '1', intern: '2' };
  assert.equal(typedWordDone('interviews', file, stem('interviews')), true);
  assert.equal(typedWordDone('interview', file, stem('interview')), false, '"interviewee" may be coming');
  assert.equal(typedWordDone('inter', file, stem('inter')), false, 'a stem the archive does not have');
});
