/**
 * "Nothing lost": the archive's commands failed, interrupted and run twice at once, in a small built archive
 * (tests/helpers/small-archive.ts). After each, the archive a reader sees — sources, records, permalink manifest and
 * dist/ — is exactly as it was, or (killed while renaming staged files into place) completed by the next run.
 * Interruptions are real signals: SIGINT and SIGKILL from outside, and SIGKILL at a named point from inside
 * (ARCHIVE_FAULT, scripts/lib/publish.ts).
 */
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { changes, makeSmallArchive, parseXml, run, snapshot, start, waitFor, writeFile } from '../helpers/small-archive.ts';

const work = mkdtempSync(join(tmpdir(), 'hostile-publish-'));
const archive = join(work, 'archive');
after(() => rmSync(work, { recursive: true, force: true }));
before(() => makeSmallArchive(archive));

const LOCK = '.archive/build.lock';
const NEW = { file: 'incoming.txt', slug: 'exampleshire-2024-03-01-inspection' };
const ADD = [NEW.file, '--published', '2024-03-01'];
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Waits until the run holding the lock is building the site (its Astro step is running), and returns that step's pid. */
async function waitForSiteBuild(): Promise<number> {
  const until = Date.now() + 240_000;
  while (Date.now() < until) {
    try {
      const step = Number(readFileSync(join(archive, LOCK), 'utf8').split('\n')[1]);
      if (step && readFileSync(`/proc/${step}/cmdline`, 'utf8').includes('astro')) return step;
    } catch {
      // no lock yet, or the step just ended
    }
    await new Promise((done) => setTimeout(done, 20));
  }
  throw new Error('the run never reached its site build');
}

test('every Atom feed of the built archive is well-formed XML', () => {
  const feeds = readdirSync(join(archive, 'dist'), { recursive: true, encoding: 'utf8' }).filter((name) => name.startsWith('feeds/') && name.endsWith('.xml'));
  assert.ok(feeds.length > 3, `expected the archive's feeds, found ${feeds.join(', ')}`);
  for (const feed of feeds) assert.doesNotThrow(() => parseXml(readFileSync(join(archive, 'dist', feed), 'utf8')), feed);
});

test('a build whose permalink check fails publishes nothing: the old records and site stay', () => {
  const source = join(archive, 'content/sources/gloucestershire-2019-09-30-monitoring-visit.txt');
  renameSync(source, join(work, 'removed.txt'));
  try {
    const before = snapshot(archive);
    const result = run(archive, 'build', []);
    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stderr, /would disappear/);
    assert.match(result.stderr, /nothing was published/);
    assert.deepEqual(changes(before, snapshot(archive)), []);
    assert.ok(existsSync(join(archive, 'content/reports/gloucestershire-2019-09-30-monitoring-visit.mdx')), 'the record is still published');
  } finally {
    renameSync(join(work, 'removed.txt'), source);
  }
});

test('permalinks:update never writes a URL its own manifest pattern refuses', () => {
  writeFile(archive, 'public/notes for readers.txt', 'A file a maintainer dropped in public/.\n');
  try {
    const before = snapshot(archive);
    const result = run(archive, 'permalinks:update', []);
    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stderr, /"\/notes for readers\.txt", which its own pattern refuses/);
    assert.deepEqual(changes(before, snapshot(archive)), []);
  } finally {
    rmSync(join(archive, 'public/notes for readers.txt'));
  }
});

test('two builds at once: the second stops, naming the first; two ingests into one folder likewise', async () => {
  // The first run is paused (SIGSTOP) once it holds the lock, so the second surely meets it, however fast it is.
  const first = start(archive, 'build', []);
  await waitFor(archive, LOCK);
  first.child.kill('SIGSTOP');
  const second = run(archive, 'build', []);
  first.child.kill('SIGCONT');
  assert.equal(second.status, 1);
  assert.match(second.stderr, new RegExp(`another build is running \\(pid ${first.child.pid}\\)`));
  assert.doesNotMatch(second.stderr, /^\s+at /m);
  assert.equal((await first.ended).code, 0, 'the first build carries on');

  const out = ['--sources', 'content/sources', '--out', join(work, 'reports'), '--no-cache'];
  const ingest = start(archive, 'ingest', out);
  await waitFor(work, '.reports.lock');
  ingest.child.kill('SIGSTOP');
  const other = run(archive, 'ingest', out);
  ingest.child.kill('SIGCONT');
  assert.equal(other.status, 1);
  assert.match(other.stderr, new RegExp(`another build is running \\(pid ${ingest.child.pid}\\)`));
  assert.equal((await ingest.ended).code, 0);
  assert.deepEqual(readdirSync(work).sort(), ['archive', 'reports'], 'no lock or staging folder left behind');
});

