import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isPreviewSite, PREVIEW_ADDRESS, siteAddress } from '../../src/lib/site/address.ts';

test('unset or empty, the address is the one `npm start` serves, and it counts as a preview', () => {
  for (const env of [{}, { ARCHIVE_SITE_URL: '' }, { ARCHIVE_SITE_URL: '  ' }]) {
    const url = siteAddress(env);
    assert.equal(url.href, PREVIEW_ADDRESS);
    assert.equal(isPreviewSite(url), true);
  }
  assert.equal(PREVIEW_ADDRESS, 'http://127.0.0.1:4321/');
});

test('a public address is used as given and is not a preview', () => {
  const url = siteAddress({ ARCHIVE_SITE_URL: 'https://archive.council-data.uk' });
  assert.equal(url.href, 'https://archive.council-data.uk/');
  assert.equal(isPreviewSite(url), false);
  assert.equal(isPreviewSite(siteAddress({ ARCHIVE_SITE_URL: 'http://localhost:8080/' })), true);
});

test('an address that could not serve the archive stops the build, naming the variable and the value', () => {
  const cases: Array<[string, RegExp]> = [
    ['https://ofsted-archive.example.org', /reserved example domain/],
    ['https://archive.test', /reserved example domain/],
    ['ofsted-archive', /is not a URL/],
    ['ftp://archive.council-data.uk', /uses ftp:/],
    ['https://archive.council-data.uk/archive/', /origin only/],
    ['https://archive.council-data.uk/?x=1', /origin only/],
  ];
  for (const [value, why] of cases) {
    assert.throws(() => siteAddress({ ARCHIVE_SITE_URL: value }), (error: Error) => {
      assert.match(error.message, why);
      assert.ok(error.message.startsWith(`ARCHIVE_SITE_URL="${value}"`), error.message);
      return true;
    });
  }
});
