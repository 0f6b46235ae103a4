import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { alternativeWords, compoundCandidates, groupWords, holdsPhrase, joinCompounds, neighbourPairs, OPTIONAL_WORDS, pairsTogether, parseQuery, phraseOffset } from '../../src/lib/search/query.ts';
import { glossarySchema } from '../../src/schemas/glossary.ts';
import { stem } from '../../src/lib/search/stem.ts';
import { vocabulary } from '../../src/lib/search/passage-index.ts';

const glossary = glossarySchema.parse(JSON.parse(readFileSync('content/glossary.json', 'utf8'))).entries;
const shape = (query: string) => parseQuery(query, glossary).map((g) => ({ typed: g.typed, alternatives: g.alternatives.map((a) => a.join(' ')), phrase: g.phrase, optional: g.optional }));

test('each word of a query is a group of its own; common words are optional', () => {
  assert.deepEqual(shape('bed and breakfast'), [
    { typed: 'bed', alternatives: ['bed'], phrase: false, optional: false },
    { typed: 'and', alternatives: ['and'], phrase: false, optional: true },
    { typed: 'breakfast', alternatives: ['breakfast'], phrase: false, optional: false },
  ]);
  assert.deepEqual(shape('the and').map((g) => g.optional), [false, false], 'a query of common words only still asks for them');
});

test('contractions and vague verbs are optional, unless quoted or alone: the subject words decide', () => {
  const optional = (query: string) => shape(query).filter((g) => g.optional).map((g) => g.typed);
  assert.deepEqual(optional("families who don't speak English"), ['who', 'don', 't'], '"don\'t" is no topic word');
  assert.deepEqual(optional("children's files not recorded"), ['s', 'not']);
  assert.deepEqual(optional('children keep changing social worker'), ['keep']);
  assert.deepEqual(optional('assessments done too late'), ['done', 'too']);
  assert.deepEqual(optional('"keep" safe'), [], 'a quoted word is asked for');
  assert.deepEqual(optional('keep going'), [], 'a query of nothing else still asks for them');
});

test('a quoted phrase is one group whose words must stand together', () => {
  assert.deepEqual(shape('“bed and breakfast” Worcestershire'), [
    { typed: 'bed and breakfast', alternatives: ['bed and breakfast'], phrase: true, optional: false },
    { typed: 'worcestershire', alternatives: ['worcestershire'], phrase: false, optional: false },
  ]);
  assert.ok(holdsPhrase('Seven care leavers were placed in bed and breakfast accommodation.', ['bed', 'and', 'breakfast']));
  assert.ok(holdsPhrase('Bed-and-breakfast placements.', ['bed', 'and', 'breakfast']), 'hyphens between the words do not part them');
  assert.ok(!holdsPhrase('A bed, and then breakfast.', ['bed', 'and', 'breakfast']));
  assert.ok(!holdsPhrase('Breakfast and bed.', ['bed', 'and', 'breakfast']));
});

test('the glossary: an abbreviation also finds what it stands for, and the longest form typed wins', () => {
  const [lado, allegations] = shape('LADO allegations');
  assert.equal(lado!.typed, 'lado');
  assert.deepEqual(lado!.alternatives, ['lado', 'local authority designated officer', 'designated officer']);
  assert.equal(allegations!.typed, 'allegations');
  assert.deepEqual(shape('return home interviews timeliness')[0]!.alternatives, ['return home interviews', 'rhi', 'return home interview', 'return interview']);
  assert.deepEqual(shape('PLO pre-proceedings drift').map((g) => g.typed), ['plo', 'drift'], 'two names of one entry are one group');
  assert.deepEqual(groupWords(parseQuery('SGO support', glossary)), ['sgo', 'special', 'guardianship', 'order', 'guardians', 'support']);
});

test('an abbreviation that is also an everyday word counts only in capitals', () => {
  assert.equal(shape('send')[0]!.alternatives.length, 1);
  assert.ok(shape('SEND')[0]!.alternatives.length > 1);
});

test('the glossary file is valid, and no form belongs to two entries', () => {
  assert.ok(glossary.length >= 20);
  const clash = { description: '', entries: [...glossary, { term: 'XYZ', expansion: 'designated officer', also: [], meaning: 'A clash for the test.' }] };
  assert.match(JSON.stringify(glossarySchema.safeParse(clash).error?.issues), /designated officer.*LADO and XYZ/);
});

