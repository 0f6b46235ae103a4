import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseTaxonomy, tagThemes } from '../../src/lib/link/themes.ts';
import type { Taxonomy } from '../../src/lib/link/themes.ts';

const theme = (slug: string, terms: string[], excludes?: string[]) => ({
  slug,
  title: slug,
  description: slug,
  terms,
  ...(excludes ? { excludes } : {}),
});

const small: Taxonomy = [
  theme('pathway-plans', ['pathway plan']),
  theme('missing', ['return home interview', 'go missing']),
  theme('supervision', ['supervision', 'management oversight'], ['supervision order']),
  theme('it', ['IT systems']),
];

describe('tagThemes', () => {
  it('matches phrases stem by stem', () => {
    assert.deepEqual(tagThemes('Pathway planning is weak.', small), ['pathway-plans']);
    assert.deepEqual(tagThemes('Children who went missing had return home interviews.', small), ['missing']);
  });

  it('matches whole words only', () => {
    assert.deepEqual(tagThemes('The supervisionary pathwayplan', small), []);
  });

  it('needs the words of a phrase together and in order', () => {
    assert.deepEqual(tagThemes('The plan for the pathway', small), []);
  });

  it('ignores words inside an exclude phrase', () => {
    assert.deepEqual(tagThemes('A support plan endorsed under a supervision order.', small), []);
    assert.deepEqual(tagThemes('Under a supervision order, and with regular supervision.', small), ['supervision']);
  });

  it('tells the acronym IT from the pronoun it', () => {
    assert.deepEqual(tagThemes('How well IT systems support social workers.', small), ['it']);
    assert.deepEqual(tagThemes('It matters.', small), []);
  });

  it('puts the theme with most hits first, ties in taxonomy order', () => {
    assert.deepEqual(
      tagThemes('Supervision and management oversight; pathway plans.', small),
      ['supervision', 'pathway-plans'],
    );
    assert.deepEqual(tagThemes('Pathway plans; supervision.', small), ['pathway-plans', 'supervision']);
  });

  it('tags nothing in text about none of the themes', () => {
    assert.deepEqual(tagThemes('The weather in Gloucester was fine.', small), []);
  });
});

describe('content/themes.json', () => {
  const taxonomy = parseTaxonomy(JSON.parse(readFileSync('content/themes.json', 'utf8')));

  it('is a valid taxonomy with unique slugs', () => {
    assert.ok(taxonomy.length >= 20);
    assert.equal(new Set(taxonomy.map((t) => t.slug)).size, taxonomy.length);
  });

  it('has phrases specific enough that no theme tags a generic sentence', () => {
    const generic =
      'Senior leaders have made progress since the last inspection, and social workers know the children they work with well.';
    assert.deepEqual(tagThemes(generic, taxonomy), []);
  });

  it('tags the matters readers ask about', () => {
    assert.ok(tagThemes('A few care leavers live in bed and breakfast accommodation.', taxonomy).includes('care-leavers-accommodation'));
    assert.ok(tagThemes('Return home interviews are not timely.', taxonomy).includes('missing-return-home-interviews'));
    assert.ok(tagThemes('Children who are privately fostered wait for visits.', taxonomy).includes('private-fostering'));
    assert.ok(!tagThemes('A sound support plan endorsed by the court under a supervision order.', taxonomy).includes('supervision-management-oversight'));
  });

  it('rejects duplicate slugs', () => {
    assert.throws(() => parseTaxonomy([theme('a', ['x']), theme('a', ['y'])]), /duplicate slug a/);
  });
});
