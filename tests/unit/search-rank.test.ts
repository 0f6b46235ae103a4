import { test } from 'node:test';
import assert from 'node:assert/strict';
import { answered, candidateReports, groupWeights, partialPassages, passagesToShow, reportScore, reportWeights, scorePassages, scoreTogether, type WordResults } from '../../src/lib/search/rank.ts';
import { parseQuery } from '../../src/lib/search/query.ts';

const glossary = [{ term: 'LADO', expansion: 'local authority designated officer', also: ['designated officer'] }];
const hits = (entries: Record<string, Record<string, number>>): WordResults =>
  new Map(Object.entries(entries).map(([word, byId]) => [word, new Map(Object.entries(byId).map(([id, score]) => [id, { score }]))]));

test('reports holding every word come first, then by their scores for the words; a word no report holds is named missing', () => {
  const groups = parseQuery('private fostering zzyzx', []);
  const found = candidateReports(groups, hits({ private: { a: 1, b: 5, c: 2 }, fostering: { a: 3, c: 1 }, zzyzx: {} }));
  assert.deepEqual(found.reports.map((r) => r.id), ['a', 'c', 'b']);
  assert.equal(found.held, 2);
  assert.deepEqual(found.missing, [2]);
  assert.deepEqual(found.reportsPerGroup, [3, 2, 0]);
});

test('a glossary group is held through any of its names; a common word is not required', () => {
  const groups = parseQuery('the LADO', glossary);
  const found = candidateReports(groups, hits({ the: { a: 1, b: 1 }, lado: { a: 2 }, designated: { b: 1, c: 1 }, officer: { b: 1 }, local: {}, authority: {} }));
  assert.deepEqual(found.reports.map((r) => r.id), ['a', 'b'], 'c has "designated" but not "officer"');
  assert.deepEqual(found.missing, []);
});

// A report's matched words: "return" in passages 0 and 2, "home" in 0, 1, 2, "interviews" in 2 and 3, "interview" in 4.
const returnHome = parseQuery('return home interviews', []);
const words = new Map([
  ['return', [{ word: 'return', passages: [0, 2], places: [] }]],
  ['home', [{ word: 'home', passages: [0, 1, 2], places: [] }]],
  ['interviews', [{ word: 'interviews', passages: [2, 3], places: [] }, { word: 'interview', passages: [4], places: [] }]],
]);

test('a passage scores the rarity of each group it holds, the query’s own forms above others', () => {
  const weights = groupWeights(returnHome, [10, 50, 5], 100);
  assert.ok(weights[2]! > weights[0]! && weights[0]! > weights[1]!, 'rarer words weigh more');
  const scored = new Map(scorePassages(returnHome, words, weights).map((p) => [p.passage, p]));
  assert.deepEqual(scored.get(2)!.groups, [0, 1, 2]);
  assert.equal(scored.get(2)!.required, 3);
  assert.ok(scored.get(3)!.score > scored.get(4)!.score, '"interviews" itself counts above "interview"');
  assert.deepEqual(passagesToShow([...scored.values()], { documentOrder: false }).map((p) => p.passage), [2, 0], 'best first, down to half the best');
});

test('when no passage holds every word, the rarest words held decide; a chosen theme comes first', () => {
  const weights = groupWeights(returnHome, [10, 50, 5], 100);
  const noBoth = new Map([...words].map(([w, m]) => [w, w === 'return' ? [{ word: 'return', passages: [0], places: [] }] : m.map((x) => ({ ...x, passages: x.passages.filter((p) => p !== 2) }))]));
  const passages = scorePassages(returnHome, noBoth, weights);
  // 0 holds "return" and "home"; 3 the rarest word, "interviews"; 4 another form of it; 1 only the commonest, "home".
  assert.deepEqual(passagesToShow(passages, { documentOrder: false }).map((p) => p.passage), [0, 3, 4]);
  assert.deepEqual(passagesToShow(passages, { documentOrder: false, themed: new Set([3]) }).map((p) => p.passage), [3]);
  assert.deepEqual(passagesToShow(passages, { documentOrder: true, themed: new Set([99]) }).map((p) => p.passage), [0, 3, 4]);
});

test('a report ranks by its best passage, and a little by how many passages are as good', () => {
  const one = reportScore([{ passage: 0, groups: [0, 1], required: 2, score: 3 }, { passage: 1, groups: [0], required: 1, score: 9 }]);
  assert.deepEqual(one, { required: 2, score: 9 }, 'a passage with one rare word leads one with two common ones');
  const many = reportScore([{ passage: 0, groups: [0, 1], required: 2, score: 9 }, { passage: 1, groups: [0, 1], required: 2, score: 9 }]);
  assert.ok(many.score > one.score);
  assert.deepEqual(reportScore([]), { required: 0, score: 0 });
});

