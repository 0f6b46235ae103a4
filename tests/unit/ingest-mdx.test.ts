import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFrontmatter, renderReportMdx } from '../../src/lib/ingest/mdx.ts';
import { syntheticRecord } from '../fixtures/links/records.ts';

test('a record is read back from the MDX the ingest writes, and a broken file is named', () => {
  const record = syntheticRecord({ authority: 'Gloucestershire', published: '2022-04-01', paragraphs: ['Line and paragraph separators \u2028 \u2029 survive.'] });
  assert.deepEqual(readFrontmatter(renderReportMdx(record), 'x.mdx'), record);
  assert.throws(() => readFrontmatter('no frontmatter', 'broken.mdx'), /broken\.mdx: no frontmatter/);
});
