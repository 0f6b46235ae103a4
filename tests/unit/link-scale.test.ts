/**
 * Linking must keep up with a national archive: about 150 authorities, 5,000 documents of ~60 paragraphs. The
 * default run links a fifth of that (1,000 documents, 60,000 paragraphs, 10,000 recommendations) so the unit
 * suite stays quick; LINK_SCALE_DOCUMENTS=5000 runs the full size. Time is measured as CPU time of this process,
 * which a busy machine disturbs far less than wall time.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { linkArchive } from '../../src/lib/link/match.ts';
import { parseTaxonomy } from '../../src/lib/link/themes.ts';
import { syntheticArchive } from '../fixtures/links/synthetic-archive.ts';

const DOCUMENTS = Number(process.env.LINK_SCALE_DOCUMENTS ?? 1000);
/** Seconds of CPU allowed: 60 s for the full 5,000 documents, in proportion for fewer. */
const BUDGET = (60 * DOCUMENTS) / 5000;

describe(`linking ${DOCUMENTS} synthetic documents`, () => {
  it(`takes under ${BUDGET.toFixed(0)} s of CPU`, () => {
    const sentences = readdirSync('content/sources')
      .filter((name) => name.endsWith('.txt'))
      .flatMap((name) => readFileSync(join('content/sources', name), 'utf8').split(/(?<=\.)\s+/))
      .map((sentence) => sentence.replace(/\s+/g, ' ').trim())
      .filter((sentence) => sentence.length > 40 && sentence.length < 400);
    const recommendations = sentences.filter((sentence) => /^(Improve|Ensure|Review|The (quality|timeliness))/.test(sentence));
    const archive = syntheticArchive(sentences, recommendations, {
      documents: DOCUMENTS,
      paragraphsPerDocument: 60,
      recommendationsPerDocument: 10,
      authorities: 150,
    });
    const taxonomy = parseTaxonomy(JSON.parse(readFileSync('content/themes.json', 'utf8')));

    const wall = performance.now();
    const cpu = process.cpuUsage();
    const linked = linkArchive(archive, taxonomy);
    const used = process.cpuUsage(cpu);
    const seconds = (used.user + used.system) / 1e6;

    const followUps = linked.reduce((sum, record) => sum + record.links.reduce((n, link) => n + link.followUps.length, 0), 0);
    console.log(
      `linked ${DOCUMENTS} documents (${DOCUMENTS * 60} paragraphs, ${DOCUMENTS * 10} recommendations, ` +
        `${followUps} follow-ups) in ${seconds.toFixed(1)} s CPU, ${((performance.now() - wall) / 1000).toFixed(1)} s wall`,
    );
    assert.equal(linked.length, DOCUMENTS);
    assert.ok(seconds < BUDGET, `${seconds.toFixed(1)} s`);
  });
});
