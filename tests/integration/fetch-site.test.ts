/**
 * `npm run fetch` end to end against a stand-in for Ofsted's website on 127.0.0.1 (tests/helpers/ofsted-site.ts),
 * run as a maintainer runs it, into a temporary copy of a small sources folder. Each test asserts what the
 * maintainer sees (the table's rows, the message) and what the sources folder holds afterwards: whole documents
 * with their sidecars, and nothing half-written.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMockSite, type Behaviour, type MockProvider, type MockPublication, type MockSiteOptions } from '../helpers/ofsted-site.ts';

const SOURCES = 'content/sources';
const pdf = (name: string) => join(SOURCES, `${name}.pdf`);
const HELD = ['newham-2019-03-25-inspection', 'cheshire-west-and-chester-2019-05-08-inspection'];

function sourcesFolder(): { root: string; sources: string; cache: string } {
  const root = mkdtempSync(join(tmpdir(), 'fetch-'));
  const sources = join(root, 'sources');
  mkdirSync(sources);
  for (const name of HELD) {
    copyFileSync(pdf(name), join(sources, `${name}.pdf`));
    copyFileSync(join(SOURCES, `${name}.json`), join(sources, `${name}.json`));
  }
  return { root, sources, cache: join(root, 'cache') };
}

function run(args: string[], { sources, cache }: { sources: string; cache: string }, site: string) {
  const child = spawn(
    process.execPath,
    ['scripts/fetch.ts', '--sources', sources, '--cache', cache,
      '--base-url', site, '--files-url', site, '--interval', '0', '--timeout', '1500', '--retries', '2', '--backoff', '20', '--no-build', ...args],
    // As in the scheduled refresh, where GitHub Actions names the repository the User-Agent points to.
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'example/ofsted-archive' } },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr })),
  );
  return { child, done };
}

const listing = (folder: string) => readdirSync(folder).sort();
const sidecar = (folder: string, name: string) => JSON.parse(readFileSync(join(folder, `${name}.json`), 'utf8'));
/** The table row of an outcome for a document, as printed. */
const rowOf = (output: string, outcome: string, document: string) =>
  output.split('\n').find((line) => line.startsWith(`| ${outcome} `) && line.includes(document));

async function withSite(options: MockSiteOptions, body: (site: Awaited<ReturnType<typeof startMockSite>>, folder: ReturnType<typeof sourcesFolder>) => Promise<void>) {
  const site = await startMockSite(options);
  const folder = sourcesFolder();
  try {
    await body(site, folder);
  } finally {
    await site.close();
    rmSync(folder.root, { recursive: true, force: true });
  }
}

/** A provider of the listing, with its publications. */
const provider = (urn: string, name: string, ...publications: MockPublication[]): MockProvider => ({ urn, name, publications });
/** A publication served from one of the archive's PDFs; `kind` as the listing words it. */
const publication = (id: string, date: string, file: string, { behaviour, kind = "Children's services inspection" }: { behaviour?: Behaviour; kind?: string } = {}): MockPublication =>
  ({ id, kind, date, pdf: pdf(file), ...(behaviour ? { behaviour } : {}) });
/** The sources folder after a run that filed these documents: the held ones and these, each PDF with its sidecar. */
const filed = (...names: string[]) => [...HELD, ...names].flatMap((n) => [`${n}.json`, `${n}.pdf`]).sort();

const NEWHAM = provider('80511', 'Newham', publication('50071234', '25 March 2019', 'newham-2019-03-25-inspection'));

