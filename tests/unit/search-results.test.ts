import { test } from 'node:test';
import assert from 'node:assert/strict';
import { groupHits, excerptRuns, spokenLabel, resultSummary, type Hit } from '../../src/lib/search/results.ts';
import { highlightTerms, matchRanges } from '../../src/lib/search/highlight.ts';

const hit = (report: string, label: string, position: number): Hit => ({
  url: `${report}#x`,
  excerpt: '',
  meta: { title: `Title of ${report}`, authority: 'A', type: 'Inspection', date: '1 April 2022', label, report, position: String(position) },
});

test('hits are grouped under their report, reports in the order of their first hit', () => {
  const hits = [hit('/r/b/', '¶ 9', 12), hit('/r/a/', '¶ 1', 3), hit('/r/b/', '¶ 3', 6), hit('/r/b/', 'Recommendation 2', 1)];
  const labels = (documentOrder: boolean) => groupHits(hits, { documentOrder }).map((g) => [g.report, g.hits.map((h) => h.meta.label)]);
  assert.deepEqual(labels(false), [['/r/b/', ['¶ 9', '¶ 3', 'Recommendation 2']], ['/r/a/', ['¶ 1']]]);
  assert.deepEqual(labels(true), [['/r/b/', ['Recommendation 2', '¶ 3', '¶ 9']], ['/r/a/', ['¶ 1']]]);
  assert.equal(groupHits(hits, { documentOrder: false })[0]!.title, 'Title of /r/b/');
});

test('an excerpt becomes text runs, marked where Pagefind marked it, with no HTML left in it', () => {
  assert.deepEqual(excerptRuns('the <mark>return</mark> <mark>home</mark> visit &lt;b&gt; &amp;'), [
    { text: 'the ', marked: false },
    { text: 'return', marked: true },
    { text: ' ', marked: false },
    { text: 'home', marked: true },
    { text: ' visit <b> &amp;', marked: false },
  ]);
  assert.deepEqual(excerptRuns(''), []);
});

test('labels are spoken in words', () => {
  assert.equal(spokenLabel('¶ 41'), 'Paragraph 41');
  assert.equal(spokenLabel('A2'), 'Paragraph A2 (archive numbering)');
  assert.equal(spokenLabel('Recommendation 3'), 'Recommendation 3');
});

test('the result sentence says how many passages match, with and without filters', () => {
  assert.equal(resultSummary('private fostering', 12, 12), '12 passages match “private fostering”.');
  assert.equal(resultSummary('x', 1, 1), '1 passage matches “x”.');
  assert.match(resultSummary('zzz', 0, 0), /^No passages match “zzz”\./);
  assert.equal(resultSummary('x', 4, 1200), '4 passages of 1,200 matching “x” fit the filters chosen.');
  assert.equal(resultSummary('x', 0, 3), 'No passages match “x” with the filters chosen (3 passages without them).');
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