test('a report whose words stand only in different passages shows those passages, ranked after whole matches', () => {
  // The glossary's "return interview" is one group: no passage here holds both words.
  const rhi = parseQuery('RHI', [{ term: 'RHI', expansion: 'return home interview', also: ['return interview'] }]);
  const apart = new Map([
    ['rhi', []],
    ['return', [{ word: 'return', passages: [0], places: [] }]],
    ['home', []],
    ['interview', [{ word: 'interviews', passages: [3], places: [] }]],
  ]);
  const weights = groupWeights(rhi, [4], 10);
  assert.deepEqual(scorePassages(rhi, apart, weights), []);
  const parts = partialPassages(rhi, apart, weights);
  assert.deepEqual(parts.map((p) => p.passage).sort(), [0, 3]);
  assert.ok(parts.every((p) => p.required === 0 && p.score > 0 && p.score < weights[0]!));
  assert.ok(reportScore(parts).required < reportScore([{ passage: 0, groups: [0], required: 1, score: 0.1 }]).required);
});

test('a glossary group is as rare as its typed form, when any report prints it; else as its other forms', () => {
  const marac = [{ term: 'MARAC', expansion: 'risk conference', also: [] }];
  const groups = parseQuery('MARAC files', marac);
  // "marac" in one report; "risk" and "conference" (the expansion, scattered) in three.
  const typed = candidateReports(groups, hits({ marac: { a: 1 }, risk: { a: 1, b: 1, c: 1 }, conference: { a: 1, b: 1, c: 1 }, files: { a: 1, b: 1, c: 1 } }));
  assert.deepEqual(typed.reportsPerGroup, [1, 3], 'MARAC weighs as a word of one report, not of three');
  const weights = groupWeights(groups, typed.reportsPerGroup, 3);
  assert.ok(weights[0]! > weights[1]!, 'a passage without MARAC loses more than one without "files"');
  const spelt = candidateReports(groups, hits({ marac: {}, risk: { b: 1, c: 1 }, conference: { b: 1, c: 1 }, files: { a: 1, b: 1, c: 1 } }));
  assert.deepEqual(spelt.reportsPerGroup, [2, 3], 'no report prints MARAC: its expansion decides');
  assert.deepEqual(spelt.missing, []);
});

test('a figure weighs as the rarest word, however many reports print it', () => {
  const groups = parseQuery('Darlington 55 time', []);
  const weights = groupWeights(groups, [3, 40, 60], 60);
  assert.ok(weights[1]! >= weights[0]!, '"55" counts at least as much as a name held by three reports');
  assert.ok(weights[1]! > 2 * weights[2]!);
  const asWord = groupWeights(parseQuery('Darlington fifty time', []), [3, 40, 60], 60);
  assert.ok(asWord[1]! < asWord[0]!, 'a word held by 40 reports does not');
});

test('a passage where neighbouring query words stand together leads one holding them apart, read from where the words stand', () => {
  const groups = parseQuery('young carers assessment', []);
  const weights = [0.7, 0.9, 2];
  // Passage 0 holds all three words apart, passage 1 says "young carers", passage 2 holds only "assessment".
  const words = new Map([
    ['young', [{ word: 'young', passages: [0, 1], places: ['A', 'E'] }]],
    ['carers', [{ word: 'carers', passages: [0, 1], places: ['J', 'F'] }]],
    ['assessment', [{ word: 'assessments', passages: [0, 1, 2], places: ['D', 'U', 'C'] }]],
  ]);
  const passages = [
    { passage: 0, groups: [0, 1, 2], required: 3, score: 3.6 },
    { passage: 1, groups: [0, 1, 2], required: 3, score: 3.6 },
    { passage: 2, groups: [2], required: 1, score: 2 },
  ];
  const [apart, together, lacking] = scoreTogether(groups, weights, 3, words, passages);
  assert.equal(apart, passages[0], 'no bonus for words apart');
  assert.equal(together!.score, 3.6 + 0.7, 'the lighter word of the pair decides the bonus');
  assert.equal(lacking, passages[2], 'words together never make up for one missing');
  assert.ok(reportScore([together!]).score > reportScore([apart!]).score);
  const everywhere = scoreTogether(parseQuery('shropshire carers', []), [0.1, 1], 2, new Map([
    ['shropshire', [{ word: 'shropshire', passages: [0, 1], places: ['', 'A'] }]],
    ['carers', [{ word: 'carers', passages: [0, 1], places: ['D', 'B'] }]],
  ]), [{ passage: 0, groups: [0, 1], required: 2, score: 1 }, { passage: 1, groups: [0, 1], required: 2, score: 1 }]);
  assert.deepEqual(everywhere.map((p) => p.score), [1, 1], 'not with the report\'s authority, which every passage holds');
  // Five passages saying "young carers": only the report's three best gain, not its count of them.
  const five = [0, 1, 2, 3, 4];
  const repeated = new Map([
    ['young', [{ word: 'young', passages: five, places: five.map(() => 'A') }]],
    ['carers', [{ word: 'carers', passages: five, places: five.map(() => 'B') }]],
  ]);
  const sayingIt = five.map((passage) => ({ passage, groups: [0, 1], required: 2, score: 2 - passage / 10 }));
  const oneWord = [{ passage: 5, groups: [0], required: 1, score: 1 }, { passage: 6, groups: [1], required: 1, score: 1 }];
  const gained = scoreTogether(parseQuery('young carers', []), [0.7, 0.9], 2, repeated, [...sayingIt, ...oneWord]);
  assert.deepEqual(gained.map((p) => Number((p.score - (p.passage >= 5 ? 1 : 2 - p.passage / 10)).toFixed(2))), [0.7, 0.7, 0.7, 0, 0, 0, 0]);
});

