import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { alternativeWords, groupWords, holdsPhrase, parseQuery, phraseOffset } from '../../src/lib/search/query.ts';
import { glossarySchema } from '../../src/schemas/glossary.ts';

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
