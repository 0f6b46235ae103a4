import { test } from 'node:test';
import assert from 'node:assert/strict';
import { excerptRuns, resultSummary } from '../../src/lib/search/results.ts';
import { highlightWords, matchRanges } from '../../src/lib/search/match-marks.ts';

const join = (runs: ReturnType<typeof excerptRuns>) => runs.map((r) => (r.marked ? `[${r.text}]` : r.text)).join('');
const words = (...list: string[]) => new Set(list);

test('an excerpt marks the matched words and keeps the text as text, never HTML', () => {
  assert.equal(join(excerptRuns('Return home interviews <b>&amp;</b> are late.', words('return', 'home'), 32)), '[Return] [home] interviews <b>&amp;</b> are late.');
  assert.deepEqual(excerptRuns('', words('x'), 32), []);
});

test('a long passage is cut to the stretch with the most different matched words, with ellipses where it goes on', () => {
  const filler = (n: number, word: string) => Array.from({ length: n }, () => word).join(' ');
  const text = `${filler(20, 'aa')} missing once ${filler(30, 'bb')} missing children return home ${filler(30, 'cc')}`;
  assert.equal(join(excerptRuns(text, words('missing', 'return'), 10)), '…bb bb bb [missing] children [return] home cc cc cc…');
  assert.equal(join(excerptRuns(`${filler(5, 'aa')} return ${filler(20, 'bb')}`, words('return'), 10)), '…aa aa aa [return] bb bb bb bb bb bb…');
  assert.equal(join(excerptRuns(`${filler(20, 'aa')}`, words('zz'), 5)), 'aa aa aa aa aa…');
});

const summary = (query: string, total: number, unfiltered: number, more: Partial<Parameters<typeof resultSummary>[0]> = {}) =>
  resultSummary({ query, total, unfiltered, notFound: [], notTogether: [], ...more });

test('the result sentence says how many reports have matching passages, with and without filters', () => {
  assert.equal(summary('private fostering', 12, 12), 'Passages of 12 reports match “private fostering”.');
  assert.equal(summary('x', 1, 1), 'Passages of 1 report match “x”.');
  assert.equal(summary('zzz', 0, 0), 'No passages match “zzz”. Check the spelling, or try fewer or different words.');
  assert.equal(summary('x', 4, 1200), '4 reports of 1,200 with passages matching “x” fit the filters chosen.');
  assert.equal(summary('x', 0, 3), 'No report with passages matching “x” fits the filters chosen (3 reports without them).');
});

test('no dead end: the sentence names the words not found, suggests a spelling, and says what no passage holds together', () => {
  assert.equal(
    summary('fostring', 0, 0, { notFound: [{ typed: 'fostring', suggestion: 'fostering' }] }),
    'No passages match “fostring”. No report uses “fostring”. Did you mean “fostering”?',
  );
  assert.equal(
    summary('LADO paper files zqx', 9, 9, { notFound: [{ typed: 'zqx', suggestion: null }], notTogether: ['paper'] }),
    'Passages of 9 reports match “LADO paper files zqx”. No report uses “zqx”. No passage holds every word: these hold most of them, without “paper”.',
  );
});

test('the words to mark come from the link, lower case, each once', () => {
  assert.deepEqual([...highlightWords(new URLSearchParams('highlight=Return&highlight=home&highlight=home'))], ['return', 'home']);
  assert.deepEqual([...highlightWords(new URLSearchParams(''))], []);
});

test('only the words the search matched are marked: "care" marks "carers" only when "carers" was matched', () => {
  const text = 'Care leavers and their carers; well-being and a caring home.';
  const marked = (matched: string[]) => matchRanges(text, new Set(matched)).map(([s, e]) => text.slice(s, e));
  assert.deepEqual(marked(['care']), ['Care']);
  assert.deepEqual(marked(['care', 'carers']), ['Care', 'carers']);
  assert.deepEqual(marked(['wellbeing']), ['well-being']);
  assert.deepEqual(marked([]), []);
});

test('with a focus (a quoted phrase’s offset) the excerpt is the stretch around it', () => {
  const filler = (n: number, word: string) => Array.from({ length: n }, () => word).join(' ');
  const text = `${filler(20, 'practice')} partners in practice ${filler(20, 'bb')}`;
  const runs = join(excerptRuns(text, words('partners', 'in', 'practice'), 8, text.indexOf('partners')));
  assert.equal(runs, '…[practice] [practice] [practice] [partners] [in] [practice] bb bb…');
});
