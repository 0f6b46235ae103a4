/**
 * The search page's engine (src/client/search/engine.ts) on an archive of several postings groups, run in Node with
 * its fetches reading an index written as the build writes it: what the reader gets, and what it asks for.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import '../../scripts/lib/json-modules.ts';
import { POSTINGS_PATH, postingsGroups, WHOLE_POSTINGS_PASSAGES, type PassageIndex } from '../../src/lib/search/passage-index.ts';
import { readSearchState } from '../../src/lib/search/state.ts';
import { writeSearchIndex } from '../../src/lib/search/write-index.ts';
import { heldReports } from '../helpers/report-sources.ts';
import { syntheticRecord } from '../fixtures/links/records.ts';

// 130 reports, three groups: each has a word of its own ("zorbex7") in its third paragraph, and "children" in 63
// paragraphs: a stem in 130 × 63 passages, too many for a file of its own (WHOLE_POSTINGS_PASSAGES).
const REPORTS = 130;
const reports = Array.from({ length: REPORTS }, (_, at) =>
  syntheticRecord({
    authority: `Borough ${at}`,
    published: `2019-${String(1 + (at % 12)).padStart(2, '0')}-${String(1 + (at % 28)).padStart(2, '0')}`,
    paragraphs: ['Leaders are ambitious.', 'Children are safe.', `Managers visit the zorbex${at} panel monthly.`, ...Array.from({ length: 62 }, () => 'Children are seen.')],
  }),
);

test('an archive of several groups: a rare word is found in its paragraph from its own postings file, a common word from the groups’ files', async () => {
  assert.equal(postingsGroups(REPORTS), 3);
  assert.ok(REPORTS * 63 > WHOLE_POSTINGS_PASSAGES);
  const folder = mkdtempSync(join(tmpdir(), 'search-engine-groups-'));
  const asked: string[] = [];
  const realFetch = globalThis.fetch;
  globalThis.fetch = (async (url: string | URL) => {
    asked.push(String(url));
    const path = join(folder, decodeURIComponent(String(url)));
    const found = existsSync(path);
    return { ok: found, status: found ? 200 : 404, json: async () => JSON.parse(readFileSync(path, 'utf8')) } as Response;
  }) as typeof fetch;
  try {
    await writeSearchIndex(heldReports(reports), new Map(), folder);
    const { SearchRun } = await import('../../src/client/search/engine.ts');

    const rare = await SearchRun.start(readSearchState(new URLSearchParams({ q: 'zorbex77 panel' })));
    const [hit] = await rare.run.reportHits(rare.outcome.order.slice(0, 1), 3);
    const index = hit!.index as PassageIndex;
    assert.equal(index.report.authority, 'Borough 77');
    assert.equal(index.passages[hit!.ranked[0]!.passage]![0], 'para-3', 'the paragraph saying it');
    const postings = asked.filter((url) => url.startsWith(POSTINGS_PATH));
    assert.ok(postings.includes(`${POSTINGS_PATH}whole/zorbex77.json`), postings.join(' '));
    assert.ok(postings.every((url) => url.startsWith(`${POSTINGS_PATH}whole/`)), `only whole files for two rare words: ${postings.join(' ')}`);

    asked.length = 0;
    const common = await SearchRun.start(readSearchState(new URLSearchParams({ q: 'children seen' })));
    assert.equal(common.outcome.total, REPORTS);
    const commonPostings = asked.filter((url) => url.startsWith(POSTINGS_PATH));
    assert.ok(commonPostings.some((url) => /\/postings\/\d+\/ch/.test(url)), `"children" from the groups’ files: ${commonPostings.join(' ')}`);
    assert.ok(!commonPostings.includes(`${POSTINGS_PATH}whole/children.json`));
  } finally {
    globalThis.fetch = realFetch;
    rmSync(folder, { recursive: true, force: true });
  }
});
