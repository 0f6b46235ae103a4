/**
 * A synthetic archive for linking at scale, from the sentences of the real sources in content/sources: shared by the
 * linking integration test (what is found) and scripts/bench-link.ts (how fast).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseTaxonomy } from '../../src/lib/link/themes.ts';
import { syntheticArchive } from '../fixtures/links/synthetic-archive.ts';

export function linkingCorpus(documents: number) {
  const sentences = readdirSync('content/sources')
    .filter((name) => name.endsWith('.txt'))
    .flatMap((name) => readFileSync(join('content/sources', name), 'utf8').split(/(?<=\.)\s+/))
    .map((sentence) => sentence.replace(/\s+/g, ' ').trim())
    .filter((sentence) => sentence.length > 40 && sentence.length < 400);
  const recommendations = sentences.filter((sentence) => /^(Improve|Ensure|Review|The (quality|timeliness))/.test(sentence));
  const archive = syntheticArchive(sentences, recommendations, {
    documents,
    paragraphsPerDocument: 60,
    recommendationsPerDocument: 10,
    authorities: 150,
  });
  const taxonomy = parseTaxonomy(JSON.parse(readFileSync('content/themes.json', 'utf8')));
  return { archive, taxonomy };
}