test('new documents are downloaded, checked and filed with their sidecars; a held one is recognised by its SHA-256', async () => {
  const providers: MockProvider[] = [
    NEWHAM,
    provider('80584', 'Worcestershire',
      publication('50100001', '2 March 2020', 'swindon-2019-08-12-inspection', { kind: 'Area SEND inspection' }),
      publication('50100002', '1 May 2020', 'swindon-2019-08-12-inspection', { kind: 'Annual conversation summary' }),
      publication('50100003', '29 July 2019', 'worcestershire-2019-07-29-inspection')),
    provider('80568', 'Swindon', publication('50100004', '12 August 2019', 'swindon-2019-08-12-inspection', { behaviour: 'error-then-ok' })),
  ];
  await withSite({ providers, pageSize: 2 }, async (site, folder) => {
    const first = await run([], folder, site.url).done;
    assert.equal(first.code, 0, first.stderr);
    // The listing was read page by page: two providers, one, then an empty page.
    assert.deepEqual(site.requests.filter((r) => r.path === '/search').length, 3);
    assert.match(site.requests[0]!.userAgent, /^ofsted-childrens-services-archive\/\d+\.\d+\.\d+ \(\+https:\/\/github\.com\/example\/ofsted-archive\)$/);
    assert.ok(rowOf(first.stdout, 'new', 'worcestershire-2019-07-29-inspection.pdf'), first.stdout);
    assert.ok(rowOf(first.stdout, 'new', 'swindon-2019-08-12-inspection.pdf'), 'a 500 is retried, and the retry succeeds');
    assert.ok(rowOf(first.stdout, 'unchanged', '1 document'), first.stdout);
    assert.match(first.stdout, /2 new, 1 unchanged, 0 refused, 0 failed\./);
    assert.match(first.stdout, /Left out, as kinds of document no rule .* knows: "Annual conversation summary" \(1\)/);
    assert.doesNotMatch(first.stdout, /Area SEND/, 'a kind known not to be a children\'s services report is left out quietly');

    assert.deepEqual(sidecar(folder.sources, 'worcestershire-2019-07-29-inspection'), {
      published: '2019-07-29',
      url: 'https://files.ofsted.gov.uk/v1/file/50100003',
      urn: '80584',
      documentType: 'inspection',
    });
    assert.deepEqual(readFileSync(join(folder.sources, 'swindon-2019-08-12-inspection.pdf')), readFileSync(pdf('swindon-2019-08-12-inspection')));
    // The held Newham report now records where it came from, so the next run need not download it.
    assert.deepEqual(sidecar(folder.sources, 'newham-2019-03-25-inspection'), { published: '2019-03-25', url: 'https://files.ofsted.gov.uk/v1/file/50071234', urn: '80511' });
    assert.deepEqual(listing(folder.sources), filed('swindon-2019-08-12-inspection', 'worcestershire-2019-07-29-inspection'));

    // Run again: everything is held, by its address, and no file is downloaded.
    const filesBefore = site.requests.filter((r) => r.path.startsWith('/v1/file/')).length;
    const second = await run([], folder, site.url).done;
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stdout, /0 new, 3 unchanged, 0 refused, 0 failed\./);
    assert.equal(site.requests.filter((r) => r.path.startsWith('/v1/file/')).length, filesBefore);
  });
});

test('each failure is reported with its URL or reason, the others are still filed, and nothing half-written is left', async () => {
  const providers = [
    provider('80448', 'Cheshire West and Chester', publication('50200001', '28 August 2024', 'cheshire-west-and-chester-2024-08-28-inspection', { behaviour: 'not-found' })),
    provider('80568', 'Swindon', publication('50200002', '12 August 2019', 'swindon-2019-08-12-inspection', { behaviour: 'slow-then-ok' })),
    provider('80576', 'Warwickshire', publication('50200003', '1 February 2022', 'warwickshire-2022-02-01-inspection', { behaviour: 'html' })),
    provider('80527', 'North Lincolnshire', publication('50200004', '25 November 2022', 'north-lincolnshire-2022-11-25-inspection', { behaviour: 'truncated' })),
    provider('80584', 'Worcestershire', publication('50200005', '29 July 2019', 'worcestershire-2019-07-29-inspection', { behaviour: 'busy-then-ok' })),
  ];
  await withSite({ providers, slowMs: 4000 }, async (site, folder) => {
    const result = await run([], folder, site.url).done;
    assert.equal(result.code, 1, 'a failed download makes the run fail, after filing the rest');
    const out = result.stdout;
    assert.match(rowOf(out, 'failed', 'Cheshire West and Chester') ?? '', /HTTP 404 Not Found \(https:\/\/files\.ofsted\.gov\.uk\/v1\/file\/50200001\)/);
    assert.ok(rowOf(out, 'new', 'swindon-2019-08-12-inspection.pdf'), `a timed-out request is retried:\n${out}`);
    assert.match(result.stderr, /no complete response within 1\.5 s from http:\/\/127\.0\.0\.1:\d+\/v1\/file\/50200002; trying again/);
    assert.match(rowOf(out, 'failed', 'Warwickshire') ?? '', /a web page \(text\/html; charset=utf-8\) where a PDF was expected \(.*\/v1\/file\/50200003\)/);
    assert.match(rowOf(out, 'refused', 'North Lincolnshire') ?? '', /the PDF is truncated: it stops after \d+ bytes without its end marker/);
    assert.ok(rowOf(out, 'new', 'worcestershire-2019-07-29-inspection.pdf'), 'a 429 is retried after its Retry-After');
    assert.match(out, /2 new, 0 unchanged, 1 refused, 2 failed\./);
    assert.deepEqual(listing(folder.sources), filed('swindon-2019-08-12-inspection', 'worcestershire-2019-07-29-inspection'),
      'the refused and failed documents left nothing behind');
  });
});

