import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ReportRecord } from '../../src/schemas/report.ts';
import { originalLinks } from '../../src/lib/site/original.ts';
import { findLocalAuthority } from '../../src/lib/site/local-authorities.ts';
import { parseSidecar } from '../../src/lib/ingest/validate.ts';
import { DEFAULT_SOURCES_DIR } from '../../src/lib/archive-paths.ts';
import { syntheticRecord } from '../fixtures/links/records.ts';

const HASH = 'c'.repeat(64);
function withSource(authority: string, source: Partial<ReportRecord['source']>): ReportRecord {
  const record = syntheticRecord({ authority, published: '2019-05-08', paragraphs: ['Text.'] });
  return { ...record, source: { ...record.source, ...source } };
}
const links = (record: ReportRecord) => originalLinks(record, findLocalAuthority(record.authority)).map((l) => [l.kind, l.href, l.text]);

test("a converted source offers the original PDF kept beside it first, then the publisher's own address", () => {
  const seed = withSource('Gloucestershire', {
    file: 'gloucestershire-2022-04-01-inspection.txt',
    url: 'https://files.ofsted.gov.uk/v1/file/50180552',
    original: { file: 'originals/gloucestershire-2022-04-01-inspection.pdf', sha256: HASH },
  });
  assert.deepEqual(links(seed), [
    ['archive-copy', '/sources/originals/gloucestershire-2022-04-01-inspection.pdf', 'The original PDF, as Ofsted published it (the archive’s copy)'],
    ['publisher', 'https://files.ofsted.gov.uk/v1/file/50180552', 'The original on Ofsted’s website'],
  ]);
});

test("a PDF source is itself the original; where its address is unknown, Ofsted's page for the authority is labelled as such", () => {
  const corpus = withSource('St. Helens', { file: 'st-helens-2019-01-01-inspection.pdf', format: 'pdf' });
  assert.deepEqual(links(corpus), [
    ['archive-copy', '/sources/st-helens-2019-01-01-inspection.pdf', 'The original PDF, as Ofsted published it (the archive’s copy)'],
    ['ofsted-provider-page', 'https://reports.ofsted.gov.uk/provider/44/80560', 'Ofsted’s page for St. Helens, which lists this report'],
  ]);
});

test("a text source of Ofsted's with no address known leads to Ofsted's page for the authority; a council's paper never does", () => {
  assert.deepEqual(links(withSource('Gloucestershire', {})), [
    ['ofsted-provider-page', 'https://reports.ofsted.gov.uk/provider/44/80470', 'Ofsted’s page for Gloucestershire, which lists this report'],
  ]);
  const council = { publisher: 'Gloucestershire County Council' };
  assert.deepEqual(links(withSource('Gloucestershire', council)), [], 'Ofsted does not list a council’s cabinet paper');
  assert.deepEqual(links(withSource('Gloucestershire', { ...council, url: 'https://glostext.example/item' })), [
    ['publisher', 'https://glostext.example/item', 'The original on Gloucestershire County Council’s website'],
  ]);
});

test('a sidecar names an original by its file in originals/ and its SHA-256, or is refused saying what is wrong', () => {
  assert.deepEqual(parseSidecar(JSON.stringify({ original: { file: 'originals/x-2019-01-01-inspection.pdf', sha256: HASH } }), 'x.json').original, {
    file: 'originals/x-2019-01-01-inspection.pdf',
    sha256: HASH,
  });
  assert.throws(() => parseSidecar(JSON.stringify({ original: { file: '../secret.pdf', sha256: HASH } }), 'x.json'), /x\.json.*expected a PDF in content\/sources\/originals\//s);
  assert.throws(() => parseSidecar(JSON.stringify({ original: { file: 'originals/x.pdf', sha256: 'abc' } }), 'x.json'), /64 lower-case hex digits/);
});

test('every original a sidecar of the archive names is there, with the SHA-256 it records', () => {
  const named = readdirSync(DEFAULT_SOURCES_DIR)
    .filter((file) => file.endsWith('.json'))
    .flatMap((file) => {
      const original = parseSidecar(readFileSync(join(DEFAULT_SOURCES_DIR, file), 'utf8'), file).original;
      return original ? [original] : [];
    });
  assert.deepEqual(named.map((o) => o.file).sort(), [
    'originals/gloucestershire-2022-04-01-inspection.pdf',
    'originals/south-gloucestershire-2017-02-13-inspection.pdf',
    'originals/south-gloucestershire-2019-05-08-inspection.pdf',
  ]);
  for (const { file, sha256 } of named) {
    const path = join(DEFAULT_SOURCES_DIR, file);
    assert.ok(existsSync(path), `${path} is missing`);
    assert.equal(createHash('sha256').update(readFileSync(path)).digest('hex'), sha256, `${path} does not match its sidecar`);
  }
});
