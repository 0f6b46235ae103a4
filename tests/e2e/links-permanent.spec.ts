import { test, expect } from '@playwright/test';
import { existsSync } from 'node:fs';
import { collectPublished, readManifest, unlistedUrls, MANIFEST_FILE } from '../../src/lib/permalinks/manifest.ts';
import { readRedirects } from '../../src/lib/permalinks/redirects.ts';

/**
 * The build already fails if a URL listed in content/permalinks.json would disappear. This closes the other side:
 * every URL the build publishes is listed, so a new report's paragraph links are protected from the commit that
 * publishes them (`npm run permalinks:update` adds them). Reads dist/ only, so it runs once, in the desktop project.
 * And a link to an anchor that has moved still arrives, on a phone too.
 */
test(`${MANIFEST_FILE} lists every page, file and paragraph anchor the build publishes`, ({ isMobile }) => {
  test.skip(isMobile, 'reads dist/ only: once is enough');
  // The integration writes dist/_permalinks/anchors.json only when it checked the repository's own archive.
  test.skip(!existsSync('dist/_permalinks/anchors.json'), 'dist/ was built from another folder of sources, which the list does not describe');
  const manifest = readManifest();
  expect(manifest, `${MANIFEST_FILE} is missing: run npm run permalinks:update`).not.toBeNull();
  const unlisted = unlistedUrls(manifest!, collectPublished('dist'));
  expect(unlisted, 'not yet protected: run `npm run permalinks:update` and commit content/permalinks.json').toEqual([]);
});

test('a pasted link to a moved anchor lands where content/redirects.json sends it', async ({ page }) => {
  test.skip(!existsSync('dist/_permalinks/anchors.json'), 'dist/ was built from another folder of sources: no redirects applied');
  const moved = readRedirects().find((redirect) => redirect.from.includes('#'));
  test.skip(!moved, 'content/redirects.json moves no anchor');
  await page.goto(moved!.from);
  await expect(page).toHaveURL(new RegExp(`${moved!.to.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  await expect(page.locator(`[id="${moved!.to.split('#')[1]}"]`)).toBeAttached();
});