test('a listing whose markup changed stops the run with what was looked for, before anything is written', async () => {
  await withSite({ providers: [NEWHAM], markup: 'renamed-links' }, async (site, folder) => {
    const before = listing(folder.sources);
    const result = await run([], folder, site.url).done;
    assert.equal(result.code, 1);
    assert.match(result.stderr, /Ofsted's website has changed: no provider links \(<a href="…\/provider\/…\/<URN>">\) on http:\/\/127\.0\.0\.1:\d+\/search\?/);
    assert.match(result.stderr, /Stopped: no document was downloaded or written\./);
    assert.deepEqual(listing(folder.sources), before);
  });
});

test('a provider page whose markup changed stops the run, naming the page and the links it lacks', async () => {
  await withSite({ providers: [NEWHAM], markup: 'renamed-publications' }, async (site, folder) => {
    const result = await run([], folder, site.url).done;
    assert.equal(result.code, 1);
    assert.match(result.stderr, /no publication links \(<a class="publication-link" href="…">\) on http:\/\/127\.0\.0\.1:\d+\/provider\/44\/80511/);
  });
});

test('--authority, --since and --dry-run: only what was asked, and a dry run writes nothing', async () => {
  const providers: MockProvider[] = [
    NEWHAM,
    provider('80584', 'Worcestershire',
      publication('50300001', '3 March 2021', 'worcestershire-2019-07-29-inspection', { kind: "Children's services focused visit" }),
      publication('50300002', '29 July 2019', 'worcestershire-2019-07-29-inspection')),
    provider('80568', 'Swindon', publication('50300003', '12 August 2019', 'swindon-2019-08-12-inspection')),
  ];
  await withSite({ providers }, async (site, folder) => {
    const before = listing(folder.sources);
    const dry = await run(['--authority', 'worcestershire', '--since', '2020-01-01', '--dry-run'], folder, site.url).done;
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /would download: Worcestershire, children's services focused visit, 2021-03-03 \(https:\/\/files\.ofsted\.gov\.uk\/v1\/file\/50300001\)/);
    assert.doesNotMatch(dry.stdout, /50300002|Swindon/);
    assert.match(dry.stdout, /Dry run: 1 to download, 0 already held\. Nothing was downloaded or written\./);
    assert.ok(!site.requests.some((r) => r.path.startsWith('/v1/file/')), 'a dry run downloads nothing');
    assert.ok(!site.requests.some((r) => r.path === '/provider/44/80568'), 'an authority not asked for is not visited');
    assert.deepEqual(listing(folder.sources), before);

    const byUrn = await run(['--authority', '80568', '--dry-run'], folder, site.url).done;
    assert.match(byUrn.stdout, /would download: Swindon/);

    const unknown = await run(['--authority', 'Bristl', '--dry-run'], folder, site.url).done;
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /--authority "Bristl": no local authority of that name or URN in the reference list/);
    const bristol = await run(['--authority', 'Bristol', '--dry-run'], folder, site.url).done;
    assert.match(bristol.stdout + bristol.stderr, /failed: Bristol, City of \(URN 80441\): not in Ofsted's listing of local authority children's services/);
  });
});

test('a run interrupted mid-download leaves the sources folder as it was, and the next run completes it', async () => {
  const providers: MockProvider[] = [
    provider('80568', 'Swindon', publication('50400001', '12 August 2019', 'swindon-2019-08-12-inspection', { behaviour: 'hang' })),
  ];
  await withSite({ providers }, async (site, folder) => {
    const before = listing(folder.sources);
    const { child, done } = run(['--timeout', '60000'], folder, site.url);
    const outcome = await Promise.race([site.requested('/v1/file/50400001').then(() => 'downloading'), done.then((r) => `exited early: ${r.stderr}`)]);
    assert.equal(outcome, 'downloading');
    child.kill('SIGKILL');
    await done;
    assert.deepEqual(listing(folder.sources), before);
    providers[0]!.publications[0]!.behaviour = 'ok';
    const again = await run([], folder, site.url).done;
    assert.equal(again.code, 0, again.stderr);
    assert.ok(rowOf(again.stdout, 'new', 'swindon-2019-08-12-inspection.pdf'));
    assert.ok(existsSync(join(folder.sources, 'swindon-2019-08-12-inspection.json')));
  });
});
