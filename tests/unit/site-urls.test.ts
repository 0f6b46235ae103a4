/**
 * URLs are permanent, so they are built in one place (src/lib/site/urls.ts for pages, src/lib/exports/urls.ts for
 * data files and feeds): a layout, component, route or browser script that writes a site path by hand would go stale
 * the day that place changes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { authoritiesUrl, authorityUrl, homeUrl, nationalPageUrl, searchUrl, themesUrl, themeUrl } from '../../src/lib/site/urls.ts';

const FOLDERS = ['src/components', 'src/layouts', 'src/pages', 'src/client'];
/** A site path in an attribute or a string: href="/…", action="/…", '/themes/', `/search/…`. */
const HAND_WRITTEN = /(?:href|action)=["'`]\/|["'`]\/(?:authorities|reports|themes|search|data|national|glossary|feeds|sources|offline)\b/;
/** Files the site serves as they are (public/), not pages. */
const STATIC_FILES = /["'`]\/favicon\.svg["'`]/;

const files = (folder: string) =>
  readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(astro|ts)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));

test('no layout, component, route or browser script writes a site URL by hand', () => {
  const found = FOLDERS.flatMap(files).flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .map((line, i) => ({ line: line.replace(STATIC_FILES, ''), where: `${file}:${i + 1}` }))
      .filter(({ line }) => HAND_WRITTEN.test(line) && !/^\s*(\*|\/\/)/.test(line))
      .map(({ line, where }) => `${where}: ${line.trim()}`),
  );
  assert.deepEqual(found, [], 'build these with src/lib/site/urls.ts or src/lib/exports/urls.ts');
});

test('section URLs and the pages under them share one root', () => {
  assert.equal(homeUrl, '/');
  assert.ok(authorityUrl('gloucestershire').startsWith(authoritiesUrl));
  assert.ok(themeUrl('pathway-plans').startsWith(themesUrl));
  assert.equal(nationalPageUrl, '/national/');
  assert.equal(searchUrl(), '/search/');
});