test('add, interrupted at any point, leaves the archive as it was; run again, it completes', async () => {
  copyFileSync('tests/fixtures/hostile/crlf-line-ends/exampleshire-2024-03-01-inspection.txt', join(archive, NEW.file));
  const published = snapshot(archive);

  // Killed outright with everything staged, just before publishing: nothing published, a lock left by a dead pid.
  const staged = run(archive, 'add', ADD, { ARCHIVE_FAULT: 'before-publish' });
  assert.equal(staged.signal, 'SIGKILL', staged.stderr);
  assert.deepEqual(changes(published, snapshot(archive)), []);
  const deadPid = Number(readFileSync(join(archive, LOCK), 'utf8').split('\n')[0]);
  assert.ok(!alive(deadPid), 'the lock names the killed run');

  // Ctrl-C while the site is being built: the stale lock was taken over; the step stops, nothing is published.
  const interrupted = start(archive, 'add', ADD);
  await waitForSiteBuild();
  interrupted.child.kill('SIGINT');
  const stopped = await interrupted.ended;
  assert.equal(stopped.code, 1, stopped.stderr);
  assert.match(stopped.stderr, /interrupted \(SIGINT\): nothing was published/);
  assert.deepEqual(changes(published, snapshot(archive)), []);
  assert.ok(!existsSync(join(archive, LOCK)), 'an interrupted run releases its lock');

  // Killed outright while the site is being built: the build step, orphaned, still holds the lock until it ends.
  const killed = start(archive, 'add', ADD);
  const stepPid = await waitForSiteBuild();
  killed.child.kill('SIGKILL');
  await killed.ended;
  if (alive(stepPid)) {
    const meanwhile = run(archive, 'build', []);
    assert.equal(meanwhile.status, 1);
    assert.match(meanwhile.stderr, new RegExp(`another build is running \\(pid ${stepPid}\\)`));
  }
  while (alive(stepPid)) await new Promise((done) => setTimeout(done, 50));
  assert.deepEqual(changes(published, snapshot(archive)), []);

  // Killed in the middle of publishing (after the first rename): the next run finishes the publication.
  const midway = run(archive, 'add', ADD, { ARCHIVE_FAULT: 'during-publish' });
  assert.equal(midway.signal, 'SIGKILL', `the add must get as far as publishing, not stop at "already exists":\n${midway.stderr}`);
  const again = run(archive, 'add', ADD);
  assert.equal(again.status, 0, again.stderr);
  assert.match(again.stdout, /interrupted while publishing; finished it/);
  assert.match(again.stdout, /already in the archive/);

  const now = snapshot(archive);
  const added = changes(published, now);
  for (const path of [
    `content/sources/${NEW.slug}.txt`,
    `content/sources/${NEW.slug}.json`,
    `content/reports/${NEW.slug}.mdx`,
    `dist/reports/${NEW.slug}/index.html`,
  ]) {
    assert.ok(added.includes(`added ${path}`), `${path} is published: ${added.slice(0, 20).join(', ')}`);
  }
  // Nothing else in the sources folder is touched: the originals its sidecars name are still there.
  assert.deepEqual(added.filter((change) => !change.startsWith('added ') && change.includes('content/sources/')), []);
  assert.ok(existsSync(join(archive, 'content/sources/originals/gloucestershire-2022-04-01-inspection.pdf')));
  const manifest = JSON.parse(readFileSync(join(archive, 'content/permalinks.json'), 'utf8')) as { pages: string[] };
  assert.ok(manifest.pages.includes(`/reports/${NEW.slug}/`), 'the permalink manifest lists the new page');
  assert.ok(!existsSync(join(archive, '.archive/publish.json')), 'the journal is gone once the publication is complete');
  // And the archive is what a clean build of those sources publishes.
  assert.equal(run(archive, 'build', []).status, 0);
  assert.deepEqual(changes(now, snapshot(archive)), []);
});
