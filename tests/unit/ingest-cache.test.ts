/**
 * The ingest cache (src/lib/ingest/cache.ts): an unchanged source is not parsed again; a changed sidecar or parser
 * is. Ingest runs as `npm run ingest` runs it, on a copy of one seed in a temporary folder with its own cache.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cacheKey, openIngestCache, parserVersion } from '../../src/lib/ingest/cache.ts';
import { readFrontmatter } from '../../src/lib/ingest/mdx.ts';

const SEED = 'gloucestershire-2019-09-30-monitoring-visit';

function setUp() {
  const root = mkdtempSync(join(tmpdir(), 'ingest-cache-'));
  const sources = join(root, 'sources');
  mkdirSync(sources);
  copyFileSync(`content/sources/${SEED}.txt`, join(sources, `${SEED}.txt`));
  const cache = join(root, 'cache');
  const ingest = () => {
    const run = spawnSync(process.execPath, ['scripts/ingest.ts', '--sources', sources, '--out', join(root, 'reports'), '--cache', cache], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const title = readFrontmatter(readFileSync(join(root, 'reports', `${SEED}.mdx`), 'utf8'), SEED).title;
    return { output: run.stdout, title };
  };
  /** Marks every cache entry, so a record that comes from the cache (and was not parsed again) shows it. */
  const markEntries = () => {
    for (const name of readdirSync(cache)) {
      const entry = JSON.parse(readFileSync(join(cache, name), 'utf8'));
      writeFileSync(join(cache, name), JSON.stringify({ ...entry, title: 'FROM THE CACHE' }));
    }
  };
  return { root, sources, cache, ingest, markEntries };
}

test('an unchanged source is not parsed again: its record comes from the cache', (t) => {
  const { root, ingest, markEntries } = setUp();
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const first = ingest();
  assert.match(first.output, /Ingested 1 sources .*, 0 of them unchanged since the last run/);
  assert.match(first.title, /monitoring visit/i);
  markEntries();
  const second = ingest();
  assert.match(second.output, /Ingested 1 sources .*, 1 of them unchanged since the last run/);
  assert.equal(second.title, 'FROM THE CACHE');
});

test('a changed sidecar means the source is parsed again', (t) => {
  const { root, sources, ingest, markEntries } = setUp();
  t.after(() => rmSync(root, { recursive: true, force: true }));
  ingest();
  markEntries();
  writeFileSync(join(sources, `${SEED}.json`), JSON.stringify({ url: 'https://files.ofsted.gov.uk/v1/file/50123456' }));
  const after = ingest();
  assert.match(after.output, /0 of them unchanged/);
  assert.match(after.title, /monitoring visit/i);
});

test('--no-cache parses every source', (t) => {
  const { root, sources, ingest, markEntries } = setUp();
  t.after(() => rmSync(root, { recursive: true, force: true }));
  ingest();
  markEntries();
  const run = spawnSync(process.execPath, ['scripts/ingest.ts', '--sources', sources, '--out', join(root, 'reports'), '--no-cache'], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  assert.doesNotMatch(run.stdout, /unchanged/);
  assert.match(readFileSync(join(root, 'reports', `${SEED}.mdx`), 'utf8'), /monitoring visit/i);
});

test('a new parser version misses every entry of the old one', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'ingest-cache-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const sha = 'a'.repeat(64);
  const record = { title: 'A report', source: { sha256: sha, file: 'old-name.txt' } } as never;
  openIngestCache(dir, 'version-1').set(sha, { published: '2020-01-01' }, record);
  const hit = openIngestCache(dir, 'version-1').get(sha, { published: '2020-01-01' }, 'new-name.txt');
  assert.equal(hit?.source.file, 'new-name.txt', 'a renamed source reuses its entry under its new name');
  assert.equal(openIngestCache(dir, 'version-2').get(sha, { published: '2020-01-01' }, 'new-name.txt'), undefined);
  assert.equal(openIngestCache(dir, 'version-1').get(sha, { published: '2020-01-02' }, 'new-name.txt'), undefined);
  assert.equal(cacheKey(sha, { published: '2020-01-01', url: 'https://x.test/' }, 'v'), cacheKey(sha, { url: 'https://x.test/', published: '2020-01-01' }, 'v'));
});

test('the parser version changes when any file of the parser changes', (t) => {
  const root = mkdtempSync(join(tmpdir(), 'parser-version-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  mkdirSync(join(root, 'src/lib/parse'), { recursive: true });
  writeFileSync(join(root, 'src/lib/parse/rules.ts'), 'export const a = 1;');
  writeFileSync(join(root, 'src/schemas.ts'), 'export const b = 1;');
  const inputs = ['src/lib/parse', 'src/schemas.ts'];
  const before = parserVersion(root, inputs);
  assert.equal(parserVersion(root, inputs), before);
  writeFileSync(join(root, 'src/lib/parse/rules.ts'), 'export const a = 2;');
  const edited = parserVersion(root, inputs);
  assert.notEqual(edited, before);
  writeFileSync(join(root, 'src/schemas.ts'), 'export const b = 2;');
  assert.notEqual(parserVersion(root, inputs), edited);
  assert.notEqual(parserVersion('.'), before, "the project's own version is computed from its own files");
});
