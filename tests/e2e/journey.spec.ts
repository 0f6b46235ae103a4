import { test, expect } from '@playwright/test';

// A councillor's question, followed on a phone: "Ofsted told South Gloucestershire to fix return home interviews
// in 2016 — did they?"
test('home → authority → report → paragraph → recommendation → follow-up in a later document', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/');
  await page.getByRole('link', { name: 'South Gloucestershire', exact: true }).first().click();
  await expect(page.locator('h1')).toHaveText('South Gloucestershire');
  await expect(page.locator('.panel').first()).toContainText('Latest overall judgement');

  // The 2016 inspection (published 13 February 2017), from the authority's document list.
  await page.locator('.documents a[href="/reports/south-gloucestershire-2017-02-13-inspection/"]').click();
  await expect(page.locator('h1')).toContainText('Inspection of services for children in need of help and protection');

  // Paragraph 39 is about return home interviews; its number is a link to itself.
  const paragraph = page.locator('#para-39');
  await expect(paragraph).toContainText('return home interviews');
  await paragraph.locator('a.para__number').click();
  await expect(page).toHaveURL(/#para-39$/);

  // Recommendation 6 asks for timelier return home interviews; its page shows evidence and what happened next.
  await page.goto('/reports/south-gloucestershire-2017-02-13-inspection/#rec-6');
  await expect(page.locator('#rec-6')).toContainText('return home interviews');
  await page.locator('#rec-6').getByRole('link', { name: /Evidence and what happened next/ }).click();
  await expect(page.locator('h1')).toContainText('Recommendation 6');
  await expect(page.locator('#evidence ~ ol a[href*="#para-39"]')).toHaveCount(1);
  await expect(page.locator('#what-happened-next + p')).toContainText(/2019/);

  // The 2019 inspection's verdict quotes its sentence, and the quote's link lands on the passage that says it.
  const followUp = page.locator('#what-happened-next ~ ol').first().locator('.finding a[href*="#"]').first();
  const href = (await followUp.getAttribute('href'))!;
  expect(href).toMatch(/^\/reports\/south-gloucestershire-2019-05-08-inspection\/#(para|rec|ap)-/);
  await followUp.click();
  const target = page.locator(`[id="${href.split('#')[1]}"]`);
  await expect(target).toBeInViewport();
  await expect(target).toContainText(/missing|return home/i);
});

test('a marked paragraph links back to the recommendation it supports', async ({ page }) => {
  await page.goto('/reports/south-gloucestershire-2017-02-13-inspection/');
  const paragraph = page.locator('#para-39');
  await expect(paragraph.locator('.marker')).toContainText('(Recommendation)');
  await paragraph.getByRole('link', { name: 'recommendation 6', exact: true }).click();
  await expect(page).toHaveURL(/\/recommendations\/6\/$/);
});

test('the authority page lines judgements up across frameworks, in words and shape', async ({ page }) => {
  await page.goto('/authorities/south-gloucestershire/');
  const history = page.locator('table.history__table');
  const row = (name: RegExp) => history.locator('tbody tr').filter({ has: page.locator('th', { hasText: name }) });
  await expect(row(/Overall effectiveness/)).toContainText('Inadequate');
  await expect(row(/Overall effectiveness/)).toContainText('Requires improvement to be good');
  await expect(row(/Overall effectiveness/)).toContainText('↑ improved');
  await expect(row(/help and protection/)).toContainText('↑ improved');
  await expect(row(/Children in care/)).toContainText('Requires improvement');
  await page.getByRole('link', { name: /13 February 2017 with 8 May 2019/ }).click();
  await expect(page.locator('h1')).toContainText('compared with');
  await expect(page.locator('table.history__table tbody tr')).not.toHaveCount(0);
});

test('a theme page lists recommendations across authorities, newest first', async ({ page }) => {
  await page.goto('/themes/');
  await page.locator('a[href^="/themes/missing"]').first().click();
  const items = page.locator('#recommendations + ol > li');
  await expect(items.first()).toBeVisible();
  const dates = await items.locator('a').allTextContents();
  const years = dates.map((d) => Number(d.match(/(\d{4}):/)?.[1]));
  expect(years).toEqual([...years].sort((a, b) => b - a));
});
