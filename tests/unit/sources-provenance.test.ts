/**
 * The default archive's PDFs are the real Ofsted reports of ../shared/corpus, copied byte for byte, each with the
 * publication date its corpus file name gives, and content/sources/README.md lists every one with where it came
 * from. Skips the comparison with the corpus when ../shared is not beside the project.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SOURCES_DIR } from '../../src/lib/archive-paths.ts';
import { parseSidecar } from '../../src/lib/ingest/validate.ts';
import { CORPUS_DIR, SKIP_WITHOUT_CORPUS } from '../fixtures/corpus/truth.ts';

/** The README's provenance tables: archive file → corpus path and published date. */
function documentedProvenance(): Map<string, { corpusPath: string; published: string }> {
  const readme = readFileSync(join(DEFAULT_SOURCES_DIR, 'README.md'), 'utf8');
  const rows = [...readme.matchAll(/^\| (\S+\.pdf) \| `ofsted-pdf\/([^`]+)` \| (\d{4}-\d{2}-\d{2}) \|/gm)];
  return new Map(rows.map(([, file, corpusPath, published]) => [file!, { corpusPath: corpusPath!, published: published! }]));
}

const pdfs = [
  ...readdirSync(DEFAULT_SOURCES_DIR).filter((f) => f.endsWith('.pdf')),
  ...readdirSync(join(DEFAULT_SOURCES_DIR, 'originals')).filter((f) => f.endsWith('.pdf')).map((f) => `originals/${f}`),
];

test('the README lists every PDF of the archive with its corpus path, and the sidecar has the date of the corpus file name', () => {
  const documented = documentedProvenance();
  assert.deepEqual([...documented.keys()].sort(), [...pdfs].sort());
  assert.equal(pdfs.length, 58, 'the 55 corpus documents and the 3 originals of seeds');
  for (const [file, { corpusPath, published }] of documented) {
    assert.equal(corpusPath.match(/(\d{4}-\d{2}-\d{2})-children-services-inspection\.pdf$/)?.[1], published, file);
    if (file.startsWith('originals/')) continue;
    const sidecar = file.replace(/\.pdf$/, '.json');
    assert.equal(parseSidecar(readFileSync(join(DEFAULT_SOURCES_DIR, sidecar), 'utf8'), sidecar).published, published, sidecar);
  }
});

test('every PDF of the archive is its corpus file, byte for byte', { skip: SKIP_WITHOUT_CORPUS }, () => {
  for (const [file, { corpusPath }] of documentedProvenance()) {
    assert.ok(readFileSync(join(DEFAULT_SOURCES_DIR, file)).equals(readFileSync(join(CORPUS_DIR, corpusPath))), `${file} differs from ${corpusPath}`);
  }
});
