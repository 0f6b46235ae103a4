import { test, expect } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { batches, sitemapPaths } from './pages.ts';

/**
 * Every built page is valid HTML by html-validate's recommended rules (.htmlvalidate.json), one line per problem
 * with page, line, column, rule and element. One rule is tuned, not turned off: long-title allows 300 characters,
 * not 70. Its default is a search-engine heuristic (results cut titles at about 70 characters); our titles name the
 * whole document as Ofsted titles it, its date and the archive (the longest SIF title is about 240 characters),
 * which is what tells one report from another in tabs, bookmarks and screen readers (WCAG 2.4.2). A title past 300
 * characters is not a title any more but text a parser put there, and still fails.
 * Reads dist/ only; the viewport does not matter, so it runs once, in the desktop project.
 */
test.skip(({ isMobile }) => isMobile, 'reads dist/ only: once is enough');

// Every built page, in runs of 100 so the two workers share them (770 pages take about 90 s on one core).
const PAGES = readdirSync('dist', { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.html') && !name.startsWith('search-index/')).sort();
const PER_TEST = 100;

test('every page of the sitemap is among the pages validated', () => {
  const validated = new Set(PAGES.map((name) => `/${name.replace(/index\.html$/, '')}`));
  expect(sitemapPaths().filter((path) => !validated.has(path))).toEqual([]);
});

for (const [k, run] of batches(PAGES, PER_TEST).entries()) {
  test(`built pages ${k * PER_TEST + 1}–${k * PER_TEST + run.length} of ${PAGES.length} are valid HTML (/${run[0]} …)`, async () => {
    test.setTimeout(run.length * 3_000);
    const validator = new HtmlValidate(new FileSystemConfigLoader());
    const problems: string[] = [];
    for (const name of run) {
      const report = await validator.validateFile(join('dist', name));
      for (const message of report.results.flatMap((result) => result.messages)) {
        problems.push(`/${name}:${message.line}:${message.column} ${message.ruleId}: ${message.message} (${message.selector ?? 'document'})`);
      }
    }
    expect(problems).toEqual([]);
  });
}
