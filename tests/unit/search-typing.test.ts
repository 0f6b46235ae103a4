import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KEYSTROKE_WORK_MS, MAX_PAUSE_MS, MIN_PAUSE_MS, SHORT_WORD_PAUSE_MS, typingPause, typingWaits } from '../../src/lib/search/typing.ts';

test('the pause is a little longer than the slowest of the reader’s last gaps between keys, within bounds', () => {
  assert.equal(typingPause([0, 120, 240, 360], 'fostering'), 150);
  assert.equal(typingPause([0, 160, 300, 480], 'fostering'), 225, 'the slowest gap (180 ms) and a quarter');
  assert.equal(typingPause([0, 100, 200, 400], 'fostering'), 250, 'an uneven typist (100, 100, 200 ms) waits as their slowest key');
  assert.equal(typingPause([0, 100, 200, 300], 'fostering'), MIN_PAUSE_MS);
  assert.equal(typingPause([0, 40, 80], 'fostering'), MIN_PAUSE_MS);
  assert.equal(typingPause([0, 500, 1000], 'fostering'), MAX_PAUSE_MS);
  assert.equal(typingPause([], 'fostering'), MIN_PAUSE_MS, 'the first key: the shortest pause');
  assert.equal(typingPause([0, 5000], 'fostering'), MIN_PAUSE_MS, 'a long stop is not a typing rhythm');
  assert.equal(typingPause([0, 5000, 5120, 5240], 'fostering'), 150, 'nor the stop before the typing resumed');
});

test('a space after the last word, or a last word the archive lacks (half typed), waits the longest', () => {
  assert.equal(typingPause([0, 120, 240, 360], 'social', 'next'), MAX_PAUSE_MS);
  assert.equal(typingPause([0, 120, 240, 360], 'acad', 'unknown'), MAX_PAUSE_MS);
  assert.equal(typingPause([0, 120, 240, 360], 'academy', 'word'), 150);
});

test('a last word of one or two letters waits longer', () => {
  assert.equal(typingPause([0, 100], 'be'), SHORT_WORD_PAUSE_MS);
  assert.equal(typingPause([0, 60], 'the'), MIN_PAUSE_MS);
});

test('the pause is timed from the keystroke: the keystroke’s own work does not lengthen it', () => {
  assert.equal(typingWaits([0, 120, 240, 360], 'fostering', 'word', 0).search, 150);
  assert.equal(typingWaits([0, 120, 240, 360], 'fostering', 'word', 15).search, 135, '15 ms of the keystroke’s own work');
  assert.equal(typingWaits([0, 120, 240, 360], 'social', 'next', 15).search, MAX_PAUSE_MS - 15);
});

test('a keystroke whose work takes longer (a busy machine, where the next key can be held up) does not shorten the pause further', () => {
  assert.equal(typingWaits([0, 120, 240, 360], 'fostering', 'word', KEYSTROKE_WORK_MS).search, 150 - KEYSTROKE_WORK_MS);
  assert.equal(typingWaits([0, 120, 240, 360], 'fostering', 'word', 60).search, 150 - KEYSTROKE_WORK_MS, 'the pause still runs after the work');
  assert.equal(typingWaits([0, 120, 240, 360], 'interviews', 'word', 60).ready, 132 - KEYSTROKE_WORK_MS);
});

test('the files of the query as it stands load before the pause ends, once the reader’s slowest gap has passed', () => {
  // A reader at 120 ms between keys: the next key would have come at 120 ms; the files load at 132, the search at 150.
  assert.deepEqual(typingWaits([0, 120, 240, 360], 'interviews', 'word', 15), { search: 135, ready: 117 });
  assert.deepEqual(typingWaits([0, 160, 300, 480], 'interviews', 'word', 0), { search: 225, ready: 198 });
  // At the shortest pause the files still load after the reader’s gap: 130 × 1.1 / 1.25 = 114 ms, past 100.
  assert.deepEqual(typingWaits([0, 100, 200, 300], 'interviews', 'word', 0), { search: MIN_PAUSE_MS, ready: 114 });
  // A space, or a word the archive lacks: more is coming, nothing loads early.
  assert.equal(typingWaits([0, 120, 240, 360], 'home', 'next', 15).ready, undefined);
  assert.equal(typingWaits([0, 120, 240, 360], 'acad', 'unknown', 15).ready, undefined);
});
