import { test } from 'node:test';
import assert from 'node:assert/strict';
import { precachePatterns, searchFileLists } from '../../src/lib/offline/build.ts';
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
  const names = ['en_b.json', 'en_a.w0.json', 'en_a.json', 'en_a.0.json', 'en_a.1.json', 'en_b.0.json', 'en_b.w0.json', 'en_b.w1.json'];
  const pages: Record<string, string> = { en_a: '/reports/a/', en_b: '/reports/b/' };
  assert.deepEqual(searchFileLists(names, (id) => pages[id]!), [
    { page: '/reports/a/', files: ['/pagefind/passages/en_a.0.json', '/pagefind/passages/en_a.1.json', '/pagefind/passages/en_a.json', '/pagefind/passages/en_a.w0.json'] },
    { page: '/reports/b/', files: ['/pagefind/passages/en_b.0.json', '/pagefind/passages/en_b.json', '/pagefind/passages/en_b.w0.json', '/pagefind/passages/en_b.w1.json'] },
  ]);
  assert.throws(() => searchFileLists(['en_c.0.json'], () => '/reports/c/'), /Search files of en_c: no passage index en_c\.json among \/pagefind\/passages\/en_c\.0\.json/);
});

test("the shell precaches Pagefind's runtime and index for the languages it has, not its fragments or passages", () => {
  const patterns = precachePatterns({ languages: { en: { hash: 'en_3cd7474465', wasm: 'en' } } });
  assert.ok(patterns.includes('pagefind/pagefind.en_3cd7474465.pf_meta'));
  assert.ok(patterns.includes('pagefind/wasm.en.pagefind'));
  assert.ok(patterns.includes('offline/index.html') && patterns.includes('search/index.html'));
  assert.equal(patterns.some((p) => p.includes('fragment') || p.includes('passages') || p.includes('unknown')), false);
});

test('with no signal a search keeps the reports whose passage files are stored, and says how many others match', () => {
  const stored = new Set(['/pagefind/passages/en_c.json', '/pagefind/passages/en_a.0.json']);
  assert.deepEqual(['en_a', 'en_b', 'en_c'].filter((id) => isStoredReport(id, stored)), ['en_c'], 'a report counts as stored by its passage index');
  assert.equal(
    offlineResultSummary('fostering', 1, 14),
    'No signal: passages of 1 report saved on this device match “fostering”. 13 reports not saved on this device also match: search again when you have signal.',
  );
  assert.equal(offlineResultSummary('fostering', 2, 2), 'No signal: passages of 2 reports saved on this device match “fostering”.');
  assert.match(offlineResultSummary('fostering', 0, 3), /^No signal: none of the reports saved on this device match “fostering”\. 3 reports not saved/);
  assert.match(offlineResultSummary('zzyzzx', 0, 0), /^No passages match “zzyzzx”/);
});
