import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { linkArchive } from '../../src/lib/link/link-archive.ts';
import type { Taxonomy } from '../../src/lib/link/themes.ts';
import { reportSchema } from '../../src/schemas/report.ts';
import type { ReportRecord } from '../../src/schemas/report.ts';
import { syntheticRecord } from '../fixtures/links/records.ts';

const theme = (slug: string, terms: string[]) => ({ slug, title: slug, description: slug, terms });
const taxonomy: Taxonomy = [
  theme('missing', ['return home interview', 'go missing', 'missing from home']),
  theme('pathway-plans', ['pathway plan']),
  theme('private-fostering', ['private fostering', 'privately fostered']),
  theme('supervision', ['supervision', 'management oversight']),
];

const RHI = 'Improve the timeliness of return home interviews for children who go missing from home or care.';
const PATHWAY = 'Review pathway planning with care leavers so that pathway plans help them prepare for adulthood.';
const FOSTERING = 'Improve the timeliness of visits to children who are privately fostered.';

/** A 2016 inspection with three recommendations and a paragraph for each, plus one about nothing in particular. */
function inspection(authority: string, published: string, extra: string[] = []): ReportRecord {
  return syntheticRecord({
    authority,
    published,
    framework: 'ILACS',
    recommendations: [RHI, PATHWAY, FOSTERING],
    paragraphs: [
      'Children who go missing are offered return home interviews, but many interviews take place too late to help.',
      'Pathway plans are not meaningful to care leavers and do not prepare them for adulthood.',
      'Visits to children who are privately fostered are late, and assessments are delayed.',
      'The council offices were refurbished during the year and staff moved to a new building.',
      ...extra,
    ],
  });
}

const linksOf = (record: ReportRecord, number: number) => record.links.find((link) => link.number === number)!;

describe('linkArchive: evidence', () => {
  const [linked] = linkArchive([inspection('Northshire', '2016-03-01')], taxonomy);

  it('links each recommendation to the paragraph that makes the same finding', () => {
    assert.deepEqual(linksOf(linked!, 1).evidence.map((e) => e.paragraphId), ['para-1']);
    assert.deepEqual(linksOf(linked!, 2).evidence.map((e) => e.paragraphId), ['para-2']);
    assert.deepEqual(linksOf(linked!, 3).evidence.map((e) => e.paragraphId), ['para-3']);
  });

  it('gives a paragraph that matches nothing no links and supports nothing', () => {
    const unrelated = linked!.paragraphs.find((p) => p.id === 'para-4')!;
    assert.deepEqual(unrelated.supports, []);
    assert.deepEqual(unrelated.themes, []);
    for (const link of linked!.links) assert.ok(!link.evidence.some((e) => e.paragraphId === 'para-4'));
  });

  it("fills each paragraph's supports from the evidence links", () => {
    assert.deepEqual(
      linked!.paragraphs.map((p) => p.supports),
      [[1], [2], [3], []],
    );
  });

  it('explains each link with a 0–1 score, shared themes and a few telling words', () => {
    const evidence = linksOf(linked!, 1).evidence[0]!;
    assert.ok(evidence.score > 0 && evidence.score <= 1);
    assert.deepEqual(evidence.sharedThemes, ['missing']);
    assert.ok(evidence.sharedTerms.includes('interviews'), evidence.sharedTerms.join());
    assert.ok(evidence.sharedTerms.length <= 4);
    assert.equal(evidence.marker, false);
  });

  it('tags themes on paragraphs, recommendations and the record, most frequent first', () => {
    assert.deepEqual(linked!.recommendations.map((r) => r.themes), [['missing'], ['pathway-plans'], ['private-fostering']]);
    assert.deepEqual(linked!.themes, ['missing', 'pathway-plans', 'private-fostering']);
  });

  it('produces records the schema accepts', () => {
    reportSchema.parse(linked);
  });
});

describe('linkArchive: marked (SIF) reports', () => {
  const sif = syntheticRecord({
    authority: 'Westshire',
    published: '2016-02-01',
    framework: 'SIF',
    sections: ['recommendations', 'findings', 'board-recommendations', 'board-findings'],
    recommendations: [
      { text: RHI, number: 1, section: 'recommendations' },
      { text: FOSTERING, number: 2, section: 'recommendations' },
      { text: 'Increase the board’s scrutiny of practice with children who are privately fostered.', number: 3, section: 'board-recommendations' },
    ],
    paragraphs: [
      { text: 'Return home interviews for children who go missing from home are late. (Recommendation)', number: 4, marker: true, section: 'findings' },
      { text: 'Children who go missing are seen by a worker.', number: 5, section: 'findings' },
      { text: 'Visits to privately fostered children are late.', number: 6, marker: true, section: 'findings' },
      { text: 'The board has not scrutinised private fostering practice.', number: 7, marker: true, section: 'board-findings' },
    ],
  });
  const [linked] = linkArchive([sif], taxonomy);

  it('takes evidence only from paragraphs the report marks', () => {
    assert.deepEqual(linksOf(linked!, 1).evidence.map((e) => e.paragraphId), ['para-4']);
    assert.equal(linksOf(linked!, 1).evidence[0]!.marker, true);
  });

  it('gives a marked paragraph to a recommendation of the list above it', () => {
    assert.deepEqual(linksOf(linked!, 2).evidence.map((e) => e.paragraphId), ['para-6']);
    assert.deepEqual(linksOf(linked!, 3).evidence.map((e) => e.paragraphId), ['para-7']);
  });
});

