import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderReportMdx } from '../../src/lib/ingest/mdx.ts';
import { reportFiles, reportSource } from '../../src/lib/ingest/report-loader.ts';
import { syntheticRecord } from '../fixtures/links/records.ts';

const record = (authority: string, published: string) => syntheticRecord({ authority, published, paragraphs: ['Children are safe.'] });

function withFolder(run: (folder: string) => void) {
  const folder = mkdtempSync(join(tmpdir(), 'report-loader-'));
  try {
    run(folder);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

test('a record file is known by its slug and date before it is read whole, and reads back as written', () =>
  withFolder((folder) => {
    const written = record('Swindon', '2014-05-23');
    const file = join(folder, `${written.slug}.mdx`);
    writeFileSync(file, renderReportMdx(written));
    const source = reportSource(file);
    assert.equal(source.slug, 'swindon-2014-05-23-inspection');
    assert.equal(source.published, '2014-05-23');
    assert.deepEqual(source.load(), written);
    assert.deepEqual(reportFiles(folder), [file]);
  }));

test('a frontmatter not laid out as the ingest writes it is read whole for its slug and date', () =>
  withFolder((folder) => {
    const written = record('Swindon', '2014-05-23');
    const file = join(folder, 'one-line.mdx');
    writeFileSync(file, `---\n${JSON.stringify(written)}\n---\n`);
    const source = reportSource(file);
    assert.equal(source.slug, written.slug);
    assert.equal(source.published, '2014-05-23');
  }));

test('a record file rewritten between its date being read and the record: an error naming the file, not a misnumbered report', () =>
  withFolder((folder) => {
    const file = join(folder, 'swindon.mdx');
    writeFileSync(file, renderReportMdx(record('Swindon', '2014-05-23')));
    const source = reportSource(file);
    writeFileSync(file, renderReportMdx(record('Swindon', '2023-09-11')));
    assert.throws(() => source.load(), (error: Error) => error.message.includes(file) && /changed while it was being read/.test(error.message) && error.message.includes('2023-09-11'));
  }));

test('a file that is not a record stops the index, named, when its date is looked for', () =>
  withFolder((folder) => {
    const file = join(folder, 'broken.mdx');
    writeFileSync(file, 'no frontmatter here');
    assert.throws(() => reportSource(file), (error: Error) => error.message.startsWith(`${file}: no frontmatter found`));
  }));
