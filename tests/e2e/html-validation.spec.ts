import { test, expect } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';

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

test('every built page is valid HTML', async () => {
  test.setTimeout(240_000); // validates every page: about 20 s of CPU, much longer on a shared machine
  const validator = new HtmlValidate(new FileSystemConfigLoader());
  const pages = readdirSync('dist', { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.html') && !name.startsWith('pagefind/'));
  expect(pages.length).toBeGreaterThan(50);
  const problems: string[] = [];
  for (const name of pages) {
    const report = await validator.validateFile(join('dist', name));
    for (const message of report.results.flatMap((result) => result.messages)) {
      problems.push(`/${name}:${message.line}:${message.column} ${message.ruleId}: ${message.message} (${message.selector ?? 'document'})`);
    }
  }
  expect(problems).toEqual([]);
});