describe('linkArchive: follow-ups', () => {
  const earlier = inspection('Northshire', '2016-03-01');
  const later = syntheticRecord({
    authority: 'Northshire',
    published: '2019-05-08',
    framework: 'ILACS',
    recommendations: ['The timeliness of return home interviews when children go missing from home or care.'],
    paragraphs: [
      'Children who go missing are routinely offered a return home interview, but not all interviews are timely.',
      'Adoption work is a strength.',
    ],
  });
  const answer = syntheticRecord({
    authority: 'Northshire',
    published: '2019-07-01',
    documentType: 'council-report',
    paragraphs: [{ text: 'The improvement plan responds to the finding on pathway plans for care leavers.', number: 1 }],
  });
  const elsewhere = syntheticRecord({
    authority: 'South Northshire',
    published: '2018-01-01',
    paragraphs: ['Return home interviews for children who go missing from home are not timely.'],
  });
  const sameDay = syntheticRecord({
    authority: 'Northshire',
    published: '2016-03-01',
    documentType: 'other',
    paragraphs: ['Return home interviews for children who go missing from home are late.'],
  });
  const archive = [answer, elsewhere, later, sameDay, earlier];
  const linked = linkArchive(archive, taxonomy);
  const first = linked.find((r) => r.slug === earlier.slug)!;

  it('finds the later paragraphs and recommendations of the same authority on the same matter, oldest first', () => {
    const followUps = linksOf(first, 1).followUps;
    assert.ok(followUps.length > 0);
    assert.ok(followUps.every((f) => f.report === later.slug));
    assert.ok(followUps.some((f) => f.paragraphId === 'para-1'));
    assert.ok(followUps.some((f) => f.paragraphId === 'rec-1'));
  });

  it('reads a council report only against the inspection it answers', () => {
    // The council report of July 2019 answers the May 2019 inspection: it is no follow-up of the 2016 one's.
    assert.deepEqual(linksOf(first, 2).followUps, []);
    const laterRecord = linked.find((r) => r.slug === later.slug)!;
    const verdict = linksOf(laterRecord, 1).verdicts.find((v) => v.report === answer.slug)!;
    assert.equal(verdict.verdict, 'not-addressed');
    assert.equal(verdict.paragraphId, null);
  });

  it('never follows up in another authority, an earlier document or one of the same day', () => {
    for (const record of linked) {
      for (const link of record.links) {
        for (const followUp of link.followUps) {
          const target = linked.find((r) => r.slug === followUp.report)!;
          assert.equal(target.authoritySlug, record.authoritySlug);
          assert.ok(target.published > record.published);
        }
      }
    }
    const laterRecord = linked.find((r) => r.slug === later.slug)!;
    assert.deepEqual(linksOf(laterRecord, 1).followUps, []);
  });

  it('gives each later document a verdict with the sentence that carries it, and writes the trail from them', () => {
    const [verdict] = linksOf(first, 1).verdicts;
    assert.equal(verdict!.report, later.slug);
    assert.equal(verdict!.verdict, 'still-a-concern');
    assert.ok(['para-1', 'rec-1'].includes(verdict!.paragraphId!));
    assert.equal(linksOf(first, 1).trail, 'Still a concern at the inspection of 8 May 2019.');
    assert.equal(linksOf(first, 3).trail, 'No later document in the archive examines this matter.');
  });

  it('is deterministic, whatever the order of the input', () => {
    const again = linkArchive([...archive].reverse(), taxonomy);
    const bySlug = (records: ReportRecord[]) => JSON.stringify([...records].sort((a, b) => a.slug.localeCompare(b.slug)));
    assert.equal(bySlug(again), bySlug(linked));
    assert.equal(JSON.stringify(linkArchive(archive, taxonomy)), JSON.stringify(linked));
  });

  it('returns new records and leaves its input untouched', () => {
    const before = JSON.stringify(archive);
    const output = linkArchive(archive, taxonomy);
    assert.equal(JSON.stringify(archive), before);
    assert.notEqual(output[0], archive[0]);
    assert.deepEqual(archive[0]!.themes, []);
  });
});
