/**
 * docs/architecture.md is the map a newcomer reads first: every file and folder it names must exist, so a rename
 * that forgets the map fails here rather than misleading the next reader.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';

const DOCS = ['docs/architecture.md', 'README.md'];
/** Paths the documents name as proposals, not as files of today (architecture: "Storage at national scale"). */
const PROPOSED = new Set(['content/sources/manifest.json']);
/** A repository path as the documents write them; placeholders (`<slug>`, `*`) are patterns, not paths. */
const PATH = /\b(?:src|scripts|tests|content|public|docs|bench)\/[\][\w./-]+/g;

test('every path docs/architecture.md and the README name exists', () => {
  const missing = DOCS.flatMap((doc) =>
    [...readFileSync(doc, 'utf8').matchAll(PATH)]
      .map((match) => match[0].replace(/[.,:;)]+$/, ''))
      .filter((path) => !PROPOSED.has(path) && !existsSync(path))
      .map((path) => `${doc}: ${path}`),
  );
  assert.deepEqual([...new Set(missing)], []);
});
