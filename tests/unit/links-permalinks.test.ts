/**
 * The rules that keep published links working (src/lib/permalinks/), on small made-up sites: what counts
 * as published, what would disappear, which redirects are refused, and the pages and files redirects produce.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { collectPublished, disappearingUrls, mergeManifests, unlistedUrls, type PermalinkManifest } from '../../src/lib/permalinks/manifest.ts';
import { anchorMoves, readRedirects, redirectPage, redirectProblems, redirectsFile } from '../../src/lib/permalinks/redirects.ts';

const work = mkdtempSync(join(tmpdir(), 'permalinks-'));
after(() => rmSync(work, { recursive: true, force: true }));

function site(name: string, files: Record<string, string>): string {
  const dir = join(work, name);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

const REPORT = '/reports/x-2020-01-01-inspection/';
const published: PermalinkManifest = {
  pages: ['/', REPORT, '/reports/y-2021-01-01-inspection/'],
  files: ['/data/documents.csv'],
  anchors: { [REPORT]: ['para-1', 'para-2', 'rec-1', 'ap-1'], '/reports/y-2021-01-01-inspection/': ['para-1', 'para-7'] },
};

test('published: every page and file, and the para/rec/ap anchors of report pages only', () => {
  const dir = site('published', {
    'index.html': '<p id="para-1">not a report page</p>',
    'reports/x-2020-01-01-inspection/index.html': '<div class="para" id="para-1"></div><li id="rec-1"></li><div id="ap-2"></div><h2 id="findings"></h2><p>id="para-9" as text</p>',
    'reports/x-2020-01-01-inspection/recommendations/1/index.html': '<div id="para-1"></div>',
    'data/documents.csv': 'a,b',
    '_astro/app.1234.js': '',
    'search-index/meta.json': '',
    '_headers': '',
    '_redirects': '',
    '404.html': '',
    'reports/old/index.html': redirectPage(REPORT, `https://example.org${REPORT}`),
  });
  assert.deepEqual(collectPublished(dir), {
    pages: ['/', REPORT, `${REPORT}recommendations/1/`],
    files: ['/data/documents.csv'],
    anchors: { [REPORT]: ['para-1', 'rec-1', 'ap-2'] },
  });
});

test('nothing disappears while every listed URL is published', () => {
  assert.deepEqual(disappearingUrls(published, published, []), []);
});

test('a vanished page, file or anchor is named', () => {
  const smaller: PermalinkManifest = { pages: ['/', REPORT], files: [], anchors: { [REPORT]: ['para-1', 'rec-1', 'ap-1'] } };
  assert.deepEqual(disappearingUrls(published, smaller, []), [
    '/reports/y-2021-01-01-inspection/',
    '/data/documents.csv',
    `${REPORT}#para-2`,
    '/reports/y-2021-01-01-inspection/#para-1',
    '/reports/y-2021-01-01-inspection/#para-7',
  ]);
});

test('a redirected page keeps the anchors its new page has; the others need their own redirects', () => {
  const moved: PermalinkManifest = { pages: ['/', REPORT], files: ['/data/documents.csv'], anchors: { [REPORT]: ['para-1', 'para-2', 'rec-1', 'ap-1'] } };
  const redirects = [{ from: '/reports/y-2021-01-01-inspection/', to: REPORT }];
  assert.deepEqual(disappearingUrls(published, moved, redirects), [
    `/reports/y-2021-01-01-inspection/#para-7 (the page moves to ${REPORT}, which has no #para-7)`,
  ]);
  assert.deepEqual(disappearingUrls(published, moved, [...redirects, { from: '/reports/y-2021-01-01-inspection/#para-7', to: `${REPORT}#para-2` }]), []);
});

test('redirects must lead, in one step, to something published, from something no longer published', () => {
  assert.deepEqual(redirectProblems([{ from: '/old/', to: REPORT }], published), []);
  const problems = redirectProblems(
    [
      { from: '/', to: REPORT },
      { from: '/gone/', to: '/never-published/' },
      { from: '/a/', to: '/gone/' },
      { from: '/b/', to: REPORT },
      { from: '/b/', to: REPORT },
    ],
    published,
  );
  assert.equal(problems.length, 5, problems.join('\n'));
  assert.match(problems[0]!, /^\/ is redirected but the build still publishes it/);
  assert.match(problems[1]!, /^\/gone\/ is redirected to \/never-published\/, which the build does not publish/);
  assert.match(problems[2]!, /^\/a\/ is redirected to \/gone\/, which the build does not publish/);
  assert.match(problems[3]!, /^\/b\/ is redirected twice/);
  assert.match(problems[4]!, /^\/a\/ is redirected to \/gone\/, which is itself redirected/);
});

test('an anchor redirect of a moved page follows the page, and may not land on an anchor the new page has', () => {
  const redirects = [
    { from: '/old/', to: REPORT },
    { from: '/old/#para-40', to: `${REPORT}#para-2` },
  ];
  assert.deepEqual(anchorMoves(redirects), { [`${REPORT}#para-40`]: `${REPORT}#para-2`, '/old/#para-40': `${REPORT}#para-2` });
  assert.deepEqual(redirectProblems(redirects, published), []);
  const clash = redirectProblems([{ from: '/old/', to: REPORT }, { from: '/old/#para-1', to: `${REPORT}#para-2` }], published);
  assert.equal(clash.length, 1);
  assert.match(clash[0]!, /^\/old\/#para-1 is redirected to .*#para-2, but its page now leads to .*#para-1, which exists/);
});

test('redirects.json is refused, with the expected shape, when an entry is malformed', () => {
  const file = join(work, 'redirects.json');
  writeFileSync(file, JSON.stringify([{ from: 'old', to: '/new/' }]));
  assert.throws(() => readRedirects(file), /redirects\.json: \[0\.from\] .*Each entry is \{ "from": "\/old\/", "to": "\/new\/" \}/);
  writeFileSync(file, JSON.stringify([{ from: '/old/#para-1', to: '/new/' }]));
  assert.throws(() => readRedirects(file), /\[0\] a page redirects to a page, an anchor to an anchor/);
});

test('a redirect page is valid HTML that forwards by meta refresh and by its script, with the target escaped', async () => {
  const html = redirectPage('/reports/new/?a=1&b="2"', 'https://example.org/reports/new/');
  assert.match(html, /<meta http-equiv="refresh" content="0; url=\/reports\/new\/\?a=1&amp;b=&quot;2&quot;">/);
  assert.match(html, /<link rel="canonical" href="https:\/\/example\.org\/reports\/new\/">/);
  assert.match(html, /<script src="\/_permalinks\/redirect\.js"><\/script>/);
  const report = await new HtmlValidate(new FileSystemConfigLoader()).validateString(redirectPage('/reports/new/', 'https://example.org/reports/new/'), 'redirect.html');
  assert.deepEqual(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`)), []);
});

test('_redirects lists moved pages and files with 301; anchors never reach a server', () => {
  assert.equal(
    redirectsFile([{ from: '/old/', to: '/new/' }, { from: '/old/#para-1', to: '/new/#para-2' }, { from: '/data/old.csv', to: '/data/new.csv' }]),
    '# Generated from content/redirects.json by src/integrations/permalinks.ts.\n/old/ /new/ 301\n/data/old.csv /data/new.csv 301\n',
  );
});

test('the list only grows: merging keeps every URL ever listed, and reports what is not yet listed', () => {
  const before: PermalinkManifest = { pages: ['/gone/'], files: [], anchors: { [REPORT]: ['para-9'] } };
  const merged = mergeManifests(before, published);
  assert.deepEqual(merged.pages, ['/gone/', ...published.pages]);
  assert.deepEqual(merged.anchors[REPORT], ['para-9', 'para-1', 'para-2', 'rec-1', 'ap-1']);
  assert.deepEqual(unlistedUrls(merged, published), []);
  assert.deepEqual(unlistedUrls(before, published).slice(0, 2), ['/', REPORT]);
});
