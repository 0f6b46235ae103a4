/**
 * How well the linker agrees with a reader: the five seed sources are parsed and linked, and the links compared
 * with the hand-labelled pairs in tests/fixtures/links/labelled.json (exhaustive for every recommendation of the
 * labelled reports, so every unlabelled link counts against precision).
 *
 * Measured when the thresholds in src/lib/link/link-archive.ts were set: evidence precision 0.81, recall 0.79; follow-up
 * precision 0.67, recall 0.65. The floors below are those minus about 0.05, so a change that makes linking
 * noticeably worse fails here, while the small shifts of a parser fix do not.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { LINKING, linkArchive } from '../../src/lib/link/link-archive.ts';
import { parseTaxonomy } from '../../src/lib/link/themes.ts';
import { evaluate } from '../fixtures/links/evaluate.ts';
import type { LabelledPair, Score } from '../fixtures/links/evaluate.ts';
import { parseTextSources } from '../helpers/sources.ts';

const FLOORS = {
  evidence: { precision: 0.75, recall: 0.74 },
  followUps: { precision: 0.62, recall: 0.6 },
};

const row = (name: string, score: Score) =>
  `${name.padEnd(52)} ${String(score.predicted).padStart(9)} ${String(score.labelled).padStart(8)} ${String(score.hits).padStart(5)} ${score.precision.toFixed(2).padStart(9)} ${score.recall.toFixed(2).padStart(6)}`;

describe('linking the seed sources, against the labelled pairs', () => {
  const taxonomy = parseTaxonomy(JSON.parse(readFileSync('content/themes.json', 'utf8')));
  const linked = linkArchive(parseTextSources(), taxonomy);
  const pairs: LabelledPair[] = JSON.parse(readFileSync('tests/fixtures/links/labelled.json', 'utf8')).pairs;
  const result = evaluate(linked, pairs);

  console.log(
    [
      '',
      `${'links'.padEnd(52)} ${'predicted'.padStart(9)} ${'labelled'.padStart(8)} ${'hits'.padStart(5)} ${'precision'.padStart(9)} ${'recall'.padStart(6)}`,
      row('evidence, all labelled reports', result.evidence),
      ...[...result.byReport].map(([slug, score]) => row(`  ${slug}`, score)),
      row('follow-ups', result.followUps),
      `(thresholds: evidence ${LINKING.evidenceThreshold}, marked paragraphs ${LINKING.markerThreshold}, ` +
        `follow-ups ${LINKING.followUpThreshold}; theme weight ${LINKING.themeWeight})`,
      '',
    ].join('\n'),
  );

  it('labels at least 40 evidence pairs and some follow-ups, each with a reason', () => {
    assert.ok(pairs.filter((pair) => pair.kind === 'evidence').length >= 40);
    assert.ok(pairs.filter((pair) => pair.kind === 'follow-up').length >= 10);
    for (const pair of pairs) assert.ok(pair.note.length > 10, JSON.stringify(pair));
  });

  it(`finds evidence with precision ≥ ${FLOORS.evidence.precision} and recall ≥ ${FLOORS.evidence.recall}`, () => {
    assert.ok(result.evidence.precision >= FLOORS.evidence.precision, `precision ${result.evidence.precision.toFixed(2)}`);
    assert.ok(result.evidence.recall >= FLOORS.evidence.recall, `recall ${result.evidence.recall.toFixed(2)}`);
  });

  it(`finds follow-ups with precision ≥ ${FLOORS.followUps.precision} and recall ≥ ${FLOORS.followUps.recall}`, () => {
    assert.ok(result.followUps.precision >= FLOORS.followUps.precision, `precision ${result.followUps.precision.toFixed(2)}`);
    assert.ok(result.followUps.recall >= FLOORS.followUps.recall, `recall ${result.followUps.recall.toFixed(2)}`);
  });

  it('answers the readers’ questions', () => {
    // "Ofsted told South Gloucestershire to fix return home interviews in 2016 — did they?"
    const sif = linked.find((record) => record.slug === 'south-gloucestershire-2017-02-13-inspection')!;
    const rhi = sif.links.find((link) => link.number === 6)!;
    assert.ok(rhi.followUps.some((followUp) => followUp.report === 'south-gloucestershire-2019-05-08-inspection'));
    assert.equal(rhi.trail, 'Still a concern at the inspection of 8 May 2019.');
    // The 2022 Gloucestershire recommendations are restated by the council report, not answered.
    const glos = linked.find((record) => record.slug === 'gloucestershire-2022-04-01-inspection')!;
    for (const link of glos.links) {
      assert.ok(link.followUps.some((followUp) => followUp.paragraphId === 'para-6-2'), `recommendation ${link.number}`);
      assert.equal(link.trail, 'Restated, without an action, in the council report of 22 June 2022.');
    }
    // "What has Ofsted said about care leavers' accommodation anywhere?"
    const tagged = linked.flatMap((record) => record.paragraphs.filter((p) => p.themes.includes('care-leavers-accommodation')));
    assert.ok(tagged.length >= 6);
  });

  it('never links across authorities, even Gloucestershire and South Gloucestershire', () => {
    for (const record of linked) {
      for (const link of record.links) {
        for (const followUp of link.followUps) assert.ok(followUp.report.startsWith(`${record.authoritySlug}-2`), followUp.report);
      }
    }
  });
});
