import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { stem, tokenize } from '../../src/lib/link/tokens.ts';
import { trailSentence } from '../../src/lib/link/trail.ts';

const stems = (text: string) => tokenize(text).filter((token) => token.content).map((token) => token.stem);

describe('stem', () => {
  it('conflates the inflections inspection prose uses', () => {
    for (const family of [
      ['plan', 'plans', 'planning', 'planned'],
      ['timely', 'timeliness'],
      ['supervise', 'supervision', 'supervised'],
      ['assess', 'assessment', 'assessments', 'assessed'],
      ['private', 'privately'],
      ['foster', 'fostered', 'fostering'],
      ['family', 'families'],
      ['consistent', 'consistently'],
      ['allocate', 'allocated', 'allocation'],
    ]) {
      assert.equal(new Set(family.map(stem)).size, 1, `${family.join('/')} → ${family.map(stem).join('/')}`);
    }
  });

  it('keeps apart words that only look alike', () => {
    assert.notEqual(stem('care'), stem('career'));
    assert.notEqual(stem('time'), stem('timely'));
    assert.equal(stem('process'), 'process');
    assert.equal(stem('analysis'), 'analysis');
  });
});

describe('tokenize', () => {
  it('splits possessives and hyphens, and drops stop words and bare numbers from the content', () => {
    assert.deepEqual(stems("The children's decision-making within 72 hours"), ['children', 'decis', 'mak', 'hour']);
  });

  it('treats typographic apostrophes and plain ones alike', () => {
    assert.deepEqual(stems('care leavers’ accommodation'), stems("care leavers' accommodation"));
  });

  it('keeps an acronym even when it spells a stop word, and drops the plural s of acronyms', () => {
    assert.deepEqual(stems('How well IT systems support PAs'), ['it', 'system', 'support', 'pa']);
    assert.deepEqual(stems('It is what it is'), []);
  });

  it('keeps stop words as tokens so phrases keep their positions', () => {
    assert.deepEqual(
      tokenize('bed and breakfast').map((token) => [token.stem, token.content]),
      [
        ['bed', true],
        ['and', false],
        ['breakfast', true],
      ],
    );
  });
});

describe('trail', () => {
  it('says what each later document found, in one sentence, worded by its kind', () => {
    assert.equal(trailSentence([]), 'No later document in the archive examines this matter.');
    assert.equal(
      trailSentence([{ documentType: 'inspection', published: '2019-05-08', verdict: 'improved' }]),
      'Improved at the inspection of 8 May 2019.',
    );
    assert.equal(
      trailSentence([{ documentType: 'council-report', published: '2022-06-22', verdict: 'restated' }]),
      'Restated, without an action, in the council report of 22 June 2022.',
    );
    assert.equal(
      trailSentence([
        { documentType: 'monitoring-visit', published: '2019-09-30', verdict: 'mentioned' },
        { documentType: 'inspection', published: '2022-04-01', verdict: 'still-a-concern' },
      ]),
      'Mentioned, without a verdict, in the monitoring visit of 30 September 2019; still a concern at the inspection of 1 April 2022.',
    );
  });

  it('gives neighbouring documents of one kind and one verdict one phrase', () => {
    assert.equal(
      trailSentence([
        { documentType: 'inspection', published: '2019-11-04', verdict: 'still-a-concern' },
        { documentType: 'inspection', published: '2024-07-12', verdict: 'still-a-concern' },
      ]),
      'Still a concern at the inspections of 4 November 2019 and 12 July 2024.',
    );
    assert.equal(
      trailSentence([
        { documentType: 'inspection', published: '2019-11-04', verdict: 'mixed' },
        { documentType: 'inspection', published: '2024-07-12', verdict: 'improved' },
      ]),
      'Mixed progress at the inspection of 4 November 2019; improved at the inspection of 12 July 2024.',
    );
  });
});
