/**
 * Linking a synthetic archive of 300 documents (18,000 paragraphs, 3,000 recommendations over 150 authorities):
 * every document comes back, and recommendations find follow-ups in later documents. How fast linking is at
 * national size is measured by `npm run bench -- link` (scripts/bench-link.ts), not here.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { linkArchive, linkEach } from '../../src/lib/link/link-archive.ts';
import { linkingCorpus } from '../helpers/linking-corpus.ts';

test('linking 300 synthetic documents returns each one, and later documents follow recommendations up', () => {
  const { archive, taxonomy } = linkingCorpus(300);
  const linked = linkArchive(archive, taxonomy);
  assert.deepEqual(linked.map((record) => record.slug), archive.map((record) => record.slug));
  const followUps = linked.reduce((sum, record) => sum + record.links.reduce((n, link) => n + link.followUps.length, 0), 0);
  assert.ok(followUps > 0, 'no recommendation was followed up');
});

test('linked in two shares (two threads), the archive is linked exactly as in one: every record, each in one share', () => {
  const { archive, taxonomy } = linkingCorpus(300);
  const whole = linkArchive(archive, taxonomy);
  const shares = [0, 1].map((part) => [...linkEach(archive, taxonomy, { part, of: 2 })]);
  assert.ok(shares.every((share) => share.length > 100), `shares of ${shares.map((s) => s.length).join(' and ')} records: not split evenly`);
  const byIndex = new Map(shares.flat().map(({ index, record }) => [index, record]));
  assert.equal(shares.flat().length, archive.length, 'a record was linked by both shares');
  assert.equal(byIndex.size, archive.length, 'a record was linked by neither share');
  assert.deepEqual(archive.map((_, index) => byIndex.get(index)), whole);
});
