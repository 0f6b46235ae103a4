/**
 * The parse audit over the archive's committed sources (content/sources: 60 documents, SIF and ILACS, 2014–2025):
 * `npm run audit:parse` must find nothing — no ILACS report whose recommendations are not its "What needs to improve"
 * list, no heading read as or glued into a paragraph, no list item standing alone, no footnote number stuck to a word,
 * no inspector who is not a person, no inspection without its overall grade. A finding is printed with its source and
 * anchor. tests/unit/parse-audit.test.ts shows each check can fail.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';

test('the parse audit finds nothing in the committed sources', () => {
  const run = spawnSync(process.execPath, ['scripts/audit-parse.ts'], {
    cwd: new URL('../../', import.meta.url),
    encoding: 'utf8',
  });
  assert.equal(run.stderr, '');
  assert.match(run.stdout, /^60 sources, 0 findings$/m, run.stdout);
  assert.equal(run.status, 0);
});
