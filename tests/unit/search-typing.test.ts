import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { glossarySchema } from '../../src/schemas/glossary.ts';
import { alternativeWords, MAX_PAUSE_MS, MIN_PAUSE_MS, SHORT_WORD_PAUSE_MS, typingPause } from '../../src/lib/search/typing.ts';

test('the pause is a little longer than the reader’s usual gap between keys, within bounds', () => {
  assert.equal(typingPause([0, 100, 200, 300], 'fostering'), 125);
  assert.equal(typingPause([0, 160, 300, 480], 'fostering'), 200, 'the median gap (160 ms) and a quarter');
  assert.equal(typingPause([0, 40, 80], 'fostering'), MIN_PAUSE_MS);
  assert.equal(typingPause([0, 500, 1000], 'fostering'), MAX_PAUSE_MS);
  assert.equal(typingPause([], 'fostering'), MIN_PAUSE_MS, 'the first key: the shortest pause');
  assert.equal(typingPause([0, 5000], 'fostering'), MIN_PAUSE_MS, 'a long stop is not a typing rhythm');
});

test('a space after the last word, or a last word the archive lacks (half typed), waits the longest', () => {
  assert.equal(typingPause([0, 100, 200, 300], 'social', 'next'), MAX_PAUSE_MS);
  assert.equal(typingPause([0, 100, 200, 300], 'acad', 'unknown'), MAX_PAUSE_MS);
  assert.equal(typingPause([0, 100, 200, 300], 'academy', 'word'), 125);
});

test('a last word of one or two letters waits longer', () => {
  assert.equal(typingPause([0, 100], 'be'), SHORT_WORD_PAUSE_MS);
  assert.equal(typingPause([0, 60], 'the'), MIN_PAUSE_MS);
});

test('the glossary\u2019s other names are loaded while typing only once every word typed is done, and no longer term could take over', () => {
  const entries = [
    { term: 'RHI', expansion: 'return home interview', also: [] },
    { term: 'LADO', expansion: 'local authority designated officer', also: ['designated officer'] },
    { term: 'care leaver', expansion: 'care leaver', also: ['former relevant child'] },
    { term: 'care', expansion: 'care', also: ['looked after'] },
  ];
  assert.deepEqual(alternativeWords('return home interviews', true, entries), ['rhi', 'return', 'home', 'interview']);
  assert.deepEqual(alternativeWords('return home interviews', false, entries), [], 'the last word may go on');
  assert.deepEqual(alternativeWords('LADO allegations', true, entries), ['local', 'authority', 'designated', 'officer']);
  assert.deepEqual(alternativeWords('care ', true, entries), [], '"care" may yet be "care leavers"');
  assert.deepEqual(alternativeWords('care leavers', true, entries), ['care', 'leaver', 'former', 'relevant', 'child']);
  assert.ok(alternativeWords('return home interviews', true, glossarySchema.parse(JSON.parse(readFileSync('content/glossary.json', 'utf8'))).entries).includes('rhi'), 'the archive\u2019s glossary');
});
