import { test, expect } from '@playwright/test';
import { sitemapPaths } from './pages.ts';

/**
 * Every document links to its original (issue 16): the archive's copy of the published PDF, the publisher's
 * address, or Ofsted's page for the authority, labelled as such; never "Not recorded". Checked on every report page
 * of the sitemap and in the documents export. The links and files do not depend on the viewport: desktop only.
 */
test.skip(({ isMobile }) => isMobile, 'the same links at every width: checked once');

const reportPages = sitemapPaths().filter((path) => /^\/reports\/[a-z0-9-]+\/$/.test(path));
const PROVIDER_PAGE = /^https:\/\/reports\.ofsted\.gov\.uk\/provider\/44\/\d+$/;

test('the archive has a report page for every document', () => {
  expect(reportPages.length).toBeGreaterThanOrEqual(60);
});

test('every report page links to its original, and every archived original it offers is served as a PDF', async ({ page, request }) => {
  test.setTimeout(180_000);
  const served = new Set<string>();
  for (const path of reportPages) {
    await page.goto(path);
    const original = page.locator('dl.meta dt', { hasText: /^Original$/ }).locator('xpath=following-sibling::dd[1]');
    await expect(original, path).not.toContainText(/not recorded/i);
    const links = await original.locator('a[data-original]').evaluateAll((anchors) =>
      anchors.map((a) => ({ kind: a.getAttribute('data-original'), href: a.getAttribute('href')!, text: a.textContent!.trim() })),
    );
    expect(links.length, `${path} links no original`).toBeGreaterThan(0);
    for (const link of links) {
      if (link.kind === 'archive-copy') {
        expect(link.text, path).toMatch(/^The original PDF, as .+ published it \(the archive’s copy\)$/);
        served.add(link.href);
      } else if (link.kind === 'ofsted-provider-page') {
        const authority = (await page.locator('.lede a').first().textContent())!.trim();
        expect(link.text, path).toBe(`Ofsted’s page for ${authority}, which lists this report`);
        expect(link.href, path).toMatch(PROVIDER_PAGE);
      } else {
        expect(link.kind, path).toBe('publisher');
        expect(link.href, path).toMatch(/^https:\/\//);
      }
    }
  }
  for (const href of served) {
    const response = await request.get(href);
    expect(response.status(), href).toBe(200);
    expect(response.headers()['content-type'], href).toBe('application/pdf');
    expect((await response.body()).subarray(0, 5).toString('latin1'), href).toBe('%PDF-');
  }
});

test("the seeds converted from Ofsted's PDFs offer that PDF first", async ({ page }) => {
  for (const slug of ['gloucestershire-2022-04-01-inspection', 'south-gloucestershire-2017-02-13-inspection', 'south-gloucestershire-2019-05-08-inspection']) {
    await page.goto(`/reports/${slug}/`);
    await expect(page.locator('a[data-original]').first()).toHaveAttribute('href', `/sources/originals/${slug}.pdf`);
  }
  await page.goto('/reports/gloucestershire-2019-09-30-monitoring-visit/');
  const provider = page.getByRole('link', { name: 'Ofsted’s page for Gloucestershire, which lists this report' });
  await expect(provider).toHaveAttribute('href', 'https://reports.ofsted.gov.uk/provider/44/80470');
});

test('every row of the documents export has a way to its original, and the archived copies it names are served', async ({ request }) => {
  const rows: Array<Record<string, string | null>> = await (await request.get('/data/documents.json')).json();
  expect(rows.length).toBe(reportPages.length);
  for (const row of rows) {
    expect(row.original_url ?? row.original_copy_url ?? row.ofsted_page_url, row.slug!).toBeTruthy();
    expect(row.ofsted_page_url, row.slug!).toMatch(PROVIDER_PAGE);
    if (row.original_copy_url) {
      const response = await request.get(new URL(row.original_copy_url).pathname);
      expect(response.status(), row.original_copy_url).toBe(200);
    }
  }
  const csv = (await (await request.get('/data/documents.csv')).text()).split('\r\n')[0]!;
  expect(csv.split(',')).toEqual(expect.arrayContaining(['original_url', 'original_copy_url', 'ofsted_page_url']));
});
