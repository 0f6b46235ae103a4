import { test } from 'node:test';
import assert from 'node:assert/strict';
import { editDistance, suggestWord, vocabularyFile, vocabularyFiles } from '../../src/lib/search/suggest.ts';

test('edits between words: insertions, deletions, substitutions and swapped neighbours count one each', () => {
  assert.equal(editDistance('fostering', 'fostering', 2), 0);
  assert.equal(editDistance('fostring', 'fostering', 2), 1);
  assert.equal(editDistance('fsotering', 'fostering', 2), 1);
  assert.equal(editDistance('fostarinq', 'fostering', 2), 2);
  assert.equal(editDistance('cat', 'fostering', 2), 3, 'past the limit it stops counting');
});

test('did you mean: the closest word, then the most used; none for a word the archive has, or a short one', () => {
  const vocabulary: Array<[string, number]> = [['fostered', 30], ['fostering', 55], ['foster', 58], ['forstering', 1]];
  assert.equal(suggestWord('fostring', vocabulary), 'fostering');
  assert.equal(suggestWord('fosterin', vocabulary), 'fostering');
  assert.equal(suggestWord('fostering', vocabulary), null);
  assert.equal(suggestWord('zzyzx', vocabulary), null);
  assert.equal(suggestWord('fo', vocabulary), null);
  assert.equal(suggestWord('lado', [['lady', 3], ['lad', 1]]), 'lady', 'one edit at most for short words');
});

test('the vocabulary comes in files by first letter, with how many reports use each word; bare numbers left out', () => {
  const files = vocabularyFiles([['care', 'leavers', '2019', 'a'], ['care', 'carers']]);
  assert.deepEqual(files.get('c'), [['care', 2], ['carers', 1]]);
  assert.deepEqual(files.get('l'), [['leavers', 1]]);
  assert.equal(files.has('2'), false);
  assert.equal(vocabularyFile('éducation'), '_');
});
