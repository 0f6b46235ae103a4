import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_PAUSE_MS, MIN_PAUSE_MS, SHORT_WORD_PAUSE_MS, typingPause } from '../../src/lib/search/typing.ts';

test('the pause is a little longer than the reader’s usual gap between keys, within bounds', () => {
  assert.equal(typingPause([0, 100, 200, 300], 'fostering'), 150);
  assert.equal(typingPause([0, 160, 300, 480], 'fostering'), 240, 'the median gap (160 ms) and a half');
  assert.equal(typingPause([0, 40, 80], 'fostering'), MIN_PAUSE_MS);
  assert.equal(typingPause([0, 500, 1000], 'fostering'), MAX_PAUSE_MS);
  assert.equal(typingPause([], 'fostering'), MIN_PAUSE_MS, 'the first key: the shortest pause');
  assert.equal(typingPause([0, 5000], 'fostering'), MIN_PAUSE_MS, 'a long stop is not a typing rhythm');
});

test('a space after the last word, or a last word the archive lacks (half typed), waits the longest', () => {
  assert.equal(typingPause([0, 100, 200, 300], 'social', 'next'), MAX_PAUSE_MS);
  assert.equal(typingPause([0, 100, 200, 300], 'acad', 'unknown'), MAX_PAUSE_MS);
  assert.equal(typingPause([0, 100, 200, 300], 'academy', 'word'), 150);
});

test('a last word of one or two letters waits longer', () => {
  assert.equal(typingPause([0, 100], 'be'), SHORT_WORD_PAUSE_MS);
  assert.equal(typingPause([0, 60], 'the'), MIN_PAUSE_MS);
});
