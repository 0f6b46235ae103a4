import { test } from 'node:test';
import assert from 'node:assert/strict';
import { excerptRuns, rankPassages, spokenLabel, resultSummary } from '../../src/lib/search/results.ts';
import { highlightTerms, matchRanges, searchTerms } from '../../src/lib/search/highlight.ts';
import { exactWords } from '../../src/lib/search/passage-index.ts';

// A report's passage index, word by word: word 0 "return" is in passages 0 and 2, word 1 "home" in 0, 1 and 2, ...
const wordPassages = [[0, 2], [0, 1, 2], [2, 3], [4], [1, 4]];

test('passages holding every word of the query come first, the one with most matching words leading', () => {
  // "return home interviews": return → word 0, home → word 1, interviews → words 2 and 3 (two forms of it).
  assert.deepEqual(rankPassages(wordPassages, [[0], [1], [2, 3]], { documentOrder: false }), [2]);
  // "home": passages 0, 1, 2 all hold it once; the report's order breaks the tie.
  assert.deepEqual(rankPassages(wordPassages, [[1]], { documentOrder: false }), [0, 1, 2]);
  // "home interviews" (interviews → words 3 and 4): only passage 1 holds both words of the query.
  assert.deepEqual(rankPassages(wordPassages, [[1], [3, 4]], { documentOrder: false }), [1]);
});

test('when no passage holds every word, the passages with the most of them are shown', () => {
  // "return interviews" where word 3 (an "interviews" form) is only in passage 4, which lacks "return".
  assert.deepEqual(rankPassages(wordPassages, [[0], [3]], { documentOrder: false }), [0, 2, 4]);
});

test('more matching words rank higher; with documentOrder the report’s own order wins', () => {
  // "home" matches words 1 and 4 (two forms): passage 1 holds both, so it leads.
  assert.deepEqual(rankPassages(wordPassages, [[1, 4]], { documentOrder: false }), [1, 0, 2, 4]);
  assert.deepEqual(rankPassages(wordPassages, [[1, 4]], { documentOrder: true }), [0, 1, 2, 4]);
});

test('the query’s own words rank above other forms of them, as Pagefind ranks', () => {
  // "home": word 1 is "home" itself, word 4 another form ("homes"); passage 4 holds only that form.
  assert.deepEqual(rankPassages(wordPassages, [[1, 4]], { documentOrder: false, exactTermWords: [[4]] }), [1, 4, 0, 2]);
});

test('a matched word as long as the query word is that word', () => {
  const matched = (length: number, word: number) => ({ word, length, passages: [] });
  assert.deepEqual(exactWords('Meetings', [matched(4, 0), matched(7, 1), matched(8, 2)]).map((m) => m.word), [2]);
  assert.deepEqual(exactWords('well-being', [matched(9, 0), matched(10, 1)]).map((m) => m.word), [0]);
  assert.deepEqual(exactWords('x'.repeat(40), [matched(35, 0)]).map((m) => m.word), [0]);
});

test('with a theme chosen, only the passages carrying it are shown, unless none of those match', () => {
  assert.deepEqual(rankPassages(wordPassages, [[1]], { documentOrder: false, themed: new Set([1, 3]) }), [1]);
  assert.deepEqual(rankPassages(wordPassages, [[1]], { documentOrder: false, themed: new Set([3]) }), [0, 1, 2]);
});

test('no matching words, no passages', () => {
  assert.deepEqual(rankPassages(wordPassages, [[]], { documentOrder: false }), []);
  assert.deepEqual(rankPassages(wordPassages, [], { documentOrder: false }), []);
});

const join = (runs: ReturnType<typeof excerptRuns>) => runs.map((r) => (r.marked ? `[${r.text}]` : r.text)).join('');

test('an excerpt marks the query’s words and keeps the text as text, never HTML', () => {
  assert.equal(join(excerptRuns('Return home interviews <b>&amp;</b> are late.', ['return', 'home'], 32)), '[Return] [home] interviews <b>&amp;</b> are late.');
  assert.deepEqual(excerptRuns('', ['x'], 32), []);
});

test('a long passage is cut to the stretch with the most different query words, with ellipses where it goes on', () => {
  const filler = (n: number, word: string) => Array.from({ length: n }, () => word).join(' ');
  const text = `${filler(20, 'aa')} missing once ${filler(30, 'bb')} missing children return home ${filler(30, 'cc')}`;
  assert.equal(join(excerptRuns(text, ['missing', 'return'], 10)), '…bb bb bb [missing] children [return] home cc cc cc…');
  assert.equal(join(excerptRuns(`${filler(5, 'aa')} return ${filler(20, 'bb')}`, ['return'], 10)), '…aa aa aa [return] bb bb bb bb bb bb…');
  assert.equal(join(excerptRuns(`${filler(20, 'aa')}`, ['zz'], 5)), 'aa aa aa aa aa…');
});

test('labels are spoken in words', () => {
  assert.equal(spokenLabel('¶ 41'), 'Paragraph 41');
  assert.equal(spokenLabel('A2'), 'Paragraph A2 (archive numbering)');
  assert.equal(spokenLabel('Recommendation 3'), 'Recommendation 3');
});

test('the result sentence says how many reports have matching passages, with and without filters', () => {
  assert.equal(resultSummary('private fostering', 12, 12), 'Passages of 12 reports match “private fostering”.');
  assert.equal(resultSummary('x', 1, 1), 'Passages of 1 report match “x”.');
  assert.match(resultSummary('zzz', 0, 0), /^No passages match “zzz”\./);
  assert.equal(resultSummary('x', 4, 1200), '4 reports of 1,200 with passages matching “x” fit the filters chosen.');
  assert.equal(resultSummary('x', 0, 3), 'No report with passages matching “x” fits the filters chosen (3 reports without them).');
});

test('search terms: lower case words, each once', () => {
  assert.deepEqual(searchTerms('Bed and  breakfast, bed'), ['bed', 'and', 'breakfast']);
  assert.deepEqual(searchTerms('  '), []);
});

test('highlight terms come from the link, one word each', () => {
  assert.deepEqual(highlightTerms(new URLSearchParams('highlight=Return&highlight=home&highlight=interviews&highlight=home')), ['return', 'home', 'interviews']);
  assert.deepEqual(highlightTerms(new URLSearchParams('highlight=bed+and+breakfast')), ['bed', 'and', 'breakfast']);
  assert.deepEqual(highlightTerms(new URLSearchParams('')), []);
});

test('words are marked by stem, or by a prefix of four letters or more', () => {
  const text = 'Return home interviews, and a returned child’s interview; strategy meetings. The theme.';
  const marked = (terms: string[]) => matchRanges(text, terms).map(([s, e]) => text.slice(s, e));
  assert.deepEqual(marked(['return', 'home', 'interviews']), ['Return', 'home', 'interviews', 'returned', 'interview']);
  assert.deepEqual(marked(['str', 'meeting']), ['meetings']);
  assert.deepEqual(marked(['strat']), ['strategy']);
  assert.deepEqual(marked(['the']), ['The']);
  assert.deepEqual(marked([]), []);
});
