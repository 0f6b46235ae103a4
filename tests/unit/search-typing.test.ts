import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KEYSTROKE_WORK_MS, MAX_PAUSE_MS, MIN_PAUSE_MS, SHORT_WORD_PAUSE_MS, typingPause, typingWaits } from '../../src/lib/search/typing.ts';

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

test('the pause is timed from the keystroke: the keystroke’s own work does not lengthen it', () => {
  assert.equal(typingWaits([0, 100, 200, 300], 'fostering', 'word', 0).search, 150);
  assert.equal(typingWaits([0, 100, 200, 300], 'fostering', 'word', 15).search, 135, '15 ms of the keystroke’s own work');
  assert.equal(typingWaits([0, 100, 200, 300], 'social', 'next', 15).search, MAX_PAUSE_MS - 15);
});

test('a keystroke whose work takes longer (a busy machine, where the next key can be held up) does not shorten the pause further', () => {
  assert.equal(typingWaits([0, 100, 200, 300], 'fostering', 'word', KEYSTROKE_WORK_MS).search, 150 - KEYSTROKE_WORK_MS);
  assert.equal(typingWaits([0, 100, 200, 300], 'fostering', 'word', 60).search, 150 - KEYSTROKE_WORK_MS, 'the pause still runs after the work');
  assert.equal(typingWaits([0, 100, 200, 300], 'interviews', 'word', 60).ready, 125 - KEYSTROKE_WORK_MS);
});

test('the files of the query as it stands load before the pause ends, once the reader’s usual gap has passed', () => {
  // A reader at 100 ms between keys: the next key would have come at 100 ms; the files load at 125, the search at 150.
  assert.deepEqual(typingWaits([0, 100, 200, 300], 'interviews', 'word', 15), { search: 135, ready: 110 });
  assert.deepEqual(typingWaits([0, 160, 300, 480], 'interviews', 'word', 0), { search: 240, ready: 200 });
  // A space, or a word the archive lacks: more is coming, nothing loads early.
  assert.equal(typingWaits([0, 100, 200, 300], 'home', 'next', 15).ready, undefined);
  assert.equal(typingWaits([0, 100, 200, 300], 'acad', 'unknown', 15).ready, undefined);
});
