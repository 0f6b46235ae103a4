/** Shaping verdicts for pages and the verdicts export: the recommendation page, the authority tracker, verdicts.csv. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { linkArchive } from '../../src/lib/link/link-archive.ts';
import type { Taxonomy } from '../../src/lib/link/themes.ts';
import { verdictRows } from '../../src/lib/exports/rows.ts';
import { UNTHEMED, authorityTracker, passageOf, recommendationView, trackerCounts } from '../../src/lib/site/verdicts.ts';
import { syntheticRecord } from '../fixtures/links/records.ts';

const taxonomy: Taxonomy = [{ slug: 'missing', title: 'Missing children', description: 'd', terms: ['return home interview', 'go missing'] }];
const [earlier, later] = linkArchive(
  [
    syntheticRecord({
      authority: 'Northshire',
      published: '2016-03-01',
      recommendations: [
        'Improve the timeliness of return home interviews for children who go missing from home or care.',
        'Refurbish the council offices in the town centre.',
      ],
      paragraphs: ['Return home interviews for children who go missing are late.'],
    }),
    syntheticRecord({
      authority: 'Northshire',
      published: '2019-05-08',
      paragraphs: [
        'Adoption work is a strength.',
        'Return home interviews for children who go missing from home or care are now timely and thorough.',
      ],
    }),
  ],
  taxonomy,
);
const bySlug = new Map([earlier!, later!].map((r) => [r.slug, r]));

describe('recommendationView', () => {
  const view = recommendationView(earlier!, 1, bySlug);

  it('gives each later document its verdict, the sentence and the paragraph it is in', () => {
    assert.equal(view.later.length, 1);
    const [finding] = view.later;
    assert.equal(finding!.report.slug, later!.slug);
    assert.equal(finding!.verdict, 'improved');
    assert.equal(finding!.label, 'Improved');
    assert.equal(finding!.sentence, 'Return home interviews for children who go missing from home or care are now timely and thorough.');
    assert.deepEqual(finding!.passage, { id: 'para-2', name: '¶ 2', text: later!.paragraphs[1]!.text });
    assert.equal(view.trail, 'Improved at the inspection of 8 May 2019.');
  });

  it('says plainly when no later document examines the matter', () => {
    const none = recommendationView(earlier!, 2, bySlug);
    assert.deepEqual(none.later, []);
    assert.equal(none.trail, 'No later document in the archive examines this matter.');
  });

  it('names an unknown recommendation in its error', () => {
    assert.throws(() => recommendationView(earlier!, 9, bySlug), /northshire-2016-03-01-inspection has no recommendation 9/);
  });

  it('gives the pager the recommendations either side, and the section one is listed under', () => {
    assert.deepEqual([view.previous, view.next], [null, 2]);
    assert.deepEqual([recommendationView(earlier!, 2, bySlug).previous, recommendationView(earlier!, 2, bySlug).next], [1, null]);
    assert.equal(view.listedUnder, null, 'listed under no section');
    const listed = syntheticRecord({
      authority: 'Northshire',
      published: '2017-01-01',
      sections: ['recommendations'],
      paragraphs: [],
      recommendations: [{ text: 'Improve supervision.', number: 3, section: 'recommendations' }, { text: 'Improve audits.', number: 7 }],
    });
    const third = recommendationView(listed, 3, bySlug);
    assert.equal(third.listedUnder, 'recommendations', 'the title of its section');
    assert.deepEqual([third.previous, third.next], [null, 7], 'numbers as the report gives them, gaps and all');
  });

  it('names passages the way the page does', () => {
    assert.equal(passageOf(later!, 'para-2')!.name, '¶ 2');
    assert.equal(passageOf(earlier!, 'rec-2')!.name, 'Recommendation 2');
    assert.equal(passageOf(earlier!, 'para-99'), undefined);
  });
});

describe('authorityTracker', () => {
  const groups = authorityTracker([later!, earlier!], bySlug, new Map([['missing', 'Missing children']]));
  it('lists every recommendation, by its main theme, with "Other matters" last', () => {
    assert.deepEqual(groups.map((g) => [g.title, g.rows.map((r) => r.recommendation.number)]), [
      ['Missing children', [1]],
      [UNTHEMED, [2]],
    ]);
    assert.equal(groups[0]!.rows[0]!.later[0]!.verdict, 'improved');
  });
  it('gives each theme an anchor of its title, and counts recommendations and the documents making them', () => {
    assert.deepEqual(groups.map((g) => g.id), ['theme-missing-children', 'theme-other-matters']);
    assert.deepEqual(trackerCounts([later!, earlier!], groups), { recommendations: 2, documents: 1 });
  });
});

describe('verdictRows', () => {
  it('has one row per recommendation and later document that examines it, with the sentence and its paragraph', () => {
    const rows = verdictRows([later!, earlier!], new URL('https://archive.example/'));
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.verdict, 'improved');
    assert.equal(rows[0]!.later_document, later!.slug);
    assert.equal(rows[0]!.paragraph_url, `https://archive.example/reports/${later!.slug}/#para-2`);
    assert.equal(rows[0]!.page_url, `https://archive.example/reports/${earlier!.slug}/recommendations/1/`);
  });
});