test('an excerpt can start at a quoted phrase: where it stands, as whole words', () => {
  const text = 'Practice is good. Work with partners in practice reviews, and partners in practice again.';
  assert.equal(phraseOffset(text, [['partners', 'in', 'practice']]), text.indexOf('partners in'));
  assert.equal(phraseOffset('Bed-and-breakfast use.', [['bed', 'and', 'breakfast']]), 0);
  assert.equal(phraseOffset('abed and breakfast', [['bed', 'and', 'breakfast']]), undefined);
  assert.equal(phraseOffset(text, []), undefined);
});

/**
 * The archive's words and the reports holding them, for the compound tests: report 2 writes "letterbox" and no "box";
 * "step-up" is indexed as "step", "up" and "stepup" in the same reports; "child" and "minder" are written apart.
 */
const archive: Record<string, number[]> = { letter: [1, 2], box: [1, 3], letterbox: [1, 2], contact: [1, 2, 3], step: [1, 4], up: [1, 4, 5], stepup: [4], child: [1], minder: [3], young: [1], carers: [1] };
const holders = (word: string) => new Set(archive[word] ?? []);
const known = (word: string) => holders(word).size > 0;
const compounds = (query: string) => joinCompounds(parseQuery(query, glossary), holders).map((g) => g.alternatives.map((a) => a.join(' ')));

test('two words the archive also writes as one find both spellings, each keeping its own weight', () => {
  assert.ok(compoundCandidates(parseQuery('letter box contact', glossary), () => false).includes('letterbox'));
  assert.deepEqual(compounds('letter box contact'), [['letter', 'letterbox'], ['box', 'letterbox'], ['contact']]);
  assert.deepEqual(compounds('young carers'), [['young'], ['carers']], 'no compound the archive lacks');
  assert.deepEqual(compounds('"letter box" contact').slice(0, 1), [['letter box']], 'a quoted phrase stays as typed');
  assert.deepEqual(compounds('letter and box'), [['letter'], ['and'], ['box']], 'words apart in the query are not joined');
  assert.deepEqual(compounds('step up'), [['step'], ['up']], 'not a compound every report holding it also holds apart (a hyphenated "step-up")');
});

test('a word the archive does not use is split where both parts are its words', () => {
  const groups = parseQuery('childminder', glossary);
  assert.ok(compoundCandidates(groups, (word) => word === 'childminder').includes('minder'));
  assert.deepEqual(compounds('childminder'), [['childminder', 'child minder']]);
  assert.deepEqual(compounds('boxes'), [['boxes']], 'no split into parts the archive lacks');
  assert.deepEqual(compoundCandidates(parseQuery('letterbox', glossary), (word) => !known(word)), [], 'a word the archive uses is not split');
});

test('neighbouring words of the query stand together in a passage in either order, common words between them passed over', () => {
  // Where the words of each query word's stem stand, as the passage postings give them (MatchedWord.places).
  const placesIn = (text: string) => {
    const { words, placesOf } = vocabulary([text], '', OPTIONAL_WORDS);
    return (word: string) => words.flatMap((held, at) => (stem(held) === stem(word) ? placesOf[at]! : [])).join('');
  };
  const groups = parseQuery('support for parents of exploited children', glossary);
  const pairs = neighbourPairs(groups);
  assert.deepEqual(pairs.map(([a, b]) => `${groups[a]!.typed} ${groups[b]!.typed}`), ['support parents', 'parents exploited', 'exploited children']);
  assert.deepEqual(pairsTogether(groups, pairs, placesIn('A group for parents of children who are exploited supports parents well.')), [true, false, true], '"supports parents", "children who are exploited"');
  const carers = parseQuery('young carers', glossary);
  assert.deepEqual(pairsTogether(carers, neighbourPairs(carers), placesIn('Young carers are identified in assessments.')), [true]);
  assert.deepEqual(pairsTogether(carers, neighbourPairs(carers), placesIn('Young people say their foster carers listen.')), [false], 'both words, far apart');
  assert.deepEqual(pairsTogether(carers, neighbourPairs(carers), placesIn('Support for the young. Carers are heard.')), [false], 'a sentence ends between them');
  const lado = parseQuery('LADO allegations', glossary);
  assert.deepEqual(pairsTogether(lado, neighbourPairs(lado), placesIn('The local authority designated officer: allegations are managed well.')), [true], 'a glossary form meets by its last word');
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
  assert.ok(alternativeWords('return home interviews', true, glossary).includes('rhi'), 'the archive\u2019s glossary');
});
