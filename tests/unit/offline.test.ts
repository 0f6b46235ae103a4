import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PRECACHE_PATTERNS, searchFileLists } from '../../src/lib/offline/build.ts';
import { assetReferences, isStoreRequest, pageKey, searchFilesUrl } from '../../src/lib/offline/policy.ts';
import { isStoredReport, offlineResultSummary } from '../../src/lib/offline/search.ts';

test('a stored page is keyed by its path: search words and paragraph anchors open the same copy', () => {
  assert.equal(pageKey('https://archive.example/reports/x/?highlight=plan#para-3'), '/reports/x/');
  assert.equal(pageKey('/reports/x/'), '/reports/x/');
});

test('the assets a page needs are its /_astro/ stylesheet and scripts, each once, and nothing else', () => {
  const html = [
    '<link rel="stylesheet" href="/_astro/BaseLayout.B7CvDopL.css">',
    '<script type="module" src="/_astro/CopyButtons.astro_astro_type_script_index_0_lang.DRruaRTF.js"></script>',
    '<script type="module" src="/_astro/CopyButtons.astro_astro_type_script_index_0_lang.DRruaRTF.js"></script>',
    '<a href="/reports/x/">a report</a> <link rel="icon" href="/favicon.svg">',
    // Report text is escaped, so a quoted asset path in it never reads as an attribute.
    '<p>href=&quot;/_astro/evil.js&quot; and /_astro/plain.css</p>',
  ].join('\n');
  assert.deepEqual(assetReferences(html), ['/_astro/BaseLayout.B7CvDopL.css', '/_astro/CopyButtons.astro_astro_type_script_index_0_lang.DRruaRTF.js']);
});

test('only a well-formed request to store pages is acted on', () => {
  assert.equal(isStoreRequest({ type: 'store', pages: [{ path: '/reports/x/', searchFiles: searchFilesUrl('/reports/x/') }] }), true);
  assert.equal(isStoreRequest({ type: 'store', pages: [{ path: 'https://elsewhere.example/' }] }), false);
  assert.equal(isStoreRequest({ type: 'store', pages: '/reports/x/' }), false);
  assert.equal(isStoreRequest({ type: 'SKIP_WAITING' }), false);
  assert.equal(isStoreRequest(null), false);
});

test("a report's search files are listed by its page, from the passage files named by its search id", () => {
  const names = ['1.json', '0.words.json', '0.json', '0.0.json', '0.1.json', '1.0.json', '1.words.json', '1.1.json'];
  const pages: Record<string, string> = { 0: '/reports/a/', 1: '/reports/b/' };
  assert.deepEqual(searchFileLists(names, (id) => pages[id]!), [
    { page: '/reports/a/', files: ['/search-index/passages/0.0.json', '/search-index/passages/0.1.json', '/search-index/passages/0.json', '/search-index/passages/0.words.json'] },
    { page: '/reports/b/', files: ['/search-index/passages/1.0.json', '/search-index/passages/1.1.json', '/search-index/passages/1.json', '/search-index/passages/1.words.json'] },
  ]);
  assert.throws(() => searchFileLists(['2.0.json'], () => '/reports/c/'), /Search files of 2: no passage index 2\.json among \/search-index\/passages\/2\.0\.json/);
});

test('the shell precaches the report index (metadata, term files, facets), not the passages or the vocabulary', () => {
  assert.ok(PRECACHE_PATTERNS.includes('search-index/meta.json'));
  assert.ok(PRECACHE_PATTERNS.includes('search-index/terms/*.json'));
  assert.ok(PRECACHE_PATTERNS.includes('search-index/facets.json'));
  assert.ok(PRECACHE_PATTERNS.includes('offline/index.html') && PRECACHE_PATTERNS.includes('search/index.html'));
  assert.equal(PRECACHE_PATTERNS.some((p) => p.includes('passages') || p.includes('postings') || p.includes('reports.json') || p.includes('vocabulary')), false);
});

test('with no signal a search keeps the reports whose passage files are stored, and says how many others match', () => {
  const stored = new Set(['/search-index/passages/2.json', '/search-index/passages/0.0.json']);
  assert.deepEqual(['0', '1', '2'].filter((id) => isStoredReport(id, stored)), ['2'], 'a report counts as stored by its passage index');
  assert.equal(
    offlineResultSummary('fostering', 1, 14),
    'No signal: passages of 1 report saved on this device match “fostering”. 13 reports not saved on this device also match: search again when you have signal.',
  );
  assert.equal(offlineResultSummary('fostering', 2, 2), 'No signal: passages of 2 reports saved on this device match “fostering”.');
  assert.match(offlineResultSummary('fostering', 0, 3), /^No signal: none of the reports saved on this device match “fostering”\. 3 reports not saved/);
  assert.match(offlineResultSummary('zzyzzx', 0, 0), /^No passages match “zzyzzx”/);
});
