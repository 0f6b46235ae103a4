import { test, expect } from '@playwright/test';
import { sitemapPaths } from './pages.ts';

/**
 * Authority pages say where the council is and what kind it is, lead to its page on Ofsted's website, and list its
 * statistical neighbours with their latest overall grade in words (content/reference/local-authorities.csv).
 */
const authorityPages = sitemapPaths().filter((path) => /^\/authorities\/[a-z0-9-]+\/$/.test(path));

test('every authority page shows its region, type, Ofsted page and similar authorities, crediting the data', async ({ page, isMobile }) => {
  test.skip(isMobile, 'the same facts at every width: checked once; the phone layout is checked on one page below');
  test.setTimeout(120_000);
  expect(authorityPages.length).toBe(21);
  for (const path of authorityPages) {
    await page.goto(path);
    const name = (await page.locator('h1').textContent())!.trim();
    const facts = page.locator('dl.meta');
    await expect(facts.locator('dt', { hasText: 'Region' }).locator('xpath=following-sibling::dd[1]'), path).toHaveText(/\S/);
    await expect(facts.locator('dt', { hasText: 'Type' }).locator('xpath=following-sibling::dd[1]'), path).toHaveText(/^(County|Unitary Authority|Metropolitan District|London Borough)$/);
    await expect(page.getByRole('link', { name: `Ofsted’s page for ${name}` }), path).toHaveAttribute('href', /^https:\/\/reports\.ofsted\.gov\.uk\/provider\/44\/\d+$/);
    await expect(page.locator('.neighbour-list > li'), path).toHaveCount(10);
    await expect(page.getByText(/Open Government Licence v3\.0, via the data-to-insight/), path).toBeVisible();
  }
});

test('South Gloucestershire: a South West unitary authority whose neighbours link to the archive with their latest grade in words', async ({ page }) => {
  await page.goto('/authorities/south-gloucestershire/');
  await expect(page.locator('dl.meta')).toContainText('South West');
  await expect(page.locator('dl.meta')).toContainText('Unitary Authority');
  await expect(page.getByRole('link', { name: 'Ofsted’s page for South Gloucestershire', exact: false })).toHaveAttribute('href', 'https://reports.ofsted.gov.uk/provider/44/80556');
  const neighbours = page.locator('.neighbour-list > li');
  // The DfE's order, most similar first; Gloucestershire is in the archive, with its 2022 grade, West Sussex is not.
  await expect(neighbours.first()).toContainText('Leicestershire');
  const gloucestershire = neighbours.filter({ has: page.getByRole('link', { name: 'Gloucestershire', exact: true }) });
  await expect(gloucestershire.getByRole('link', { name: 'Gloucestershire', exact: true })).toHaveAttribute('href', '/authorities/gloucestershire/');
  await expect(gloucestershire).toContainText(/Latest overall: \W*Requires improvement to be good \(published 1 April 2022\)/);
  const westSussex = neighbours.filter({ hasText: 'West Sussex' });
  await expect(westSussex).toContainText('Not in the archive yet');
  await expect(westSussex.getByRole('link')).toHaveCount(0);
  const box = await neighbours.first().boundingBox();
  expect(box!.x + box!.width).toBeLessThanOrEqual(page.viewportSize()!.width);
});
