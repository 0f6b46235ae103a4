import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/**
 * What happened next, as a reader sees it on the built 60-document archive: the verdict of a later inspection
 * beside the sentence that carries it, the link to that sentence's paragraph, and the authority's tracker on a
 * phone.
 */
const RECOMMENDATION = '/reports/south-gloucestershire-2017-02-13-inspection/recommendations/11/';
const BOARD_RECOMMENDATION = '/reports/south-gloucestershire-2017-02-13-inspection/recommendations/131/';
const RESTATED = '/reports/gloucestershire-2022-04-01-inspection/recommendations/5/';
const TRACKER = '/authorities/south-gloucestershire/recommendations/';

test('a recommendation page shows the verdict, quotes the sentence, and links to its paragraph', async ({ page }) => {
  await page.goto(RECOMMENDATION);
  const finding = page.locator('.finding').first();
  await expect(finding.locator('.verdict')).toHaveText(/Improved/);
  await expect(finding.locator('blockquote')).toContainText(
    'Children in private fostering arrangements receive a swift assessment and response to their need and are well monitored.',
  );
  await expect(page.locator('.lede')).toHaveText('Improved at the inspection of 8 May 2019.');
  await finding.locator('blockquote footer a').click();
  await expect(page).toHaveURL(/\/reports\/south-gloucestershire-2019-05-08-inspection\/#para-16$/);
  await expect(page.locator('#para-16')).toContainText('swift assessment and response to their need');
  await expect(page.locator('#para-16')).toBeInViewport();
});

test('a safeguarding board recommendation is not followed into an inspection that does not review the board', async ({ page }) => {
  await page.goto(BOARD_RECOMMENDATION);
  await expect(page.locator('.lede')).toHaveText('No later document in the archive examines this matter.');
  await expect(page.locator('.finding')).toHaveCount(0);
});

test('a council report that only lists a recommendation is shown as restating it, not answering it', async ({ page }) => {
  await page.goto(RESTATED);
  const finding = page.locator('.finding').first();
  await expect(finding.locator('.verdict')).toHaveText(/Restated, no action/);
  await expect(finding.locator('blockquote')).toContainText('How well IT systems support social workers to do their jobs.');
  await expect(finding.locator('blockquote footer a')).toHaveAttribute('href', '/reports/gloucestershire-2022-06-22-council-report/#para-6-2');
});

test('the authority page links to its tracker, which lists every recommendation with each later verdict', async ({ page }) => {
  await page.goto('/authorities/south-gloucestershire/');
  await page.getByRole('link', { name: /Every recommendation South Gloucestershire was given/ }).click();
  await expect(page).toHaveURL(new RegExp(`${TRACKER}$`));
  await expect(page.locator('h1')).toHaveText(/South Gloucestershire: recommendations and what happened next/);
  // 31 recommendations of 2016/17, 13 of 2019 and 4 of 2024.
  await expect(page.locator('table.tracker tbody tr')).toHaveCount(48);
  const row = page.locator('table.tracker tbody tr', { has: page.locator('a[href$="/south-gloucestershire-2017-02-13-inspection/recommendations/11/"]') });
  await expect(row.locator('.verdict')).toHaveText(/Improved/);
  await expect(row.locator('blockquote')).toContainText('swift assessment');
});

test('the tracker never scrolls sideways on a phone', async ({ page }) => {
  for (const width of [320, 375]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto(TRACKER);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${width} px`).toBeLessThanOrEqual(0);
  }
});

for (const path of [RECOMMENDATION, RESTATED, TRACKER]) {
  test(`axe finds no WCAG 2.2 A/AA violations on ${path}`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto(path);
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`)).toEqual([]);
  });
}
