import { test, expect } from '@playwright/test';
import { existsSync } from 'node:fs';
import { collectPublished, readManifest, unlistedUrls, MANIFEST_FILE } from '../../src/integrations/permalinks.ts';

/**
 * The build already fails if a URL listed in content/permalinks.json would disappear. This closes the other side:
 * every URL the build publishes is listed, so a new report's paragraph links are protected from the commit that
 * publishes them (`npm run permalinks:update` adds them). Reads dist/ only, so it runs once, in the desktop project.
 */
test.skip(({ isMobile }) => isMobile, 'reads dist/ only: once is enough');

test(`${MANIFEST_FILE} lists every page, file and paragraph anchor the build publishes`, () => {
  // The integration writes dist/_permalinks/ only when it checked the repository's own archive.
  test.skip(!existsSync('dist/_permalinks'), 'dist/ was built from another folder of sources, which the list does not describe');
  const manifest = readManifest();
  expect(manifest, `${MANIFEST_FILE} is missing: run npm run permalinks:update`).not.toBeNull();
  const unlisted = unlistedUrls(manifest!, collectPublished('dist'));
  expect(unlisted, 'not yet protected: run `npm run permalinks:update` and commit content/permalinks.json').toEqual([]);
});
