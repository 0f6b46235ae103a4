import { test, expect, type Page } from '@playwright/test';
import { createRequire } from 'node:module';
import { batches, pagesOfEachKind, sitemapPaths } from './pages.ts';

/**
 * axe (WCAG 2.2 A and AA) over every page in the sitemap, at desktop width; and at phone width over the first and
 * the largest page of each kind (report, recommendation, comparison, theme, data view, …), whose layouts are what
 * change with the width. Pages are checked in runs of 12 on one browser page, with axe loaded as each page loads
 * (as @axe-core/playwright's legacy mode would inject it afterwards, but without evaluating its 600 KB again
 * and opening a second page to finish each run), so 768 pages cost 64 tests, not 1,536.
 */
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const PER_TEST = 12;

interface AxeResults {
  violations: Array<{ id: string; help: string; nodes: Array<{ target: string[] }> }>;
}

async function violations(page: Page, path: string): Promise<string[]> {
  await page.goto(path);
  const results = await page.evaluate(
    (tags) => (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } }).axe.run(document, { runOnly: { type: 'tag', values: tags } }),
    TAGS,
  );
  return results.violations.map((v) => `${path} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`);
}

async function check(page: Page, run: string[]) {
  // axe walks every node: the longest reports (250 paragraphs, each with its tools) take 20 s on a busy machine.
  test.setTimeout(run.length * 60_000);
  await page.addInitScript({ path: AXE });
  const found: string[] = [];
  for (const path of run) found.push(...(await violations(page, path)));
  expect(found).toEqual([]);
}

const all = sitemapPaths();
const desktopRuns = batches(all, PER_TEST);
const phoneRuns = batches(pagesOfEachKind(all), PER_TEST);

for (const [k, run] of desktopRuns.entries()) {
  test(`axe finds no WCAG 2.2 A/AA violations on pages ${k * PER_TEST + 1}–${k * PER_TEST + run.length} of ${all.length} (${run[0]} …)`, async ({ page, isMobile }) => {
    test.skip(isMobile, 'every page at desktop width; the phone project checks each kind of page');
    await check(page, run);
  });
}

for (const [k, run] of phoneRuns.entries()) {
  test(`axe finds no WCAG 2.2 A/AA violations at phone width on each kind of page, run ${k + 1} of ${phoneRuns.length} (${run[0]} …)`, async ({ page, isMobile }) => {
    test.skip(!isMobile, 'the phone layouts: every page is checked at desktop width');
    await check(page, run);
  });
}
