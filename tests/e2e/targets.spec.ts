import { test, expect, type Page } from '@playwright/test';
import { batches, pagesOfEachKind, sitemapPaths } from './pages.ts';

/**
 * Targets a thumb can hit (GOV.UK's 44 px; WCAG 2.5.5): on each kind of page, and on the search page with results,
 * every control (text box, button, select, the summary of a disclosure) and every link of a navigation list (the
 * header's sections, a report's contents, a tracker's themes, the previous/next pager, the 404 page's), the links of
 * a report's sticky bar, a search hit's label, a paragraph's or recommendation's number (what a reader taps to
 * land on or link to it) and the links under it to a recommendation's page, is at least 44 × 44 px, on a phone (a touch screen)
 * and at 320 px (a desktop at 400 % zoom). Links in running text are exempt, as WCAG allows; breadcrumbs are spaced
 * to 24 px. A failure names the page, the element and its size.
 */
const TARGETS =
  "input:not([type='hidden'], [type='checkbox'], [type='radio']), select, button, summary, nav:not(.breadcrumbs) li > a, .pager a, .para__number, .para__notes a, .report-bar a, .search-hit__label";
/** With the search page with results and the page of an unknown address, which no sitemap lists. */
const PAGES = [...pagesOfEachKind(sitemapPaths()), '/search/?q=return+home+interviews', '/no-such-page/'];
const PER_TEST = 10;

async function smallTargets(page: Page, path: string): Promise<string[]> {
  await page.goto(path);
  // The search page fills its results in with JavaScript: its controls are what is measured.
  if (path.includes('?q=')) await expect(page.locator('.search-group').first()).toBeVisible();
  return page.locator(TARGETS).evaluateAll(
    (elements, path) =>
      elements.flatMap((element) => {
        const { width, height } = element.getBoundingClientRect();
        // Not shown (a closed disclosure's contents, a paragraph's tools until it is the target): not a target yet.
        if (width === 0 || height === 0 || getComputedStyle(element).visibility === 'hidden') return [];
        if (width >= 44 && height >= 44) return [];
        const name = (element.textContent ?? '').trim().slice(0, 40) || element.getAttribute('aria-label') || element.getAttribute('name') || '';
        return [`${path}: <${element.tagName.toLowerCase()} class="${element.className}"> "${name}" is ${Math.round(width)} × ${Math.round(height)} px`];
      }),
    path,
  );
}

test('there are pages of each kind to check', () => {
  expect(PAGES.length).toBeGreaterThan(10);
});

for (const [width, label] of [
  [0, 'on a phone'],
  [320, 'at 320 px'],
] as const) {
  for (const [k, run] of batches(PAGES, PER_TEST).entries()) {
    test(`every control and navigation link is at least 44 × 44 px ${label}, run ${k + 1} (${run[0]} …)`, async ({ page, isMobile }) => {
      test.skip(width === 0 ? !isMobile : isMobile, width === 0 ? 'the phone project' : 'a narrow desktop window, in the desktop project');
      test.setTimeout(run.length * 20_000);
      if (width) await page.setViewportSize({ width, height: 800 });
      const found: string[] = [];
      for (const path of run) found.push(...(await smallTargets(page, path)));
      expect(found).toEqual([]);
    });
  }
}

/**
 * The search's filter checkboxes: each value's row is its checkbox's target, at least 44 px tall and the width of its
 * column, so a tap anywhere on the row (the box, its name, its count or the space between) reaches that checkbox.
 */
for (const [width, label] of [
  [0, 'on a phone'],
  [320, 'at 320 px'],
] as const) {
  test(`every search filter’s row is a 44 px target for its checkbox ${label}`, async ({ page, isMobile }) => {
    test.skip(width === 0 ? !isMobile : isMobile, width === 0 ? 'the phone project' : 'a narrow desktop window, in the desktop project');
    if (width) await page.setViewportSize({ width, height: 800 });
    await page.goto('/search/?q=return+home+interviews');
    await page.getByText('Filter results').click();
    await expect(page.locator('.search-facet__option input').first()).toBeVisible();
    const missed = await page.locator('.search-facet__option:visible').evaluateAll((rows) =>
      rows.flatMap((row) => {
        const box = row.querySelector('input')!;
        const { left, right, top, bottom, height } = row.getBoundingClientRect();
        const column = row.closest('fieldset')!.getBoundingClientRect();
        const name = row.textContent!.trim();
        const problems: string[] = [];
        if (height < 44) problems.push(`"${name}" is ${Math.round(height)} px tall`);
        if (right - left < column.width - 1) problems.push(`"${name}" is narrower than its column`);
        // Where a tap lands: the checkbox itself, or a label of it.
        for (const [x, y] of [[left + 1, top + 1], [left + 1, bottom - 1], [right - 1, top + height / 2], [(left + right) / 2, bottom - 1]] as const) {
          row.scrollIntoView({ block: 'center' });
          const shift = row.getBoundingClientRect().top - top;
          const hit = document.elementFromPoint(x, y + shift);
          if (hit !== box && hit?.closest('label')?.control !== box) problems.push(`"${name}": a tap at (${Math.round(x - left)}, ${Math.round(y - top)}) misses its checkbox`);
        }
        return problems;
      }),
    );
    expect(missed).toEqual([]);
    // And a tap on the far end of a row ticks its box.
    const row = page.locator('.search-facet__option:visible').first();
    const size = (await row.boundingBox())!;
    await row.click({ position: { x: size.width - 2, y: size.height - 2 } });
    await expect(row.locator('input')).toBeChecked();
  });
}

test('a report’s contents keep each paragraph range on one line, never broken at its dash', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  await page.goto('/reports/gloucestershire-2022-04-01-inspection/');
  const ranges = page.locator('.toc .toc__range');
  await expect(ranges.first()).toHaveText(/^¶ \d+–\d+$/);
  const lines = await ranges.evaluateAll((spans) => spans.map((span) => `${span.textContent}: ${span.getClientRects().length} line(s)`));
  expect(lines.length).toBeGreaterThan(2);
  for (const line of lines) expect(line).toMatch(/: 1 line\(s\)$/);
});
