import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateCorpus } from '../../scripts/lib/synthetic-corpus.ts';
import { seededRandom } from '../../scripts/lib/seeded-random.ts';

const pool = Array.from({ length: 80 }, (_, i) => `Paragraph ${i} says something about children. It goes on for a while.`);
const options = { count: 20, paragraphsPerDocument: 12, recommendationsPerDocument: 3, authorities: 7, seed: 42 };

test('the same seed gives the same corpus, byte for byte', () => {
  assert.deepEqual(generateCorpus(pool, options), generateCorpus(pool, options));
  assert.notDeepEqual(generateCorpus(pool, { ...options, seed: 43 }), generateCorpus(pool, options));
});

test('every synthetic document has unique name, a judgement table, recommendations and numbered paragraphs', () => {
  const documents = generateCorpus(pool, options);
  assert.equal(new Set(documents.map((d) => d.name)).size, documents.length);
  for (const document of documents) {
    assert.match(document.text, /^Overall effectiveness\t(Outstanding|Good|Requires improvement to be good|Inadequate)$/m);
    assert.equal(document.text.match(/^- /gm)?.length, 3);
    const numbers = [...document.text.matchAll(/^(\d+)\. /gm)].map((m) => Number(m[1]));
    assert.deepEqual(numbers, Array.from({ length: 12 }, (_, i) => i + 1));
    assert.match(document.sidecar.published, /^\d{4}-\d{2}-\d{2}$/);
  }
});

test("each authority's documents come in date order", () => {
  const documents = generateCorpus(pool, options);
  const first = documents.filter((d) => d.name.startsWith('benchmark-borough-001-')).map((d) => d.sidecar.published);
  assert.ok(first.length >= 2);
  assert.deepEqual(first, [...first].sort());
});

test('the seeded random numbers stay in [0, 1)', () => {
  const random = seededRandom(1);
  for (let i = 0; i < 1000; i++) {
    const value = random();
    assert.ok(value >= 0 && value < 1);
  }
});

test('a pool too small for one document is refused with the numbers', () => {
  assert.throws(() => generateCorpus(pool.slice(0, 5), options), /has 5 paragraphs; at least 12/);
});