test('the reports looked at answer a short query once a passage holds its words together; a phrase once three hold it', () => {
  const words = new Map([
    ['life', [{ word: 'life', passages: [0, 1, 2], places: ['A', 'A', 'A'] }]],
    ['appreciation', [{ word: 'appreciation', passages: [0, 1], places: ['H', 'B'] }]],
    ['day', [{ word: 'day', passages: [0, 1, 3], places: ['D', 'C', 'A'] }]],
  ]);
  const groups = parseQuery('life appreciation day', []);
  // Passages 2 and 3 hold "life" and "day" alone: no word is the report's authority, held by every passage.
  const both = [{ passage: 0, groups: [0, 1, 2], required: 3, score: 3 }, { passage: 1, groups: [0, 1, 2], required: 3, score: 3 }, { passage: 2, groups: [0], required: 1, score: 0.2 }, { passage: 3, groups: [2], required: 1, score: 0.2 }];
  const [apart, together] = scoreTogether(groups, [0.2, 2, 0.2], 3, words, both);
  assert.equal(apart!.together, undefined, '"life" … "appreciation" … "day" apart');
  assert.equal(together!.together, true, '"life appreciation day"');
  assert.equal(answered(groups, [[apart!]]), false, 'the words apart: look at the next reports');
  assert.equal(answered(groups, [[apart!], [together!]]), true);
  // Four words or more ask a question, whose words an answer need not hold together.
  assert.equal(answered(parseQuery('care leavers mental health turn', []), [[apart!]]), true);
  // One word: any passage holding it answers.
  const [one] = scoreTogether(parseQuery('appreciation', []), [2], 1, words, [{ passage: 0, groups: [0], required: 1, score: 2 }]);
  assert.equal(answered(parseQuery('appreciation', []), [[one!]]), true);
  // A quoted phrase: until three reports hold it, whatever their words.
  const phrase = parseQuery('"family time"', []);
  assert.equal(answered(phrase, [[apart!], [], [together!]]), false);
  assert.equal(answered(phrase, [[apart!], [together!], [apart!]]), true);
});

test('a query naming an authority in full ranks its reports first, and a mention of the name elsewhere counts half', () => {
  // a: South Gloucestershire's report (a name of two stems); b: Gloucestershire's (one stem), which says "south" in a
  // paragraph; c: another authority's report mentioning both words, scoring higher on each.
  const named = (score: number, name?: number) => (name === undefined ? { score } : { score, name });
  const results: WordResults = new Map([
    ['south', new Map([['a', named(1, 2)], ['b', named(1)], ['c', named(3)]])],
    ['gloucestershire', new Map([['a', named(1, 2)], ['b', named(1, 1)], ['c', named(3)]])],
    ['lado', new Map([['a', named(1)], ['b', named(1)], ['c', named(3)]])],
  ]);
  const found = candidateReports(parseQuery('South Gloucestershire LADO', []), results);
  assert.deepEqual(found.reports.map((r) => [r.id, r.named]), [['a', [0, 1]], ['b', [1]], ['c', []]]);
  assert.deepEqual(found.named, [0, 1]);
  const weights = [2, 4, 6];
  assert.deepEqual(reportWeights(weights, found.named, found.reports[0]), [2, 4, 6], 'the authority’s own report: every word in full');
  assert.deepEqual(reportWeights(weights, found.named, found.reports[1]), [1, 4, 6], 'Gloucestershire’s: its own name in full, "south" a mention');
  assert.deepEqual(reportWeights(weights, found.named, found.reports[2]), [1, 2, 6]);

  // "south" alone names no authority: South Gloucestershire's name has two stems.
  const south = candidateReports(parseQuery('south LADO', []), results);
  assert.deepEqual(south.reports.map((r) => r.id), ['c', 'a', 'b']);
  assert.deepEqual(south.named, []);
  assert.deepEqual(reportWeights(weights, south.named, south.reports[0]), weights);
});
