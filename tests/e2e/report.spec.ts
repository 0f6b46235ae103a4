import { test, expect } from '@playwright/test';

// The Gloucestershire 2022 inspection: paragraphs 1–56, five "What needs to improve" items, three areas and the
// overall judgement all "Requires improvement to be good".
const REPORT = '/reports/gloucestershire-2022-04-01-inspection/';

test('a report page shows what the document is, its grades in words and every numbered paragraph', async ({ page }) => {
  await page.goto(REPORT);
  await expect(page.locator('h1')).toHaveCount(1);
  await expect(page.locator('h1')).toContainText('Gloucestershire');
  await expect(page.locator('.meta')).toContainText('7 February 2022 to 18 February 2022');
  await expect(page.locator('.meta')).toContainText('Andrew Waugh');
  const judgements = page.locator('table.judgements tbody tr');
  await expect(judgements).toHaveCount(4);
  await expect(judgements.filter({ hasText: 'Overall effectiveness' })).toContainText('Requires improvement to be good');
  for (const n of [1, 29, 36, 56]) await expect(page.locator(`#para-${n}`)).toBeVisible();
  await expect(page.locator('#para-57')).toHaveCount(0);
  await expect(page.locator('#para-29')).toContainText('children understand why they are in care');
  for (const n of [1, 5]) await expect(page.locator(`#rec-${n}`)).toBeVisible();
  await expect(page.locator('#rec-2')).toContainText('accommodation for care leavers');
});

test('a ¶ link lands on its paragraph, with no JavaScript needed', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(REPORT);
  const number = page.locator('#para-41 a.para__number');
  await expect(number).toHaveAttribute('href', '#para-41');
  await expect(number).toContainText('41');
  await number.click();
  await expect(page).toHaveURL(/#para-41$/);
  await expect(page.locator('#para-41')).toBeInViewport();
  await context.close();
});

test('a pasted paragraph link opens at that paragraph', async ({ page }) => {
  await page.goto(`${REPORT}#para-36`);
  await expect(page.locator('#para-36')).toBeInViewport();
  await expect(page.locator('#para-36')).toHaveCSS('background-color', 'rgb(255, 247, 191)');
});

test('copy link puts the paragraph permalink on the clipboard', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(REPORT);
  await page.locator('#para-12').getByRole('button', { name: /Copy link/ }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}${REPORT}#para-12`);
});

test('the report reads at 320px without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  await page.goto(REPORT);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('archive-numbered paragraphs cannot be mistaken for Ofsted’s numbers', async ({ page }) => {
  await page.goto('/reports/gloucestershire-2019-09-30-monitoring-visit/');
  const first = page.locator('.para').first();
  await expect(first).toHaveAttribute('id', /^ap-\d+$/);
  await expect(first.locator('.para__number')).toContainText(/^A\d+/);
  await expect(first.locator('.para__number')).toContainText('archive numbering');
  await expect(page.locator('[id^="para-"]')).toHaveCount(0);
});

test('the print stylesheet hides navigation and keeps the text', async ({ page }) => {
  await page.goto(REPORT);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.locator('#para-1')).toBeVisible();
});
